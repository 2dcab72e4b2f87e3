"""Normalising article metadata from any format to the contract's fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosscheck.ingest.decode import IngestError

# Metadata is one line in every report; a longer value is a paste error, not a title.
MAX_FIELD_CHARS = 1_000
# Clocks and time zones differ, embargoed pieces are dated ahead: only a day or more counts.
FUTURE_SLACK = dt.timedelta(days=1)


def normalise_published(value: Any) -> str:
    """ISO 8601 text; a date-time without zone is UTC (contract). Raises IngestError if invalid."""
    if isinstance(value, dt.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        return stamp.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise IngestError(f"'published' is a {type(value).__name__}, not an ISO 8601 date")
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


def future_warning(published: str, now: dt.datetime | None = None) -> str | None:
    """A reason when `published` lies ahead of the clock (kept: the clock may be the one wrong)."""
    stamp = dt.datetime.fromisoformat(published if len(published) > 10 else published + "T00:00:00+00:00")
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    ahead = stamp - now
    if ahead <= FUTURE_SLACK:
        return None
    return f"'published' {published} is {ahead.days} days in the future; kept, check the metadata or the clock"


def text_field(value: Any) -> str | None:
    """A scalar as one line of text; lists, mappings and other structures are not metadata."""
    if value is None or isinstance(value, (list, tuple, dict, set)):
        return None
    text = " ".join(str(value).split())
    return text[:MAX_FIELD_CHARS] or None
