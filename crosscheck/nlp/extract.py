"""Claims from a parsed article: numbers, dates and who-did-what, each with its subject.

This module composes the finders (numbers, dates, entities) with the subject reader; their
parsing rules live and are tested where they are. The one rule that needs more than one
sentence is here: a time of day stated without its day ("The blast, at about 21:40 local
time, ...") takes the day the article gives the same event shortly before (`_time_claims`).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from crosscheck import config
from crosscheck.models import Article, Claim, Sentence
from crosscheck.nlp import dateline, dates, entities, frames, numbers, phrases, subjects


def published_datetime(article: Article) -> dt.datetime | None:
    """The moment relative dates ("on Wednesday") resolve against, in the article's own zone.

    `published` when the text gives no other filing day. The text's own dateline (see
    `dateline.read_dateline`) when `published` is missing, or when the two lie more than a day
    apart: the body's "on Wednesday" was written against the day its copy was filed, and a feed's
    `published` is more often a re-post, a crawl time or a page update than the dateline is
    wrong. The day comes from the dateline, the clock time (noon when none) and zone from
    `published` when there is one. Both days are kept per article (`article_datelines`) and the
    report shows both when they disagree."""
    stated = _metadata_datetime(article)
    year = stated.year if stated else own_year(article.body)
    line = dateline.read_dateline(article.body, year)
    if line is None or (stated is not None and not dateline.disagrees(stated.date(), line)):
        return stated
    if stated is None:
        return dt.datetime.combine(line.date, dt.time(12), dt.timezone.utc)
    return dt.datetime.combine(line.date, stated.timetz())


def _metadata_datetime(article: Article) -> dt.datetime | None:
    """`published` as a datetime (date-only values at noon UTC)."""
    if not article.published:
        return None
    text = article.published
    if len(text) == 10:
        return dt.datetime.fromisoformat(text + "T12:00:00+00:00")
    return dt.datetime.fromisoformat(text)


def own_year(body: str) -> int | None:
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
    year = published.year if published else own_year(article.body)
    claims: list[Claim] = []
    times: list[tuple[Sentence, Span, dates.TimeMention]] = []
    spans: dict[int, Span] = {}
    for s in sentences:
        span = spans[s.sentence_idx] = _span(doc, s)
        claims.extend(_numeric_claims(article, s, span, year))
        found, free = _date_claims(article, s, span, published, year)
        claims.extend(found)
        times.extend((s, span, t) for t in free)
        claims.extend(_entity_claims(article, s, span))
    if times:
        stamped = published if article.published and len(article.published) > 10 else None
        claims.extend(_time_claims(article, times, [c for c in claims if c.kind == "date"], stamped, year))
    # One claim per (kind, span, role): two finders reading the same text must not double it.
    unique: dict[str, Claim] = {}
    for c in claims:
        unique.setdefault(c.claim_id, c)
    found = list(unique.values())
    _mark_dateline(found, dateline.read_dateline(article.body, year))
    frames.attach_frames(found, spans)
    return found


def _mark_dateline(claims: list[Claim], line: dateline.Dateline | None) -> None:
    """A date inside the article's own dateline or page stamp (a date between a glued headline
    and the story, "Published on ...") dates the page, not the event: it is never compared."""
    if line is None:
        return
    for c in claims:
        if c.kind == "date" and c.char_start < line.end and line.start < c.char_end \
                and "publication" not in (c.scope or ""):
            c.scope = "; ".join(p for p in (c.scope, "publication") if p)


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
        measure, subject_text, embed = subj.measure, subj.text(), subjects.embed_text(subj, m.unit)
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
                subject=phrases.numeric_phrase(span, m.start, m.end, subj, subject_text),
                embed_text=embed,
                low=m.low,
                high=m.high,
                unit=m.unit,
                hedge=m.hedge,
                counted=measure,
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
                 year: int | None) -> tuple[list[Claim], list[dates.TimeMention]]:
    out = []
    found, free = dates.find_dates_and_times(span, published)
    for m in found:
        subj = subjects.subject_of(span, m.start, m.end, year)
        dated = subjects.dated_event(span, m.start, m.end)
        event = dated or "event"
        key = subjects.event_key(dated)
        verb = _dated_verb(span, m.start, m.end, key)
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
                subject=phrases.date_phrase(span, m.start, m.end, f"date of {event}"),
                embed_text=f"when {event} | {subjects.masked_context(span, m.start, m.end, mask='WHEN')}",
                low_date=low,
                high_date=high,
                predicate=subj.predicate,
                counted=key,
                place=subj.place,
                grp=_doer(verb),
                scope=_date_scope(subj.scope, dated, low, high, m.text,
                                  opens_body=not article.body[:m.start].strip(), statement=_is_statement(verb),
                                  stamped=_STAMP_WORDS.search(article.body[max(0, m.start - 40):m.start]) is not None),
                extra={"granularity": m.granularity, "resolved": m.resolved},
            )
        )
    return out, free


def _dated_verb(span: Span, start: int, end: int, key: str | None) -> Token | None:
    """The verb whose act the date phrase dates, when its event key is that verb ("fell on
    Wednesday" -> "fell"): found by climbing from the date phrase, as the key was."""
    toks = subjects.tokens_in(span, start, end)
    if not toks or not key or key == OCCURRED or " " in key:
        return None
    cur = toks[-1]
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() == key:
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _doer(verb: Token | None) -> str | None:
    """What the dated act happened to: the object of a transitive verb, else its subject, or
    the noun a relative clause hangs on ("the gallery that fell in on Tuesday"). Two dates
    keyed by one verb are of one act only if it happened to the same thing: "shares fell on
    Wednesday" and "the roof fell on Tuesday" are two acts, while "the ministry declared the
    outbreak on Tuesday" and "the authorities declared the outbreak on Monday" are one act
    told of two wordings of the same doer, so the object, not the doer, tells them apart."""
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and any(c.dep_ == "nummod" or c.like_num for c in obj.subtree):
        obj = None  # "dropped 6 per cent": an amount says by how much, not what was acted on
    doer = obj or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doer is not None and doer.pos_ == "PRON" and verb.dep_ == "relcl":
        doer = verb.head
    if doer is None or doer.pos_ != "NOUN" or not doer.is_alpha:
        return None  # a name is not compared with a description: "Tarvik" may be "the company"
    return doer.lemma_.lower()


# Verbs of saying: a date on one of them dates a statement ("the coast guard said on Monday"),
# and two outlets quoting statements of different days do not contradict each other. Making a
# thing public ("announced the results on Wednesday") is an act of its own and stays dated.
_SAYING = {"say", "tell", "add", "state", "comment", "remark", "explain", "insist", "note", "stress",
           "reiterate", "acknowledge", "tweet", "warn", "deny", "admit", "reply", "brief"}
# Verbs that are a statement when used actively ("police confirmed on Monday that ...") but date
# the thing itself in the passive ("the first case was confirmed on Monday").
_SAYING_ACTIVE = {"confirm", "report"}


def _is_statement(verb: Token | None) -> bool:
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _SAYING:
        return True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return lemma in _SAYING_ACTIVE and not passive


# How many sentences back a time of day may look for the day of its event: a report states
# the day in the lead and the hour a sentence or two later; further back it may be another day.
TIME_DAY_WINDOW = 3
OCCURRED = "occurred"
# Days back within which a dated happening marks a story as a follow-up (see _follow_up); a
# date further back is background ("two years ago").
FOLLOW_UP_DAYS = 14
# The event key of such a time: it is compared with the other articles' times of day of the
# event, not with their days (its day is borrowed or inferred, and the day claim it came
# from is compared already).
TIME_OF_DAY = "occurred: time of day"
# The scope of a date that dates a statement (see _is_statement): it is never compared.
STATEMENT = "statement"
STATE = "a state, not an event"


# "three other explosions at 3pm", "the first quake struck at 4:43am": one of several
# happenings, so its time is not the time of the event the other articles date
_SEVERAL = {"other", "another", "further", "second", "third", "first", "new", "later", "subsequent", "more"}


def _one_of_several(span: Span) -> bool:
    """The sentence speaks of a happening among others: "other explosions", "the first quake",
    or in the plural ("explosions followed at 3pm")."""
    for tok in span:
        if tok.pos_ == "NOUN" and subjects.event_key(tok.lemma_.lower()) == OCCURRED:
            if tok.tag_ == "NNS" or any(c.lower_ in _SEVERAL for c in tok.children):
                return True
    return False


def _day_anchor(c: Claim) -> bool:
    """A date claim that can lend its day to a time of the same event: one day (or a minute on
    it), not a publication stamp, a background span or another event's date."""
    if c.scope or c.extra.get("granularity") not in ("day", "minute"):
        return False
    if c.extra.get("resolved"):
        return bool(c.low_date and c.high_date and c.low_date[:10] == c.high_date[:10])
    return True  # a relative day with no `published` to resolve it: the time stays unresolved too


def _time_claims(article: Article, times: list[tuple[Sentence, Span, dates.TimeMention]], date_claims: list[Claim],
                 published: dt.datetime | None, year: int | None) -> list[Claim]:
    """Times of day stated without a day ("The blast, at about 21:40 local time, was heard ..."),
    dated by the day the article gives the same event in one of the few sentences before. Only
    the event's own happening is dated this way (a statement or a meeting has many times in one
    story); two different days before it are ambiguous and date nothing. A story that names no
    day for the event at all, with a publication time, reports the last day: the most recent
    such clock time before it was published."""
    anchors = [c for c in date_claims if c.counted == OCCURRED and _day_anchor(c)]
    out = []
    for s, span, t in times:
        dated = subjects.dated_event(span, t.start, t.end)
        if subjects.event_key(dated) != OCCURRED or _one_of_several(span):
            continue
        if any(c.sentence_idx == s.sentence_idx and c.counted == OCCURRED for c in date_claims):
            continue  # the sentence dates the event itself, on another verb: the time is not tied to it
        near = [c for c in anchors if s.sentence_idx - TIME_DAY_WINDOW <= c.sentence_idx < s.sentence_idx]
        day, source, resolved = _time_day(t, near, date_claims, published)
        if source is None:
            continue
        low, high = dates.date_time_on(t, day) if day else (None, None)
        subj = subjects.subject_of(span, t.start, t.end, year)
        out.append(_time_claim(article, s, span, t, dated, subj, low, high, resolved, source))
    return out


def _time_day(t: dates.TimeMention, near: list[Claim], date_claims: list[Claim],
              published: dt.datetime | None) -> tuple[str | None, str | None, bool]:
    """(day, where it came from, resolved) for time ``t``; no source when it has no day."""
    if near:
        nearest = max(c.sentence_idx for c in near)
        days = {c.low_date[:10] if c.low_date else None for c in near}
        if len(days) > 1:
            return None, None, False
        source = next(c for c in near if c.sentence_idx == nearest)
        day = next(iter(days))
        return day, source.quote, day is not None
    own_days = [c for c in date_claims if c.counted == OCCURRED and c.scope in (None, "background span")]
    if published is not None and not own_days and not _follow_up(date_claims, published):
        return dates.latest_day_of(t, published), "published", True
    return None, None, False


def _follow_up(date_claims: list[Claim], published: dt.datetime) -> bool:
    """A story that dates things to the days before yesterday ("the toll rose to 12 on
    Saturday" in a Monday piece) follows an event of several days ago: a bare clock time in
    it need not be of the last day."""
    today = published.date()
    for c in date_claims:
        if c.low_date and c.extra.get("resolved"):
            back = (today - dt.date.fromisoformat(c.low_date[:10])).days
            if 2 <= back <= FOLLOW_UP_DAYS:
                return True
    return False


def _time_claim(article: Article, s: Sentence, span: Span, t: dates.TimeMention, dated: str | None,
                subj: subjects.Subject, low: str | None, high: str | None, resolved: bool, source: str) -> Claim:
    return Claim(
        article_id=article.article_id,
        sentence_idx=s.sentence_idx,
        kind="date",
        quote=t.text,
        char_start=t.start,
        char_end=t.end,
        value_text=t.text,
        subject=phrases.date_phrase(span, t.start, t.end, f"time of {dated}"),
        embed_text=f"what time {dated} | {subjects.masked_context(span, t.start, t.end, mask='WHEN')}",
        low_date=low,
        high_date=high,
        predicate=subj.predicate,
        counted=TIME_OF_DAY,
        place=subj.place,
        # a time in GMT and one in local time are different readings of the clock
        scope="; ".join(p for p in (_date_scope(subj.scope, dated, low, high, t.text),
                                    f"time zone {t.zone}" if t.zone else None) if p) or None,
        extra={"granularity": "minute", "resolved": resolved, "day_from": source},
    )


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


# A web page's own stamp words right before a date ("Published on 18 May 2031", "Updated:
# 12 June"): the date is the page's, whatever verb the parser hangs it on (a headline glued to
# the body often makes it the headline's).
_STAMP_WORDS = re.compile(r"\b(?:published|posted|updated|last (?:updated|modified))(?: on| at)?[:\s]*$", re.I)


def _date_scope(num_scope: str | None, dated: str | None, low: str | None, high: str | None,
                text: str = "", opens_body: bool = False, statement: bool = False,
                stamped: bool = False) -> str | None:
    """What keeps a date from being compared: another event (a year, "separate"), the
    article's own publication time, or a span too wide to date an event (a month, a year,
    "from 1979-90"): news dates the event it reports to the day; wider dates are background.
    A full date with its year that opens the body ("Tuesday, August 7, 2012 Fire destroyed
    ...") is the page's dateline: prose starts with its news, not with the calendar. A date of
    a statement ("officials said on Monday") dates the saying, not what was said."""
    parts = [subjects.other_event_scope(num_scope)]
    dateline = opens_body and re.search(r"\b(19|20)\d\d\b", text) is not None
    if dated and dated.split()[-1] in _PUBLICATION or _is_stamp(text) or dateline or stamped:
        parts.append("publication")
    if statement:
        parts.append(STATEMENT)
    if dated and dated.split()[-1] == "be":
        parts.append(STATE)  # "the road was slippery this morning": how a thing was, no event
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
                subject=phrases.entity_phrase(span, m.start, m.end, f"who {m.role}"),
                embed_text=f"who {m.role}",
                entity=m.entity,
                role=m.role,
                predicate=m.predicate,
                counted=m.obj,
            )
        )
    return out
