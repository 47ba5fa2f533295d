"""Errors and rejection reason codes.

Bad *input* is not an error: it becomes a ``Rejection`` with one of the codes
below and the run goes on. Real failures raise ``StageError``, which names the
stage. Only the CLI and the HTTP API turn exceptions into messages.
"""

from __future__ import annotations

# Stable reason codes; outside tools read them from rejections.csv.
REASONS: dict[str, str] = {
    "missing_path": "the path does not exist",
    "unreadable": "the file could not be read (permissions or I/O error)",
    "empty": "the input is empty or holds only white space",
    "binary": "the input is binary data, not text",
    "bad_encoding": "the text is not valid in any encoding we could detect",
    "too_large": "the input is larger than the configured limit",
    "truncated_gzip": "the gzip stream ends early or is corrupt",
    "truncated_warc": "the WARC file ends early or a record is corrupt",
    "malformed_html": "the HTML could not be parsed into a document",
    "malformed_json": "a JSON record could not be parsed",
    "malformed_xml": "the XML could not be parsed",
    "xml_forbidden": (
        "the XML uses entity declarations or external references (a possible entity bomb)"
    ),
    "no_text": "no article text could be extracted",
    "too_short": "the extracted text is too short to be an article",
    "unsupported_format": "the input format is not one crosswire reads",
    "duplicate": (
        "a copy: the same bytes as an input already read (the detail names it); "
        "its article is stored once, under the input sha256 both share"
    ),
    "too_complex": "the document is beyond the limits on elements, nesting or size",
    "truncated": "kept, but cut at a limit (the detail says which); recorded on the article",
    "repaired_encoding": (
        "kept: a few invalid bytes in otherwise valid UTF-8 were replaced by U+FFFD, "
        "as browsers do; recorded on the article"
    ),
    "read_error": "reading the input failed unexpectedly (the detail names the error)",
}


class CrosswireError(Exception):
    """Base class for errors a user can act on."""


class ConfigError(CrosswireError):
    """The configuration is invalid (unknown stage, bad order, bad value)."""


class InputError(CrosswireError):
    """The command line named inputs that cannot be used at all."""


class StoreError(CrosswireError):
    """The store could not be opened or written."""


class MissingExtraError(CrosswireError):
    """A feature needs an optional part (an extra) that is not installed."""

    def __init__(self, extra: str, purpose: str, detail: str = "") -> None:
        super().__init__(
            f"{purpose} needs the '{extra}' extra: pip install 'crosswire[{extra}]'"
            + (f" ({detail})" if detail else "")
        )
        self.extra = extra


class StageError(CrosswireError):
    """A stage failed on something that is not bad input: a bug or a broken resource."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage '{stage}' failed: {message}")
        self.stage = stage
