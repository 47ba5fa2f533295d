"""The package layout shows the pipeline: each stage is found from its name in one step."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import crosswire.stages
from crosswire import registry

SRC = Path(crosswire.stages.__file__).resolve().parents[1]


def _builtin() -> dict[str, registry.StageInfo]:
    # Other tests register stages of their own in the same process.
    found = registry.registered().items()
    return {name: info for name, info in found if info.factory.__module__.startswith("crosswire.")}


def test_every_stage_lives_in_a_module_named_after_it() -> None:
    # "<package>/<stage>.py", or "<stage>/stage.py" where the package bears its name.
    for name, info in _builtin().items():
        *_, package, module = info.factory.__module__.split(".")
        assert module == name or (module == "stage" and package == name), (
            f"stage {name!r} is registered in {info.factory.__module__}"
        )


def test_the_stage_index_names_every_stage_and_its_module() -> None:
    listed = dict(
        re.findall(r"^    (\w+) +(crosswire\.[\w.]+)", crosswire.stages.__doc__ or "", re.M)
    )
    actual = {name: info.factory.__module__ for name, info in _builtin().items()}
    assert listed == actual


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_per_article_phases_import_nothing_from_the_cross_article_code() -> None:
    per_article = ("readers", "clean", "metadata", "nlp", "actors", "geo", "dates", "figures")
    per_article += ("quotes", "events")
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for package in per_article
        for path in sorted((SRC / package).rglob("*.py"))
        for name in _imports(path)
        if name.startswith("crosswire.crosscheck")
    ]
    assert offenders == []
