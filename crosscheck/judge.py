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
from crosscheck.intervals import VAGUE_PLURALS, DateInterval, NumInterval, comparable, disjoint, gap, to_base
from crosscheck.models import Verdict
from crosscheck.nlp.extract import STATE, STATEMENT
from crosscheck.nlp.subjects import DEPTH
from crosscheck.nlp.subjects import LEXICON_MEASURES, PRONOUN_DOER, TIME_MEASURES, counts_persons

Row = dict[str, Any]
# Verbs that say nothing of what happened ("was", "had"), so they cannot tell two figures apart.
_NEUTRAL_VERBS = {"be", "have", "remain", "stand", "say", "get", "make", "take", "do"}


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
        pa = a.get("predicate")
        return pa is not None and pa == b.get("predicate") and (a.get("role") == pa or b.get("role") == pa)
    if a["kind"] == "date":
        ka, kb = a.get("counted"), b.get("counted")
        # a verb's date also needs the same doer when both name one: "shares fell" vs "the roof fell"
        return ka is not None and ka == kb and not _differ(a.get("grp"), b.get("grp"))
    if not comparable(a.get("unit"), b.get("unit")):
        return False
    if _nothing_counted(a) or _nothing_counted(b):
        return False
    if any(_differ(a.get(f), b.get(f)) for f in ("counted", "place", "grp")):
        return False
    if not same_actor(a.get("entity"), b.get("entity")):
        return False  # two named doers' figures: Corrigan's yards vs Pellman's yards
    if _background(a) or _background(b):
        return False
    if _unanchored_distance(a) or _unanchored_distance(b):
        return False
    if _things_done_differently(a, b):
        return False
    return _same_predicate_if_needed(a, b)


# Words a length is written in: a figure whose only noun is one of these says how far, not
# what was measured.
_LENGTH_WORDS = {"kilometre", "kilometer", "km", "metre", "meter", "m", "mile", "yard", "yd", "foot",
                 "feet", "ft", "inch", "nautical mile"}


def _unanchored_distance(row: Row) -> bool:
    """A length with no noun of its own ("10 km from the coast", "72 km southeast of Tarnby",
    "returned it 32 yards"): one report holds many distances (distance from each town, one run
    vs another), so two of them are never known to be the same distance. A length the
    extractor reads as a depth ("at a depth of 580 metres", "600 metres underground") is
    anchored: it is the one depth of the site, whatever the wording."""
    if to_base(1.0, row.get("unit"))[1] != "length":
        return False
    counted = (row.get("counted") or "").strip()
    if counted == DEPTH:
        return False
    return not counted or counted in _LENGTH_WORDS or counted.split()[-1] in _LENGTH_WORDS


def _things_done_differently(a: Row, b: Row) -> bool:
    """Counted things (not tolls) with two different verbs are two figures: "seven bullets
    fired" vs "a gun loaded with four bullets", "two quakes struck" vs "a team dispatched
    after two quakes". Tolls are written with many verbs for one thing and stay comparable, as
    do fates merged by the extractor ("brought down" / "swept away"), measures with their own
    complement ("days of mourning"), a site's depth ("gave way" / "collapsed" 600 metres down)
    and people, whose one deployment is written with many verbs ("fought the blaze" / "were
    sent"). Verbs that say nothing of what happened never decide."""
    measure = a.get("counted") or ""
    if (measure in LEXICON_MEASURES or measure == DEPTH or " of " in measure
            or measure.endswith(("destroyed", "damaged", "flooded")) or counts_persons(measure)):
        return False
    pa, pb = a.get("predicate"), b.get("predicate")
    if not pa or not pb or pa == pb:
        return False
    return pa not in _NEUTRAL_VERBS and pb not in _NEUTRAL_VERBS


def _nothing_counted(row: Row) -> bool:
    """A figure whose sentence names nothing it counts: "Three hundred and fifty two!", "he
    was 68", "two landed". With no noun, only the verb stands for the measure, and a verb
    outside the toll lexicon ("was", "landed") says nothing of which thing is counted, so
    two such figures are never known to be one. Tolls without a noun ("killing four") keep
    their measure and stay comparable."""
    if row["kind"] != "numeric":
        return False
    measure = row.get("counted")
    if not measure:
        return True
    if measure in LEXICON_MEASURES or measure != row.get("predicate"):
        return False
    # A sum of money or a physical measure says what kind of thing it is by its unit: with a
    # verb that says what was done ("demanding $4 million"), the verb and the unit together
    # name the figure, and figures of other verbs or other dimensions never meet it.
    return not (_self_describing(row.get("unit")) and measure not in _NEUTRAL_VERBS)


# Dimensions whose unit says what is measured. Not time (a span of anything), not percent or
# other ratios (a share of anything), not counts.
_PHYSICAL = {"length", "mass", "volume", "area", "power", "energy", "speed"}


def _self_describing(unit: str | None) -> bool:
    """A currency (an ISO code: "USD", "EUR") or a unit of a physical dimension."""
    if not unit:
        return False
    dim = to_base(1.0, unit)[1]
    return dim in _PHYSICAL or len(unit) == 3 and unit.isalpha() and unit.isupper()


def _background(row: Row) -> bool:
    """A figure of another event ("the 2004 tsunami killed 170,000", "a separate strike"):
    background the article recalls, not what it reports, so it is never flagged, even against
    another article's background figure."""
    scope = row.get("scope") or ""
    return any(s.startswith("in ") and s[3:].isdigit() or s in ("separate event", "score or record", "time left")
               for s in scope.split("; "))


def _same_predicate_if_needed(a: Row, b: Row) -> bool:
    """Where the measure itself does not say what happened, the verb must.

    Tolls and the like (the subject lexicon) are written with many verbs for one thing ("were
    killed", "died"), and counted things ("firefighters fought" / "were sent") too. But a bare
    span of time ("eight years", "four days") says nothing until its verb does ("unbeaten for
    eight years" vs "four years older"), and a named doer's figures differ by what was done
    ("Whitlock scored 20 points" vs "needed nine points").
    """
    measure = a.get("counted") or ""
    bare_time = measure in TIME_MEASURES
    # a measure with its own complement ("days of mourning") says what it is whoever acts
    named = (a.get("entity") or b.get("entity")) and measure not in LEXICON_MEASURES and " of " not in measure
    if not (bare_time or named):
        return True
    if named:
        # a doer's own figure (his yards, her votes) meets only the same named doer's figure
        ea, eb = a.get("entity"), b.get("entity")
        if PRONOUN_DOER in (ea, eb) or not ea or not eb:
            return False
    pa, pb = a.get("predicate"), b.get("predicate")
    return pa is not None and pa == pb and pa not in _NEUTRAL_VERBS


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


def _group_within_whole(a: Row, b: Row, ia: NumInterval, ib: NumInterval) -> bool:
    """One figure counts a group ("24 soldiers injured", "six children", "17 unanswered
    points"), the other names none ("55 wounded"): the group is a part of the whole, so a
    smaller group figure agrees with it. Only a group larger than the whole cannot hold."""
    if bool(a.get("grp")) == bool(b.get("grp")):
        return False
    part, whole = (ia.base(), ib.base()) if a.get("grp") else (ib.base(), ia.base())
    return whole.high is None or part.low is None or part.low <= whole.high


def _judge_numeric(a: Row, b: Row) -> Verdict:
    ia, ib = _interval(a), _interval(b)
    if not disjoint(ia, ib) or _group_within_whole(a, b, ia, ib):
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
    if any(s in (a.get("scope") or "") for s in ("publication", "background span", STATEMENT, STATE)) or _background(a):
        # the article's own time stamp, a month/year of background, the day a source spoke, or
        # the day a thing was in some state
        return Verdict(False)
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
    """Spelling variants, transliterations, acronyms and shortened names are one actor; the
    rules and their guards against over-merging live in :mod:`crosscheck.nlp.aliases`."""
    from crosscheck.nlp.aliases import same_actor as _aliases_same_actor

    return _aliases_same_actor(x, y)


def _judge_entity(a: Row, b: Row) -> Verdict:
    if same_actor(a.get("entity"), b.get("entity")):
        return Verdict(False)
    why = (f"{a['value_text']} ({a['article_id']}) and {b['value_text']} ({b['article_id']}) are named "
           f"as the one who {max(a['role'], b['role'], key=len)}")
    return Verdict(True, "high", why)
