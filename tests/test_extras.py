"""Optional extras: a missing one is named in a clear error, and the CLI exits 8."""

from __future__ import annotations

import importlib

import pytest
from typer.testing import CliRunner

from crosswire import extras
from crosswire.cli import EXIT_EXTRA, app
from crosswire.errors import MissingExtraError


def _hide(monkeypatch: pytest.MonkeyPatch, hidden: str) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name == hidden or name.startswith(hidden + "."):
            raise ImportError(f"No module named '{hidden}'")
        return real(name, package)

    monkeypatch.setattr(extras.importlib, "import_module", fake)


def test_missing_module_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "psycopg")
    with pytest.raises(MissingExtraError) as caught:
        extras.require("postgres", "psycopg")
    assert caught.value.extra == "postgres"
    assert "pip install 'crosswire[postgres]'" in str(caught.value)


def test_installed_extra_imports() -> None:
    assert extras.require("server", "fastapi").__name__ == "fastapi"


def test_every_extra_is_declared_in_pyproject() -> None:
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads(Path(__file__).parents[1].joinpath("pyproject.toml").read_text())
    declared = pyproject["project"]["optional-dependencies"]
    assert set(extras.EXTRAS) <= set(declared)
    assert set(declared["all"][0].split("[")[1].rstrip("]").split(",")) == {
        "server",
        "postgres",
        "dask",
    }


def test_serve_without_the_server_extra_exits_8(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "uvicorn")
    result = CliRunner().invoke(app, ["serve", "--db", ":memory:"])
    assert result.exit_code == EXIT_EXTRA
    assert "crosswire[server]" in result.output


def test_postgres_backend_without_its_extra_exits_8(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "psycopg")
    result = CliRunner().invoke(
        app, ["articles", "list", "--backend", "postgres", "--db", "dbname=none"]
    )
    assert result.exit_code == EXIT_EXTRA
    assert "crosswire[postgres]" in result.output
