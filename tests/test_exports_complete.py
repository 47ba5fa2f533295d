"""ACLED columns the records can fill: admin2/admin3 named beside the place, source_scale."""

from __future__ import annotations

import copy
from typing import Any

from crosswire.render.acled import acled_rows
from crosswire.render.scale import domain_scale, source_scale
from test_render_evidence import TEXT, small_brief


def _with_district(brief: dict[str, Any]) -> dict[str, Any]:
    brief = copy.deepcopy(brief)
    # The passage names the town; a second passage of the same event names its district.
    brief["articles"][0]["text"] = TEXT + " Kafr Nabl lies in Maarrat al-Numan District."
    text = brief["articles"][0]["text"]
    start = text.index("Kafr Nabl lies")
    district = text.index("Maarrat al-Numan District")
    brief["places"].append(
        {
            "id": "plc_district",
            "name": "Maarrat al-Numan District",
            "feature": "admin2",
            "country_code": "SY",
            "admin1": "Idlib",
            "mentions": [
                {"article": "art_1", "start": district, "end": district + 25,
                 "text": "Maarrat al-Numan District"}
            ],
        }
    )  # fmt: skip
    brief["places"][0]["admin1"] = "Idlib"
    brief["events"][0]["sources"].append(
        {"article": "art_1", "start": start, "end": len(text), "text": text[start:]}
    )
    return brief


def test_admin2_is_the_district_named_in_the_events_passages() -> None:
    (row,) = acled_rows(_with_district(small_brief()))
    assert row["location"] == "Kafr Nabl"
    assert row["admin1"] == "Idlib"
    assert row["admin2"] == "Maarrat al-Numan District"
    assert row["admin3"] == ""


def test_admin2_stays_blank_when_no_district_is_named() -> None:
    (row,) = acled_rows(small_brief())
    assert row["admin2"] == "" and row["admin3"] == ""


def test_source_scale_from_what_a_domain_says() -> None:
    assert domain_scale("https://www.reuters.com/world/x", "SY") == "International"
    assert domain_scale("https://news.example.sy/a", "SY") == "National"
    assert domain_scale("https://www.example.co.uk/a", "SY") == "International"
    assert domain_scale("https://t.me/channel/1", "SY") == "New media"
    assert domain_scale("https://wire.example/a", "SY") is None
    assert domain_scale("https://site.io/a", "SY") is None
    urls = ["https://news.example.sy/a", "https://www.reuters.com/b", "https://x.com/c", None]
    assert source_scale(urls, "SY") == "National-International-New media"
    assert source_scale(["https://wire.example/a"], "SY") == ""
    # Without a URL, a known wire or broadcaster is graded by its name.
    assert source_scale([None], "SY", ["Reuters"]) == "International"
    assert source_scale([None], "SY", ["reuters"]) == "International"
    assert source_scale([None], "SY", ["Hauran Voices"]) == ""


def test_the_acled_row_carries_the_scale() -> None:
    brief = small_brief()
    brief["articles"][0]["url"] = "https://www.aljazeera.com/news/a"
    (row,) = acled_rows(brief)
    assert row["source_scale"] == "International"
