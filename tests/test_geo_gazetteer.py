"""The gazetteer: its cache, and lookups of real transliteration pairs in the real data."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from crosswire.geo import Gazetteer, Toponym, resolve_toponyms
from crosswire.geo.gazetteer import build_cache, cache_root, data_version
from crosswire.geo.normalize import fold_key
from crosswire.geo.sources import Record


def _records() -> list[Record]:
    return [
        Record(
            geonameid=170903,
            name="Dar‘ā",
            names={"Dar‘ā", "Deraa", "Daraa"},
            lat=32.62,
            lon=36.1,
            population=97969,
            country="SY",
            admin1="Dar'ā",
            feature="city",
        ),
        Record(
            geonameid=-1,
            name="Hmeimim Air Base",
            names={"Hmeimim Air Base", "Khmeimim"},
            lat=35.4,
            lon=35.95,
            population=0,
            country="SY",
            admin1="Al Lādhiqīyah",
            feature="airbase",
        ),
    ]


def test_cache_build_is_published_once_and_reloads(tmp_path: Path) -> None:
    folder = build_cache(tmp_path, version="test", records=_records())
    assert folder == tmp_path / "gazetteer-test"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left
    # A second build of the same version reuses the folder without reading sources.
    assert build_cache(tmp_path, version="test", records=iter(())) == folder

    gazetteer = Gazetteer(folder)
    assert len(gazetteer) == 2
    [daraa] = gazetteer.lookup("Dar'a")
    assert (daraa.geonameid, daraa.country, daraa.feature) == (170903, "SY", "city")
    [base] = gazetteer.lookup("Khmeimim")
    assert base.geonameid is None and base.feature == "airbase"
    assert gazetteer.lookup("Nowhere at all") == []


def test_racing_builds_end_with_one_complete_cache(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        folders = list(
            pool.map(lambda _: build_cache(tmp_path, version="race", records=_records()), range(4))
        )
    assert len(set(folders)) == 1
    assert (folders[0] / "meta.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["gazetteer-race"]


def test_cache_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "crosswire"
    assert len(data_version()) == 16


@pytest.mark.slow
def test_load_returns_one_process_wide_instance() -> None:
    gazetteer = Gazetteer.load()
    assert Gazetteer.load() is gazetteer
    assert len(gazetteer) > 200_000
    assert gazetteer.folder.name == f"gazetteer-{data_version()}"


# (news spelling, focus country, GeoNames name of the intended town)
PAIRS = [
    ("Deraa", "SY", "Dar‘ā"),
    ("Dar'a", "SY", "Dar‘ā"),
    ("Hodeidah", "YE", "Al Ḩudaydah"),
    ("Kamishli", "SY", "Al Qāmishlī"),
    ("Misurata", "LY", "Misratah"),
    ("Deir ez-Zor", "SY", "Deir ez-Zor"),
    ("Dayr az Zawr", "SY", "Deir ez-Zor"),
    ("Raqqa", "SY", "Ar Raqqah"),
    ("Idleb", "SY", "Idlib"),
    ("Homs", "SY", "Homs"),
    ("Hims", "SY", "Homs"),
    ("Hama", "SY", "Ḩamāh"),
    ("Latakia", "SY", "Latakia"),
    ("Mosul", "IQ", "Mosul"),
    ("Fallujah", "IQ", "Al Fallūjah"),
    ("Tal Afar", "IQ", "Tall ‘Afar"),
    ("Ramadi", "IQ", "Ramadi"),
    ("Sirte", "LY", "Sirte"),
    ("Surt", "LY", "Sirte"),
    ("Benghazi", "LY", "Benghazi"),
    ("Tobruk", "LY", "Tobruk"),
    ("Sanaa", "YE", "Sanaa"),
    ("Sana'a", "YE", "Sanaa"),
    ("Taiz", "YE", "Taiz"),
    ("Ta'izz", "YE", "Taiz"),
    ("Aden", "YE", "Aden"),
    ("Marib", "YE", "Ma'rib"),
    ("Ma'rib", "YE", "Ma'rib"),
    ("Saada", "YE", "Sa'dah"),
    ("Sa'dah", "YE", "Sa'dah"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("spelling", "country", "expected"), PAIRS)
def test_transliterated_spelling_resolves_to_the_town(
    spelling: str, country: str, expected: str
) -> None:
    [resolution] = resolve_toponyms(
        [Toponym(start=0, end=len(spelling), text=spelling, query=spelling)],
        context_countries=[country, country],  # the article is about that country
    )
    candidate = resolution.candidate
    assert candidate is not None
    assert candidate.country == country
    assert fold_key(candidate.name) == fold_key(expected)
    assert candidate.feature in ("city", "capital")


@pytest.mark.slow
def test_skeleton_fallback_only_inside_focus_countries() -> None:
    gazetteer = Gazetteer.load()
    # "Hmus" is nobody's spelling; its skeleton is Homs's, and only Syria is searched.
    found = gazetteer.lookup_skeleton("Hmus", ["SY"])
    assert found and all(c.country == "SY" for c in found)
    assert gazetteer.lookup_skeleton("Hmus", ["NO"]) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature"),
    [
        ("Hmeimim", "airbase"),
        ("Shayrat airbase", "airbase"),
        ("T4", "airbase"),
        ("Ain al-Asad", "airbase"),
        ("Bab al-Hawa", "crossing"),
        ("Nasib crossing", "crossing"),
        ("Sharara", "oilfield"),
        ("Sheikh Maqsoud", "district"),
        ("Rukban camp", "camp"),
        ("Ras Isa", "port"),
    ],
)
def test_curated_conflict_sites_are_indexed(name: str, feature: str) -> None:
    assert any(c.feature == feature for c in Gazetteer.load().lookup(name))


def test_unit_point_is_the_middle_of_its_extent_not_of_its_people() -> None:
    from crosswire.geo.sources import _middle_point

    # A populous south (many towns on one line) and a thinly settled north: the point lies
    # in the middle of the land, not among the crowd, and further north when the northern
    # towns stand for the empty land beyond them.
    south = [(45.0 + i * 0.01, -80.0 + i * 0.05) for i in range(95)]
    north = [(50.0 + 2 * i, -80.0) for i in range(5)]
    lat, _ = _middle_point(south + north, sparse_edges=False)
    assert 49.0 < lat < 53.0
    wider, _ = _middle_point(south + north, sparse_edges=True)
    assert wider > lat


def test_unit_across_the_antimeridian_keeps_its_point_on_its_land() -> None:
    from crosswire.geo.sources import _median_point, _middle_point

    towns = [(65.0 + i * 0.2, 175.0 + i) for i in range(6)] + [
        (66.0 + i * 0.2, -179.5 + i) for i in range(6)
    ]
    for lat, lon in (
        _middle_point(towns, sparse_edges=True),
        _median_point(towns[:2] + towns[6:8]),
    ):
        assert 64.0 < lat < 68.0
        assert abs(lon) > 170.0


def test_a_changed_point_computation_changes_the_cache_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crosswire.geo import gazetteer

    before = data_version()
    monkeypatch.setattr(gazetteer, "POINTS_VERSION", gazetteer.POINTS_VERSION + 1)
    assert gazetteer.data_version() != before
