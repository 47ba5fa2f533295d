# The two commands a newcomer needs: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo install test lint typecheck docs bench lock clean

demo: install  ## install everything, then run crosswire on the bundled sample corpus
	$(BIN)/crosswire run --out $(OUT)

install: $(VENV)/.installed

# Every dependency is pinned by hash in requirements.lock (regenerate with `make lock`).
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
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

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	  --find-links /opt/wheels --override requirements/torch-cpu.txt -o requirements.lock

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
