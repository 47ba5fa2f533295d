"""The fused toll: each article's own figure for the incident, then the lowest credible one
across sources (``fusion._wholes``): a lower figure one article gives beside its whole (a part
of the dead, a passing count) is no second source's claim."""

from __future__ import annotations

from dataclasses import replace

from crosscheck_fixtures import MUZAYRIB, TAFAS, article, event
from crosswire.model import Analysis, Article, Corpus, Event, Mention, Place
from crosswire.registry import StageContext, get
from test_fuse import KNOWN, PLACES

LEAD = "Gunmen killed 30 people in Tafas on Tuesday, a monitor said."
PART = "Among the dead in Tafas on Tuesday were eight children."
# A report as one outlet tells it: text, toll, score, the toll's own words.
Told = tuple[str, int, float, str | None]


def _report(
    art: Article, needle: str, value: int, confidence: float, words: str | None = None
) -> Event:
    found = event(art, needle, fatalities=value, low=value, high=value)
    return replace(found, fatalities_text=words or str(value), confidence=confidence)


def _named(art: Article, place: Place) -> Place:
    """The place with its mentions in ``art`` (what the geo stage gives an analysis)."""
    mentions = []
    start = art.text.find(place.name)
    while start >= 0:
        mentions.append(Mention(article=art.id, start=start, end=start + len(place.name),
                                text=place.name))  # fmt: skip
        start = art.text.find(place.name, start + 1)
    return replace(place, mentions=tuple(mentions))


def _fuse(reports: list[tuple[Article, list[Event]]]) -> list[Event]:
    analyses = tuple(
        Analysis(
            article=a.id,
            events=tuple(evs),
            entities=KNOWN,
            places=tuple(_named(a, p) for p in PLACES),
        )
        for a, evs in reports
    )
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    return list(get("fuse").factory()(corpus, StageContext()).events)


def _fused_pair(first: Told, second: Told) -> Event:
    """Two outlets' reports of one incident, each its text, toll, score and toll words, fused."""
    reports = []
    for name, (text, value, score, words) in zip("ab", (first, second), strict=True):
        art = article(name, text, outlet=name.upper())
        reports.append((art, [_report(art, text, value, score, words)]))
    (fused,) = _fuse(reports)
    return fused


def test_an_articles_part_of_the_dead_gives_way_to_its_whole() -> None:
    one = article("a", f"{LEAD} {PART}", outlet="A")
    other = article("b", LEAD, outlet="B")
    reports = [
        (one, [_report(one, LEAD, 30, 0.6), _report(one, PART, 8, 0.3, "eight")]),
        (other, [_report(other, LEAD, 30, 0.5)]),
    ]
    (fused,) = _fuse(reports)
    assert fused.fatalities == 30
    assert (fused.fatalities_low, fused.fatalities_high) == (8, 30)  # the range still told


def test_a_lower_figure_credited_as_another_count_stays_a_claim() -> None:
    told = "The agency gave a toll of nine in Tafas on Tuesday."
    one = article("a", f"{LEAD} {told}", outlet="A")
    (fused,) = _fuse([(one, [_report(one, LEAD, 30, 0.6), _report(one, told, 9, 0.3, "nine")])])
    assert fused.fatalities == 9  # ACLED: the lowest credible figure of disagreeing sources


def test_two_figures_scored_alike_keep_the_lowest() -> None:
    lower = "Eight fighters died in Tafas on Tuesday."
    one = article("a", f"{LEAD} {lower}", outlet="A")
    reports = [_report(one, LEAD, 30, 0.35), _report(one, lower, 8, 0.3, "Eight")]
    (fused,) = _fuse([(one, reports)])
    assert fused.fatalities == 8  # the text does not rank them: nothing says which is whole


def test_a_count_of_children_alone_gives_way_to_a_count_of_everyone() -> None:
    """ "Jets killed seven children" from one outlet, "jets killed nine people" from
    another: the children are a part of the nine, not a lower count of the same dead,
    whatever the scores; the range still runs from the children's count."""
    children = "Jets killed seven children in Tafas on Tuesday, an aid agency said."
    everyone = "Jets killed nine people in Tafas on Tuesday, a monitor said."
    fused = _fused_pair((children, 7, 0.7, "seven"), (everyone, 9, 0.4, "nine"))
    assert fused.fatalities == 9
    assert fused.fatalities_low == 7


def test_a_count_told_as_part_of_a_larger_one_is_no_lower_claim() -> None:
    """ "41 killed, including 29 civilians" beside another outlet's "29 civilians killed":
    the 29 are the civilians among the 41, which the larger report says itself."""
    whole = "Shelling killed 41 people in Tafas on Tuesday, including 29 civilians."
    share = "Shelling killed 29 civilians in Tafas on Tuesday, the agency said."
    fused = _fused_pair((whole, 41, 0.5, None), (share, 29, 0.5, None))
    assert fused.fatalities == 41


def test_a_count_of_children_beside_a_far_larger_one_stays() -> None:
    """A whole more than five times the children's count is no total of their incident
    (a tally, another town's): the lower count stays the lowest credible."""
    children = "Jets killed four children in Tafas on Tuesday, an aid agency said."
    tally = "Jets have killed 60 people in Tafas this month, a monitor said on Tuesday."
    fused = _fused_pair((children, 4, 0.6, "four"), (tally, 60, 0.6, None))
    assert fused.fatalities == 4


def test_a_total_over_more_places_does_not_replace_one_places_toll() -> None:
    """ACLED codes one event per location: 30 "in Tafas and Muzayrib" is a sum of two places'
    tolls, and the 12 of Tafas alone is that place's own figure, not a part of one whole."""
    total = f"Strikes killed 30 people in Tafas and {MUZAYRIB.name} on Tuesday."
    local = "The strikes on Tuesday killed 12 in Tafas."
    one = article("a", f"{total} {local}", outlet="A")
    (fused,) = _fuse([(one, [_report(one, total, 30, 0.6), _report(one, local, 12, 0.3)])])
    assert fused.fatalities == 12
    assert TAFAS in PLACES and MUZAYRIB in PLACES


SIDES = "Clashes in Tafas on Tuesday killed 23 civilians and 16 fighters, a monitor said."
CIVILIANS = "Clashes in Tafas on Tuesday killed 23 civilians, the agency said."


def test_one_sides_count_beside_a_count_of_both_sides_is_no_lower_claim() -> None:
    """One outlet counts the civilians only, another the civilians and the fighters: the
    lower figure is one group of the larger sum, and the lowest would drop the fighters."""
    fused = _fused_pair((SIDES, 39, 0.5, "23; 16"), (CIVILIANS, 23, 0.5, None))
    assert fused.fatalities == 39
    assert (fused.fatalities_low, fused.fatalities_high) == (23, 39)  # the range still told


def test_a_count_that_tells_the_other_group_within_it_stays_the_lowest() -> None:
    """ "16 civilians and three children" beside "16 civilians, including three children":
    the lower report counts the children among its 16, so it is a count of the whole."""
    summed = "Raids on Tafas on Tuesday killed 16 civilians and three children."
    within = "Raids on Tafas on Tuesday killed 16 civilians, including three children."
    fused = _fused_pair((summed, 19, 0.5, "16; three"), (within, 16, 0.5, None))
    assert fused.fatalities == 16


def test_alternative_figures_are_no_sum_of_groups() -> None:
    """ "40; at least 40" are two tellings of one count, not groups: a lower report of 40
    ... stays a claim against nothing, and a report of 35 is the lowest as before."""
    both = "At least 40 died in Tafas on Tuesday; the monitor said 40 were killed."
    lower = "Strikes killed 35 in Tafas on Tuesday, the agency said."
    fused = _fused_pair((both, 40, 0.5, "At least 40; 40"), (lower, 35, 0.5, None))
    assert fused.fatalities == 35
