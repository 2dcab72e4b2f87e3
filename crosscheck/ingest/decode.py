"""Bytes to text: UTF-8 first, then detection, so a cp1252 or UTF-16 file keeps its text."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class IngestError(ValueError):
    """An article that cannot be used; the message is the one-line reason shown to the user."""


def decode(data: bytes) -> str:
    if not data.strip():
        raise IngestError("empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    if b"\x00" in data[:4096]:
        raise IngestError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
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
