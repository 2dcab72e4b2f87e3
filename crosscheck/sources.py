"""What a run reads: a folder of article files, or an RSS/Atom feed given as a URL or a file.

One spelling on the command line (``crosscheck run SOURCE`` / ``serve SOURCE``) covers both, so
a scheduled deployment's only parameter stays a plain string that the Prefect UI can show and
edit. The kind is decided here once, from the spelling and the file, never from guesses later.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

SourceKind = Literal["folder", "feed"]

# A feed file is XML; these are the names feeds are saved under.
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".feed")


class SourceError(ValueError):
    """A source that cannot be read at all; the message is the one line the user sees."""


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    location: str  # a folder path, a feed file path, or an http(s) URL

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def prunes(self) -> bool:
        """A folder is the whole corpus (a deleted file is gone); a feed is a moving window, so
        items that scrolled off it stay in the store."""
        return self.kind == "folder"


def parse_source(spec: str | os.PathLike[str]) -> Source:
    """Decide the source kind or raise SourceError naming the source and why."""
    text = str(spec).strip()
    if not text:
        raise SourceError("empty source: give a folder, a feed file or a feed URL")
    scheme = urlparse(text).scheme.lower()
    if scheme in ("http", "https"):
        if not urlparse(text).netloc:
            raise SourceError(f"{text}: URL has no host")
        return Source("feed", text)
    if scheme == "file":
        text = urlparse(text).path
    elif scheme and len(scheme) > 1:
        raise SourceError(f"{text}: unsupported URL scheme {scheme!r} (use http, https or a path)")
    path = Path(text)
    if path.is_dir():
        if not os.access(path, os.R_OK | os.X_OK):
            raise SourceError(f"{path}: folder not readable")
        return Source("folder", str(path))
    if path.is_file():
        if not os.access(path, os.R_OK):
            raise SourceError(f"{path}: feed file not readable")
        if path.suffix.lower() in FEED_SUFFIXES or _looks_like_feed(path):
            return Source("feed", str(path))
        raise SourceError(f"{path}: not a folder and not an RSS/Atom feed file")
    raise SourceError(f"{path}: no such folder or feed file")


def _looks_like_feed(path: Path) -> bool:
    """A feed saved without a telling suffix: its first kilobytes name an rss/feed/RDF root."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
