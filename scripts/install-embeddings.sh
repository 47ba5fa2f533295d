#!/usr/bin/env bash
# Install the optional `embeddings` extra: a CPU build of torch, then the rest of the
# extra by hash from requirements/embeddings.lock. The document pipeline never needs
# it; only the snippet typer does (docs/BENCHMARKS.md gives what it adds).
#
# torch is the one package not pinned by hash: PyPI's Linux wheels are CUDA builds of
# several GB, so the CPU build comes from a wheel kept on the machine (pip's
# find-links), else from the PyTorch CPU wheel index (TORCH_INDEX_URL), else, on
# macOS, from PyPI (whose macOS wheels are CPU builds). The version is exact.
# When none works the install goes on without embeddings and says so.
# CROSSWIRE_NO_EMBEDDINGS=1 skips this step.
set -uo pipefail
PY="${1:?usage: install-embeddings.sh PYTHON}"
TORCH_VERSION=2.13.0
TORCH_INDEX_URL="${TORCH_INDEX_URL:-https://download.pytorch.org/whl/cpu}"
LOCK="$(dirname "$0")/../requirements/embeddings.lock"
pip_install() { "$PY" -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: "$@"; }

if [ "${CROSSWIRE_NO_EMBEDDINGS:-0}" = 1 ]; then
  echo "embeddings: skipped (CROSSWIRE_NO_EMBEDDINGS=1)"; exit 0
fi
if "$PY" -c "import torch, sys; sys.exit(torch.__version__.split('+')[0] != '$TORCH_VERSION')" 2>/dev/null; then
  :  # already there
elif pip_install "torch==$TORCH_VERSION+cpu" 2>/dev/null; then
  echo "embeddings: torch $TORCH_VERSION+cpu from a local wheel"
elif pip_install --index-url "$TORCH_INDEX_URL" "torch==$TORCH_VERSION+cpu" 2>/dev/null; then
  echo "embeddings: torch $TORCH_VERSION+cpu from the PyTorch CPU wheel index"
elif [ "$(uname -s)" = Darwin ] && pip_install "torch==$TORCH_VERSION"; then
  echo "embeddings: torch $TORCH_VERSION (macOS build, CPU)"
else
  echo "embeddings: NOT installed (no CPU build of torch $TORCH_VERSION could be had);"
  echo "  crosswire runs fully without it; only the snippet typer loses its MiniLM signal."
  exit 0
fi
"$PY" -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$LOCK"
"$PY" -m pip check
