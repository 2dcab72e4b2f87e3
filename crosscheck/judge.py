"""Judgement: can two aligned claims both be true, and how sure are we that they cannot?

Pure functions of two claim rows (dicts shaped like ``claims`` rows joined with their
``claim_frames`` row, plus ``published`` and the sentence's range of rival estimates
``est_low``/``est_high``) and of the probability that the two speak of the same thing. That
probability comes from the match model (``crosscheck.match``, scored in SQL at alignment); the
judge adds what is logic, not evidence: interval overlap, a part that cannot exceed its whole,
and the dates that are never an event's date (a statement's day, a month-long background span).
Every rule is unit-testable without a store or a model. It imports models, intervals and config
(actor spellings excepted: ``crosscheck.nlp.aliases`` decides who is one actor).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from crosscheck import config
from crosscheck.intervals import VAGUE_PLURALS, DateInterval, NumInterval, disjoint, gap
from crosscheck.models import Verdict

Row = dict[str, Any]


def judge(a: Row, b: Row, match: float = 1.0, report_from: float = 0.0) -> Verdict:
    """The verdict on an aligned pair: a conflict when the two cannot both hold and the match
    probability reaches ``report_from``; its confidence is the match probability."""
    if a["kind"] != b["kind"] or match < report_from:
        return Verdict(False)
    if a["kind"] == "entity":
        return _judge_entity(a, b, match)
    if a["kind"] == "numeric":
        return _judge_numeric(a, b, match)
    return _judge_date(a, b, match)


def values_disagree(a: Row, b: Row) -> bool:
    """Whether the two values cannot both hold, whatever they speak of (what a match-model fit
    learns from: only pairs that disagree can be conflicts)."""
    if a["kind"] == "numeric":
        ia, ib = _interval(a), _interval(b)
        return disjoint(ia, ib) and not _group_within_whole(a, b, ia, ib)
    if a["kind"] == "date":
        return _dates_disagree(a, b)
    return False


def _published(row: Row) -> dt.datetime | None:
    p = row.get("published")
    if not p:
        return None
    try:
        stamp = dt.datetime.fromisoformat(p if len(p) > 10 else p + "T00:00:00+00:00")
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)


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


def _group_within_whole(a: Row, b: Row, ia: NumInterval, ib: NumInterval) -> bool:
    """One figure counts a group ("24 soldiers injured", "six children"), the other names none
    ("55 wounded"): the group is a part of the whole, so a smaller group figure agrees with it.
    Only a group larger than the whole cannot hold."""
    if bool(a.get("grp")) == bool(b.get("grp")):
        return False
    part, whole = (ia.base(), ib.base()) if a.get("grp") else (ib.base(), ia.base())
    return whole.high is None or part.low is None or part.low <= whole.high


def _updated(a: Row, b: Row) -> bool:
    """Two reports of a running figure hours apart: the later one may be an update."""
    pa, pb = _published(a), _published(b)
    return pa is not None and pb is not None and abs(pa - pb) >= dt.timedelta(hours=config.SUPERSEDE_AFTER_HOURS)


def severity_of(relative_gap: float, confidence: float) -> str:
    """How much a reader's picture changes (the relative gap) and how sure the pairing is:
    a large gap on a sure pair is high; a small gap, or an unsure pair, is at most medium."""
    if relative_gap >= config.SEVERITY_HIGH_GAP and confidence >= config.SEVERITY_HIGH_CONFIDENCE:
        return "high"
    if relative_gap >= config.SEVERITY_MEDIUM_GAP:
        return "medium"
    return "low"


def _when(row: Row) -> str:
    p = _published(row)
    return p.strftime("%d %b %Y %H:%M").lstrip("0") if p else "undated"


def _judge_numeric(a: Row, b: Row, match: float) -> Verdict:
    ia, ib = _interval(a), _interval(b)
    if not disjoint(ia, ib) or _group_within_whole(a, b, ia, ib):
        return Verdict(False)
    severity = severity_of(gap(ia, ib), match)
    subject = a.get("subject") or "the same figure"
    if a.get("measure_class") is not None and _updated(a, b):
        first, later = (a, b) if _published(a) <= _published(b) else (b, a)
        direction = "revised up" if (_interval(later).base().low or 0) > (_interval(first).base().low or 0) else "revised down"
        why = (f"{subject}: {first['article_id']} reported {first['value_text']} ({_when(first)}); "
               f"{later['article_id']} reported {later['value_text']} ({_when(later)}), {direction} or disputed")
        return Verdict(True, severity, why, True, match)
    why = f"{subject}: {a['article_id']} reports {a['value_text']}, {b['article_id']} reports {b['value_text']}"
    return Verdict(True, severity, why, False, match)


def _never_compared(row: Row) -> bool:
    """The day a source spoke, a publication stamp, a thing's state on a day, or a month or year
    recalled as background: none of them is the day of the reported event."""
    return bool(row.get("statement") or row.get("background"))


def _dates_disagree(a: Row, b: Row) -> bool:
    if _never_compared(a) or _never_compared(b):
        return False
    lo_a, hi_a, lo_b, hi_b = a.get("low_date"), a.get("high_date"), b.get("low_date"), b.get("high_date")
    if None in (lo_a, hi_a, lo_b, hi_b):
        return False  # unresolved or open-ended dates are never compared
    return disjoint(DateInterval(lo_a, hi_a), DateInterval(lo_b, hi_b))


def _judge_date(a: Row, b: Row, match: float) -> Verdict:
    if not _dates_disagree(a, b):
        return Verdict(False)
    lo_a, lo_b = a["low_date"], b["low_date"]
    days = gap(DateInterval(lo_a, a["high_date"]), DateInterval(lo_b, b["high_date"]))
    other_day = lo_a[:10] != lo_b[:10] or days >= 1
    severity = "high" if other_day and match >= config.SEVERITY_HIGH_CONFIDENCE else "medium"
    what = "day" if other_day else "time"
    subject = a.get("subject") or "the event"
    why = (f"{subject}: {a['article_id']} gives {a['value_text']} ({lo_a}), "
           f"{b['article_id']} gives {b['value_text']} ({lo_b}): different {what}s")
    return Verdict(True, severity, why, False, match)


def same_actor(x: str | None, y: str | None) -> bool:
    """Spelling variants, transliterations, acronyms and shortened names are one actor; the
    rules and their guards against over-merging live in :mod:`crosscheck.nlp.aliases`."""
    from crosscheck.nlp.aliases import same_actor as _aliases_same_actor

    return _aliases_same_actor(x, y)


def _same_role(a: Row, b: Row) -> bool:
    if a.get("role") == b.get("role"):
        return True
    # a named holding ("owns the Marisol Star") has no object key and meets any of its verb
    pa = a.get("predicate")
    return pa is not None and pa == b.get("predicate") and (a.get("role") == pa or b.get("role") == pa)


def _judge_entity(a: Row, b: Row, match: float) -> Verdict:
    if (a.get("scope") or None) != (b.get("scope") or None) or not _same_role(a, b):
        return Verdict(False)
    if same_actor(a.get("entity"), b.get("entity")):
        return Verdict(False)
    why = (f"{a['article_id']} names {a['value_text']} and {b['article_id']} names {b['value_text']} "
           f"as the one who {max(a['role'], b['role'], key=len)}")
    return Verdict(True, "high" if match >= config.SEVERITY_HIGH_CONFIDENCE else "medium", why, False, match)
