#!/usr/bin/env bash
# Fetch the brief's map libraries and borders from the npm registry, pinned by
# scripts/map-assets/package-lock.json (integrity hashes; no install scripts run), and
# copy them into the package's ignored vendor folder (scripts/build_map_assets.py).
# Without npm the install goes on: brief.html then draws its inline SVG map and says so.
set -uo pipefail
PY="${1:?usage: install-map-assets.sh PYTHON}"
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -f "$HERE/map-assets/package-lock.json" ] || exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "map: npm not found; brief.html will use its simpler SVG map (install Node.js and rerun make install)"
  exit 0
fi
if (cd "$HERE/map-assets" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); then
  "$PY" "$HERE/build_map_assets.py"
else
  echo "map: npm ci failed; brief.html will use its simpler SVG map"
fi
