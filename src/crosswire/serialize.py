"""Records to JSON-ready dicts and back, driven by the dataclass type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, get_args, get_origin

import crosswire.model as model

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """A record (or tuple of records) as plain JSON-ready data."""
    names = _field_names(type(record))  # type: ignore[arg-type]  # a type is hashable
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, (tuple, list)):
        return [to_dict(item) for item in record]
    return record


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, in order; None for any other type (a class
    object itself has type ``type``, so it is returned as it is)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_dict(hint, value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record from ``to_dict`` output; unknown keys are ignored."""
    hints = _hints(cls)  # type: ignore[arg-type]  # a dataclass type is hashable
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]  # cls is a dataclass type
        if f.init and f.name in data
    }
    return cls(**kwargs)
