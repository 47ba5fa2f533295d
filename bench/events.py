"""Event-typing gates on CASE 2021 task 2 and the PLOVER gold records (../shared/eval/events).

Run: ``.venv/bin/python bench/events.py`` (``--no-embeddings`` for the lexicon alone,
``--only case`` or ``--only plover`` for one gate).

CASE 2021 task 2 (``case2021_task2_dev.tsv``): every snippet is typed by its
dominant event with ``crosswire.events.snippets.SnippetTyper``. Reported:

- weighted and macro F1 on the 25 ACLED classes, over the snippets whose gold
  label is one of them (a prediction outside the 25 counts as a miss);
- weighted and macro F1 on all 30 classes, over every snippet;
- the same for the lexicon alone and the embeddings alone, a per-class table
  and the most frequent confusions.

PLOVER gold records (``plover_gsr_cameo.txt``): each record's sentence is
typed with ``crosswire.events.plover.plover_event``. Reported: event-type
accuracy (exact match of the early PLOVER label), a per-class table, the most
frequent confusions, and source and target accuracy. An actor counts as
found when the predicted phrase (the noun phrase the parse gives as agent or
patient) and one of the gold ``actorText`` strings match after case folding
and dropping articles and punctuation: the gold text lies inside the
predicted phrase, or the phrase's head word is one of the gold text's words.
Source accuracy is over records with a gold source, target accuracy over
records with a gold target; a record with no prediction counts as wrong.

The data is read in place, never copied, and used only to measure.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval" / "events"
CASE_FILE = EVAL_DIR / "case2021_task2_dev.tsv"
PLOVER_FILE = EVAL_DIR / "plover_gsr_cameo.txt"
NONE = "NONE"


# --------------------------------------------------------------------------
# Metrics


def per_class(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, tuple[float, float, float, int]]:
    """label -> (precision, recall, F1, support)."""
    table = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = (precision, recall, f1, tp + fn)
    return table


def averaged_f1(table: dict[str, tuple[float, float, float, int]]) -> tuple[float, float]:
    """(weighted F1, macro F1) over the labels with gold support."""
    rows = [row for row in table.values() if row[3] > 0]
    support = sum(row[3] for row in rows)
    weighted = sum(row[2] * row[3] for row in rows) / support if support else 0.0
    macro = sum(row[2] for row in rows) / len(rows) if rows else 0.0
    return weighted, macro


def print_table(table: dict[str, tuple[float, float, float, int]]) -> None:
    print(f"  {'class':34} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for label, (precision, recall, f1, support) in sorted(table.items()):
        print(f"  {label:34} {precision:6.3f} {recall:6.3f} {f1:6.3f} {support:4d}")


def print_confusions(gold: Sequence[str], predicted: Sequence[str], top: int = 15) -> None:
    errors = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    print(f"  most frequent confusions ({sum(errors.values())} errors in {len(gold)}):")
    for (g, p), count in errors.most_common(top):
        print(f"    {count:3d}  {g} -> {p}")


# --------------------------------------------------------------------------
# CASE 2021 task 2


def read_case() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with CASE_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        column = {name: n for n, name in enumerate(header)}
        for row in reader:
            if len(row) < len(header):
                continue
            texts.append(row[column["EventSnippet"]])
            labels.append(row[column["SubType"]])
    return texts, labels


def case_gate(use_embeddings: bool) -> None:
    from crosswire.events import ontology as on
    from crosswire.events.snippets import SnippetTyper, best, combine, embedding_scores

    texts, gold = read_case()
    print(f"CASE 2021 task 2: {len(texts)} snippets from {CASE_FILE}")
    typer = SnippetTyper(embeddings=use_embeddings)
    started = time.perf_counter()
    lexical = typer.lexicon(texts)
    lexicon_seconds = time.perf_counter() - started
    runs: dict[str, list[dict[str, float]]] = {"lexicon+parse": lexical}
    if use_embeddings:
        started = time.perf_counter()
        embedded = embedding_scores(texts)
        embedding_seconds = time.perf_counter() - started
        runs["embeddings"] = embedded
        runs["combined"] = combine(lexical, embedded, typer.lexicon_weight)
    print(
        f"  lexicon+parse: {lexicon_seconds:.1f} s ({len(texts) / lexicon_seconds:.0f} snippets/s)"
    )
    if use_embeddings:
        print(
            f"  embeddings (incl. model load): {embedding_seconds:.1f} s "
            f"({len(texts) / embedding_seconds:.0f} snippets/s)"
        )

    acled = [s.case_label for s in on.SUB_EVENT_TYPES.values()]
    every = list(on.CASE_LABELS)
    final = "combined" if use_embeddings else "lexicon+parse"
    final_predicted: list[str] = []
    print(f"\n  {'run':16} {'wF1-25':>7} {'mF1-25':>7} {'wF1-30':>7} {'mF1-30':>7}")
    for name, scores in runs.items():
        predicted = [on.case_label_of(label) if (label := best(s)) else NONE for s in scores]
        subset = [n for n, g in enumerate(gold) if g in acled]
        table25 = per_class([gold[n] for n in subset], [predicted[n] for n in subset], acled)
        table30 = per_class(gold, predicted, every)
        w25, m25 = averaged_f1(table25)
        w30, m30 = averaged_f1(table30)
        print(f"  {name:16} {100 * w25:7.1f} {100 * m25:7.1f} {100 * w30:7.1f} {100 * m30:7.1f}")
        if name == final:
            final_predicted = predicted
    print(f"\n  per class ({final}, all 30 classes):")
    print_table(per_class(gold, final_predicted, every))
    print_confusions(gold, final_predicted)
    print(
        "  reference: best CASE 2021 system (trained on ACLED data) 83.9 weighted F1 on the 25 "
        "ACLED classes, 77.1 on all 30"
    )


# --------------------------------------------------------------------------
# PLOVER gold records

_DROP = re.compile(r"\b(the|a|an)\b|[^\w\s]")


def _normal(text: str) -> str:
    return " ".join(_DROP.sub(" ", text.casefold()).split())


def actor_texts(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [
        str(a.get("actorText", "")) for a in value if isinstance(a, dict) and a.get("actorText")
    ]


def actor_matches(phrase_text: str, head_word: str, gold: list[str]) -> bool:
    predicted = _normal(phrase_text)
    head = _normal(head_word)
    for text in gold:
        expected = _normal(text)
        if expected and (expected in predicted or (head and head in expected.split())):
            return True
    return False


def plover_gate() -> None:
    from crosswire.events.arguments import phrase
    from crosswire.events.plover import plover_event
    from crosswire.nlp import load_nlp

    records = [
        r
        for r in json.loads(PLOVER_FILE.read_text(encoding="utf-8"))
        if r.get("text") and r.get("event") != "DOCUMENT"
    ]
    print(f"\nPLOVER gold records: {len(records)} sentences from {PLOVER_FILE}")
    nlp = load_nlp()
    gold, predicted = [], []
    source_hits = source_total = target_hits = target_total = 0
    started = time.perf_counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        found = None
        for sentence in doc.sents:
            found = plover_event(sentence)
            if found is not None:
                break
        gold.append(record["event"])
        predicted.append(found.event if found else NONE)
        for role, token in (
            ("source", found.source if found else None),
            ("target", found.target if found else None),
        ):
            expected = actor_texts(record.get(role))
            if not expected:
                continue
            hit = False
            if token is not None:
                start, end = phrase(token)
                hit = actor_matches(doc.text[start:end], token.text, expected)
            if role == "source":
                source_total += 1
                source_hits += hit
            else:
                target_total += 1
                target_hits += hit
    seconds = time.perf_counter() - started
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    print(f"  {len(records) / seconds:.0f} sentences/s")
    print(f"  event-type accuracy: {100 * accuracy:.1f}% ({len(gold)} records)")
    print(
        f"  source accuracy: {100 * source_hits / max(source_total, 1):.1f}% "
        f"({source_hits}/{source_total}); target accuracy: "
        f"{100 * target_hits / max(target_total, 1):.1f}% ({target_hits}/{target_total})"
    )
    labels = sorted(set(gold))
    print("  per class:")
    print_table(per_class(gold, predicted, labels))
    print_confusions(gold, predicted)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--no-embeddings", action="store_true", help="lexicon and parse only")
    parser.add_argument("--only", choices=("case", "plover"), help="run one gate")
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        print(f"SKIP: evaluation data not found at {EVAL_DIR} (see shared/eval/README.md)")
        return 0
    if args.only in (None, "case"):
        if CASE_FILE.is_file():
            from crosswire.extras import available

            use_embeddings = not args.no_embeddings and available("embeddings")
            if not args.no_embeddings and not use_embeddings:
                print("NOTE: the 'embeddings' extra is not installed: lexicon and parse only")
            case_gate(use_embeddings)
        else:
            print(f"SKIP: {CASE_FILE} is missing")
    if args.only in (None, "plover"):
        if PLOVER_FILE.is_file():
            plover_gate()
        else:
            print(f"SKIP: {PLOVER_FILE} is missing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
