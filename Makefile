# The two commands a newcomer needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo install test lint typecheck docs bench lock clean

demo: install  ## install everything, then run crosswire on the bundled sample corpus
	$(BIN)/crosswire run --out $(OUT)

install: $(VENV)/.installed

# The install is reproducible end to end: the installer itself (pip, pinned by hash
# in requirements/installer.txt) replaces the venv's bundled pip before anything
# else, then every package comes from requirements.lock by hash, with no resolution
# (--no-deps: the lock is complete). The lock is universal (any OS, Python >= 3.11).
# torch, for the optional `embeddings` extra, is the one exception: see
# scripts/install-embeddings.sh. The map's JavaScript and borders come from npm, pinned by
# scripts/map-assets/package-lock.json (scripts/install-map-assets.sh).
$(VENV)/.installed: requirements.lock requirements/installer.txt requirements/embeddings.lock \
		pyproject.toml scripts/install-embeddings.sh scripts/install-map-assets.sh \
		$(wildcard scripts/map-assets/package-lock.json)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes \
	  -r requirements/installer.txt
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	scripts/install-embeddings.sh $(BIN)/python
	scripts/install-map-assets.sh $(BIN)/python
	$(BIN)/crosswire gazetteer  # build the place index once, at install
	touch $@

test: install  ## the whole test suite (PostgreSQL tests run when CROSSWIRE_TEST_POSTGRES is set)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: install
	$(BIN)/mypy

docs: install  ## regenerate docs/CLI.md from the CLI itself
	$(BIN)/python scripts/gen_cli_docs.py > docs/CLI.md

# Regenerate the locks after changing pyproject.toml (keeps existing pins where it can).
UV_COMPILE := $(BIN)/uv pip compile --universal --python-version 3.11 --generate-hashes
lock:
	$(UV_COMPILE) pyproject.toml requirements/build.in --extra all --extra dev \
	  -o requirements.lock
	$(UV_COMPILE) requirements/embeddings.in -c requirements.lock \
	  --find-links /opt/wheels --override requirements/torch-cpu.txt --no-emit-package torch \
	  -o requirements/embeddings.lock

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
