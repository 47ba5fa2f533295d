"""The house style's size limits, checked over the shipped package: small functions and
classes keep each stage readable on one screen."""

from __future__ import annotations

import ast
from pathlib import Path

import crosswire

PACKAGE = Path(crosswire.__file__).resolve().parent
MAX_FUNCTION_LINES = 60
MAX_CLASS_LINES = 400


def _sizes() -> list[tuple[str, str, int]]:
    """(where, "def name" or "class name", lines) for every function and class."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                lines = (node.end_lineno or node.lineno) - node.lineno
                kind = "class" if isinstance(node, ast.ClassDef) else "def"
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                found.append((where, f"{kind} {node.name}", lines))
    return found


def test_functions_stay_under_sixty_lines() -> None:
    too_long = [
        (where, name, lines)
        for where, name, lines in _sizes()
        if lines > MAX_FUNCTION_LINES and name.startswith("def ")
    ]
    assert too_long == []


def test_classes_stay_under_four_hundred_lines() -> None:
    too_long = [
        (where, name, lines)
        for where, name, lines in _sizes()
        if lines > MAX_CLASS_LINES and name.startswith("class ")
    ]
    assert too_long == []


def test_the_size_check_sees_the_package() -> None:
    # A wrong root would pass both checks vacuously.
    assert len(_sizes()) > 500
