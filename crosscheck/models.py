"""Plain records passed between stages.

They are dataclasses rather than ORM rows so that every stage (and its tests) works on
ordinary Python values, and the store is the only place that knows about tables.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["numeric", "date", "entity"]


def sha256(text: str) -> str:
    """Hex digest used for content and embedding-cache keys."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article as ingested: metadata per the contract plus the body the offsets point into."""

    article_id: str
    body: str
    path: str = ""
    format: str = ""
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601; a date-time without zone was made UTC
    url: str | None = None

    @property
    def content_hash(self) -> str:
        meta = json.dumps([self.title, self.source, self.published, self.url], ensure_ascii=False)
        return sha256(meta + "\x00" + self.body)


@dataclass(frozen=True)
class Skip:
    """A file (or a line of a .jsonl file) that was not used, and the one-line reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    article_id: str
    sentence_idx: int
    char_start: int
    char_end: int
    text: str


@dataclass
class ClaimFrame:
    """What a claim speaks of, typed: the contract between extraction and judgement.

    The judge and the alignment read these fields, never the extractor's free-text labels.
    ``measure`` is the canonical thing counted ("dead", "injured", "building destroyed");
    ``measure_class`` is set when that measure is one of the lexicon's tallies of people or a
    fate of things, whose classes never mix (dead vs injured, destroyed vs damaged);
    ``period`` is the span a figure is counted over ("24 hour"); ``dimension`` comes from the unit ("count", "length",
    "USD", "date"); ``value_base`` is the figure's midpoint in the dimension's base unit, so
    two figures' sizes can be compared across units. ``context`` is a window of the sentence
    around the value with the value masked: the words that say which figure this is, embedded
    for alignment. The flags say which incident and which part of it the figure belongs to.
    """

    measure: str | None = None
    measure_class: str | None = None
    period: str | None = None
    dimension: str | None = None
    value_base: float | None = None
    context: str = ""
    verb: str | None = None      # the verb saying what happened, unless it says nothing ("was")
    unnamed: bool = False        # names nothing it counts ("he was 68", "10 km from the coast")
    counts_things: bool = False  # counts things (not people, tolls or fates): the verb tells figures apart
    restated: bool = False       # the same figure again in another unit, in brackets
    background: bool = False     # another event or period recalled ("in 2015", "a separate attack")
    statement: bool = False      # dates the act of saying, not the event
    part: bool = False           # a part of a whole ("including six children")
    hypothetical: bool = False   # a forecast or a condition ("could rise to")
    one_day: bool = False        # a one-day figure among running totals
    additional: bool = False     # an increment ("another 20 were found")
    other_incident: bool = False  # its sentence marks another instance of the event type
    zone_stated: bool = False    # its sentence names a time zone (a clock time in GMT vs local)
    sentence_day: str | None = None  # the day its own sentence dates, if it dates one
    first_of_measure: bool = False   # the article's first claim of this measure (its headline figure)
    measure_count: int = 0           # how many claims of this measure the article makes

    @property
    def context_hash(self) -> str:
        return sha256(self.context)


@dataclass
class Claim:
    """One claim, pointing back to its article, sentence and character offsets in the body.

    Numeric bounds are floats in ``low``/``high``; date bounds are ISO strings in
    ``low_date``/``high_date`` (a day, or a minute-resolution date-time). ``None`` is unbounded.
    The subject fields are what alignment compares; ``embed_text`` is what gets embedded.
    """

    article_id: str
    sentence_idx: int
    kind: Kind
    quote: str
    char_start: int
    char_end: int
    value_text: str
    subject: str
    embed_text: str
    low: float | None = None
    high: float | None = None
    low_date: str | None = None
    high_date: str | None = None
    unit: str | None = None
    hedge: str | None = None
    entity: str | None = None
    role: str | None = None
    counted: str | None = None
    predicate: str | None = None
    place: str | None = None
    grp: str | None = None
    scope: str | None = None
    attributed: str | None = None
    frame: ClaimFrame = field(default_factory=ClaimFrame)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def claim_id(self) -> str:
        """Stable id: the same claim in the same article gets the same id on every run."""
        key = f"{self.article_id}|{self.kind}|{self.char_start}|{self.char_end}|{self.role or ''}"
        return sha256(key)[:16]

    @property
    def text_hash(self) -> str:
        return sha256(self.embed_text)

    def value(self) -> dict[str, Any]:
        """The contract's ``value`` object for this claim."""
        if self.kind == "numeric":
            return {
                "low": _num(self.low),
                "high": _num(self.high),
                "text": self.value_text,
                "unit": self.unit,
            }
        if self.kind == "date":
            return {"low": self.low_date, "high": self.high_date, "text": self.value_text}
        return {"text": self.value_text, "role": self.role}

    def row(self) -> dict[str, Any]:
        """A flat dict matching the ``claims`` table."""
        d = asdict(self)
        d.pop("extra")
        d.pop("frame")
        d["claim_id"] = self.claim_id
        d["text_hash"] = self.text_hash
        d["value_json"] = json.dumps(self.value(), ensure_ascii=False)
        return d


    def frame_row(self) -> dict[str, Any]:
        """A flat dict matching the ``claim_frames`` table."""
        d = asdict(self.frame)
        d["claim_id"], d["article_id"] = self.claim_id, self.article_id
        d["context_hash"] = self.frame.context_hash
        return d


def _num(x: float | None) -> int | float | None:
    """Integers print as integers in reports (41, not 41.0)."""
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x


@dataclass(frozen=True)
class Verdict:
    """The judgement on one aligned pair: only conflicting pairs become discrepancies."""

    conflict: bool
    severity: Literal["high", "medium", "low"] = "low"
    explanation: str = ""
    superseded: bool = False
    confidence: float = 0.0  # how sure: the two speak of one thing and cannot both hold
