"""Bytes to text: UTF-8 first, then detection, so a cp1252 or UTF-16 file keeps its text.

Every refusal is an IngestError whose message is the one-line reason a user sees next to the
file name; nothing here lets a decoding exception escape.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from crosscheck.ingest.limits import MAX_CONTROL_SHARE


class IngestError(ValueError):
    """An article that cannot be used; the message is the one-line reason shown to the user."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode(data: bytes) -> str:
    if not data:
        raise IngestError("empty file (0 bytes)")
    text = _decode(data)
    if not text.strip():
        raise IngestError("only whitespace, no text")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise IngestError("binary file (control characters), not text")
    return text


def _decode(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                raise IngestError(f"starts with a {enc.upper()} byte-order mark but is not {enc.upper()}") from None
    if b"\x00" in data[:4096]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise IngestError("binary file (NUL bytes), not text")
        return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # A download cut inside the last multi-byte character: the rest is good UTF-8.
            return data[: exc.start].decode("utf-8")
    # Legacy Western files (Windows-1252, and Latin-1 which it extends for printable text) are
    # by far the most common non-UTF-8 news text; statistical detection on a short article
    # often picks a Central-European code page instead and garbles quotes and accents.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError("not text in any known encoding")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """English UTF-16 has a NUL in every other byte; anything else with NULs is binary."""
    head = data[:4096]
    if len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.3 * half and other == 0:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


# The Unicode "Cc" characters (C0, DEL, C1) except tab, LF, CR, FF and VT: one regex pass
# instead of a category lookup per character, since every article of every run goes through it.
_BAD_CONTROLS = re.compile("[" + "".join(
    re.escape(chr(c)) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in _ALLOWED_CONTROLS) + "]")


def _control_share(text: str) -> float:
    sample = text[:20_000]
    return len(_BAD_CONTROLS.findall(sample)) / max(1, len(sample))
