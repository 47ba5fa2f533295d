"""Docs that are generated or promised stay true."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date() -> None:
    expected = _load_generator().render()
    assert (ROOT / "docs" / "CLI.md").read_text() == expected, "run `make docs`"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, flags=re.S)
    assert blocks[0].strip() == "make demo"
    assert blocks[1].strip() == "make test"
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_architecture_names_every_default_stage() -> None:
    from crosswire.config import default_config_dict

    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    for name in default_config_dict()["pipeline"]["stages"]:
        assert f"`{name}`" in text, f"docs/ARCHITECTURE.md does not mention stage {name}"
