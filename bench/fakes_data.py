"""FA-KES development half (../shared/eval/events/fakes_dev.csv): loader and gold.

405 real English news articles about the Syrian war, each annotated with the
incident's date, governorate, cause of death, perpetrator category and death
counts. Articles with the same (date, governorate, cause) report one incident:
a same-incident group. The data is read from ``../shared/eval`` and never
copied into the project.

Tune/check halves are fixed by **group key** (``bench/splits.py``, set name
``fakes``), so a group never straddles the halves.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from splits import half_of, wanted

REPO = Path(__file__).resolve().parents[1]
FAKES_CSV = REPO.parent / "shared" / "eval" / "events" / "fakes_dev.csv"
SET_NAME = "fakes"

# The annotation's governorate spellings -> a canonical name, and the other
# spellings of each governorate (GeoNames admin1 names, transliterations).
# "damascus" in the annotation covers the city and its countryside (Rif Dimashq).
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "aleppo": ("aleppo", "halab", "ḩalab"),
    "idlib": ("idlib", "idleb", "edlib"),
    "damascus": (
        "damascus",
        "dimashq",
        "rif dimashq",
        "rif-dimashq",
        "damascus countryside",
        "rural damascus",
        "reef damascus",
    ),
    "deir ezzor": (
        "deir ezzor",
        "deir ez-zor",
        "deir el-zor",
        "dayr az zawr",
        "deir al-zor",
        "deir ez zor",
        "dayr az-zawr",
    ),
    "homs": ("homs", "hims", "ḩimş"),
    "hasakeh": ("hasakeh", "hasaka", "al-hasakah", "al hasakah", "hasakah", "al-hasaka"),
    "raqqa": ("raqqa", "ar-raqqah", "ar raqqah", "raqqah", "al-raqqa"),
    "hama": ("hama", "ḩamāh", "hamah"),
    "daraa": ("daraa", "dar'a", "deraa", "dara"),
    "lattakia": ("lattakia", "latakia", "al-ladhiqiyah", "al ladhiqiyah", "ladhiqiyah"),
    "quneitra": ("quneitra", "al-qunaytirah", "al qunaytirah", "qunaytirah"),
    "tartus": ("tartus", "tartous", "ţarţūs"),
    "sweida": ("sweida", "as-suwayda", "as suwayda", "suwayda", "sweida"),
}

# The annotation's causes of death -> the ACLED event types that code such an
# incident (ACLED codebook: shelling, air strikes, chemical weapons and bombs are
# Explosions/Remote violence; shooting can be a battle or an attack on civilians;
# executions are violence against civilians). "unknown" accepts any violent type.
CAUSE_TYPES: dict[str, frozenset[str]] = {
    "shelling": frozenset({"Explosions/Remote violence"}),
    "explosion": frozenset({"Explosions/Remote violence"}),
    "chemical and toxic gases": frozenset({"Explosions/Remote violence"}),
    "shooting": frozenset({"Battles", "Violence against civilians"}),
    "execution": frozenset({"Violence against civilians"}),
    "unknown": frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"}),
}


@dataclass(frozen=True, slots=True)
class FakesArticle:
    """One annotated article and its gold."""

    unit_id: str
    title: str
    text: str
    outlet: str
    incident_date: dt.date
    governorate: str  # canonical key of GOVERNORATES
    actor: str  # perpetrator category as annotated
    cause: str
    civilians: int
    noncivilians: int
    children: int
    women: int
    consistent: bool  # crowd workers judged it consistent with the VDC database

    @property
    def group(self) -> str:
        """The same-incident group key: date, governorate and cause."""
        return f"{self.incident_date.isoformat()}|{self.governorate}|{self.cause}"

    @property
    def toll(self) -> int:
        """Deaths as annotated: civilians plus non-civilians (children and women are
        counted among the civilians)."""
        return self.civilians + self.noncivilians

    @property
    def half(self) -> str:
        return half_of(SET_NAME, self.group)


def _date(text: str) -> dt.date:
    month, day, year = (int(part) for part in text.split("/"))
    return dt.date(2000 + year if year < 100 else year, month, day)


def canonical_governorate(name: str) -> str | None:
    """The canonical governorate key for a spelling, or None."""
    folded = " ".join(name.casefold().replace("governorate", "").split())
    for key, spellings in GOVERNORATES.items():
        if folded == key or folded in spellings:
            return key
    return None


def available() -> bool:
    return FAKES_CSV.is_file()


def load(half: str = "all", path: Path = FAKES_CSV) -> list[FakesArticle]:
    """The articles of one half ("tune", "check" or "all"), in file order."""
    articles = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            governorate = canonical_governorate(row["location"]) or row["location"].strip()
            article = FakesArticle(
                unit_id=row["unit_id"],
                title=row["article_title"],
                text=row["article_content"],
                outlet=row["source"],
                incident_date=_date(row["date"]),
                governorate=governorate,
                actor=row["actor"],
                cause=row["cause_of_death"],
                civilians=int(row["nb_civilians"]),
                noncivilians=int(row["nb_noncivilians"]),
                children=int(row["nb_children"]),
                women=int(row["nb_women"]),
                consistent=row["label"] == "1",
            )
            if wanted(SET_NAME, article.group, half):
                articles.append(article)
    return articles


def groups(articles: list[FakesArticle]) -> dict[str, list[FakesArticle]]:
    """Same-incident groups, by key."""
    out: dict[str, list[FakesArticle]] = {}
    for article in articles:
        out.setdefault(article.group, []).append(article)
    return out


def news_please_rows(articles: list[FakesArticle]) -> list[dict[str, str]]:
    """The articles as crosswire reads them: news-please fields, and no date (the
    annotated date is the incident's, not the publication's)."""
    return [{"title": a.title, "maintext": a.text, "source_domain": a.outlet} for a in articles]


def write_jsonl(articles: list[FakesArticle], path: Path) -> Path:
    """Write ``articles`` as JSON lines for ``crosswire run``; returns ``path``."""
    import json

    with path.open("w", encoding="utf-8") as handle:
        for row in news_please_rows(articles):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
