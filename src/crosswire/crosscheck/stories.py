"""Stories: articles grouped by what they report, each with a cited extractive summary.

Grouping. Two articles are alike by a weighted mean of cosines: of their text
(TF-IDF), of the places they name and of the actors they name (IDF-weighted
bags of ids), over the signals at least one of them has (an article nobody
analysed is compared by its words alone). Sharing fused events adds a bonus on
top; not sharing any takes nothing away, since one event told in different
words may not have fused. Articles published more than ``window_days`` apart
count as less alike, in proportion. Copies (dedupe groups) are always one
story. Articles then merge average-link: two groups join while the mean
similarity of their article pairs stays at or above ``threshold``, so one
passing reference cannot chain two stories together.

Summary. Candidate sentences come from the story's articles. A sentence's
worth is its closeness to the story's centre, the fused events it is evidence
of, the claims it states, how many independent sources say the same (near
duplicates in other articles, or evidence of the same event in similar words),
and being an article's lead. Sentences are picked by maximal marginal
relevance: each pick maximises ``balance * worth - (1 - balance) * (highest
similarity to a sentence already picked)``; events and claims already covered
add nothing to later picks. Every summary sentence is copied verbatim from its
article and cites itself first, then every other source that says the same.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from crosswire.crosscheck import text as textmod
from crosswire.crosscheck.sources import SourceIndex
from crosswire.crosscheck.text import Tfidf, Vector, centroid, cosine, sentence_spans
from crosswire.model import (
    Analysis,
    Article,
    ArticleGroup,
    Claim,
    Corpus,
    Event,
    SourceSpan,
    Story,
    SummarySentence,
)
from crosswire.registry import Stage, StageContext, stage

# Terms found in more than this share of articles say nothing about which story
# an article belongs to; they are left out of the candidate-pair index.
COMMON_TERM_SHARE = 0.5
# Articles are compared when they share one of each other's this many weightiest words
# (or an event, a place, an actor); stories share far more than that.
INDEX_TERMS = 30
# Summary sentences are picked among a story's this many most promising sentences.
SUMMARY_POOL = 60
PAIR_CHUNK = 50_000  # pairs whose cosines are computed at once (bounds memory)
MIN_SENTENCE_WORDS = 6


@dataclass(frozen=True, kw_only=True, slots=True)
class StorySettings:
    threshold: float = 0.2
    text_weight: float = 0.55
    place_weight: float = 0.25
    actor_weight: float = 0.2
    event_bonus: float = 0.3
    window_days: int = 14
    summary_sentences: int = 4
    balance: float = 0.7  # MMR: worth against redundancy
    same_text: float = 0.5  # sentence cosine at which two sentences say the same
    same_event_text: float = 0.2  # ... when both are evidence of one event
    min_gain: float = 0.05  # a pick must add at least this much to the summary


@dataclass(slots=True)
class _Profile:
    """An article as the grouping sees it: one sparse vector per signal."""

    text: Vector
    events: Vector
    places: Vector
    actors: Vector
    day: int | None  # publication day ordinal


@dataclass(frozen=True, slots=True)
class _Sentence:
    article: str
    start: int
    end: int
    text: str
    vector: Vector
    lead: bool
    events: frozenset[str]
    claims: frozenset[str]


@dataclass(slots=True)
class _Candidate:
    sentence: _Sentence
    cites: list[_Sentence] = field(default_factory=list)
    support: int = 1  # independent sources among ``cites``


def _bag_vectors(bags: Mapping[str, Counter[str]]) -> dict[str, Vector]:
    idf = Tfidf(list(bag.elements()) for bag in bags.values())
    return {key: idf.vector(list(bag.elements())) for key, bag in bags.items()}


def average_link(
    count: int, similarity: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Average-link clusters of ``range(count)``; pairs missing from ``similarity`` are 0."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), value in similarity.items():
        links[i][j] = links[j][i] = value
    version = dict.fromkeys(range(count), 0)
    # A pair under the threshold can only rise when one side merges, which pushes
    # the new pair afresh, so only pairs at or above it enter the heap.
    heap = [(-value, i, j, 0, 0) for (i, j), value in similarity.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        _negative, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if (version[a], version[b]) != (version_a, version_b):
            continue
        keep, gone = min(a, b), max(a, b)
        members[keep].extend(members.pop(gone))
        for other, total in links.pop(gone).items():
            if other == keep:
                continue
            links[keep][other] = links[keep].get(other, 0.0) + total
            links[other][keep] = links[keep][other]
            del links[other][gone]
        links[keep].pop(gone, None)
        version[keep] += 1
        for other, total in links[keep].items():
            mean = total / (len(members[keep]) * len(members[other]))
            if mean >= threshold:
                first, second = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-mean, first, second, version[first], version[second]))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


class StoryBuilder:
    def __init__(
        self,
        articles: Sequence[Article],
        groups: Sequence[ArticleGroup],
        analyses: Sequence[Analysis],
        events: Sequence[Event],
        claims: Sequence[Claim],
        settings: StorySettings | None = None,
    ) -> None:
        self.settings = settings or StorySettings()
        self.articles = sorted(
            (a for a in articles if a.text),
            key=lambda a: (a.published or "9999", a.id),
        )
        self.groups = groups
        self.position = {a.id: n for n, a in enumerate(self.articles)}
        self.copies = {a for g in groups for a in g.articles[1:]}  # all but the original
        self.sources = SourceIndex.build(self.articles, groups)
        self.analyses = {a.article: a for a in analyses}
        # Ids are content hashes, computed once here.
        self.events = {event.id: event for event in events}
        self.claims = list(claims)
        self.events_of: dict[str, set[str]] = {}
        for event_id, event in self.events.items():
            for span in event.sources:
                self.events_of.setdefault(span.article, set()).add(event_id)
        self.profiles = self._profiles()

    # -- grouping --------------------------------------------------------------

    def _profiles(self) -> list[_Profile]:
        texts, events, places, actors = {}, {}, {}, {}
        for article in self.articles:
            analysis = self.analyses.get(article.id)
            title = article.title or ""
            texts[article.id] = Counter(textmod.terms(f"{title}\n{title}\n{article.text}"))
            events[article.id] = Counter(self.events_of.get(article.id, set()))
            places[article.id] = Counter(
                {p.id: len(p.mentions) for p in (analysis.places if analysis else ())}
            )
            actors[article.id] = Counter(
                {e.id: len(e.mentions) for e in (analysis.entities if analysis else ())}
            )
        text, event, place, actor = (_bag_vectors(b) for b in (texts, events, places, actors))
        return [
            _Profile(
                text=text[a.id],
                events=event[a.id],
                places=place[a.id],
                actors=actor[a.id],
                day=_day(a.published),
            )
            for a in self.articles
        ]

    def similarities(self) -> dict[tuple[int, int], float]:
        """How alike each candidate pair of articles is (see the module docstring).

        Sparse matrix products find the candidate pairs (sharing an event, a
        place, an actor or one of their weightiest words) and their cosines.
        """
        s = self.settings
        signals = [
            [p.text for p in self.profiles],
            [p.places for p in self.profiles],
            [p.actors for p in self.profiles],
            [p.events for p in self.profiles],
        ]
        matrices = [_matrix(vectors) for vectors in signals]
        left, right = self._candidate_pairs(matrices)
        if not len(left):
            return {}
        total = np.zeros(len(left))
        weights = np.zeros(len(left))
        for weight, matrix in zip(
            (s.text_weight, s.place_weight, s.actor_weight), matrices[:3], strict=True
        ):
            present = np.diff(matrix.indptr) > 0
            either = present[left] | present[right]
            total += weight * _pair_cosines(matrix, left, right) * either
            weights += weight * either
        mean = np.divide(total, weights, out=np.zeros(len(left)), where=weights > 0)
        alike = np.minimum(1.0, mean + s.event_bonus * _pair_cosines(matrices[3], left, right))
        days = np.array([np.nan if p.day is None else p.day for p in self.profiles])
        apart = np.abs(days[left] - days[right])
        late = apart > s.window_days  # False where a day is unknown (nan)
        alike[late] *= s.window_days / apart[late]
        return {
            (int(i), int(j)): float(value)
            for i, j, value in zip(left, right, alike, strict=True)
            if value > 0
        }

    def _candidate_pairs(self, matrices: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i < j) that share a key: an event, a place, an actor or a weighty word.

        Only each article's ``INDEX_TERMS`` weightiest words count, and keys most
        articles hold (common words, the country of a national corpus) do not.
        """
        limit = max(2, int(COMMON_TERM_SHARE * len(self.profiles)))
        products = []
        for n, matrix in enumerate(matrices):
            keys = _top_per_row(matrix, INDEX_TERMS) if n == 0 else matrix.copy()
            keys.data[:] = 1.0
            common = np.asarray(keys.sum(axis=0)).ravel() > limit
            keys = keys @ sparse.diags((~common).astype(float))
            products.append(keys @ keys.T)
        shared = sum(products[1:], products[0])
        shared.eliminate_zeros()
        upper = sparse.triu(shared, k=1).tocoo()
        return upper.row.astype(np.int64), upper.col.astype(np.int64)

    def partition(self) -> list[list[Article]]:
        position = self.position
        similarity = self.similarities()
        for group in self.groups:
            # Copies are one story whatever their words.
            held = sorted(position[a] for a in group.articles if a in position)
            for n, i in enumerate(held):
                for j in held[n + 1 :]:
                    similarity[(i, j)] = max(similarity.get((i, j), 0.0), 1.0)
        clusters = average_link(len(self.articles), similarity, self.settings.threshold)
        return [[self.articles[k] for k in cluster] for cluster in clusters]

    # -- summaries ---------------------------------------------------------------

    def stories(self, on_story: Callable[[int, int], None] | None = None) -> list[Story]:
        """The stories; ``on_story(done, total)`` hears each one built."""
        partition = self.partition()
        home = self._event_homes(partition)
        sentences = self._sentences()
        stories = []
        held: dict[frozenset[str], list[str]] = {}
        for event_id, story in home.items():
            held.setdefault(story, []).append(event_id)
        for members in partition:
            ids = frozenset(a.id for a in members)
            events = sorted(
                held.get(ids, []), key=lambda e: (self.events[e].date_start or "9999", e)
            )
            stories.append(
                Story(
                    title=self._title(members),
                    articles=tuple(a.id for a in members),
                    summary=self._summary([s for s in sentences if s.article in ids]),
                    events=tuple(events),
                )
            )
            if on_story is not None:
                on_story(len(stories), len(partition))
        return stories

    def _event_homes(self, partition: Sequence[Sequence[Article]]) -> dict[str, frozenset[str]]:
        """Each event belongs to the story holding most of its independent sources."""
        story_of = {a.id: frozenset(x.id for x in group) for group in partition for a in group}
        homes = {}
        for event_id, event in self.events.items():
            backing: dict[frozenset[str], set[str]] = {}
            for span in event.sources:
                if span.article in story_of:
                    backing.setdefault(story_of[span.article], set()).add(
                        self.sources.key(span.article)
                    )
            if backing:
                homes[event_id] = min(backing, key=lambda s: (-len(backing[s]), min(s)))
        return homes

    def _title(self, members: Sequence[Article]) -> str:
        positions = self.position
        centre = centroid(self.profiles[positions[a.id]].text for a in members)

        copies = self.copies

        def rank(article: Article) -> tuple[bool, bool, bool, float]:
            closeness = cosine(self.profiles[positions[article.id]].text, centre)
            return (not article.is_english, not article.title, article.id in copies, -closeness)

        best = min(members, key=rank)
        if best.title:
            return best.title
        first = sentence_spans(best.text)[:1]
        return best.text[first[0][0] : first[0][1]] if first else best.text[:120]

    def _sentences(self) -> list[_Sentence]:
        # The article's id (a content hash) is read once per article, not per sentence.
        raw: list[tuple[Article, str, int, int, int]] = []
        for article in self.articles:
            if not article.is_english:
                continue
            article_id = article.id
            for n, (start, end) in enumerate(sentence_spans(article.text)):
                if len(article.text[start:end].split()) >= MIN_SENTENCE_WORDS:
                    raw.append((article, article_id, start, end, n))
        tokens = [textmod.terms(a.text[s:e]) for a, _id, s, e, _n in raw]
        idf = Tfidf(tokens)
        evidence: dict[str, list[tuple[int, int, str]]] = {}
        for event_id, event in self.events.items():
            for span in event.sources:
                evidence.setdefault(span.article, []).append((span.start, span.end, event_id))
        stated: dict[str, list[tuple[int, int, str]]] = {}
        for claim in self.claims:
            if claim.status == "single":
                continue  # a key claim is one several sources weigh in on
            for span in claim.sources:
                found = (span.start, span.end, claim.about or "")
                stated.setdefault(span.article, []).append(found)
        return [
            _Sentence(
                article=article_id,
                start=start,
                end=end,
                text=article.text[start:end],
                vector=idf.vector(words),
                lead=n == 0,
                events=_inside(evidence.get(article_id, ()), start, end),
                claims=_inside(stated.get(article_id, ()), start, end),
            )
            for (article, article_id, start, end, n), words in zip(raw, tokens, strict=True)
        ]

    def _cites(self, sentence: _Sentence, sentences: Sequence[_Sentence]) -> _Candidate:
        """The sentence with the closest sentence of each other article that says the same."""
        s = self.settings
        best: dict[str, tuple[float, _Sentence]] = {}
        for other in sentences:
            if other.article == sentence.article:
                continue
            closeness = cosine(sentence.vector, other.vector)
            same_event = bool(sentence.events & other.events)
            if closeness >= s.same_text or (same_event and closeness >= s.same_event_text):
                held = best.get(other.article)
                if held is None or closeness > held[0]:
                    best[other.article] = (closeness, other)
        others = sorted((o for _c, o in best.values()), key=lambda o: (o.article, o.start))
        cites = [sentence, *others]
        return _Candidate(
            sentence=sentence, cites=cites, support=self.sources.count(c.article for c in cites)
        )

    def _summary(self, sentences: Sequence[_Sentence]) -> tuple[SummarySentence, ...]:
        """Maximal marginal relevance over the most promising sentences (module docstring)."""
        if not sentences:
            return ()
        s = self.settings
        centre = centroid(x.vector for x in sentences)
        weight = {event_id: e.source_count for event_id, e in self.events.items()}
        top_weight = max((weight.get(e, 1) for x in sentences for e in x.events), default=1)

        def worth(sentence: _Sentence, events: set[str], claims: set[str]) -> float:
            return (
                0.35 * cosine(sentence.vector, centre)
                + 0.3
                * min(1.0, sum(weight.get(e, 1) for e in sentence.events - events) / top_weight)
                + 0.15 * min(1.0, len(sentence.claims - claims) / 2)
                + 0.1 * sentence.lead
            )

        pool = sorted(sentences, key=lambda x: (-worth(x, set(), set()), x.article, x.start))
        candidates = [self._cites(x, sentences) for x in pool[:SUMMARY_POOL]]
        top_support = max(c.support for c in candidates)
        covered_events: set[str] = set()
        covered_claims: set[str] = set()
        chosen: list[_Candidate] = []
        cited: set[tuple[str, int]] = set()
        while len(chosen) < s.summary_sentences:
            best: tuple[float, _Candidate] | None = None
            for candidate in candidates:
                sentence = candidate.sentence
                if (sentence.article, sentence.start) in cited:
                    continue  # already in the summary, or cited as saying the same
                support = (candidate.support - 1) / (top_support - 1) if top_support > 1 else 0
                value = worth(sentence, covered_events, covered_claims) + 0.1 * support
                redundancy = max(
                    (cosine(sentence.vector, c.sentence.vector) for c in chosen), default=0.0
                )
                score = s.balance * value - (1 - s.balance) * redundancy
                if best is None or score > best[0]:
                    best = (score, candidate)
            if best is None or (chosen and best[0] < s.min_gain):
                break
            picked = best[1]
            chosen.append(picked)
            cited.update((c.article, c.start) for c in picked.cites)
            covered_events |= picked.sentence.events
            covered_claims |= picked.sentence.claims
        return tuple(
            SummarySentence(
                text=c.sentence.text,
                sources=tuple(
                    SourceSpan(article=x.article, start=x.start, end=x.end, text=x.text)
                    for x in c.cites
                ),
            )
            for c in chosen
        )


def _matrix(vectors: Sequence[Vector]) -> Any:
    """Rows of sparse vectors as a CSR matrix over their shared vocabulary."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row, vector in enumerate(vectors):
        for term, value in vector.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(value)
    shape = (len(vectors), max(1, len(vocabulary)))
    return sparse.csr_matrix((values, (rows, columns)), shape=shape)


def _top_per_row(matrix: Any, count: int) -> Any:
    """The matrix with only each row's ``count`` largest entries kept."""
    rows, columns, values = [], [], []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        data, index = matrix.data[start:end], matrix.indices[start:end]
        keep = np.argsort(-data, kind="stable")[:count]
        rows.extend([row] * len(keep))
        columns.extend(index[keep].tolist())
        values.extend(data[keep].tolist())
    return sparse.csr_matrix((values, (rows, columns)), shape=matrix.shape)


def _pair_cosines(matrix: Any, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Row dot products (cosines, rows being unit vectors) for each pair, chunk by chunk."""
    result = np.empty(len(left))
    for start in range(0, len(left), PAIR_CHUNK):
        stop = start + PAIR_CHUNK
        rows = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        result[start:stop] = np.asarray(rows.sum(axis=1)).ravel()
    return result


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published).toordinal() if published else None
    except ValueError:
        return None  # a month or a year only


def _inside(spans: Iterable[tuple[int, int, str]], start: int, end: int) -> frozenset[str]:
    return frozenset(key for s, e, key in spans if s < end and start < e)


def build_stories(
    articles: Sequence[Article],
    groups: Sequence[ArticleGroup],
    analyses: Sequence[Analysis],
    events: Sequence[Event],
    claims: Sequence[Claim],
    settings: StorySettings | None = None,
    on_story: Callable[[int, int], None] | None = None,
) -> list[Story]:
    return StoryBuilder(articles, groups, analyses, events, claims, settings).stories(on_story)


# --------------------------------------------------------------------------
# The stage


@stage(
    "stories",
    needs=["articles", "groups", "analyses", "events", "claims"],
    provides=["stories"],
    scope="corpus",
)
def make_stories(
    threshold: float = 0.2,
    text_weight: float = 0.55,
    place_weight: float = 0.25,
    actor_weight: float = 0.2,
    event_bonus: float = 0.3,
    window_days: int = 14,
    summary_sentences: int = 4,
    balance: float = 0.7,
) -> Stage:
    """Group articles into stories by shared events, places, actors and words; summarise each."""
    settings = StorySettings(
        threshold=threshold,
        text_weight=text_weight,
        place_weight=place_weight,
        actor_weight=actor_weight,
        event_bonus=event_bonus,
        window_days=window_days,
        summary_sentences=summary_sentences,
        balance=balance,
    )

    def stories(corpus: Corpus, context: StageContext) -> Corpus:
        def on_story(done: int, total: int) -> None:
            if done == 1:
                context.expect("stories", total)
            context.progress("stories", 1)

        found = build_stories(
            corpus.articles,
            corpus.groups,
            corpus.analyses,
            corpus.events,
            corpus.claims,
            settings,
            on_story,
        )
        return replace(corpus, stories=tuple(found))

    return stories
