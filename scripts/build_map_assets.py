"""Copy the pinned map assets from npm into the package, for brief.html's offline map.

Run after `npm ci` in scripts/map-assets (package.json and package-lock.json pin
Leaflet, Leaflet.markercluster, topojson-client and world-atlas, Natural Earth's
borders as TopoJSON). The files land in src/crosswire/render/assets/vendor/,
which git ignores: the repository holds no copied library code. Without them,
brief.html falls back to its inline SVG map and says so.

    cd scripts/map-assets && npm ci --ignore-scripts && cd ../.. \
        && python scripts/build_map_assets.py
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "scripts" / "map-assets" / "node_modules"
TARGET = ROOT / "src" / "crosswire" / "render" / "assets" / "vendor"

# (package, file inside it, name in vendor/)
FILES = (
    ("leaflet", "dist/leaflet.js", "leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet.css"),
    ("leaflet", "LICENSE", "LICENSE.leaflet"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "leaflet.markercluster.js"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"),
    ("leaflet.markercluster", "MIT-LICENCE.txt", "LICENSE.leaflet.markercluster"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("topojson-client", "LICENSE", "LICENSE.topojson-client"),
    # Natural Earth 1:50m, public domain; 1:110m drops too many small states.
    ("world-atlas", "countries-50m.json", "countries-50m.json"),
    ("world-atlas", "LICENSE", "LICENSE.world-atlas"),
)


def _without_urls(css: str) -> str:
    # The map uses no images (circle markers, no layer control); an inlined page
    # must not reference files next to it, so image rules go.
    return re.sub(r"url\([^)]*\)", "none", css)


def main() -> int:
    if not MODULES.is_dir():
        print(f"no {MODULES}: run `npm ci --ignore-scripts` in scripts/map-assets first")
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    versions = {}
    for package, inner, name in FILES:
        source = MODULES / package / inner
        meta = json.loads((MODULES / package / "package.json").read_text("utf-8"))
        versions[package] = meta["version"]
        if name.endswith(".css"):
            (TARGET / name).write_text(_without_urls(source.read_text("utf-8")), "utf-8")
        else:
            shutil.copyfile(source, TARGET / name)
    (TARGET / "versions.json").write_text(json.dumps(versions, indent=1) + "\n", "utf-8")
    total = sum(f.stat().st_size for f in TARGET.iterdir()) / 1024
    print(f"map assets in {TARGET} ({total:.0f} KiB): {versions}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
