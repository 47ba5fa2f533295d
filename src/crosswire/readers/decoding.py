"""Bytes to text: gzip, binary detection and the encoding policy.

The encoding policy, in order (``decode``):

1. A byte-order mark (UTF-8, UTF-16, UTF-32), or the UTF-16 signature of an XML
   declaration, decides. Bytes that then fail to decode are ``bad_encoding``.
2. UTF-16 without a byte-order mark (NUL bytes at every other position, and a
   strict decoding that reads as text) is UTF-16.
3. Binary data is refused as ``binary``: a known binary signature (PNG, PDF,
   ZIP, ...), a NUL byte in the first 8 KiB, or more than 2% control bytes.
4. Valid UTF-8 is UTF-8, whatever a document declares: legacy text is almost
   never valid UTF-8 by accident, while pages that declare ISO-8859-1 and are
   really UTF-8 are common.
5. A declared charset (the transport's, e.g. an HTTP header in a WARC, then the
   document's own HTML ``<meta charset>`` or XML declaration) is used when it
   decodes the bytes into plausible text. Labels are read as browsers read them
   (ISO-8859-1 and ASCII mean windows-1252, GB2312 means GB18030, ...).
6. UTF-8 with a few stray invalid bytes among many intact multi-byte sequences
   (at most 8, and at least 20 intact sequences per stray byte) is decoded as
   browsers do, each bad byte replaced by U+FFFD; the repair is noted
   (``repaired_encoding``). More damaged UTF-8 is ``bad_encoding``: guessing a
   legacy encoding would only turn it into mojibake.
7. Undeclared legacy text: windows-1252 first, as browsers assume for Western
   text, when its decoding is plausible; then charset-normalizer's candidates
   whose decoding is plausible and in which it recognises a language, or which
   read as Chinese, Japanese or Korean with the punctuation and spacing of real
   text (random bytes decode to CJK characters too, but hardly ever to those).
8. A declared charset that decodes but looked implausible is still better than
   nothing; otherwise the bytes are ``bad_encoding``.

"Plausible" means at least 95% of the non-ASCII characters are letters, marks,
spaces, punctuation or common typographic symbols, and accented Latin letters
are at most 30% of all letters (Cyrillic read as windows-1252 fails that).
A known gap: undeclared legacy text that windows-1252 also decodes plausibly
(Czech or Turkish in their own code pages) is read as windows-1252.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from charset_normalizer import from_bytes

from crosswire.readers.base import ReadFailure

GZIP_MAGIC = b"\x1f\x8b"
_INFLATE_CHUNK = 1 << 20

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (old MS Office) file"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz stream"),
    (b"\x28\xb5\x2f\xfd", "zstd stream"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
# Control bytes that never occur in text; tab, newlines and form feed do.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.02

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# "<?" of an XML declaration in UTF-16 without a BOM (XML 1.0, appendix F).
_UTF16_XML_SIGNATURES = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))

# Labels as the WHATWG Encoding standard (and so every browser) reads them.
_LABEL_ALIASES = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
_XML_DECLARATION_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.I)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_DECLARATION_WINDOW = 4096

# Valid multi-byte UTF-8 sequences (RFC 3629), to tell damaged UTF-8 from legacy text.
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))

_TEXT_CATEGORIES = frozenset({"Pd", "Pi", "Pf", "Ps", "Pe", "Po", "Zs", "Sc"})
_TEXT_SYMBOLS = frozenset("©®°±×÷´™µ¶§·½¼¾")
_MIN_PLAUSIBLE_SHARE = 0.95
_MAX_ACCENTED_LATIN_SHARE = 0.3
_PLAUSIBILITY_WINDOW = 20_000
_MIN_COHERENCE = 0.1  # charset-normalizer recognised some language in the decoding
_MAX_CHAOS = 0.1  # and found little mess (odd symbol runs, case switches) in it
_MAX_DETECTION_CANDIDATES = 5
# Han (with extension A), kana and Hangul syllables.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x3040, 0x30FF), (0xAC00, 0xD7AF))
_MIN_CJK_SEPARATOR_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: utf-8, utf-8-sig, cp1252, gb18030 ...
    notes: tuple[tuple[str, str], ...] = ()  # (reason code, detail): a repair


_MAX_REPAIRED_BYTES = 8
_MIN_INTACT_PER_REPAIR = 20
# UTF-16 without a mark: the high (or low) byte of most code units is NUL.
_MIN_UTF16_NUL_SHARE = 0.3


def gunzip(data: bytes, limit: int) -> tuple[bytes, str | None]:
    """Inflate every gzip member of ``data``.

    Returns what could be inflated and, when the stream is damaged or ends early,
    a description of the damage. More than ``limit`` inflated bytes is
    ``too_large``: a small file must not expand into an unbounded one.
    """

    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        pending = rest
        try:
            while not inflater.eof:
                chunk = inflater.decompress(pending, _INFLATE_CHUNK)
                pending = inflater.unconsumed_tail
                if not chunk and not pending:
                    return bytes(out), "the gzip stream ends early"
                out += chunk
                if len(out) > limit:
                    raise ReadFailure("too_large", f"decompresses to more than {limit} bytes")
        except zlib.error as exc:
            return bytes(out), f"corrupt gzip data: {exc}"
        rest = inflater.unused_data
        if rest and not rest.startswith(GZIP_MAGIC):
            if rest.strip(b"\x00"):  # zero padding after the last member is harmless
                return bytes(out), "unexpected bytes after the gzip stream"
            break
    return bytes(out), None


def binary_kind(data: bytes) -> str | None:
    """Why ``data`` is binary rather than text, or None when it may be text."""

    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[4:8] == b"ftyp":
        return "ISO media file (MP4, MOV, ...)"
    if data[257:262] == b"ustar":
        return "tar archive"
    if data.startswith(b"BZh") and data[3:4].isdigit():
        return "bzip2 stream"
    if b"\x00" in data[:8192]:
        return "NUL bytes"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        return f"{controls} control bytes in {len(data)}"
    return None


def decode(data: bytes, *, declared: Sequence[str] = ()) -> Decoded:
    """Decode ``data`` by the policy in this module's docstring.

    ``declared`` holds charsets the transport declared (an HTTP header);
    the document's own declarations are read here. Raises ``ReadFailure``
    with reason ``binary`` or ``bad_encoding``.
    """

    marked = _marked_encoding(data)
    if marked is not None:
        encoding, skip = marked
        try:
            return Decoded(_tidy(data[skip:].decode(encoding)), encoding)
        except UnicodeDecodeError as exc:
            raise ReadFailure(
                "bad_encoding", f"invalid {encoding} after its byte-order mark: {exc}"
            ) from exc

    wide = _unmarked_utf16(data)
    if wide is not None:
        return wide

    kind = binary_kind(data)
    if kind is not None:
        raise ReadFailure("binary", kind)

    try:
        return Decoded(_tidy(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    intact, broken = _utf8_sequences(data)
    if broken <= _MAX_REPAIRED_BYTES and intact >= _MIN_INTACT_PER_REPAIR * broken:
        text = data.decode("utf-8", "replace")
        detail = f"{broken} invalid bytes among {intact} valid multi-byte sequences replaced"
        return Decoded(_tidy(text), "utf-8", (("repaired_encoding", detail),))

    fallback: Decoded | None = None
    for codec in _codecs([*declared, *_declared_in_document(data)]):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible(text):
            return Decoded(_tidy(text), codec)
        fallback = fallback or Decoded(_tidy(text), codec)

    if intact >= 2 and 3 * intact >= broken:
        raise ReadFailure(
            "bad_encoding",
            f"damaged UTF-8: {intact} valid multi-byte sequences, {broken} invalid bytes",
        )

    detected = _detect_legacy(data)
    if detected is not None:
        return detected
    if fallback is not None:
        return fallback
    raise ReadFailure("bad_encoding", "not UTF-8, and no legacy encoding fits with confidence")


def plausible(text: str) -> bool:
    """Whether decoded text reads like human text rather than mojibake or noise."""

    sample = _sample(text)
    foreign = [c for c in sample if ord(c) > 0x7F]
    if not foreign:
        return True
    textual = sum(1 for c in foreign if _is_text_char(c))
    if textual < _MIN_PLAUSIBLE_SHARE * len(foreign):
        return False
    letters = sum(1 for c in sample if c.isalpha())
    accented_latin = sum(
        1 for c in foreign if c.isalpha() and unicodedata.name(c, "").startswith("LATIN")
    )
    return accented_latin <= _MAX_ACCENTED_LATIN_SHARE * letters


def _is_text_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category in _TEXT_CATEGORIES or char in _TEXT_SYMBOLS


def _sample(text: str) -> str:
    # Start, middle and end, so a long text is judged on more than its opening.
    window = _PLAUSIBILITY_WINDOW
    if len(text) <= 3 * window:
        return text
    middle = len(text) // 2
    return text[:window] + text[middle : middle + window] + text[-window:]


def _marked_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # utf-8-sig strips its own mark; the others are skipped by length.
            return encoding, 0 if encoding == "utf-8-sig" else len(bom)
    for signature, encoding in _UTF16_XML_SIGNATURES:
        if data.startswith(signature):
            return encoding, 0
    return None


def _unmarked_utf16(data: bytes) -> Decoded | None:
    """UTF-16 text without a byte-order mark, when NULs sit at every other byte."""

    head = data[:8192]
    if len(head) < 4 or b"\x00" not in head:
        return None
    half = len(head) // 2
    for codec, nuls in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if nuls.count(0) < _MIN_UTF16_NUL_SHARE * half:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if plausible(text) and sum(c.isprintable() or c.isspace() for c in text[:8192]) >= (
            0.98 * min(len(text), 8192)
        ):
            return Decoded(_tidy(text), codec)
    return None


def _declared_in_document(data: bytes) -> list[str]:
    head = data[:_DECLARATION_WINDOW]
    labels = []
    for pattern in (_XML_DECLARATION_RE, _META_CHARSET_RE):
        match = pattern.search(head)
        if match:
            labels.append(match.group(1).decode("ascii", "replace"))
    return labels


def _codecs(labels: Iterable[str]) -> list[str]:
    """Python codec names for charset labels, in order, without duplicates or unusable ones."""

    names: list[str] = []
    for label in labels:
        try:
            name = codecs.lookup(label.strip().lower()).name
        except LookupError:
            continue
        name = _LABEL_ALIASES.get(name, name)
        # UTF-16/32 without a mark, or UTF-7, is a mislabel: browsers ignore it too.
        if name.startswith(("utf-16", "utf-32", "utf-7")) or name in names:
            continue
        names.append(name)
    return names


def _utf8_sequences(data: bytes) -> tuple[int, int]:
    """(intact multi-byte UTF-8 sequences, high bytes outside them)."""

    intact = 0
    covered = 0
    for match in _UTF8_MULTIBYTE_RE.finditer(data):
        intact += 1
        covered += match.end() - match.start()
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return intact, high - covered


def _detect_legacy(data: bytes) -> Decoded | None:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and plausible(western):
        return Decoded(_tidy(western), "cp1252")
    for match in list(from_bytes(data))[:_MAX_DETECTION_CANDIDATES]:
        if match.chaos > _MAX_CHAOS:
            continue
        text = str(match)
        if plausible(text) and (match.coherence >= _MIN_COHERENCE or _reads_as_cjk(text)):
            return Decoded(_tidy(text), codecs.lookup(match.encoding).name)
    return None


def _reads_as_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean text, punctuated or spaced as real text is.

    charset-normalizer recognises no language in short CJK texts; random bytes
    also decode to CJK characters in GB18030 or Big5, but almost never to their
    punctuation or to spaces between words.
    """

    sample = _sample(text)
    cjk = sum(1 for c in sample if any(lo <= ord(c) <= hi for lo, hi in _CJK_RANGES))
    letters = sum(1 for c in sample if c.isalpha())
    if not cjk or cjk < 0.5 * letters:
        return False
    separators = sum(1 for c in sample if c.isspace() or unicodedata.category(c)[0] == "P")
    return separators >= _MIN_CJK_SEPARATOR_SHARE * cjk


def _tidy(text: str) -> str:
    # A stray NUL (allowed past the first 8 KiB) would break SQL text columns.
    return text.replace("\x00", "") if "\x00" in text else text
