"""JSON readers: one object, an array of objects, or JSON lines, with news-please fields.

A record's body is the first non-empty of ``maintext``, ``text``, ``content``,
``body`` and ``description``. Declared metadata: ``title``, ``url``,
``date_publish`` (or ``published``), ``source_domain`` (or ``outlet``),
``authors`` (a list, or ``author``) and ``language``. A body holding HTML markup
becomes an ``html`` document; a plain one keeps the format ``json``.

Positions: "0" for a single object; the index for an array's records; for
JSON lines the line's index counted from 0, blank lines included, so a broken
line's rejection points at its line (its detail gives the 1-based line number).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from crosswire.model import RawDocument, Rejection
from crosswire.readers.base import Items, Origin, ReadFailure
from crosswire.readers.decoding import Decoded
from crosswire.readers.pages import normalise_newlines, read_txt
from crosswire.readers.sniffing import (
    JSON_LINES_SUFFIXES,
    JSON_SUFFIXES,
    looks_like_html,
    suffix_of,
)

BODY_FIELDS = ("maintext", "text", "content", "body", "description")
PUBLISHED_FIELDS = ("date_publish", "published")
OUTLET_FIELDS = ("source_domain", "outlet")
AUTHOR_FIELDS = ("authors", "author")
# Keys under which exports wrap their list of records: {"articles": [...]}.
WRAPPER_FIELDS = ("articles", "items", "records", "documents", "data", "results")
# How JSON text starts, as opposed to prose that opens with a bracket ("[Reuters] ...").
_JSON_OPENINGS = ('{"', "{\n", "{}", '["', "[{", "[\n", "[]", "[ ")


def read_json(decoded: Decoded, origin: Origin) -> Items:
    text = decoded.text
    suffix = suffix_of(origin.name)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if suffix in JSON_LINES_SUFFIXES or (_parses(lines[first]) and _more_lines_after(lines, first)):
        yield from _read_lines(lines, decoded.encoding, origin)
        return
    try:
        value = _loads(text)
    except json.JSONDecodeError as exc:
        if suffix in JSON_SUFFIXES or text.lstrip().startswith(_JSON_OPENINGS):
            raise ReadFailure("malformed_json", f"line {exc.lineno}: {exc.msg}") from exc
        yield from read_txt(decoded, origin)  # prose that merely opens with a bracket
        return
    records = _unwrap(value)
    if records is None:
        yield _record(value, "0", decoded.encoding, origin, single=True)
        return
    if not records:
        yield origin.reject("no_text", "the JSON array holds no records")
    for index, record in enumerate(records):
        yield _record(record, str(index), decoded.encoding, origin, single=False)


def _read_lines(lines: list[str], encoding: str, origin: Origin) -> Items:
    """One record per line; a broken line is rejected on its own (position = line index)."""

    for index, line in enumerate(lines):
        if not line.strip():
            continue
        position = str(index)
        try:
            value = _loads(line)
        except json.JSONDecodeError as exc:
            yield origin.reject("malformed_json", f"line {index + 1}: {exc.msg}", position)
            continue
        yield _record(value, position, encoding, origin, single=False)


def _loads(text: str) -> Any:
    """``json.loads``, with a too-long integer or too-deep nesting as a ``JSONDecodeError``."""

    try:
        return json.loads(text)
    except RecursionError as exc:
        raise json.JSONDecodeError("nested too deeply", text, 0) from exc
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            raise
        # Python refuses integers of more than 4,300 digits (int_max_str_digits).
        raise json.JSONDecodeError(str(exc).split(";")[0], text, 0) from exc


def _parses(line: str) -> bool:
    try:
        _loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _more_lines_after(lines: list[str], first: int) -> bool:
    return any(line.strip() for line in lines[first + 1 :])


def _unwrap(value: Any) -> list[Any] | None:
    """The records of an array or of a wrapper object; None for a single record."""

    if isinstance(value, list):
        return value
    if isinstance(value, dict) and not any(_string(value.get(f)) for f in BODY_FIELDS):
        for key in WRAPPER_FIELDS:
            if isinstance(value.get(key), list):
                return list(value[key])
    return None


def _record(
    value: Any, position: str, encoding: str, origin: Origin, *, single: bool
) -> RawDocument | Rejection:
    if not isinstance(value, dict):
        kind = type(value).__name__
        return origin.reject(
            "malformed_json", f"a record is a JSON {kind}, not an object", position
        )
    body = _first(value, BODY_FIELDS)
    if body is None:
        fields = ", ".join(BODY_FIELDS)
        return origin.reject("no_text", f"the record has none of {fields}", position)
    markup = looks_like_html(body)
    return origin.document(
        position=position,
        format="html" if markup else "json",
        content=body if markup else normalise_newlines(body),
        encoding=encoding,
        single=single,
        url=_string(value.get("url")),
        title=_string(value.get("title")),
        outlet=_first(value, OUTLET_FIELDS),
        author=_first(value, AUTHOR_FIELDS),
        published=_first(value, PUBLISHED_FIELDS),
        language=_string(value.get("language")),
    )


def _first(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    for name in fields:
        text = _string(record.get(name))
        if text:
            return text
    return None


def _string(value: Any) -> str | None:
    """A declared value as text: strings stripped, lists of names joined, numbers as written."""

    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        parts = [_string(item) for item in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
