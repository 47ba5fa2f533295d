"""Stage `ingest`: input files -> raw documents (or rejections).

PLACEHOLDER until the ingest work lands: reads .txt only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from crosswire.model import Corpus, InputRef, RawDocument, Rejection, sha256_bytes
from crosswire.registry import StageContext, stage


def discover(paths: Sequence[str], stdin: bytes | None = None) -> tuple[list[InputRef], list[Rejection]]:
    """Expand what the user named into input files; missing paths become rejections."""
    from pathlib import Path

    found: list[InputRef] = []
    rejected: list[Rejection] = []
    for raw in paths:
        if raw == "-":
            data = stdin or b""
            found.append(InputRef(source="-", sha256=sha256_bytes(data), size=len(data), data=data))
            continue
        path = Path(raw)
        if not path.exists():
            rejected.append(Rejection(source=raw, stage="ingest", reason="missing_path"))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            found.append(InputRef(source=str(file), sha256=sha256_bytes(data), size=len(data)))
    return found, rejected


@stage("ingest", needs=["inputs"], provides=["documents", "rejections"])
def make_ingest(max_bytes: int = 50_000_000, follow_symlinks: bool = False) -> object:
    def ingest(corpus: Corpus, context: StageContext) -> Corpus:
        docs = []
        for ref in corpus.inputs:
            from pathlib import Path

            data = ref.data if ref.data is not None else Path(ref.source).read_bytes()
            docs.append(
                RawDocument(
                    input_sha256=ref.sha256, source=ref.source, position="0", format="txt",
                    content=data.decode("utf-8", "replace"),
                )
            )
        return replace(corpus, documents=tuple(docs))

    return ingest
