"""HTML built from nested calls where escaping is the default.

Every plain ``str`` handed to ``el`` is escaped, as text or as an attribute
value; only ``Html`` (markup this module made) passes through unchanged. So a
corpus string cannot smuggle markup into the brief unless someone wraps it in
``Html`` by hand, which nothing in crosswire does.
"""

from __future__ import annotations

import html
from collections.abc import Iterable


class Html(str):
    """Markup that is already safe to emit."""

    __slots__ = ()


def esc(value: object) -> Html:
    if isinstance(value, Html):
        return value
    return Html(html.escape("" if value is None else str(value), quote=True))


def _flatten(children: Iterable[object]) -> Iterable[object]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, (str, int, float)):
            yield child
        else:
            yield from _flatten(child)  # type: ignore[arg-type]  # any iterable of children


def join(*children: object) -> Html:
    return Html("".join(esc(c) for c in _flatten(children)))


def _attribute(name: str) -> str:
    # Python keywords and dashes: class_ -> class, aria_label -> aria-label.
    return name.rstrip("_").replace("_", "-")


def el(tag: str, /, *children: object, **attrs: object) -> Html:
    """``<tag attrs>children</tag>``; a value of None or False drops the attribute."""
    parts = [tag]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(_attribute(key))
        else:
            parts.append(f'{_attribute(key)}="{esc(value)}"')
    return Html(f"<{' '.join(parts)}>{join(*children)}</{tag}>")


def void(tag: str, /, **attrs: object) -> Html:
    """An HTML void element (meta, br): no content and no end tag."""
    rendered = el(tag, **attrs)
    return Html(rendered[: -len(f"</{tag}>")])
