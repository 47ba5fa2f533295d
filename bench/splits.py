"""Fixed tune/check halves for every evaluation set the team tunes on.

The rule, written down once: an item belongs to the **check** half when the
first byte of ``sha256(f"{set_name}:{key}")`` is odd, else to the **tune**
half. ``key`` is the item's id, or for sets whose items come in groups that
must not be split (FA-KES same-incident groups), the group's key. The rule
depends on nothing but the id, so the halves never move when code changes.

Tune on the tune half; quote the check half. A gap of more than 3 points
between the halves is overfitting.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check"]
HALVES: tuple[Half, ...] = ("tune", "check")


def half_of(set_name: str, key: str) -> Half:
    """The half an item (or its group) belongs to."""
    digest = hashlib.sha256(f"{set_name}:{key}".encode()).digest()
    return "check" if digest[0] % 2 else "tune"


def add_half_argument(parser: object, default: str = "check") -> None:
    """``--half tune|check|all`` on a bench's argument parser."""
    parser.add_argument(  # type: ignore[attr-defined]
        "--half",
        choices=["tune", "check", "all"],
        default=default,
        help="which fixed half to score (see bench/splits.py); quote 'check'",
    )


def wanted(set_name: str, key: str, half: str) -> bool:
    return half == "all" or half_of(set_name, key) == half
