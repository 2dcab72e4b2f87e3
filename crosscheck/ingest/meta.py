"""Normalising article metadata from any format to the contract's fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosscheck.ingest.decode import IngestError


def normalise_published(value: Any) -> str:
    """ISO 8601 text; a date-time without zone is UTC (contract). Raises IngestError if invalid."""
    if isinstance(value, dt.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        raise IngestError("empty 'published'")
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise IngestError(f"'published' is not an ISO 8601 date: {text[:40]!r}") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.isoformat()


def text_field(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
