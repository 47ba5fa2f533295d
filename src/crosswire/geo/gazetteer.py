"""The in-memory gazetteer: built once from the installed sources, then loaded from a cache.

Layout on disk (one folder per data version, under ``$XDG_CACHE_HOME/crosswire``
or ``~/.cache/crosswire``): numpy arrays for the entries and one sorted array
of name keys with the entry each key points to, so a lookup is two binary
searches and loading is a memory map. The folder is written under a temporary
name and renamed into place, so two processes building at once both end with
one complete cache and neither reads a half-written one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from crosswire.geo.normalize import NORMALIZATION_VERSION, fold_key, skeleton_key, translit_key
from crosswire.geo.sources import (
    DATA_FILES,
    FEATURES,
    POINTS_VERSION,
    Record,
    data_text,
    read_records,
    source_versions,
)

FORMAT_VERSION = 4
MAX_KEY_BYTES = 64
_ARRAYS = ("gid", "lat", "lon", "pop", "country", "admin1", "feature", "name_offsets")
_FEATURE_CODE = {name: code for code, name in enumerate(FEATURES)}
_VOWEL_BYTES = re.compile(rb"[aeiouy]")


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crosswire"


def data_version() -> str:
    """A short hash of everything the gazetteer is built from."""
    digest = hashlib.sha256()
    digest.update(json.dumps(source_versions(), sort_keys=True).encode())
    digest.update(
        f"format={FORMAT_VERSION};norm={NORMALIZATION_VERSION};points={POINTS_VERSION}".encode()
    )
    for name in DATA_FILES:
        digest.update(data_text(name).encode("utf-8"))
    return digest.hexdigest()[:16]


# Names whose lookup() answers are kept; Candidates are frozen, so sharing them is safe.
LOOKUP_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry offered for a name, and how the name matched it."""

    index: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    population: int
    country: str
    admin1: str | None
    feature: str
    match: str  # "primary" (the entry's own name), "alternate", "skeleton"


@dataclass(slots=True)
class _Columns:
    """The gazetteer's columns as they are gathered, one record at a time."""

    gids: list[int] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    admin1_ids: list[int] = field(default_factory=list)
    features: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    admin1_table: dict[str, int] = field(default_factory=dict)
    key_rows: list[tuple[bytes, int]] = field(default_factory=list)
    # folded spellings, for "is it one of its names"
    exact_rows: list[tuple[bytes, int]] = field(default_factory=list)

    def add(self, index: int, record: Record) -> None:
        self.gids.append(record.geonameid)
        self.lats.append(record.lat)
        self.lons.append(record.lon)
        self.pops.append(record.population)
        self.countries.append(record.country)
        if record.admin1 is None:
            self.admin1_ids.append(-1)
        else:
            key = f"{record.country}\t{record.admin1}"
            self.admin1_ids.append(self.admin1_table.setdefault(key, len(self.admin1_table)))
        self.features.append(_FEATURE_CODE[record.feature])
        self.names.append(record.name)
        for key in {translit_key(n) for n in record.names | {record.name}}:
            if key:
                self.key_rows.append((key.encode("ascii", "ignore")[:MAX_KEY_BYTES], index))
        for spelling in {fold_key(n) for n in record.names | {record.name}}:
            if spelling and spelling.isascii():
                self.exact_rows.append((spelling.encode("ascii")[:MAX_KEY_BYTES], index))


def _write_cache(records: Iterable[Record], folder: Path) -> None:
    columns = _Columns()
    for index, record in enumerate(records):
        columns.add(index, record)
    names = columns.names
    keys, rows = _sorted_keys(columns.key_rows)
    skeleton_keys, skeleton_rows = _skeleton_index(keys, rows, columns.countries)
    name_blob = "\x00".join(names).encode("utf-8")
    offsets = np.zeros(len(names) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(name.encode("utf-8")) + 1 for name in names])
    exact_keys, exact_index_rows = _sorted_keys(columns.exact_rows)
    arrays = {
        "keys": keys,
        "rows": rows,
        "skeleton_keys": skeleton_keys,
        "skeleton_rows": skeleton_rows,
        "exact_keys": exact_keys,
        "exact_rows": exact_index_rows,
        "gid": np.array(columns.gids, dtype=np.int64),
        "lat": np.array(columns.lats, dtype=np.float64),
        "lon": np.array(columns.lons, dtype=np.float64),
        "pop": np.array(columns.pops, dtype=np.int64),
        "country": np.array(columns.countries, dtype="S2"),
        "admin1": np.array(columns.admin1_ids, dtype=np.int32),
        "feature": np.array(columns.features, dtype=np.int8),
        "name_offsets": offsets,
    }
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", array)
    (folder / "names.bin").write_bytes(name_blob)
    ordered_admin1 = sorted(columns.admin1_table, key=columns.admin1_table.__getitem__)
    meta = {
        "features": list(FEATURES),
        "admin1": [entry.split("\t", 1)[1] for entry in ordered_admin1],
        "entries": len(names),
        "keys": len(columns.key_rows),
    }
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _sorted_keys(
    key_rows: list[tuple[bytes, int]],
) -> tuple[npt.NDArray[np.bytes_], npt.NDArray[np.int32]]:
    width = max((len(k) for k, _ in key_rows), default=1)
    keys = np.array([k for k, _ in key_rows], dtype=f"S{width}")
    rows = np.array([i for _, i in key_rows], dtype=np.int32)
    order = np.lexsort((rows, keys))
    return keys[order], rows[order]


def _skeleton_index(
    keys: npt.NDArray[np.bytes_], rows: npt.NDArray[np.int32], countries: list[str]
) -> tuple[npt.NDArray[np.bytes_], npt.NDArray[np.int32]]:
    """Country code + consonant skeleton of every name key, for the in-country fallback."""
    pairs: set[tuple[bytes, int]] = set()
    for key, row in zip(keys.tolist(), rows.tolist(), strict=True):
        consonants = _VOWEL_BYTES.sub(b"", key)
        if len(consonants) >= 3 and countries[row]:
            pairs.add((countries[row].encode("ascii") + consonants, row))
    return _sorted_keys(sorted(pairs))


def build_cache(
    root: Path | None = None,
    *,
    version: str | None = None,
    records: Iterable[Record] | None = None,
) -> Path:
    """Build the cache folder unless it exists; return it. Safe when processes race."""
    root = root or cache_root()
    version = version or data_version()
    final = root / f"gazetteer-{version}"
    if (final / "meta.json").exists():
        return final
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".gazetteer-{version}-", dir=root))
    try:
        _write_cache(read_records() if records is None else records, staging)
        try:
            staging.rename(final)
        except OSError:
            # Another process published the same version first; theirs is as good.
            if not (final / "meta.json").exists():
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return final


class Gazetteer:
    """Name lookup over countries, subdivisions, towns and curated sites."""

    _instance: ClassVar[Gazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self._features: list[str] = meta["features"]
        self._admin1_names: list[str] = meta["admin1"]
        self._keys: npt.NDArray[np.bytes_] = np.load(folder / "keys.npy", mmap_mode="r")
        self._rows: npt.NDArray[np.int32] = np.load(folder / "rows.npy", mmap_mode="r")
        arrays: dict[str, Any] = {name: np.load(folder / f"{name}.npy") for name in _ARRAYS}
        self._gid: npt.NDArray[np.int64] = arrays["gid"]
        self._lat: npt.NDArray[np.float64] = arrays["lat"]
        self._lon: npt.NDArray[np.float64] = arrays["lon"]
        self._pop: npt.NDArray[np.int64] = arrays["pop"]
        self._country: npt.NDArray[np.bytes_] = arrays["country"]
        self._admin1: npt.NDArray[np.int32] = arrays["admin1"]
        self._feature: npt.NDArray[np.int8] = arrays["feature"]
        self._name_offsets: npt.NDArray[np.int64] = arrays["name_offsets"]
        self._names = (folder / "names.bin").read_bytes()
        self._country_index = {
            self.country_of(int(i)): int(i)
            for i in np.flatnonzero(self._feature == FEATURES.index("country"))
        }
        self._skeleton_keys: npt.NDArray[np.bytes_] = np.load(
            folder / "skeleton_keys.npy", mmap_mode="r"
        )
        self._skeleton_rows: npt.NDArray[np.int32] = np.load(folder / "skeleton_rows.npy")
        self._exact_keys: npt.NDArray[np.bytes_] = np.load(folder / "exact_keys.npy", mmap_mode="r")
        self._exact_rows: npt.NDArray[np.int32] = np.load(folder / "exact_rows.npy", mmap_mode="r")
        # lookup() by name: recognising and resolving ask for the same names many times.
        self._looked_up: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer, built into the cache on first use."""
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls(build_cache())
            return cls._instance

    def __len__(self) -> int:
        return len(self._gid)

    # -- entries ---------------------------------------------------------

    def name_of(self, index: int) -> str:
        start, end = int(self._name_offsets[index]), int(self._name_offsets[index + 1]) - 1
        return self._names[start:end].decode("utf-8")

    def admin1_of(self, index: int) -> str | None:
        code = int(self._admin1[index])
        return self._admin1_names[code] if code >= 0 else None

    def admin1_code(self, index: int) -> int:
        """An id for the entry's first-level subdivision (-1 if none), to compare entries."""
        return int(self._admin1[index])

    def country_of(self, index: int) -> str:
        return bytes(self._country[index]).decode("ascii")

    def feature_of(self, index: int) -> str:
        return self._features[int(self._feature[index])]

    def candidate(self, index: int, match: str) -> Candidate:
        gid = int(self._gid[index])
        return Candidate(
            index=index,
            geonameid=gid if gid >= 0 else None,
            name=self.name_of(index),
            lat=float(self._lat[index]),
            lon=float(self._lon[index]),
            population=int(self._pop[index]),
            country=self.country_of(index),
            admin1=self.admin1_of(index),
            feature=self.feature_of(index),
            match=match,
        )

    # -- lookup ----------------------------------------------------------

    def _indices_for_key(self, key: str) -> list[int]:
        raw = key.encode("ascii", "ignore")[:MAX_KEY_BYTES]
        if not raw:
            return []
        lo = int(np.searchsorted(self._keys, raw, side="left"))
        hi = int(np.searchsorted(self._keys, raw, side="right"))
        return [int(i) for i in self._rows[lo:hi]]

    def lookup(self, name: str) -> list[Candidate]:
        """Entries whose name, or one of whose alternate names, meets ``name``'s key."""
        found = self._looked_up.get(name)
        if found is None:
            if len(self._looked_up) >= LOOKUP_CACHE_SIZE:
                self._looked_up.clear()  # a long run's names: start afresh, memory stays flat
            found = self._looked_up[name] = tuple(self._lookup(name))
        return list(found)

    def _lookup(self, name: str) -> list[Candidate]:
        wanted = fold_key(name)
        found = []
        for index in self._indices_for_key(translit_key(name)):
            primary = fold_key(self.name_of(index)) == wanted
            found.append(self.candidate(index, "primary" if primary else "alternate"))
        return found

    def spelled(self, name: str) -> frozenset[int]:
        """Entries that have ``name`` among their names, letter for letter (case and
        diacritics aside): an exact name, not a transliteration that merely meets one."""
        raw = fold_key(name).encode("ascii", "ignore")[:MAX_KEY_BYTES]
        if not raw:
            return frozenset()
        lo = int(np.searchsorted(self._exact_keys, raw, side="left"))
        hi = int(np.searchsorted(self._exact_keys, raw, side="right"))
        return frozenset(int(i) for i in self._exact_rows[lo:hi])

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        index = self._country_index.get(code)
        return None if index is None else self.candidate(index, "alternate")

    def lookup_skeleton(self, name: str, countries: Sequence[str]) -> list[Candidate]:
        """The consonant-skeleton fallback, only inside ``countries``."""
        key = skeleton_key(name)
        if not key:
            return []
        found: list[Candidate] = []
        for country in countries:
            raw = (country + key).encode("ascii", "ignore")[: self._skeleton_keys.itemsize]
            lo = int(np.searchsorted(self._skeleton_keys, raw, side="left"))
            hi = int(np.searchsorted(self._skeleton_keys, raw, side="right"))
            found.extend(self.candidate(int(i), "skeleton") for i in self._skeleton_rows[lo:hi])
        return found
