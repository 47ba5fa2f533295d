"""Event exports in ACLED's layout (CSV, Parquet, JSON lines) and as GeoJSON, from the store."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from brief_fixtures import (
    ARMY,
    CLASH,
    CONTROL,
    DISPLACEMENT,
    PORT_STRIKE,
    SHELLING,
    SHIP,
    TRUCE,
    fixture_corpus,
)
from crosswire.brief import build_brief
from crosswire.cli import app
from crosswire.model import Corpus, InputRef, Place
from crosswire.render.acled import (
    ACLED_COLUMNS,
    CROSSWIRE_COLUMNS,
    EVENT_COLUMNS,
    acled_rows,
    disorder_type,
    event_date,
    interaction,
)
from crosswire.store.duckdb import DuckDBStore

runner = CliRunner()
GENERATED = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, Any]]:
    brief = build_brief(fixture_corpus(), generated_at=GENERATED)
    return {r["crosswire_event_id"]: r for r in acled_rows(brief)}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A DuckDB store holding the fixture corpus, as `crosswire run` leaves one."""
    corpus = fixture_corpus()
    path = tmp_path / "crosswire.duckdb"
    inputs = [InputRef(source=a.source, sha256=a.input_sha256) for a in corpus.articles]
    with DuckDBStore(str(path)) as store:
        store.write_batch(inputs, Corpus(articles=corpus.articles), "test")
        store.write_results(corpus)
    return path


def test_columns_are_acled_then_crosswire() -> None:
    assert EVENT_COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert CROSSWIRE_COLUMNS == (
        "crosswire_event_id",
        "source_count",
        "conflicting_fields",
        "fatalities_low",
        "fatalities_high",
        "sources",
        "modality",
    )


def test_a_fused_battle(rows: dict[str, dict[str, Any]]) -> None:
    row = rows[CLASH.id]
    assert set(row) == set(EVENT_COLUMNS)
    assert row["event_id_cnty"].startswith("SYR") and row["event_id_cnty"][3:].isdigit()
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2026-03-03", 2026, 1)
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"]) == (ARMY.name, 1)
    assert (row["actor2"], row["inter2"]) == ("Tafas Communal Militia (Syria)", 4)
    assert row["interaction"] == 14
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["region"], row["country"]) == (760, "Middle East", "Syria")
    assert (row["admin1"], row["location"]) == ("Daraa", "Ţafas")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (32.7372, 35.9717, 1)
    assert row["source"] == "Coastline Wire; Gulf Ledger; Levant Monitor; Hauran Voices"
    assert (row["fatalities"], row["fatalities_low"], row["fatalities_high"]) == (9, 9, 15)
    assert row["source_count"] == 3 and row["conflicting_fields"] == "fatalities"
    assert len(row["sources"].split("; ")) == 5
    assert row["notes"].startswith("On 3 Mar 2026: Armed clash involving")
    assert "Sources disagree on fatalities." in row["notes"]
    assert row["timestamp"] == int(GENERATED.timestamp())
    assert row["modality"] == "asserted"


def test_civilian_targeting_and_lone_actors(rows: dict[str, dict[str, Any]]) -> None:
    assert rows[SHELLING.id]["civilian_targeting"] == "Civilian targeting"
    assert rows[SHELLING.id]["interaction"] == 17
    assert rows[DISPLACEMENT.id]["inter2"] == 0 and rows[DISPLACEMENT.id]["interaction"] == 40
    assert rows[PORT_STRIKE.id]["interaction"] == 28
    assert rows[PORT_STRIKE.id]["civilian_targeting"] == ""  # a strike on fighters
    assert rows[PORT_STRIKE.id]["fatalities"] == 0  # none reported: ACLED writes 0
    assert rows[PORT_STRIKE.id]["fatalities_low"] is None


def test_civilian_targeting_set_by_the_events_stage_is_exported() -> None:
    # A strike on a market coded by its means: actor2 is the side hit, the flag says so.
    corpus = fixture_corpus()
    marked = replace(PORT_STRIKE, civilian_targeting=True)
    corpus = replace(corpus, events=tuple(marked if e is PORT_STRIKE else e for e in corpus.events))
    found = {r["crosswire_event_id"]: r for r in acled_rows(build_brief(corpus))}
    assert found[marked.id]["civilian_targeting"] == "Civilian targeting"
    assert found[TRUCE.id]["civilian_targeting"] == ""


def test_dates_and_time_precision(rows: dict[str, dict[str, Any]]) -> None:
    assert (rows[TRUCE.id]["event_date"], rows[TRUCE.id]["time_precision"]) == ("2026-03-04", 1)
    # A week: its middle day, precision 2; a month or a year: its middle, precision 3.
    assert (rows[SHIP.id]["event_date"], rows[SHIP.id]["time_precision"]) == ("2026-03-04", 2)
    assert (rows[DISPLACEMENT.id]["event_date"], rows[DISPLACEMENT.id]["time_precision"]) == (
        "2026-03-05",
        3,
    )
    assert (rows[CONTROL.id]["year"], rows[CONTROL.id]["time_precision"]) == (2014, 3)
    assert "In 2014 (year)" in rows[CONTROL.id]["notes"]
    middle, precision = event_date({"date_start": "2026-03", "date_precision": "month"})
    assert middle is not None and (middle.isoformat(), precision) == ("2026-03-16", 3)
    assert event_date({"date_start": None}) == (None, None)
    assert (
        event_date({"date_start": "2026-03-03", "date_end": "2026-03-05", "date_precision": "day"})[
            1
        ]
        == 2
    )


def test_places_without_a_country_or_coordinates(rows: dict[str, dict[str, Any]]) -> None:
    ship = rows[SHIP.id]
    assert ship["event_id_cnty"].startswith("XXX")
    assert (ship["country"], ship["iso"], ship["latitude"], ship["geo_precision"]) == (
        "",
        None,
        None,
        3,
    )
    assert rows[DISPLACEMENT.id]["geo_precision"] == 3  # a governorate


def test_codes() -> None:
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Political violence; Demonstrations"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert interaction(7, 1) == 17 and interaction(6, 0) == 60 and interaction(None, 1) is None


def test_event_ids_are_stable_across_exports() -> None:
    first = acled_rows(build_brief(fixture_corpus(), generated_at=GENERATED))
    second = acled_rows(build_brief(fixture_corpus()))
    assert [r["event_id_cnty"] for r in first] == [r["event_id_cnty"] for r in second]
    assert len({r["event_id_cnty"] for r in first}) == len(first)


# --------------------------------------------------------------------------
# The export command, on a stored corpus


def _export(db: Path, target: Path, *options: str) -> str:
    result = runner.invoke(app, ["export", str(target), *options, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["acled", "csv"])
def test_export_events_as_acled_csv(db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "events.csv"
    options = ["--format", fmt] if fmt == "acled" else ["--table", "events", "--format", "csv"]
    assert "wrote 8 rows" in _export(db, target, *options)
    with target.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == EVENT_COLUMNS
        records = {r["crosswire_event_id"]: r for r in reader}
    assert records[CLASH.id]["event_type"] == "Battles"
    assert records[CLASH.id]["latitude"] == "32.7372"
    assert records[CLASH.id]["actor2"] == "Tafas Communal Militia (Syria)"


def test_export_events_as_parquet(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    _export(db, target, "--table", "events", "--format", "parquet")
    table = pq.read_table(target)
    assert tuple(table.column_names) == EVENT_COLUMNS
    assert str(table.schema.field("latitude").type) == "double"
    assert str(table.schema.field("fatalities").type) == "int64"
    records = {r["crosswire_event_id"]: r for r in table.to_pylist()}
    assert records[CLASH.id]["fatalities_high"] == 15
    assert records[SHIP.id]["latitude"] is None


def test_export_events_as_geojson(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    assert "wrote 8 features" in _export(db, target, "--format", "geojson")
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    clash = next(f for f in collection["features"] if f["id"] == CLASH.id)
    assert clash["geometry"]["coordinates"] == [35.9717, 32.7372]
    assert clash["properties"]["source_count"] == 3
    # Every feature names its sources; an unplaced event keeps a null geometry.
    sources = clash["properties"]["sources"]
    assert len(sources) >= 3 and all(s["outlet"] and s["title"] and s["url"] for s in sources)
    ship = next(f for f in collection["features"] if f["id"] == SHIP.id)
    assert ship["geometry"] is None and ship["properties"]["sources"]


def test_export_events_as_xlsx(db: Path, tmp_path: Path) -> None:
    load_workbook = pytest.importorskip("openpyxl", reason="openpyxl writes XLSX").load_workbook
    target = tmp_path / "events.xlsx"
    assert "wrote 8 rows" in _export(db, target, "--table", "events", "--format", "xlsx")
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert tuple(rows[0]) == EVENT_COLUMNS and len(rows) == 9
    by_id = {r[EVENT_COLUMNS.index("crosswire_event_id")]: r for r in rows[1:]}
    assert by_id[CLASH.id][EVENT_COLUMNS.index("latitude")] == 32.7372
    articles = tmp_path / "articles.xlsx"
    assert "wrote 7 rows" in _export(db, articles, "--format", "xlsx")
    assert load_workbook(articles).active.title == "articles"


def test_xlsx_cells_stay_text() -> None:
    from crosswire.exports import XLSX_CELL_LIMIT, _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("a\x00b\x1bc\n") == "abc\n"
    assert len(_cell("x" * 40_000)) == XLSX_CELL_LIMIT


def test_export_events_as_jsonl(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    _export(db, target, "--table", "events", "--format", "jsonl")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8 and list(lines[0]) == list(EVENT_COLUMNS)


def test_article_exports_are_unchanged(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "articles.csv"
    assert "wrote 7 rows" in _export(db, target)
    with target.open(newline="", encoding="utf-8") as handle:
        assert next(csv.reader(handle))[:3] == ["id", "published", "published_precision"]
    _export(db, tmp_path / "removed.parquet", "--table", "removed", "--format", "parquet")
    assert pq.read_table(tmp_path / "removed.parquet").num_rows == 1


def test_geojson_of_articles_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "export",
            str(tmp_path / "x.geojson"),
            "--table",
            "articles",
            "--format",
            "geojson",
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 2
    assert "exports events" in result.output


def test_a_town_on_no_map_is_exported_by_its_name_at_precision_2() -> None:
    # events.localities: the village the text names, drawn at its province's point.
    corpus = fixture_corpus()
    village = Place(
        name="Kfar Haddoun",
        lat=35.9,
        lon=36.6,
        country_code="SY",
        admin1="Idlib",
        feature="locality",
    )
    event = replace(corpus.events[0], place=village.id)
    corpus = replace(corpus, places=(*corpus.places, village), events=(event, *corpus.events[1:]))
    brief = build_brief(corpus, generated_at=GENERATED)
    row = {r["crosswire_event_id"]: r for r in acled_rows(brief)}[event.id]
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Kfar Haddoun", "Idlib", 2)
