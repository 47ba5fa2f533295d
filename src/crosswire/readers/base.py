"""What every format reader shares: where a payload came from, and how it fails."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from crosswire.model import RawDocument, Rejection

STAGE = "ingest"


class ReadFailure(Exception):
    """The whole payload (or one part of it) cannot be used; ``reason`` is a rejection code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, kw_only=True, slots=True)
class Origin:
    """The input a reader works on, so it can name the documents and rejections it makes."""

    source: str
    sha256: str
    name: str  # the file name used for extension hints (".gz" already stripped)

    def document(
        self,
        *,
        position: str,
        format: str,
        content: str,
        encoding: str,
        single: bool = False,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        author: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> RawDocument:
        # A container's parts are told apart by position; a single document is the file.
        return RawDocument(
            input_sha256=self.sha256,
            source=self.source if single else f"{self.source}#{position}",
            position=position,
            format=format,
            content=content,
            encoding=encoding,
            url=url,
            title=title,
            outlet=outlet,
            author=author,
            published=published,
            language=language,
        )

    def reject(self, reason: str, detail: str = "", position: str = "") -> Rejection:
        return Rejection(
            source=self.source,
            stage=STAGE,
            reason=reason,
            detail=detail,
            input_sha256=self.sha256,
            position=position,
        )


Item = RawDocument | Rejection
Items = Iterator[Item]
