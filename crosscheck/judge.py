"""Judgement: can two aligned claims both be true?

Pure functions of the two claims (dicts shaped like ``claims`` rows, plus ``published``), so
every rule is unit-testable without a store or a model. A conflict needs both the same subject
(structured agreement, not just embedding similarity) and values that cannot both hold.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosscheck.models import Verdict

Row = dict[str, Any]

# An update this long after the first report is a superseded count, not a flat contradiction.
SUPERSEDE_AFTER = dt.timedelta(hours=6)


def _num_text(x: float | None) -> str:
    if x is None:
        return "∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _disjoint(lo_a, hi_a, lo_b, hi_b) -> bool:
    return (hi_a is not None and lo_b is not None and hi_a < lo_b) or (
        hi_b is not None and lo_a is not None and hi_b < lo_a
    )


def _same(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def same_subject(a: Row, b: Row) -> bool:
    """Structured subject agreement: fields both claims state must agree."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "entity":
        return a.get("role") == b.get("role")
    fields = ("counted", "place", "grp", "scope") if a["kind"] == "numeric" else ("predicate",)
    if a["kind"] == "numeric" and (a.get("unit") or None) != (b.get("unit") or None):
        return False
    return all(_same(a.get(f), b.get(f)) for f in fields)


def _published(row: Row) -> dt.datetime | None:
    p = row.get("published")
    if not p:
        return None
    stamp = dt.datetime.fromisoformat(p if len(p) > 10 else p + "T00:00:00+00:00")
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


def _superseded(a: Row, b: Row) -> bool:
    pa, pb = _published(a), _published(b)
    return pa is not None and pb is not None and abs(pa - pb) >= SUPERSEDE_AFTER


def judge(a: Row, b: Row) -> Verdict:
    if not same_subject(a, b):
        return Verdict(False)
    kind = a["kind"]
    if kind == "numeric":
        return _judge_numeric(a, b)
    if kind == "date":
        return _judge_date(a, b)
    return _judge_entity(a, b)


def _judge_numeric(a: Row, b: Row) -> Verdict:
    if not _disjoint(a["low"], a["high"], b["low"], b["high"]):
        return Verdict(False)
    near_a = a["high"] if a["high"] is not None else a["low"]
    near_b = b["low"] if b["low"] is not None else b["high"]
    if a["high"] is not None and b["low"] is not None and a["high"] < b["low"]:
        gap = (b["low"] - a["high"]) / max(abs(b["low"]), 1.0)
    else:
        gap = (a["low"] - b["high"]) / max(abs(a["low"]), 1.0)
    del near_a, near_b
    superseded = _superseded(a, b)
    severity = "high" if gap >= 0.2 else "medium" if gap >= 0.05 else "low"
    if superseded:
        severity = {"high": "medium", "medium": "low", "low": "low"}[severity]
    why = f"{a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) cannot both hold"
    if superseded:
        why += "; the later article updates the earlier figure"
    return Verdict(True, severity, why, superseded)


def _judge_date(a: Row, b: Row) -> Verdict:
    lo_a, hi_a, lo_b, hi_b = a["low_date"], a["high_date"], b["low_date"], b["high_date"]
    if None in (lo_a, hi_a, lo_b, hi_b):
        return Verdict(False)
    # Compare at the coarser resolution when one side is a day and the other a time of day.
    if len(lo_a) != len(lo_b) or len(hi_a) != len(hi_b):
        lo_a, hi_a, lo_b, hi_b = lo_a[:10], hi_a[:10], lo_b[:10], hi_b[:10]
    if not _disjoint(lo_a, hi_a, lo_b, hi_b):
        return Verdict(False)
    severity = "high" if lo_a[:10] != lo_b[:10] else "medium"
    why = f"{a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) date it differently"
    return Verdict(True, severity, why)


def _judge_entity(a: Row, b: Row) -> Verdict:
    if not a.get("entity") or not b.get("entity") or a["entity"] == b["entity"]:
        return Verdict(False)
    why = f"{a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) name different actors for '{a['role']}'"
    return Verdict(True, "high", why)
