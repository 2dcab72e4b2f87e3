"""`.html` articles: main text and metadata via trafilatura, which strips boilerplate
(navigation, ads, comments) that would otherwise produce false claims."""

from __future__ import annotations

from typing import Any

import trafilatura

from crosscheck.ingest.decode import IngestError


def parse(html: str) -> tuple[dict[str, Any], str]:
    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    if doc is None:
        raise IngestError("HTML page has no main text")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = (data.get("text") or "").strip()
    if not body:
        raise IngestError("HTML page has no main text")
    meta = {
        "title": data.get("title"),
        "source": data.get("sitename") or data.get("hostname"),
        "published": data.get("date"),
        "url": data.get("url"),
    }
    return meta, body
