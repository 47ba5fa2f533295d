"""Stage `ingest`: input files -> raw documents, and rejections for what cannot be used.

``discover`` expands what the user named into ``InputRef``s; the stage reads
each one with ``crosswire.readers.read_payload``. Bad input never stops a run:
every failure, expected or not, becomes a ``Rejection`` with a reason code.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from crosswire.model import Corpus, InputRef, RawDocument, Rejection, sha256_bytes
from crosswire.readers import Origin, ReadFailure, read_payload
from crosswire.readers.base import STAGE, Item
from crosswire.registry import Stage, StageContext, stage

_HASH_CHUNK = 1 << 20


def discover(
    paths: Sequence[str], stdin: bytes | None = None, *, follow_symlinks: bool = False
) -> tuple[list[InputRef], list[Rejection]]:
    """Expand paths into input files, each hashed (streamed) and sized.

    ``-`` is standard input, whose bytes are passed in. Directories are walked
    recursively in sorted order, skipping hidden entries (``.git``, ``.DS_Store``).
    Inside a directory, symbolic links are skipped unless ``follow_symlinks``;
    a path named explicitly is used even when it is a link. A path that does not
    exist is a ``missing_path`` rejection; one that cannot be read, or is no
    regular file (a FIFO, a device), is ``unreadable``.
    """

    found: list[InputRef] = []
    rejected: list[Rejection] = []
    seen: set[str] = set()
    first_by_sha: dict[str, InputRef] = {}
    for raw in paths:
        if raw == "-":
            data = stdin or b""
            items: Iterator[InputRef | Rejection] = iter(
                [InputRef(source="-", sha256=sha256_bytes(data), size=len(data), data=data)]
            )
        else:
            items = _expand(Path(raw), follow_symlinks)
        for item in items:
            if isinstance(item, Rejection):
                rejected.append(item)
                continue
            real = os.path.realpath(item.path or item.source) if item.source != "-" else "-"
            if real in seen:  # the same file named twice is read once
                continue
            seen.add(real)
            first = first_by_sha.setdefault(item.sha256, item)
            if first is not item:
                rejected.append(_copy_of(item, first))
            else:
                found.append(item)
    return found, rejected


def _copy_of(copy: InputRef, first: InputRef) -> Rejection:
    """A byte-identical copy: read once; this record links the copy to the input read."""

    return Rejection(
        source=copy.source,
        stage=STAGE,
        reason="duplicate",
        detail=f"the same bytes as {first.source}",
        input_sha256=copy.sha256,
    )


def display_path(path: Path | str) -> str:
    """A path as text that any store or file can hold: undecodable bytes become \\xNN."""

    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def _expand(path: Path, follow_symlinks: bool) -> Iterator[InputRef | Rejection]:
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        yield _reject(display_path(path), "missing_path", "no such file or directory")
        return
    except OSError as exc:
        yield _reject(display_path(path), "unreadable", exc.strerror or str(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, follow_symlinks, {os.path.realpath(path)})
    else:
        yield _file_ref(path, info.st_mode)


def _walk(
    directory: Path, follow_symlinks: bool, visited: set[str]
) -> Iterator[InputRef | Rejection]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield _reject(display_path(directory), "unreadable", exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink() and not follow_symlinks:
            continue
        try:
            info = entry.stat(follow_symlinks=follow_symlinks)
        except OSError as exc:  # a dangling link, or a vanished entry
            yield _reject(display_path(path), "missing_path", exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            real = os.path.realpath(path)
            if real not in visited:  # a followed link may loop back
                yield from _walk(path, follow_symlinks, visited | {real})
        else:
            yield _file_ref(path, info.st_mode)


def _file_ref(path: Path, mode: int) -> InputRef | Rejection:
    source = display_path(path)
    if not stat.S_ISREG(mode):
        # Reading a FIFO would block, a device never ends.
        return _reject(source, "unreadable", "not a regular file")
    try:
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256")
            size = handle.tell()
    except OSError as exc:
        return _reject(source, "unreadable", exc.strerror or str(exc))
    opened = str(path) if source != str(path) else None
    return InputRef(source=source, sha256=digest.hexdigest(), size=size, path=opened)


def _reject(source: str, reason: str, detail: str) -> Rejection:
    return Rejection(source=source, stage=STAGE, reason=reason, detail=detail)


def read_input(ref: InputRef, *, max_bytes: int) -> list[Item]:
    """Everything one input yields: documents, and rejections for what could not be used."""

    origin = Origin(source=ref.source, sha256=ref.sha256, name=ref.source)
    try:
        return list(read_payload(_load(ref, max_bytes), origin, max_bytes=max_bytes))
    except ReadFailure as failure:
        return [origin.reject(failure.reason, failure.detail)]
    except Exception as exc:  # one broken input must not stop the run
        return [origin.reject("read_error", f"{type(exc).__name__}: {exc}")]


def _load(ref: InputRef, max_bytes: int) -> bytes:
    """The input's bytes; a file over the limit is refused without being read."""

    if ref.data is not None:
        data = ref.data
    else:
        if ref.size > max_bytes:
            raise ReadFailure("too_large", f"{ref.size} bytes; the limit is {max_bytes}")
        try:
            with Path(ref.path or ref.source).open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError as exc:
            raise ReadFailure("missing_path", "the file vanished after discovery") from exc
        except OSError as exc:
            raise ReadFailure("unreadable", exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:
        raise ReadFailure("too_large", f"more than {max_bytes} bytes")
    return data


@stage("ingest", needs=["inputs"], provides=["documents", "rejections"])
def make_ingest(max_bytes: int = 50_000_000, follow_symlinks: bool = False) -> Stage:
    """Read input files into raw documents; bad inputs become rejections.

    ``follow_symlinks`` is applied when paths are discovered (``discover``); it
    is accepted here so the ``[stages.ingest]`` settings stay in one place.
    """

    def ingest(corpus: Corpus, context: StageContext) -> Corpus:
        documents: list[RawDocument] = []
        rejections: list[Rejection] = []
        for ref in corpus.inputs:
            for item in read_input(ref, max_bytes=max_bytes):
                if isinstance(item, RawDocument):
                    documents.append(item)
                else:
                    rejections.append(item)
            context.progress("ingest", 1)
        return replace(
            corpus,
            documents=corpus.documents + tuple(documents),
            rejections=corpus.rejections + tuple(rejections),
        )

    return ingest
