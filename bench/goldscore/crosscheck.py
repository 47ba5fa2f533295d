"""Scoring fused events, claims and stories of a sample-corpus run against its gold.

Gold events (``events.json``) and claims (``claims.json``) name articles by ref
(see ``crosswire.golden``). An event is *recovered* when a fused event of the
gold sub-event type, at the gold place (within ``PLACE_TOLERANCE_KM``) and on
the gold start date, draws on at least one gold source; its *source count* is
right when the recovered event that shares most gold sources counts as many
independent sources as the gold. A gold claim is right when each of its
statements is found in a claim and every such claim carries the gold status.
Stories are right when the English articles of each gold story are one story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from crosswire.geo.resolve import haversine_km
from crosswire.model import Claim, Event, Place
from goldscore.golden import PLACE_TOLERANCE_KM, GoldRun, Score, gold


class CrosscheckGold(GoldRun):
    """A run with fuse, claims and stories, indexed for scoring."""

    def __init__(self, corpus: Any) -> None:
        super().__init__(corpus)
        self.ref_of = {article.id: ref for ref, article in self.refs.items()}
        self.places_by_id: dict[str, Place] = {p.id: p for p in corpus.places}
        for analysis in corpus.analyses:
            for place in analysis.places:
                self.places_by_id.setdefault(place.id, place)

    def _refs(self, records: Iterable[Any]) -> set[str]:
        return {
            self.ref_of[s.article] for r in records for s in r.sources if s.article in self.ref_of
        }

    def _at(self, event: Event, want: dict[str, Any]) -> bool:
        """Whether the event is at the gold place (``want`` is the gold event's place)."""
        place = self.places_by_id.get(event.place or "")
        if place is None:
            return False
        if place.geonameid is not None and place.geonameid == want["geonameid"]:
            return True
        coordinates = [g for g in gold("places") if g["geonameid"] == want["geonameid"]]
        return bool(
            coordinates
            and place.lat is not None
            and place.lon is not None
            and haversine_km(place.lat, place.lon, coordinates[0]["lat"], coordinates[0]["lon"])
            <= PLACE_TOLERANCE_KM
        )

    def _recovered(self, want: dict[str, Any]) -> list[Event]:
        sources = set(want["sources"])
        return [
            event
            for event in self.corpus.events
            if event.sub_event_type == want["sub_event_type"]
            and event.date_start == want["date_start"]
            and self._at(event, want["place"])
            and self._refs([event]) & sources
        ]

    def events(self) -> Score:
        score = Score("gold events recovered")
        for want in gold("events"):
            found = self._recovered(want)
            score.add(bool(found), f"{want['id']}: no fused {want['sub_event_type']} found")
        return score

    def source_counts(self) -> Score:
        score = Score("gold events with the right source count")
        for want in gold("events"):
            found = self._recovered(want)
            best = max(
                found, key=lambda e: len(self._refs([e]) & set(want["sources"])), default=None
            )
            got = best.source_count if best else None
            score.add(
                got == want["source_count"], f"{want['id']}: want {want['source_count']}, got {got}"
            )
        return score

    def claims(self) -> Score:
        score = Score("gold claims with the right status")
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.corpus.claims:
            for span in claim.sources:
                by_article[span.article].append(claim)
        for want in gold("claims"):
            statuses: list[str | None] = []
            for statement in want["statements"]:
                article = self.refs.get(statement["ref"])
                if article is None or statement["text"] not in article.text:
                    statuses.append(None)
                    continue
                start = article.text.index(statement["text"])
                end = start + len(statement["text"])
                holding = [
                    claim.status
                    for claim in by_article[article.id]
                    for span in claim.sources
                    if span.article == article.id and span.start < end and start < span.end
                ]
                statuses.append(holding[0] if holding else None)
            ok = all(status == want["status"] for status in statuses)
            score.add(ok, f"{want['about']}: want {want['status']}, got {statuses}")
        return score

    def stories(self) -> Score:
        """Each gold story's English articles in one story of their own."""
        score = Score("gold stories found whole and apart")
        story_of = {a: story.id for story in self.corpus.stories for a in story.articles}
        wanted: dict[str, list[str]] = defaultdict(list)
        for item in gold("articles"):
            if item.get("language") == "en" and item["ref"] in self.refs:
                wanted[item["story"]].append(self.refs[item["ref"]].id)
        homes = {name: {story_of.get(a) for a in ids} for name, ids in wanted.items()}
        for name, found in sorted(homes.items()):
            shared = [other for other, theirs in homes.items() if other != name and theirs & found]
            ok = len(found) == 1 and None not in found and not shared
            score.add(ok, f"story {name}: in {len(found)} stories, shared with {shared}")
        return score
