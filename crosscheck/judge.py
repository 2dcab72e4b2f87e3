"""Judgement: can two aligned claims both be true?

Pure functions of the two claims (dicts shaped like ``claims`` rows, plus ``published`` and
the sentence's range of estimates ``est_low``/``est_high``), so every rule is unit-testable
without a store or a model. A conflict needs both the same subject (structured agreement, not
just embedding similarity) and values that cannot both hold; interval logic itself lives in
:mod:`crosscheck.intervals`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosscheck import config
from crosscheck.intervals import VAGUE_PLURALS, DateInterval, NumInterval, comparable, disjoint, gap
from crosscheck.models import Verdict

Row = dict[str, Any]


def _num_text(x: float | None) -> str:
    if x is None:
        return "∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _differ(a: Any, b: Any) -> bool:
    """Both state the field and they disagree (an unstated field agrees with anything)."""
    return a is not None and b is not None and a != b


def same_subject(a: Row, b: Row) -> bool:
    """Structured subject agreement: the fields both claims state must agree."""
    if a["kind"] != b["kind"]:
        return False
    if (a.get("scope") or None) != (b.get("scope") or None):
        return False  # a part vs a whole, another year or duration, a partial count
    if a["kind"] == "entity":
        if a.get("role") == b.get("role"):
            return True
        # a named holding ("owns the Marisol Star") has no object key and meets any of its verb
        return a.get("predicate") == b.get("predicate") and (a.get("counted") is None or b.get("counted") is None)
    if a["kind"] == "date":
        ka, kb = a.get("counted"), b.get("counted")
        return ka is not None and ka == kb
    if not comparable(a.get("unit"), b.get("unit")):
        return False
    return not any(_differ(a.get(f), b.get(f)) for f in ("counted", "place", "grp"))


def _published(row: Row) -> dt.datetime | None:
    p = row.get("published")
    if not p:
        return None
    try:
        stamp = dt.datetime.fromisoformat(p if len(p) > 10 else p + "T00:00:00+00:00")
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


# Running tallies: counts that grow as an event unfolds, so a later figure updates an earlier one.
_TALLIES = {"dead", "injured", "missing", "evacuated", "displaced", "arrested", "rescued"}
_UPDATE_VERBS = {"rise", "climb", "reach", "increase", "grow", "jump", "stand"}


def _superseded(a: Row, b: Row) -> bool:
    if a.get("counted") not in _TALLIES and not ({a.get("predicate"), b.get("predicate")} & _UPDATE_VERBS):
        return False
    pa, pb = _published(a), _published(b)
    return pa is not None and pb is not None and abs(pa - pb) >= dt.timedelta(hours=config.SUPERSEDE_AFTER_HOURS)


def judge(a: Row, b: Row) -> Verdict:
    if not same_subject(a, b):
        return Verdict(False)
    kind = a["kind"]
    if kind == "numeric":
        return _judge_numeric(a, b)
    if kind == "date":
        return _judge_date(a, b)
    return _judge_entity(a, b)


def _interval(row: Row) -> NumInterval:
    """The claim's interval, or its sentence's range when the sentence gives rival estimates.

    A plural round number ("hundreds of people were evacuated", "dozens injured") is a floor
    in news use: reporters write it before the count is known, and a later 5,600 does not
    contradict "hundreds". So only its low bound is compared.
    """
    if row.get("has_estimates"):
        return NumInterval(row.get("est_low"), row.get("est_high"), row.get("unit"))
    high = None if row.get("hedge") in VAGUE_PLURALS else row.get("high")
    return NumInterval(row.get("low"), high, row.get("unit"))


def _when(row: Row) -> str:
    p = _published(row)
    return f"{row['article_id']}, {p.strftime('%Y-%m-%d %H:%M %Z').strip()}" if p else row["article_id"]


def _severity(g: float) -> str:
    return "high" if g >= config.SEVERITY_HIGH_GAP else "medium" if g >= config.SEVERITY_MEDIUM_GAP else "low"


def _judge_numeric(a: Row, b: Row) -> Verdict:
    ia, ib = _interval(a), _interval(b)
    if not disjoint(ia, ib):
        return Verdict(False)
    severity = _severity(gap(ia, ib))
    subject = a.get("subject") or "the same figure"
    if _superseded(a, b):
        first, later = (a, b) if _published(a) <= _published(b) else (b, a)
        severity = {"high": "medium", "medium": "low", "low": "low"}[severity]
        why = (f"{subject}: {first['value_text']} ({_when(first)}) was superseded by "
               f"{later['value_text']} ({_when(later)}); readers of the earlier report were misled")
        return Verdict(True, severity, why, True)
    why = f"{subject}: {a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) cannot both be true"
    return Verdict(True, severity, why)


def _judge_date(a: Row, b: Row) -> Verdict:
    lo_a, hi_a, lo_b, hi_b = a.get("low_date"), a.get("high_date"), b.get("low_date"), b.get("high_date")
    if None in (lo_a, hi_a, lo_b, hi_b):
        return Verdict(False)  # unresolved or open-ended dates are never compared
    ia, ib = DateInterval(lo_a, hi_a), DateInterval(lo_b, hi_b)
    if not disjoint(ia, ib):
        return Verdict(False)
    days = gap(ia, ib)
    other_day = lo_a[:10] != lo_b[:10] or days >= 1
    severity = "high" if other_day else "medium"
    what = "day" if other_day else "time"
    subject = a.get("subject") or "the event"
    why = (f"{subject}: {a['value_text']} ({a['article_id']}: {lo_a}) and {b['value_text']} "
           f"({b['article_id']}: {lo_b}) give different {what}s")
    return Verdict(True, severity, why)


def same_actor(x: str | None, y: str | None) -> bool:
    """Spelling variants and shortened names are one actor: equal keys, or one key's words a
    subset of the other's ("halvard rusk" / "interior minister halvard rusk")."""
    if not x or not y:
        return True
    wx, wy = set(x.split()), set(y.split())
    return wx <= wy or wy <= wx


def _judge_entity(a: Row, b: Row) -> Verdict:
    if same_actor(a.get("entity"), b.get("entity")):
        return Verdict(False)
    why = (f"{a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) are named "
           f"as the one who {max(a['role'], b['role'], key=len)}")
    return Verdict(True, "high", why)
