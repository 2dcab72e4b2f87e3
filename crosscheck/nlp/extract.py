"""Claims from a parsed article: numbers, dates and who-did-what, each with its subject.

This module only composes the finders (numbers, dates, entities) with the subject reader; it
holds no parsing rules of its own, so each kind of rule is tested where it lives.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from crosscheck import config
from crosscheck.models import Article, Claim, Sentence
from crosscheck.nlp import dates, entities, numbers, subjects


def published_datetime(article: Article) -> dt.datetime | None:
    """`published` as a datetime in the article's own zone (relative dates resolve in it)."""
    if not article.published:
        return None
    text = article.published
    if len(text) == 10:
        return dt.datetime.fromisoformat(text + "T12:00:00+00:00")
    return dt.datetime.fromisoformat(text)


def _own_year(body: str) -> int | None:
    """For an undated article, the year it reports from: the year it names most often (ties:
    the latest). A report names its own year in datelines and dates; the background years it
    recalls ("the 2004 tsunami") come up less often. Figures of other years are then scoped."""
    years = re.findall(r"\b(?:19[5-9]\d|20\d\d)\b", body)
    if not years:
        return None
    counts: dict[int, int] = {}
    for y in years:
        counts[int(y)] = counts.get(int(y), 0) + 1
    return max(counts, key=lambda y: (counts[y], y))


def _span(doc: Doc, s: Sentence) -> Span:
    span = doc.char_span(s.char_start, s.char_end, alignment_mode="expand")
    if span is None:  # offsets always come from this doc's sentences; expand never fails on them
        raise ValueError(f"sentence {s.sentence_idx} does not align with the parse")
    return span


def extract_claims(article: Article, doc: Doc, sentences: list[Sentence]) -> list[Claim]:
    published = published_datetime(article)
    year = published.year if published else _own_year(article.body)
    claims: list[Claim] = []
    for s in sentences:
        span = _span(doc, s)
        claims.extend(_numeric_claims(article, s, span, year))
        claims.extend(_date_claims(article, s, span, published, year))
        claims.extend(_entity_claims(article, s, span))
    # One claim per (kind, span, role): two finders reading the same text must not double it.
    unique: dict[str, Claim] = {}
    for c in claims:
        unique.setdefault(c.claim_id, c)
    return list(unique.values())


def _is_conversion(text: str, prev_end: int | None, start: int, offset: int) -> bool:
    """"10 kilometres (6.2 miles)": a figure in brackets right after another restates it in
    another unit, rounded; the first figure is the claim."""
    if prev_end is None:
        return False
    between = text[prev_end - offset:start - offset]
    return between.strip() == "("


_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")


def _numeric_claims(article: Article, s: Sentence, span: Span, year: int | None) -> list[Claim]:
    out = []
    prev_end: int | None = None
    for m in sorted(numbers.find_numbers(span), key=lambda x: x.start):
        subj = subjects.subject_of(span, m.start, m.end, year)
        scope = subj.scope
        if m.unit and _is_conversion(span.text, prev_end, m.start, span.start_char):
            scope = "; ".join(p for p in (scope, "unit conversion") if p)
        if not m.unit and _SCORE.match(m.text) and subj.measure not in subjects.LEXICON_MEASURES:
            # "a 9-14 start", "won 31-24", "a record of 284-286": a score or record, two
            # figures in one, not a range of one count
            scope = "; ".join(p for p in (scope, "score or record") if p)
        prev_end = m.end
        subject_text = subj.text()
        if m.unit and m.unit not in subject_text and m.unit != subj.counted:
            subject_text = f"{subject_text} ({m.unit})"
        out.append(
            Claim(
                article_id=article.article_id,
                sentence_idx=s.sentence_idx,
                kind="numeric",
                quote=m.text,
                char_start=m.start,
                char_end=m.end,
                value_text=m.text,
                subject=subject_text,
                embed_text=subjects.embed_text(subj, m.unit),
                low=m.low,
                high=m.high,
                unit=m.unit,
                hedge=m.hedge,
                counted=subj.measure,
                predicate=subj.predicate,
                place=subj.place,
                grp=subj.grp,
                scope=scope,
                entity=subj.agent,
                attributed=subjects.attribution_of(span, m.start),
                extra={"measure_unit": m.unit, "noun": subj.counted},
            )
        )
    return out


def _date_claims(article: Article, s: Sentence, span: Span, published: dt.datetime | None,
                 year: int | None) -> list[Claim]:
    out = []
    for m in dates.find_dates(span, published):
        subj = subjects.subject_of(span, m.start, m.end, year)
        dated = subjects.dated_event(span, m.start, m.end)
        event = dated or "event"
        low, high = (m.low, m.high) if m.resolved else (None, None)
        if low and high is None and m.text.lower().startswith("since") and subjects.possessed_event(
                span, subjects.tokens_in(span, m.start, m.end)) is not None:
            # "since Tuesday's attack" is open for the clause but names the attack's own day
            low = high = low[:10]
        out.append(
            Claim(
                article_id=article.article_id,
                sentence_idx=s.sentence_idx,
                kind="date",
                quote=m.text,
                char_start=m.start,
                char_end=m.end,
                value_text=m.text,
                subject=f"date of {event}",
                embed_text=f"when {event} | {subjects.masked_context(span, m.start, m.end, mask='WHEN')}",
                low_date=low,
                high_date=high,
                predicate=subj.predicate,
                counted=subjects.event_key(dated),
                place=subj.place,
                scope=_date_scope(subj.scope, dated, low, high, m.text),
                extra={"granularity": m.granularity, "resolved": m.resolved},
            )
        )
    return out


# Verbs dating the article itself ("Posted on January 5, 3:37 PM", "Updated: Monday"): two
# articles are published at different times without contradicting each other.
_PUBLICATION = {"post", "publish", "update", "write", "file", "modify"}


def _is_stamp(text: str) -> bool:
    """A page's time stamp, not an event's date: a full date with its year and a clock time
    ("Tue Jul 2, 2013 1:28PM", "July 02, 2013 15:50"), a date in capitals ("WEDNESDAY 03
    JULY 2013") or in digits ("27/09/2013"). Prose dates its event in words, without the year
    next to a clock time ("at 7:37 a.m. on Tuesday")."""
    has_year = re.search(r"\b(19|20)\d\d\b", text) is not None
    has_clock = re.search(r"\d:\d\d|\d ?[ap]\.? ?m\b", text, re.I) is not None
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 6 and all(c.isupper() for c in letters)
    numeric_date = re.search(r"\b\d{1,2}[/.]\d{1,2}[/.](19|20)\d\d\b", text) is not None  # 27/09/2013
    return has_year and has_clock or shouting or numeric_date


def _date_scope(num_scope: str | None, dated: str | None, low: str | None, high: str | None,
                text: str = "") -> str | None:
    """What keeps a date from being compared: another event (a year, "separate"), the
    article's own publication time, or a span too wide to date an event (a month, a year,
    "from 1979-90"): news dates the event it reports to the day; wider dates are background."""
    parts = [subjects.other_event_scope(num_scope)]
    if dated and dated.split()[-1] in _PUBLICATION or _is_stamp(text):
        parts.append("publication")
    if low and high:
        span_days = (dt.date.fromisoformat(high[:10]) - dt.date.fromisoformat(low[:10])).days
        if span_days > config.DATE_MAX_SPAN_DAYS:
            parts.append("background span")
    return "; ".join(p for p in parts if p) or None


def _entity_claims(article: Article, s: Sentence, span: Span) -> list[Claim]:
    out = []
    for m in entities.find_entities(span):
        out.append(
            Claim(
                article_id=article.article_id,
                sentence_idx=s.sentence_idx,
                kind="entity",
                quote=m.text,
                char_start=m.start,
                char_end=m.end,
                value_text=m.text,
                subject=f"who {m.role}",
                embed_text=f"who {m.role}",
                entity=m.entity,
                role=m.role,
                predicate=m.predicate,
                counted=m.obj,
            )
        )
    return out
