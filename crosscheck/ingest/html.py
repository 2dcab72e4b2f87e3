"""`.html` articles: main text and metadata via trafilatura, which strips boilerplate
(navigation, ads, comments) that would otherwise produce false claims."""

from __future__ import annotations

from typing import Any

import trafilatura

from crosscheck.ingest.decode import IngestError

# Fewer words than this is a menu entry or a "Loading..." placeholder, never a news story.
MIN_WORDS = 3


def parse(html: str) -> tuple[dict[str, Any], str]:
    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    if doc is None:
        raise IngestError("HTML page has no main text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    words = len(body.split())
    if words < MIN_WORDS:
        # trafilatura falls back to any text it finds, so an empty page yields a menu label.
        raise IngestError(f"HTML page has no main text ({words} words found)")
    meta = {
        "title": data.get("title"),
        "source": data.get("sitename") or data.get("hostname"),
        "published": data.get("date"),
        "url": data.get("url"),
    }
    return meta, body
