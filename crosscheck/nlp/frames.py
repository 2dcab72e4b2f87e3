"""The typed frame of each claim: what it measures, in which dimension, and which incident and
part of it the figure belongs to (models.ClaimFrame).

The extractor's finders leave their findings as free text (`counted`, `scope`); this module
reads them once, here, into typed fields, so that alignment and judgement never parse labels.
It also records what only the whole article shows: whether a claim is the article's first of
its measure (its headline figure) and how many claims of that measure the article makes (how
ambiguous "the" figure is), and the day its own sentence dates.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache
from importlib import resources

from spacy.tokens import Span

from crosscheck.intervals import to_base
from crosscheck.models import Claim, ClaimFrame
from crosscheck.nlp.subjects import DEPTH, LEXICON_MEASURES, counts_persons, masked_context

# Words either side of the value in the embedded context: the counted noun and its verb sit
# within a few words; a wider window would pull in the sentence's other figures.
CONTEXT_WINDOW = 7

_YEAR_SCOPE = re.compile(r"\b(?:in|since) (?:1[89]|20)\d\d\b")


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """The frame's word lists (crosscheck/data/frame_lexicon.json), each with its reason there."""
    raw = json.loads(resources.files("crosscheck.data").joinpath("frame_lexicon.json").read_text("utf-8"))
    return {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}


def period_of(scope: str | None) -> str | None:
    """The span a figure is counted over ("over three day", "over the season"), if any."""
    return next((p.strip()[5:] for p in (scope or "").split(";") if p.strip().startswith("over ")), None)


def scope_flags(scope: str | None) -> dict[str, bool]:
    """The extractor's scope labels as typed flags; every label the subject reader writes maps
    to one flag here (crosscheck/nlp/subjects.py and extract.py write them)."""
    parts = [p.strip() for p in (scope or "").split(";") if p.strip()]

    def has(*prefixes: str) -> bool:
        return any(p.startswith(prefixes) for p in parts)

    return {
        "background": any(_YEAR_SCOPE.match(p) for p in parts)
        or has("background span", "separate event", "since ", "score or record", "time left"),
        "statement": has("statement", "publication", "a state, not an event"),
        "part": has("part", "ratio base", "partial count"),
        "hypothetical": has("hypothetical"),
        "one_day": has("one day"),
        "additional": has("additional"),
        # "10 km (6 miles)": the bracketed figure restates the first in another unit
        "restated": has("unit conversion"),
    }


def _dimension(claim: Claim) -> str | None:
    if claim.kind == "date":
        return "date"
    if claim.kind != "numeric":
        return None
    return to_base(1.0, claim.unit)[1] or "count"


def _value_base(claim: Claim) -> float | None:
    if claim.kind != "numeric":
        return None
    bounds = [b for b in (claim.low, claim.high) if b is not None and math.isfinite(b)]
    if not bounds:
        return None
    return to_base(sum(bounds) / len(bounds), claim.unit)[0]


# Verbs that say nothing of what happened ("was", "had"): they never tell two figures apart.
_NEUTRAL_VERBS = frozenset({"be", "have", "remain", "stand", "say", "get", "make", "take", "do"})
# Words a length is written in: a length whose only noun is one of these says how far, not what.
_LENGTH_WORDS = frozenset({"kilometre", "kilometer", "km", "metre", "meter", "m", "mile", "yard", "yd",
                           "foot", "feet", "ft", "inch", "nautical mile"})
# Dimensions whose unit says what is measured (not time, a span of anything; not a share).
_PHYSICAL = frozenset({"length", "mass", "volume", "area", "power", "energy", "speed"})
_FATES = ("destroyed", "damaged", "flooded")


def _measure_class(claim: Claim) -> str | None:
    """The class of a tally whose classes never mix: people dead, injured, missing, ... (the
    subject lexicon's measures), or things destroyed, damaged or flooded."""
    if claim.kind != "numeric" or not claim.counted:
        return None
    if claim.counted in LEXICON_MEASURES:
        return claim.counted
    return next((f for f in _FATES if claim.counted.endswith(f)), None)


def _verb(claim: Claim) -> str | None:
    """The verb that says what happened to the counted thing, if it says anything."""
    return claim.predicate if claim.predicate and claim.predicate not in _NEUTRAL_VERBS else None


def _unnamed(claim: Claim) -> bool:
    """A figure that names nothing it counts: no noun ("Three hundred and fifty two!"), only a
    neutral or unknown verb ("he was 68", "two landed"), or a length with no noun of its own
    ("10 km from the coast"): two such figures are never known to be one."""
    if claim.kind != "numeric":
        return False
    measure = (claim.counted or "").strip()
    if to_base(1.0, claim.unit)[1] == "length" and measure != DEPTH:
        if not measure or measure in _LENGTH_WORDS or measure.split()[-1] in _LENGTH_WORDS:
            return True
    if not measure:
        return True
    if measure in LEXICON_MEASURES or measure != claim.predicate:
        return False
    unit = claim.unit or ""
    self_describing = to_base(1.0, unit)[1] in _PHYSICAL or (len(unit) == 3 and unit.isalpha() and unit.isupper())
    return not (self_describing and measure not in _NEUTRAL_VERBS)


def _counts_things(claim: Claim) -> bool:
    """Counted things (bullets, quakes), whose different verbs are different figures ("seven
    bullets fired" vs "loaded with four bullets"); not tolls, fates, depths, measures with their
    own complement ("days of mourning") or people, whose one deployment has many verbs."""
    measure = claim.counted or ""
    if claim.kind != "numeric" or not measure:
        return False
    return not (measure in LEXICON_MEASURES or measure == DEPTH or " of " in measure
                or measure.endswith(_FATES) or counts_persons(measure))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", text))


def attach_frames(claims: list[Claim], spans: dict[int, Span]) -> None:
    """Fill each claim's frame from its own fields, its sentence and the article's other claims."""
    lex = lexicon()
    days: dict[int, str] = {}
    for c in sorted(claims, key=lambda c: c.char_start):
        if c.kind == "date" and c.low_date and c.high_date and c.low_date[:10] == c.high_date[:10] \
                and not scope_flags(c.scope)["statement"]:
            days.setdefault(c.sentence_idx, c.low_date[:10])
    counts = Counter((c.kind, c.counted) for c in claims if c.counted)
    firsts: dict[tuple[str, str], str] = {}
    for c in sorted(claims, key=lambda c: c.char_start):
        if c.counted:
            firsts.setdefault((c.kind, c.counted), c.claim_id)
    for c in claims:
        span = spans[c.sentence_idx]
        words = _words(span.text)
        lower = {w.lower() for w in words}
        c.frame = ClaimFrame(
            measure=c.counted,
            measure_class=_measure_class(c),
            period=period_of(c.scope),
            dimension=_dimension(c),
            value_base=_value_base(c),
            context=masked_context(span, c.char_start, c.char_end, mask="N", window=CONTEXT_WINDOW),
            verb=_verb(c),
            unnamed=_unnamed(c),
            counts_things=_counts_things(c),
            other_incident=bool(lower & lex["other_incident"]),
            zone_stated=bool(words & lex["time_zones"]),
            sentence_day=days.get(c.sentence_idx),
            first_of_measure=bool(c.counted) and firsts.get((c.kind, c.counted)) == c.claim_id,
            measure_count=counts.get((c.kind, c.counted), 0) if c.counted else 0,
            **scope_flags(c.scope),
        )
