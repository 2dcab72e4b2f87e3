"""Date mentions as day (or minute) intervals, resolved against the article's `published`.

Why a hand-written finder: dateparser reads one date string well, but it cannot *find* dates
in running text (its ``search_dates`` takes "may", "second" and "sat" for dates and is slow),
it has no vague periods ("end of January", "mid-October last year"), no ranges ("7 to 9
March"), no open bounds ("since 2010"), and it resolves weekdays forward or against the wrong
base. So this module locates expressions with a small grammar of atoms (a day, a month, a
year, a weekday, a time of day, a relative period...) and combines neighbouring atoms ("Feb.
7" + "at 21:40", "from" A "to" B, "since" A). Calendar arithmetic uses dateutil (which ships
with dateparser); dateparser itself is the fallback reader for an absolute expression whose
parts the grammar found but could not read.

Conventions (news reports the past):
- a date without a year takes the most recent past reading ("February 2" in a piece published
  on 2024-02-07 is 2024-02-02; in one published 2024-01-15 it is 2023-02-02); a weekday alone is
  the most recent such day on or before `published` ("on Wednesday"), unless the verb the date
  hangs on speaks of the future ("will meet on Friday", "is expected to / is due to / plans to /
  is going to reopen on Friday", "said it would reopen on Friday"), then the next one; a plan
  reported with "would" counts from the day it was stated when the sentence gives that day
  ("said on Monday it would vote on Wednesday"); a past-tense plan ("was expected to reopen on
  Friday") keeps the past reading;
- a numeric date next to a weekday takes the reading the weekday fits ("Tuesday, 06/02/24" is
  6 February 2024, a Tuesday); a year after the clock of a yearless date dates it ("Wed Oct
  26 15:50:06 2016", a stamp); "the week after next" / "the month before last" are two
  periods ahead / back;
- "last Friday" is Friday of the previous Monday-Sunday week, "this past Friday" the most recent
  Friday before `published`; "next Monday" is Monday of next week; "this Friday" is the Friday
  of the current week; "on the 18th" is the 18th of the nearest of last, this and next month;
- "three days later" / "after" without a date counts from an event in the story, so it is no
  date; "three days after January 12" is January 15; "now" is only a range end ("since Jan
  2019 and now");
- vague parts of a month: early = days 1-10, mid = 10-20, late / end = 20-last; of a year:
  early = Jan-Apr, mid = May-Aug, late / end = Sep-Dec; "the weekend" is Saturday-Sunday;
- a time of day narrows a known day to minutes: "at 21:40" -> [21:40, 21:40], "shortly after
  7:30pm" -> [19:30, 19:59], "around midnight" -> [23:30 the day before... kept on the day:
  00:00-00:30]; a time stated apart from its day ("On Tuesday the quake struck at about 03:20")
  is dated by the one day hanging on the same verb; a time with no day in its sentence is
  returned apart (:class:`TimeMention`) for the article-level reader to date: it takes the day
  of the same event from a sentence shortly before ("on Thursday evening ... The blast, at
  about 21:40, ..."), see ``extract``;
- a number after "at"/"to" that follows a tally word is the tally's value, not a clock time
  ("put the death toll at 9", "the number of dead at 12");
- durations ("for three weeks") and sets ("every week") are not dates;
- without `published`, relative expressions are reported unresolved (low = high = None).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from crosscheck.nlp import numwords

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    low: str | None
    high: str | None
    resolved: bool
    granularity: str


@dataclass(frozen=True)
class TimeMention:
    """A clock time that no day of its sentence dates ("The blast, at about 21:40 local time,
    was heard ..."): the day comes from elsewhere in the article (see :func:`date_time_on`).
    ``before`` / ``after`` are the minutes its modifier allows around the clock reading
    ("shortly after 7:30pm" is 0 before, 29 after)."""

    start: int
    end: int
    text: str
    hm: tuple[int, int]
    before: int
    after: int
    zone: str | None = None  # "GMT" for "03:17 GMT"; None for local time, stated or not


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
MONTH_WORDS = set(MONTHS)
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
_AMBIGUOUS_WD = {"mon", "wed", "sat", "sun", "thu", "tue", "fri", "thur"}

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WD = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri"
       r"|sat|sun)\.?")
_ORDW = (r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
         r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
         r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
         r"|twentieth|thirtieth)")
_CARDW = (r"(?:(?:twenty|thirty)[\s-]?(?:one|two|three|four|five|six|seven|eight|nine)"
          r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)")
_DAYN = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUMW = (r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
         r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
         r"|sixty|couple(?:\s+of)?|a\s+couple\s+of|a\s+few|few|several|half\s+an?)")
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|mins?|business\s+days?|fortnights?)"

_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNDER100 = rf"(?:{_TENS}(?:[\s-]{_ONES})?|{_TEENS}|{_ONES}|oh[\s-]{_ONES})"
# a year read aloud: "nineteen ninety six", "seventeen hundred thirty three", "two thousand and
# fifteen"; the century part must be a teen (or "twenty") so "twenty five" alone is no year
_YEARW = (rf"(?:(?:(?:fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:hundred(?:\s+and)?\s+)?"
          rf"(?!one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b){_UNDER100})"
          rf"|(?:two\s+thousand(?:\s+(?:and\s+)?{_UNDER100})?))")

_ORD_NUM = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "last": -1, "fifth": 5, "5th": 5}


def _num_word(s: str) -> float | None:
    s = s.strip().lower()
    if s.isdigit():
        return float(s)
    if s in ("a", "an", "one"):
        return 1.0
    if "couple" in s:
        return 2.0
    if s.startswith("half"):
        return 0.5
    if s in ("few", "a few", "several"):
        return None
    v = numwords.small_value(s)
    return float(v) if v is not None else None


def _day_word(s: str) -> int | None:
    s = s.strip().lower()
    if s.startswith("the "):
        s = s[4:].strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", s)
    if m:
        return int(m.group(1))
    parts = re.split(r"[\s-]+", s)
    v = numwords.ordinal_value(parts)
    if v is None:
        if len(parts) == 2 and parts[0] in numwords.TENS and parts[1] in numwords.SMALL:
            v = numwords.TENS[parts[0]] + numwords.SMALL[parts[1]]
        elif len(parts) == 1:
            v = numwords.small_value(parts[0])
    return v if v is not None and 1 <= v <= 31 else None


# --------------------------------------------------------------------------- atoms


@dataclass
class Atom:
    s: int
    e: int
    kind: str                      # day | month | year | range | weekday | time | dom | period
    lo: dt.datetime | None = None  # day bounds as datetimes at 00:00 (minute when gran == minute)
    hi: dt.datetime | None = None
    gran: str = "day"
    relative: bool = False         # needed `published`
    weak: bool = False             # reported only when combined with another atom or a cue
    wd: int | None = None
    mon: int | None = None
    dom: int | None = None
    year_given: bool = False
    hm: tuple[int, int] | None = None
    tmod: str | None = None
    emit: bool = True
    steps: list[tuple[float, str]] | None = None  # an offset waiting for its anchor date
    sign: int = 1
    ampm: bool = False             # a time written with am/pm (or a 24-hour reading)


def _d(y: int, m: int, d: int) -> dt.datetime | None:
    try:
        return dt.datetime(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.datetime:
    return dt.datetime(y, m, calendar.monthrange(y, m)[1])


def _past_year(m: int, d: int | None, ref: dt.datetime, future: bool) -> int:
    """Year giving the most recent past (or next future) reading of month m (day d)."""
    y = ref.year
    cand = _d(y, m, d or 1) or _d(y, m, 1)
    assert cand is not None
    if future:
        if (d and cand < _day(ref)) or (not d and m < ref.month):
            return y + 1
        return y
    if d:
        return y - 1 if cand > _day(ref) else y
    return y - 1 if m > ref.month else y


def _day(t: dt.datetime) -> dt.datetime:
    return dt.datetime(t.year, t.month, t.day)


def _week_start(t: dt.datetime) -> dt.datetime:
    return _day(t) - dt.timedelta(days=t.weekday())


# regex -> builder(match, ref, future) -> Atom | None ; the builders live below
_PATTERNS: list[tuple[re.Pattern[str], object]] = []


def _pat(rx: str):
    def deco(fn):
        _PATTERNS.append((re.compile(rx, re.I | re.X), fn))
        return fn
    return deco


def _mon_of(s: str) -> int | None:
    m = re.search(r"[a-z]+", s.lower())
    return MONTHS.get(m.group()) if m else None


def _two_digit_year(v: int, ref: dt.datetime | None) -> int:
    """'87 -> 1987, '19 -> 2019: the most recent past century reading (news reports the past)."""
    top = (ref.year if ref is not None else dt.datetime.now().year) + 10
    return 2000 + v if 2000 + v <= top else 1900 + v


def _spoken_year(s: str) -> int | None:
    """"nineteen ninety six" -> 1996, "two thousand and five" -> 2005."""
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        rest = words[2:]
        if not rest:
            return 2000
        v = _under_100(rest)
        return 2000 + v if v is not None else None
    if not words:
        return None
    head = numwords.small_value(words[0])
    rest = words[1:]
    if rest and rest[0] == "hundred":
        rest = rest[1:]
    if head is None or not rest:
        return None
    if rest[0] == "oh":
        rest = rest[1:]
    v = _under_100(rest)
    return head * 100 + v if v is not None else None


def _under_100(words: list[str]) -> int | None:
    if len(words) == 1:
        return numwords.small_value(words[0])
    if len(words) == 2 and words[0] in numwords.TENS and words[1] in numwords.SMALL and numwords.SMALL[words[1]] < 10:
        return numwords.TENS[words[0]] + numwords.SMALL[words[1]]
    return None


def _year_of(s: str, ref: dt.datetime | None = None) -> int | None:
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)", s)
    if m:
        return int(m.group(1))
    m = re.search(r"(?:'|\bof\s+)(\d\d)\b", s)
    if m:
        return _two_digit_year(int(m.group(1)), ref)
    if re.search(r"[a-z]", s, re.I):
        return _spoken_year(re.sub(r"^\s*(?:,|of|in)?\s*", "", s.strip(), flags=re.I))
    return None


def _full_date(s: int, e: int, y: int | None, m: int, d: int | None, ref: dt.datetime, future: bool,
               text: str) -> Atom | None:
    rel = y is None
    if y is None:
        y = _past_year(m, d, ref, future)
    if d is None:
        return Atom(s, e, "month", dt.datetime(y, m, 1), _month_end(y, m), "month", rel, mon=m,
                    year_given=not rel)
    day = _d(y, m, d)
    if day is None and rel and m == 2 and d == 29:
        y = _past_year(2, 29, ref, future)
        while not calendar.isleap(y) or (not future and dt.datetime(y, 2, 29) > _day(ref)):
            y += 1 if future else -1
        day = dt.datetime(y, 2, 29)
    if day is None:
        day = _dateparser_fallback(text, ref)
        if day is None:
            return Atom(s, e, "day", None, None, "day", rel, emit=False)
    return Atom(s, e, "day", day, day, "day", rel, mon=m, dom=d, year_given=not rel)


@lru_cache(maxsize=512)
def _dateparser_cached(text: str, ref: dt.datetime) -> dt.datetime | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    try:
        r = dateparser.parse(text, languages=["en"], settings={
            "PREFER_DATES_FROM": "past", "RELATIVE_BASE": ref, "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises on odd input; a reader must not
        return None
    return _day(r) if r else None


def _dateparser_fallback(text: str, ref: dt.datetime) -> dt.datetime | None:
    return _dateparser_cached(text, ref.replace(tzinfo=None))


# ---- absolute dates with month names

# a year after a month or a day: digits, "'87", "of 87", or read aloud (not "two thousand people")
_YEARANY = (rf"(?:{_YEAR}|'\d\d|(?<=of\s)\d\d|{_YEARW}"
            rf"(?![\s-]+(?:people|persons|troops|[a-z]+s)\b))")


def _year_group(m: re.Match[str], ref: dt.datetime) -> int | None:
    g = m.group("year")
    if not g:
        return None
    if re.fullmatch(r"\d{4}", g):
        return int(g)
    if re.fullmatch(r"'?\d\d", g):
        return _two_digit_year(int(g.lstrip("'")), ref)
    return _spoken_year(g)


_DAYTOK = rf"(?:the\s+)?(?:{_DAYN}|{_ORDW})"


@_pat(rf"\b(?P<wd>{_WD}\s*,?\s*(?:the\s+)?)?(?P<mon>{_MON})(?:\s*/\s*|-|\s*,\s*|\s*)(?:the\s+)?(?P<day>{_DAYN}|{_ORDW}|{_CARDW})(?![\d:])(?!\s*(?:%|percent|per\s+cent|million|billion|people|percent))"
      rf"(?:(?:\s*,\s*|\s+|\s*-\s*)(?:of\s+|in\s+)?(?P<year>{_YEARANY})(?!\d))?\b")
def _p_month_day(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon"))
    day = _day_word(m.group("day"))
    if mon is None or day is None:
        return None
    if re.fullmatch(_CARDW, m.group("day"), re.I) and not m.group("day").lower().startswith(("twenty", "thirty")) and m.group("mon").lower() in ("may", "march"):
        return None  # "may one day" is not a date
    y = _year_group(m, ref)
    a = _full_date(m.start("mon"), m.end(), y, mon, day, ref, future, m.group())
    if a and m.group("wd"):
        a.s = m.start()
    return a


@_pat(rf"(?<![$€£])(?<![$€£]\s)\b(?P<wd>{_WD}\s*,?\s*)?(?P<day>(?:the\s+)?(?:{_DAYN}|{_ORDW}|{_CARDW}))(?:\s+of)?(?:\s*/\s*|-|\s+)(?P<mon>{_MON})(?![a-z])"
      rf"(?:(?:\s*,\s*|\s+|\s*[/-]\s*)(?:of\s+|in\s+)?(?P<year>{_YEARANY})(?!\d))?")
def _p_day_month(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon"))
    day = _day_word(m.group("day"))
    if mon is None or day is None:
        return None
    if m.group("mon").lower() in ("may", "march", "mar") and not re.match(r"\d", m.group("day").replace("the ", "")):
        return None
    if re.fullmatch(_CARDW, m.group("day"), re.I) and not m.group("year"):
        return None  # "fifteen August" is a date only with its year ("... nineteen ninety three")
    y = _year_group(m, ref)
    a = _full_date(m.start("day") if not m.group("wd") else m.start(), m.end(), y, mon, day, ref, future, m.group())
    return a


@_pat(rf"\b(?P<mon>{_MON})(?:\s*,\s*|\s+|\s*[/-]\s*)(?:of\s+|in\s+)?(?P<year>{_YEARANY})(?![\d])")
def _p_month_year(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon"))
    y = _year_group(m, ref)
    if mon is None or y is None:
        return None
    return _full_date(m.start(), m.end(), y, mon, None, ref, future, m.group())


@_pat(rf"\b(?P<year>{_YEAR})\s*[\s/-]\s*(?P<mon>{_MON})(?![a-z])(?:\s*[/-]\s*(?P<day>{_DAYN}))?(?![\d])")
def _p_year_month(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon"))
    day = _day_word(m.group("day")) if m.group("day") else None
    if mon is None:
        return None
    return _full_date(m.start(), m.end(), int(m.group("year")), mon, day, ref, future, m.group())


@_pat(rf"(?<![$#@])\b(?P<mon>{_MON})(?![a-z])")
def _p_month(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon"))
    if mon is None:
        return None
    word = m.group("mon")
    raw = text[m.start():m.end()]
    before = text[:m.start()].lower()
    after = text[m.end():]
    # ambiguous words (may, march, sat...) need a cue: capital + preposition, or a date word
    cue = re.search(r"\b(in|since|until|till|by|of|early|mid|late|last|next|this|from|to|through|"
                    r"during|before|after|between|and|end|beginning|start|middle|or)\s*-?\s*$", before)
    if word.lower().rstrip(".") in ("may", "mar", "march", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept"):
        if word.lower().rstrip(".") in ("may", "march", "mar") and (not cue or cue.group(1) in ("this", "and", "or", "last", "next") and not raw[:1].isupper()):
            return None
        if word.lower().rstrip(".") == "may" and cue and cue.group(1) in ("this", "and", "or") and raw[:1].isupper() and not re.search(r"\b(in|since|until|by|of|from|to|during|before|after)\b", before[-25:]):
            return None
        if word.lower().rstrip(".") == "may" and re.match(r"\s+(be|have|not|also|well|still|never|need|take|get|come|go|make|help|do|ask|I|we|you)\b", after, re.I):
            return None
        if len(word.rstrip(".")) == 3 and not raw[:1].isupper() and not cue:
            return None
    elif not cue and not raw[:1].isupper():
        return None
    if re.match(r"\s*(madness|hare|equinox|of\s+dimes)\b", after, re.I):
        return None
    y = None
    fut = future
    if re.search(r"\bthis\s*$", before):
        y = ref.year
    elif re.search(r"\bnext\s*$", before):
        y = ref.year + 1 if mon <= ref.month else ref.year
    elif re.search(r"\blast\s*$", before):
        y = ref.year - 1 if mon >= ref.month else ref.year
    a = _full_date(m.start(), m.end(), y, mon, None, ref, fut, m.group())
    if a is not None:
        a.relative = True
        a.year_given = y is not None
        mm = re.search(r"\b(this|next|last)\s*$", before)
        if mm and y is not None:
            a.s = m.start() - (len(before) - mm.start())
    return a


@_pat(rf"\b(?P<pre>(?:from|between)\s+)?(?:the\s+)?(?P<d1>{_DAYN}|{_ORDW})\s*(?:-|\u2013|to|through|thru|till|until|and)\s*(?:the\s+)?(?P<d2>{_DAYN}|{_ORDW})(?:\s+of)?\s+(?P<mon>{_MON})(?![a-z])(?:,?\s+(?P<y>{_YEAR}))?"
      rf"|\b(?P<pre2>(?:from|between)\s+)?(?P<mon2>{_MON})\s+(?:the\s+)?(?P<e1>{_DAYN}|{_ORDW})\s*(?:-|\u2013|to|through|thru|till|until|and)\s*(?:the\s+)?(?P<e2>{_DAYN}|{_ORDW})(?![\d:])(?:,?\s+(?P<y2>{_YEAR}))?")
def _p_day_range(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    mon = _mon_of(m.group("mon") or m.group("mon2"))
    d1 = _day_word(m.group("d1") or m.group("e1"))
    d2 = _day_word(m.group("d2") or m.group("e2"))
    if mon is None or d1 is None or d2 is None or d2 <= d1:
        return None
    y = m.group("y") or m.group("y2")
    yy = int(y) if y else _past_year(mon, d2, ref, future)
    lo, hi = _d(yy, mon, d1), _d(yy, mon, d2)
    if lo is None or hi is None:
        return None
    return Atom(m.start(), m.end(), "range", lo, hi, "range", not y, year_given=bool(y))


# ---- numeric dates

@_pat(r"(?<![\d.])(?P<y>1[5-9]\d\d|20\d\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?![\d])")
def _p_iso(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    return _full_date(m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")), ref, future, m.group())


@_pat(r"(?<![\d.])(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\d])")
def _p_compact(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    return _full_date(m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")), ref, future, m.group())


@_pat(r"(?<![\d./])(?<!(?<!\d)\d{3}-)(?<!(?<!\d)\d{2}-)(?<!(?<!\d)\d-)(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[/.]\d|-\d\d?-)")
def _p_mdy(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    a, b = int(m.group("a")), int(m.group("b"))
    y = int(m.group("y"))
    if y < 100:
        y = _two_digit_year(y, ref)
    if m.group("sep") == "." or a > 12:
        d, mo = a, b  # European day.month.year, or day first when it cannot be a month
    else:
        mo, d = a, b
    if not (1 <= mo <= 12):
        return None
    return _full_date(m.start(), m.end(), y, mo, d, ref, future, m.group())


@_pat(rf"(?<![\d./-])(?P<m1>0?[1-9]|1[0-2])/(?P<d1>0?[1-9]|[12]\d|3[01])(?:/(?P<y1>{_YEAR}))?\s*[-\u2013]\s*"
      rf"(?P<m2>0?[1-9]|1[0-2])/(?P<d2>0?[1-9]|[12]\d|3[01])(?:(?:/|,\s*)(?P<y2>{_YEAR}))?(?![\d]|/\d)"
      rf"|(?<![\d./-])(?P<n1>0?[1-9]|1[0-2])-(?P<e1>0?[1-9]|[12]\d|3[01])-(?P<z1>{_YEAR})\s*[-\u2013]\s*(?P<n2>0?[1-9]|1[0-2])-(?P<e2>0?[1-9]|[12]\d|3[01])-(?P<z2>{_YEAR})(?![\d])")
def _p_md_range(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"10/1-11/7", "5/1-5/7, 2020", "10-1-2018-10-7-2018": two month/day dates as one range."""
    g = (lambda a, b: m.group(a) or m.group(b))
    m1, d1, m2, d2 = int(g("m1", "n1")), int(g("d1", "e1")), int(g("m2", "n2")), int(g("d2", "e2"))
    y1s, y2s = g("y1", "z1"), g("y2", "z2")
    y2 = int(y2s) if y2s else None
    y1 = int(y1s) if y1s else y2
    if y1 is None:
        y1 = _past_year(m1, d1, ref, future)
        while (m1, d1) == (2, 29) and not calendar.isleap(y1):
            y1 -= 1
    lo = _d(y1, m1, d1)
    if lo is None:
        return None
    hi = _d(y2 if y2 else lo.year, m2, d2)
    if hi is not None and hi < lo and not y2:
        hi = _d(lo.year + 1, m2, d2)
    if hi is None or hi < lo:
        return None
    s0 = m.start()
    pre = re.search(r"\b(?:from|between)\s+$", text[:s0], re.I)
    if pre:
        s0 = pre.start()
    return Atom(s0, m.end(), "range", lo, hi, "range", y1s is None and y2s is None, year_given=y2s is not None)


@_pat(rf"(?<![\d./-])(?P<m>0[1-9]|1[0-2])[-/](?P<y>{_YEAR})(?![\d]|[-/]\d)")
def _p_month_year_num(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"12-2015", "03/2019": a month."""
    return _full_date(m.start(), m.end(), int(m.group("y")), int(m.group("m")), None, ref, future, m.group())


@_pat(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/])(?P<b>\d{1,2})(?![\d]|/\d|\s*(?:inch|in\b|cup|tbsp|mile|km|kg|of\b))")
def _p_md(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    a, b = int(m.group("a")), int(m.group("b"))
    mo, d = (a, b) if a <= 12 else (b, a)
    if not (1 <= mo <= 12) or _d(2000, mo, d) is None:
        return None
    at = _full_date(m.start(), m.end(), None, mo, d, ref, future, m.group())
    if at is not None:
        at.weak = True
    return at


@_pat(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[.-])(?P<b>\d{1,2})(?![\d]|[.-]\d)")
def _p_md_weak(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"7.6", "7-6": a date only next to a weekday (else a decimal or a score)."""
    a, b = int(m.group("a")), int(m.group("b"))
    if not (1 <= a <= 12) or _d(2000, a, b) is None:
        return None
    at = _full_date(m.start(), m.end(), None, a, b, ref, future, m.group())
    if at is not None:
        at.weak = True
        at.kind = "weakday"
    return at


@_pat(r"(?<![\d.-])(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0?[1-9]|1[0-2])(?![\d]|[-/]\d)")
def _p_year_month_num(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    y, mo = int(m.group("y")), int(m.group("m"))
    if len(m.group("m")) == 2 and mo == (y + 1) % 100:
        return None  # "the 2008-09 season": two years (see _p_year_range), not September 2008
    return _full_date(m.start(), m.end(), y, mo, None, ref, future, m.group())


# ---- years, decades, centuries, quarters


@_pat(rf"(?<![\d$€£.,#-])(?P<pre>(?:(?:the\s+)?(?:calendar\s+)?year(?:\s+of)?|cy)\s*)?(?P<y>{_YEAR})(?![\d%]|\.\d|,\d)(?P<s>\s?s\b|'s\b)?")
def _p_year(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    y = int(m.group("y"))
    if m.group("s") and m.group("s").strip() in ("s",) and y % 10 == 0:
        return Atom(m.start(), m.end(), "year", dt.datetime(y, 1, 1), dt.datetime(y + 9, 12, 31), "decade")
    end = m.end("y")
    a = Atom(m.start(), end, "year", dt.datetime(y, 1, 1), dt.datetime(y, 12, 31), "year", year_given=True)
    if not m.group("pre"):
        a.weak = True  # a bare 4-digit number: checked against the parse in _year_ok
    return a


@_pat(rf"\b(?:in|since|during|until|till|by|from|of)\s+(?P<y>{_YEARW})\b(?![\s-]+(?:people|persons|troops|[a-z]+s)\b)")
def _p_spoken_year(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"in nineteen ninety six", "since two thousand and five"; a bare "two thousand" is a count."""
    if re.fullmatch(r"two\s+thousand", m.group("y"), re.I):
        return None
    y = _spoken_year(m.group("y"))
    if y is None:
        return None
    return Atom(m.start("y"), m.end("y"), "year", dt.datetime(y, 1, 1), dt.datetime(y, 12, 31), "year",
                year_given=True)


@_pat(rf"(?<![\d$€£.,#/-])(?P<y1>{_YEAR})\s*[-\u2013]\s*(?P<y2>{_YEAR}|\d\d)(?![\d%]|[-/.]\d|\s*(?:%|percent))")
def _p_year_range(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"2014-2018", "2013-14": a span of years (the end year is included, as news reads it)."""
    y1 = int(m.group("y1"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not y1 < y2 <= y1 + 100:
        return None
    cue = re.search(r"(?:\b(?:from|between|in|during|since)\s+|\()$", text[:m.start()], re.I)
    if len(y2s) == 2 and ((y2 - y1 > 10 and not cue) or " " in m.group()):
        return None  # "2015 - 32", "2015-32": not a season or a fiscal year ("from 1979-90" is)
    a = Atom(m.start(), m.end(), "year", dt.datetime(y1, 1, 1), dt.datetime(y2, 12, 31), "range", year_given=True)
    a.weak = True  # checked against the parse like a bare year ("2000-3000 people" counts)
    pre = re.search(r"\b(?:from|between)\s+$", text[:m.start()], re.I)
    if pre:
        a.s = pre.start()
    return a


@_pat(r"\bcy\s?(?P<y>\d\d)\b")
def _p_cy(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    y = 2000 + int(m.group("y"))
    return Atom(m.start(), m.end(), "year", dt.datetime(y, 1, 1), dt.datetime(y, 12, 31), "year", year_given=True)


@_pat(r"(?<![\d$])(?:'|\b)(?P<y>[0-9]0)\s?s\b|\b(?:the\s+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
def _p_decade(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    if m.group("y"):
        d = int(m.group("y"))
    else:
        d = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
             "seventies": 70, "eighties": 80, "nineties": 90}[m.group("w").lower()]
        before = text[:m.start()].lower()
        if not re.search(r"\b(in|the|during|of|since|early|mid|late|from)\s*-?\s*$", before) and not m.group().lower().startswith("the"):
            return None
        if re.search(r"\b(his|her|their|my|your|its|our)\s*$", before) or re.search(r"\b(in|into)\s+(his|her|their|my|your)\b", text[max(0, m.start() - 12):m.end()].lower()):
            return None
    if re.search(r"\b(his|her|their|my|your|its|our)\s+(?:(?:early|mid|late)[\s-]*)?$", text[:m.start()], re.I):
        return None  # "in his early 30s": an age
    y = (1900 + d) if d >= 20 else 2000 + d
    if y > ref.year:
        y -= 100
    return Atom(m.start(), m.end(), "year", dt.datetime(y, 1, 1), dt.datetime(y + 9, 12, 31), "decade", relative=True)


@_pat(rf"\b(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century\b|\bthe\s+(?P<w>{_ORDW})\s+century\b")
def _p_century(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    n = int(m.group("n")) if m.group("n") else numwords.ordinal_value(re.split(r"[\s-]+", m.group("w").lower()))
    if not n or n > 30:
        return None
    y0 = (n - 1) * 100
    return Atom(m.start(), m.end(), "year", dt.datetime(max(1, y0), 1, 1), dt.datetime(y0 + 99, 12, 31), "century")


def _quarter(y: int, q: int) -> tuple[dt.datetime, dt.datetime]:
    m0 = 3 * (q - 1) + 1
    return dt.datetime(y, m0, 1), _month_end(y, m0 + 2)


@_pat(rf"\b(?:(?P<y1>{_YEAR})\s*[-\s]\s*)?(?P<q>q[1-4]|h[12])(?:\s*(?:-|\s|of\s+)\s*(?P<y2>{_YEAR}))?\b")
def _p_q(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    y = m.group("y1") or m.group("y2")
    q = m.group("q").lower()
    rel = y is None
    yy = int(y) if y else ref.year
    if q[0] == "q":
        lo, hi = _quarter(yy, int(q[1]))
        g = "quarter"
    else:
        lo, hi = (dt.datetime(yy, 1, 1), dt.datetime(yy, 6, 30)) if q[1] == "1" else (dt.datetime(yy, 7, 1), dt.datetime(yy, 12, 31))
        g = "half"
    if rel and not re.search(r"\b(in|for|during|the|and|of)\s*$", text[:m.start()].lower()) and not re.match(r"\s+(and|or|results|earnings|sales)\b", text[m.end():].lower()):
        if not m.group().islower():
            return None
    return Atom(m.start(), m.end(), "range", lo, hi, g, rel, year_given=not rel)


# words that put "the first half" / "the third quarter" inside a game rather than a year
_GAME_CUES = re.compile(
    r"(?<!percentage\s)(?<!basis\s)\b(?:points?|rebounds?|assists?|touchdowns?|field\s+goals?|innings?"
    r"|kick-?off|halftime|half-time|scored|scoring|trailed|quarterback|yards|free\s+throws?"
    r"|minutes?\s+(?:left|remaining|to\s+play))\b"
    r"|(?<![\d.-])\d{1,3}-\d{1,3}(?![\d.-])", re.I)


@_pat(rf"\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?P<u>quarter|half)(?:\s+of\s+(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year|year))?\b|\b(?P<y0>{_YEAR})'s\s+(?P<o2>first|second|third|fourth)\s+(?P<u2>quarter|half)\b"
      rf"|\b(?P<rel0>next|last|this)\s+year's\s+(?P<o3>first|second|third|fourth)\s+(?P<u3>quarter|half)\b")
def _p_quarter_words(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    o = (m.group("o") or m.group("o2") or m.group("o3")).lower()
    u = (m.group("u") or m.group("u2") or m.group("u3")).lower()
    rel = m.group("rel") or m.group("rel0")
    yv = m.group("y") or m.group("y0")
    if not yv and not rel and not re.search(r"\bof\s+(the\s+)?year\b", m.group().lower()):
        if not re.search(r"\b(in|during|for)\s+(the\s+)?$", text[:m.start()].lower()):
            return None
        if _GAME_CUES.search(text) or re.match(r"\s+of\s+(?:the\s+)?(?:game|match|season|contest|fight)\b", text[m.end():], re.I):
            return None  # "in the second half" of a match: a period of play, not of a year
    if o in ("last", "final") and not re.search(r"\bof\b|'s", m.group().lower()):
        return None  # "last quarter" is the previous quarter (relative period), not Q4
    y = int(yv) if yv else ref.year + {"next": 1, "last": -1}.get((rel or "").lower(), 0)
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4 if u == "quarter" else 2, "final": 4 if u == "quarter" else 2}[o]
    if u == "quarter":
        lo, hi = _quarter(y, n)
    else:
        if n > 2:
            return None
        lo, hi = (dt.datetime(y, 1, 1), dt.datetime(y, 6, 30)) if n == 1 else (dt.datetime(y, 7, 1), dt.datetime(y, 12, 31))
    return Atom(m.start(), m.end(), "range", lo, hi, u, relative=not yv, year_given=bool(yv))


# ---- relative days and periods

@_pat(r"\b(?P<w>today|tonight|tomorrow|tmrw|yesterday|tomorrow\s+(?:morning|afternoon|evening|night)|yesterday\s+(?:morning|afternoon|evening)|last\s+night|this\s+(?:morning|afternoon|evening)|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b")
def _p_relday(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    w = m.group("w").lower()
    off = 0
    if w.startswith(("tomorrow", "tmrw")) or "after tomorrow" in w:
        off = 2 if "after" in w else 1
    elif w.startswith("yesterday") or w == "last night" or "before yesterday" in w:
        off = -2 if "before" in w else -1
    d = _day(ref) + dt.timedelta(days=off)
    return Atom(m.start(), m.end(), "day", d, d, "day", True)


_PERIOD_UNITS = {"week": "week", "month": "month", "year": "year", "decade": "decade",
                 "weekend": "weekend", "quarter": "quarter", "fortnight": "fortnight"}


def _period(unit: str, ref: dt.datetime, off: int) -> tuple[dt.datetime, dt.datetime]:
    d = _day(ref)
    if unit == "week":
        s = _week_start(d) + dt.timedelta(weeks=off)
        return s, s + dt.timedelta(days=6)
    if unit == "weekend":
        s = _week_start(d) + dt.timedelta(days=5, weeks=off)
        return s, s + dt.timedelta(days=1)
    if unit == "month":
        s = dt.datetime(d.year, d.month, 1) + relativedelta(months=off)
        return s, _month_end(s.year, s.month)
    if unit == "quarter":
        q0 = (d.month - 1) // 3
        s = dt.datetime(d.year, 3 * q0 + 1, 1) + relativedelta(months=3 * off)
        return s, s + relativedelta(months=3) - dt.timedelta(days=1)
    if unit == "year":
        return dt.datetime(d.year + off, 1, 1), dt.datetime(d.year + off, 12, 31)
    if unit == "decade":
        y = (d.year // 10) * 10 + 10 * off
        return dt.datetime(y, 1, 1), dt.datetime(y + 9, 12, 31)
    if unit == "fortnight":
        # two calendar weeks: the past fortnight ends with last week, the next one starts next week
        ws = _week_start(d)
        s = ws - dt.timedelta(days=14) if off < 0 else ws + dt.timedelta(days=7 * (off if off > 0 else 0))
        return s, s + dt.timedelta(days=13)
    raise ValueError(unit)


@_pat(r"\b(?P<rel>this|last|next|past|previous|coming|following|current|the\s+following|the\s+previous|the\s+last|the\s+past|the\s+next|that|the\s+same|same)\s+(?:calendar\s+)?(?P<u>week|month|year|decade|weekend|quarter|fortnight|work(?:ing)?\s*week)(?!s)\b(?P<tail>\s+after\s+next|\s+before\s+last)?")
def _p_relperiod(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    rel = m.group("rel").lower().replace("the ", "")
    u = m.group("u").lower()
    work = u.startswith("work")
    if work:
        u = "week"
    if rel in ("that", "same") and u != "weekend" and rel != "same":
        return None
    off = {"this": 0, "current": 0, "that": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
           "next": 1, "coming": 1, "following": 1}[rel]
    if m.group("tail"):
        off = 2 if "after" in m.group("tail") else -2
    if u == "weekend" and rel in ("this", "that") and ref.weekday() < 5:
        off = 0
    lo, hi = _period(u, ref, off)
    if rel == "past" and u in ("week", "month", "year") and m.group("rel").lower().startswith("the"):
        # "the past year": the twelve months up to published, not the calendar year
        unit = {"week": relativedelta(weeks=1), "month": relativedelta(months=1), "year": relativedelta(years=1)}[u]
        lo, hi = _day(ref) - unit, _day(ref)
    if work:
        hi = lo + dt.timedelta(days=4)  # Monday to Friday
    return Atom(m.start(), m.end(), "range", lo, hi, u, True)


@_pat(r"\bthe\s+(?P<u>week|month|year|weekend)\s+(?P<tail>after\s+next|before\s+last)\b")
def _p_period_after_next(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"the week after next" is two weeks ahead, "the month before last" two months back."""
    u = m.group("u").lower()
    lo, hi = _period(u, ref, 2 if m.group("tail").lower().startswith("after") else -2)
    return Atom(m.start(), m.end(), "range", lo, hi, u, True)


@_pat(r"(?<=\bof\s)(?:the\s+)?(?P<u>month|year|week)\b")
def _p_part_of_period(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"end of the month", "beginning of year": a part of the current period."""
    if not re.search(r"\b(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s*$", text[:m.start()], re.I):
        return None
    u = m.group("u").lower()
    lo, hi = _period(u, ref, 0)
    return Atom(m.start(), m.end(), "range", lo, hi, u, True)


@_pat(r"\b(?:the|over\s+the|at\s+the|on\s+the)\s+weekend\b")
def _p_weekend(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    if future:
        lo, hi = _period("weekend", ref, 0 if ref.weekday() < 5 else 0)
    else:
        lo, hi = _period("weekend", ref, 0 if ref.weekday() >= 5 else -1)
    s = m.start() + m.group().lower().rfind("the")
    return Atom(s, m.end(), "range", lo, hi, "weekend", True)


@_pat(r"\b(?P<w>earlier|later)\s+(?:this|in\s+the)\s+(?P<u>week|month|year)\b")
def _p_earlier_later(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    lo, hi = _period(m.group("u").lower(), ref, 0)
    one = dt.timedelta(days=1)
    if m.group("w").lower() == "earlier":  # before today ...
        hi = max(lo, _day(ref) - one)
    else:  # ... or after it
        lo = min(hi, _day(ref) + one)
    return Atom(m.start(), m.end(), "range", lo, hi, m.group("u").lower(), True)


@_pat(r"\b(?:right\s+)?now\b|\bcurrent\s+date\b|(?<=\bto\s)date\b|(?<=\btill\s)date\b|(?<=\buntil\s)date\b")
def _p_now(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"now": never a claim by itself (too common in news), only the end of a range ("between
    Jan 2019 and now", "from March to date")."""
    return Atom(m.start(), m.end(), "now", _day(ref), _day(ref), "day", True, emit=False)


@_pat(r"\b(?:the\s+)?year[\s-]+to[\s-]+date\b|\bytd\b")
def _p_ytd(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    return Atom(m.start(), m.end(), "range", dt.datetime(ref.year, 1, 1), _day(ref), "range", True)


def _delta(n: float, unit: str) -> relativedelta | dt.timedelta:
    u = unit.lower().rstrip("s")
    if u.startswith("business"):
        return dt.timedelta(days=n * 7 / 5)
    return {
        "day": lambda: dt.timedelta(days=n), "week": lambda: dt.timedelta(weeks=n),
        "fortnight": lambda: dt.timedelta(weeks=2 * n),
        "month": lambda: relativedelta(months=int(n)) if n == int(n) else dt.timedelta(days=30 * n),
        "year": lambda: relativedelta(years=int(n)) if n == int(n) else dt.timedelta(days=365 * n),
        "decade": lambda: relativedelta(years=int(10 * n)),
        "hour": lambda: dt.timedelta(hours=n), "minute": lambda: dt.timedelta(minutes=n),
        "min": lambda: dt.timedelta(minutes=n),
    }[u]()


def _business_days(d: dt.datetime, n: int, sign: int) -> list[dt.datetime]:
    """The n working days (Monday-Friday) after (sign 1) or before (sign -1) day d."""
    out: list[dt.datetime] = []
    t = d
    while len(out) < n:
        t = t + dt.timedelta(days=sign)
        if t.weekday() < 5:
            out.append(t)
    return out


def _is_clock(unit: str) -> bool:
    return unit.lower().startswith(("hour", "min"))


_ANCHOR = r"(?:now|today|tomorrow|tmrw|yesterday)"


@_pat(rf"(?<!\blast\s)(?<!\bpast\s)(?<!\bnext\s)\b(?P<n>{_NUMW})\s+(?P<u>{_UNIT})(?:\s+(?:and\s+)?(?P<n2>{_NUMW})\s+(?P<u2>{_UNIT}))*(?:\s+(?:and\s+)?(?P<n3>{_NUMW})\s+(?P<u3>{_UNIT}))?\s+(?P<dir>ago|earlier|later|from|after|before|hence)(?:\s+(?P<anchor>{_ANCHOR}))?\b")
def _p_offset(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"two days ago", "3 weeks from today"; "three days after" + a date is joined in _combine.
    Without an anchor, "later" / "after" count from an event in the story, not from `published`."""
    direc = m.group("dir").lower()
    anchor = (m.group("anchor") or "").lower()
    pairs = re.findall(rf"({_NUMW})\s+({_UNIT})", m.group(), re.I)
    steps: list[tuple[float, str]] = []
    for n, u in pairs:
        v = _num_word(n)
        if v is None:
            return None
        steps.append((v, u))
    sign = -1 if direc in ("ago", "earlier", "before") else 1
    if direc in ("from", "after", "before", "later", "earlier") and not anchor:
        if direc in ("later", "earlier"):
            return None
        a = Atom(m.start(), m.end(), "offset", None, None, "day", True, emit=False)
        a.steps, a.sign = steps, sign
        return a
    base = ref if _is_clock(pairs[0][1]) else _day(ref)
    if anchor in ("tomorrow", "tmrw"):
        base = _day(ref) + dt.timedelta(days=1)
    elif anchor == "yesterday":
        base = _day(ref) - dt.timedelta(days=1)
    if re.search(r"\bfor\s+$", text[:m.start()], re.I) and direc == "from" and not any(_is_clock(u) for _, u in steps):
        return None  # "for 3 days from today": a stretch that starts today (see _duration_from)
    if any(_is_clock(u) for _, u in steps):
        return _clock_offset_days(m.start(), m.end(), steps, sign, ref)
    t = _shift(base, steps, sign)
    d = _day(t)
    a = Atom(m.start(), m.end(), "day", d, d, "day", True, tmod="offset")
    return _more_less(a, base, text)


def _clock_offset_days(s: int, e: int, steps: list[tuple[float, str]], sign: int,
                       ref: dt.datetime) -> Atom | None:
    """"24 hours from now", "36 hours ago": an offset in hours or minutes from the moment the
    piece went out. `published` is the moment of publication (often UTC), not the event's local
    clock, so the contract's day resolution is the honest one: whole days count from the day of
    `published` ("48 hours from now" = two days after it), a part day leaves the two days it
    may fall on. Under a day ("in 5 minutes", "half an hour from now") it is a duration from
    the time of writing and no calendar date claim."""
    per = {"min": 1 / 60, "hou": 1.0, "day": 24.0, "wee": 168.0, "for": 336.0, "bus": 24 * 7 / 5}
    if any(u.lower()[:3] not in per for _, u in steps):
        return None  # "a month and 3 hours": no such mix in news
    hours = sum(v * per[u.lower()[:3]] for v, u in steps)
    if hours < 24:
        return None
    whole = int(hours // 24)
    far = whole if hours == whole * 24 else whole + 1
    base = _day(ref)
    lo, hi = sorted((base + sign * dt.timedelta(days=whole), base + sign * dt.timedelta(days=far)))
    if lo == hi:
        return Atom(s, e, "day", lo, hi, "day", True)
    return Atom(s, e, "range", lo, hi, "range", True)


def _shift(base: dt.datetime, steps: list[tuple[float, str]], sign: int) -> dt.datetime:
    t = base
    for v, u in steps:
        delta = _delta(v, u)
        t = t + delta if sign > 0 else t - delta  # type: ignore[operator]
    return t


def _more_less(a: Atom, base: dt.datetime, text: str) -> Atom:
    """"more than 2 weeks before today" -> until that day; "less than 3 days after tomorrow" ->
    from tomorrow to that day."""
    m = re.search(r"\b(more|less|fewer)\s+than\s+$", text[:a.s], re.I)
    if not m or a.lo is None:
        return a
    more = m.group(1).lower() == "more"
    d = a.lo
    after = d >= _day(base)
    if more:
        lo, hi = (d, None) if after else (None, d)
    else:
        one = dt.timedelta(days=1)
        lo, hi = (_day(base), d - one) if after else (d + one, _day(base))
    return replace(a, s=m.start(), lo=lo, hi=hi, kind="range", gran="range")


@_pat(rf"\b(?P<pre>in|within)\s+(?:the\s+)?(?P<nx>next\s+)?(?P<n>{_NUMW})\s+(?P<u>{_UNIT})(?!\s*(?:of|'|time|old|later|ago|before|after|from|in\s+a\s+row))\b")
def _p_in_n(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    v = _num_word(m.group("n"))
    if v is None:
        return None
    before = text[:m.start()].lower()
    # "the worst flooding in 20 years", "first time in a decade": a duration, not a date
    if re.search(r"\b(worst|best|first|highest|lowest|largest|biggest|most|deadliest|least|longest|"
                 r"strongest|fastest|slowest|only|last|record|since)\b", before):
        return None
    u = m.group("u")
    if u.lower().startswith("hour") and v >= 1:
        # "in 24 hours", "within 48 hours": a deadline window. Read against `published` it
        # would be a minute-level claim that depends only on when the piece went out, and two
        # reports of the same deadline would then disagree; the count of hours is the claim.
        return None
    if m.group("pre").lower() == "within":
        base = _day(ref)
        end = base + _delta(v, u)  # type: ignore[operator]
        return Atom(m.start(), m.end(), "range", base, _day(end) - dt.timedelta(days=0 if _is_clock(u) else 1), "range", True)
    if m.group("nx"):
        return None  # "in the next two days": a period, read by _p_lastn
    if _is_clock(u):
        return None  # "in 5 minutes", "in half an hour": a duration from the time of writing
    d = _day(ref) + _delta(v, u)  # type: ignore[operator]
    return Atom(m.start(), m.end(), "day", d, d, "day", True)


@_pat(rf"\b(?:the\s+|over\s+the\s+|in\s+the\s+|during\s+the\s+)?(?P<rel>next|last|past|previous|coming|upcoming|following|recent)\s+(?P<n>{_NUMW})\s+(?P<u>{_UNIT})\b"
      rf"|\b(?P<n2>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<rel2>next|upcoming|past|previous|coming|following)\s+(?P<u2>{_UNIT})\b")
def _p_lastn(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    rel = (m.group("rel") or m.group("rel2")).lower()
    n = m.group("n") or m.group("n2")
    u = m.group("u") or m.group("u2")
    if m.group("rel2") and not u.lower().endswith("s"):
        return None  # "only 3 next week": a count, then a period
    v = _num_word(n)
    if v is None:
        return None
    s = m.start()
    pre = re.match(r"(?:the\s+|over\s+the\s+|in\s+the\s+|during\s+the\s+)", m.group(), re.I)
    if pre:
        s += pre.end() - (4 if pre.group().lower().endswith("the ") else 0)
        s = m.start() + pre.group().lower().rfind("the")
        if not m.group().lower().startswith(("the", "over", "in", "during")):
            s = m.start()
    d = _day(ref)
    ul = u.lower()
    if ul.startswith("quarter"):
        return None
    if ul.startswith("business") and v == int(v):
        days = _business_days(d, int(v), 1 if rel in ("next", "coming", "upcoming", "following") else -1)
        return Atom(s, m.end(), "range", min(days), max(days), "range", True)
    if rel in ("next", "coming", "upcoming", "following"):
        lo = d + dt.timedelta(days=1)
        hi = d + _delta(v, u)  # type: ignore[operator]
    else:
        lo = d - _delta(v, u)  # type: ignore[operator]
        hi = d - dt.timedelta(days=1)
    if _is_clock(u):
        return None
    return Atom(s, m.end(), "range", _day(lo), _day(hi), "range", True)


@_pat(rf"\b(?:the\s+)?(?P<rel>last|past|previous|next|coming|following)\s+(?P<n>{_NUMW})\s+quarters\b")
def _p_lastn_quarters(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    v = _num_word(m.group("n"))
    if v is None:
        return None
    q0 = dt.datetime(ref.year, 3 * ((ref.month - 1) // 3) + 1, 1)
    n = int(v)
    if m.group("rel").lower() in ("next", "coming", "following"):
        lo = q0 + relativedelta(months=3)
        hi = lo + relativedelta(months=3 * n) - dt.timedelta(days=1)
    else:
        lo = q0 - relativedelta(months=3 * n)
        hi = q0 - dt.timedelta(days=1)
    return Atom(m.start(), m.end(), "range", lo, hi, "quarter", True)


@_pat(r"\b(?:the\s+)?next\s+(?:couple\s+(?:of\s+)?|few\s+)(?P<u>days|weeks|months|years)\b")
def _p_next_couple(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    if "few" in m.group().lower():
        return None
    d = _day(ref)
    return Atom(m.start(), m.end(), "range", d + dt.timedelta(days=1), d + _delta(2, m.group("u")), "range", True)  # type: ignore[operator]


# ---- weekdays, weeks, day-of-month

@_pat(rf"\b(?P<rel>this\s+(?:upcoming|coming|past)|upcoming|this|last|next|coming|past|previous|the\s+following|following)?\s*(?P<wd>{_WD})(?!s\b)(?![a-z])")
def _p_weekday(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    w = m.group("wd").lower().rstrip(".")
    wd = WEEKDAYS.get(w)
    if wd is None:
        return None
    raw = text[m.start("wd"):m.end("wd")]
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if rel in ("upcoming", "this upcoming", "this coming"):
        rel = "coming"
    elif rel == "following":
        rel = "the following"
    before = text[:m.start("wd")].lower()
    after = text[m.end("wd"):]
    if w in _AMBIGUOUS_WD or len(w) <= 4:
        cue = rel or re.search(r"\b(on|by|until|till|from|to|since|before|after|and|or|every|next|last|this|week|,)\s*$", before) \
            or re.match(r"\s*(?:\d|the\s+\d|the\s+(?:first|second|third|[a-z]+th)\b|,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|at\b|\()", after, re.I)
        if not cue or (w in ("sat", "sun", "wed") and not raw[:1].isupper() and not re.match(r"\s*(\d|at\b|the\b)", after) and not rel and not re.search(r"\bon\s*$", before)):
            return None
        if w in ("sat", "sun", "wed", "mon") and re.match(r"\s+(down|up|on|in|out|with|by|for|the)\b", after, re.I) and not raw[:1].isupper():
            return None
    if re.search(r"\b(every|each)\s*$", before):
        return None  # a set ("every Friday")
    d = _day(ref)
    ws = _week_start(d)
    if rel == "this":
        day = ws + dt.timedelta(days=wd)
    elif rel in ("next", "the following", "coming") and rel != "coming":
        day = ws + dt.timedelta(days=7 + wd)
    elif rel == "coming":
        k = (wd - d.weekday()) % 7 or 7
        day = d + dt.timedelta(days=k)
    elif rel in ("last", "previous"):
        day = ws - dt.timedelta(days=7 - wd)  # that day of the previous week
    elif rel in ("past", "this past"):
        k = (d.weekday() - wd) % 7 or 7  # the most recent such day before today
        day = d - dt.timedelta(days=k)
    elif future:
        k = (wd - d.weekday()) % 7
        day = d + dt.timedelta(days=k)
    else:
        k = (d.weekday() - wd) % 7
        day = d - dt.timedelta(days=k)
    s = m.start() if rel else m.start("wd")
    return Atom(s, m.end(), "weekday", day, day, "day", True, wd=wd)


@_pat(rf"\b(?P<wd>{_WD})\s*,?\s*(?:the\s+)?(?:(?P<o>{_ORDW}|(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th))|(?P<n>0?[1-9]|[12]\d|3[01])(?=\s*(?:$|[,!?;)]|\.(?!\d)|at\b|around\b|about\b|and\b|or\b)))(?![\d:%])")
def _p_weekday_dom(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"Mon 13th", "tuesday the eleventh", "Sunday 31": the nearest month where that day of the
    month falls on that weekday (a bare number only when nothing follows it: not "Monday 5 people")."""
    wd = WEEKDAYS.get(m.group("wd").lower().rstrip("."))
    d = _day_word(m.group("o") or m.group("n"))
    if wd is None or d is None:
        return None
    if m.group("wd").lower().rstrip(".") in _AMBIGUOUS_WD and not m.group("wd")[:1].isupper() and not m.group("o"):
        return None
    wdat = Atom(m.start(), m.end("wd"), "weekday", None, None, "day", True, wd=wd)
    return _wd_dom(wdat, Atom(m.start(), m.end(), "dom", None, None, "day", True, dom=d), ref, m.start(), m.end())


@_pat(rf"\b(?P<pre>on|of)\s+(?:the\s+|(?=\d\d?(?:st|nd|rd|th)\b))(?P<d>{_DAYN}|{_ORDW})(?!\d)(?![\s-]+(?:anniversary|day\s+of|floor|time|place|century|round|of\s+(?!{_MON}|the\s+month|this|next|last)))(?!\s*(?:of\s+)?{_MON})")
def _p_on_the_nth(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    d = _day_word(m.group("d"))
    if d is None or re.fullmatch(r"\d+", m.group("d")):
        return None
    if m.group("pre").lower() == "of" and not re.search(r"\bweek\s+$", text[:m.start()], re.I):
        return None  # "of the 18th" only in "the week of the 18th"
    after = text[m.end():]
    if re.match(r"\s+[A-Z]", after) and not re.match(r"\s+the\b", m.group()[2:], re.I):
        return None  # "on 5th Avenue", "on 3rd Street": a name
    if re.match(r"\s+[a-z]+", after) and not re.match(r"\s+(at|of|and|or|to|through|till|until|in|this|next|last|,)\b", after, re.I):
        return None
    day = _dom(d, ref, future)
    s = m.start() + 3
    return Atom(s, m.end(), "dom", day, day, "day", True, dom=d)


def _dom(d: int, ref: dt.datetime, future: bool) -> dt.datetime | None:
    """"on the 18th": that day in the nearest of last, this and next month (ties: the past)."""
    base = _day(ref)
    best: dt.datetime | None = None
    for k in (0, -1, 1):
        mm = dt.datetime(base.year, base.month, 1) + relativedelta(months=k)
        cand = _d(mm.year, mm.month, d)
        if cand is None:
            continue
        if best is None or abs((cand - base).days) < abs((best - base).days) or (
                abs((cand - base).days) == abs((best - base).days) and cand < best):
            best = cand
    return best


@_pat(r"\b(?P<pre>(?:the\s+)?week\s+(?:of|beginning|commencing|starting)(?:\s+on)?|w/c)\s+")
def _p_week_of(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    a = Atom(m.start(), m.end(), "weekof", None, None, "week", False, weak=True, emit=False)
    a.tmod = "beginning" if re.search(r"beginning|commencing|starting|w/c", m.group(), re.I) else "of"
    return a


@_pat(rf"\b(?:the\s+)?week\s+(?P<n>\d{{1,2}})(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year))?\b")
def _p_week_n(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    n = int(m.group("n"))
    y = int(m.group("y")) if m.group("y") else ref.year + {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    if not 1 <= n <= 53:
        return None
    try:
        lo = dt.datetime.fromisocalendar(y, n, 1)
    except ValueError:
        return None
    s = m.start() + (m.group().lower().find("week"))
    return Atom(s, m.end(), "range", lo, lo + dt.timedelta(days=6), "week", not m.group("y"))


_PERIOD_OF = (rf"(?:the\s+)?(?:(?P<py>{_YEAR})|(?P<prel>this|last|next|current|the|previous|coming)\s+(?P<pu>year|month|week)"
              rf"|(?P<pu0>year|month)|(?P<pmon>{_MON})(?![a-z])(?:\s*,?\s*(?P<pmy>{_YEAR}))?)")


def _period_of(m: re.Match[str], ref: dt.datetime, future: bool) -> tuple[dt.datetime, dt.datetime, str, bool] | None:
    """The period named after "of": (first day, last day, unit, relative)."""
    if m.group("py"):
        y = int(m.group("py"))
        return dt.datetime(y, 1, 1), dt.datetime(y, 12, 31), "year", False
    if m.group("pmon"):
        mon = _mon_of(m.group("pmon"))
        if mon is None:
            return None
        y = int(m.group("pmy")) if m.group("pmy") else _past_year(mon, None, ref, future)
        return dt.datetime(y, mon, 1), _month_end(y, mon), "month", not m.group("pmy")
    u = (m.group("pu") or m.group("pu0")).lower()
    rel = (m.group("prel") or "this").lower()
    off = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    lo, hi = _period(u, ref, off)
    return lo, hi, u, True


def _iso_week1(y: int) -> dt.datetime:
    return dt.datetime.fromisocalendar(y, 1, 1)


def _iso_last_week(y: int) -> dt.datetime:
    return dt.datetime.fromisocalendar(y, dt.date(y, 12, 28).isocalendar()[1], 1)


def _month_week_last(hi: dt.datetime) -> dt.datetime:
    """Monday of the last week of a month (the week holding its last Thursday)."""
    thu = hi - dt.timedelta(days=(hi.weekday() - 3) % 7)
    return thu - dt.timedelta(days=3)


def _month_week1(lo: dt.datetime) -> dt.datetime:
    """Monday of the first week of a month (the week holding its first Thursday)."""
    return lo + dt.timedelta(days=(7 - lo.weekday()) % 7) if lo.weekday() > 3 else lo - dt.timedelta(days=lo.weekday())


@_pat(rf"\b(?:the\s+)?(?:(?P<o>last|final|{_ORDW}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<u1>day|week|month)"
      rf"|(?P<fl>first|last)\s+(?P<n>{_NUMW})\s+(?P<u2>days|weeks|months))\s+of\s+{_PERIOD_OF}\b")
def _p_part_of(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    """"the third month of 2021", "the 15th day of next month", "last week of 2016", "the first
    2 weeks of 2021", "the last four months of 2021": a part of a named period. Weeks of a year
    are ISO weeks (Monday to Sunday, week 1 holds the first Thursday)."""
    per = _period_of(m, ref, future)
    if per is None:
        return None
    plo, phi, pu, rel = per
    one = dt.timedelta(days=1)
    if m.group("o"):
        o = m.group("o").lower()
        last = o in ("last", "final")
        n = -1 if last else _day_word(o)
        if n is None:
            return None
        u = m.group("u1").lower()
        if u == "day":
            if pu == "week":
                return None
            lo = phi if last else plo + dt.timedelta(days=n - 1)
            if lo > phi:
                return None
            return Atom(m.start(), m.end(), "day", lo, lo, "day", rel, year_given=not rel)
        if u == "month":
            if pu != "year" or n > 12:
                return None
            mon = 12 if last else n
            return Atom(m.start(), m.end(), "month", dt.datetime(plo.year, mon, 1), _month_end(plo.year, mon), "month", rel,
                        mon=mon, year_given=not rel)
        if pu == "year":
            try:
                lo = _iso_last_week(plo.year) if last else dt.datetime.fromisocalendar(plo.year, n, 1)
            except ValueError:
                return None
        elif pu == "month":
            if n > 5:
                return None
            lo = _month_week_last(phi) if last else _month_week1(plo) + dt.timedelta(weeks=n - 1)
        else:
            return None
        return Atom(m.start(), m.end(), "range", lo, lo + dt.timedelta(days=6), "week", rel)
    v = _num_word(m.group("n"))
    if v is None or v != int(v) or v < 1:
        return None
    k = int(v)
    first = m.group("fl").lower() == "first"
    u = m.group("u2").lower()
    if u == "days":
        lo, hi = (plo, plo + dt.timedelta(days=k - 1)) if first else (phi - dt.timedelta(days=k - 1), phi)
    elif u == "months":
        if pu != "year" or k > 12:
            return None
        lo, hi = (plo, _month_end(plo.year, k)) if first else (dt.datetime(plo.year, 13 - k, 1), phi)
    else:
        if pu == "year":
            w1, wl = _iso_week1(plo.year), _iso_last_week(plo.year)
        elif pu == "month":
            w1, wl = _month_week1(plo), _month_week_last(phi)
        else:
            return None
        lo, hi = (w1, w1 + dt.timedelta(weeks=k) - one) if first else (wl - dt.timedelta(weeks=k - 1), wl + dt.timedelta(days=6))
    return Atom(m.start(), m.end(), "range", lo, hi, "range", rel)


# ---- holidays

def _easter(y: int) -> dt.datetime:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = ((h + l_ - 7 * m + 114) % 31) + 1
    return dt.datetime(y, month, day)


def _nth_weekday(y: int, mon: int, wd: int, n: int) -> dt.datetime:
    if n > 0:
        first = dt.datetime(y, mon, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(y, mon)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


_HOLIDAYS = {
    "christmas day": lambda y: dt.datetime(y, 12, 25), "christmas eve": lambda y: dt.datetime(y, 12, 24),
    "christmas": lambda y: dt.datetime(y, 12, 25), "xmas": lambda y: dt.datetime(y, 12, 25),
    "new year's day": lambda y: dt.datetime(y, 1, 1), "new year's eve": lambda y: dt.datetime(y, 12, 31),
    "independence day": lambda y: dt.datetime(y, 7, 4), "halloween": lambda y: dt.datetime(y, 10, 31),
    "valentine's day": lambda y: dt.datetime(y, 2, 14), "valentines day": lambda y: dt.datetime(y, 2, 14),
    "earth day": lambda y: dt.datetime(y, 4, 22), "boxing day": lambda y: dt.datetime(y, 12, 26),
    "st patrick's day": lambda y: dt.datetime(y, 3, 17), "st. patrick's day": lambda y: dt.datetime(y, 3, 17),
    "saint patrick's day": lambda y: dt.datetime(y, 3, 17), "saint patrick": lambda y: dt.datetime(y, 3, 17),
    "st patrick": lambda y: dt.datetime(y, 3, 17), "international workers' day": lambda y: dt.datetime(y, 5, 1),
    "may day": lambda y: dt.datetime(y, 5, 1), "labour day": lambda y: _nth_weekday(y, 9, 0, 1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4), "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2), "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
    "easter sunday": _easter, "easter": _easter, "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "veterans day": lambda y: dt.datetime(y, 11, 11), "armistice day": lambda y: dt.datetime(y, 11, 11),
    "bastille day": lambda y: dt.datetime(y, 7, 14), "canada day": lambda y: dt.datetime(y, 7, 1),
    "australia day": lambda y: dt.datetime(y, 1, 26), "groundhog day": lambda y: dt.datetime(y, 2, 2),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3), "presidents day": lambda y: _nth_weekday(y, 2, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2), "juneteenth": lambda y: dt.datetime(y, 6, 19),
}
_HOL_RX = "|".join(sorted((re.escape(k).replace("'", "['\u2019]?").replace(r"\ ", r"\s+") for k in _HOLIDAYS), key=len, reverse=True))


@_pat(rf"\b(?P<wk1>(?:the\s+)?weekend\s+of\s+)?(?:(?P<rw>next|following|last|previous|this)\s+)?(?P<h>{_HOL_RX})(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel>this|last|next)\s+year)?(?P<wk2>\s+weekend(?:\s+(?P<y3>{_YEAR}))?)?\b")
def _p_holiday(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    key = re.sub(r"\s+", " ", m.group("h").lower().replace("\u2019", "'"))
    fn = _HOLIDAYS.get(key) or _HOLIDAYS.get(key.replace("'", "")) or next(
        (f for k, f in _HOLIDAYS.items() if k.replace("'", "") == key.replace("'", "")), None)
    if fn is None:
        return None
    if m.group("y") or m.group("y3"):
        d = fn(int(m.group("y") or m.group("y3")))
        rel = False
    elif m.group("rel"):
        d = fn(ref.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()])
        rel = True
    else:
        y = ref.year
        d = fn(y)
        rw = (m.group("rw") or "").lower()
        if rw in ("next", "following"):
            d = fn(y) if fn(y) > _day(ref) else fn(y + 1)
        elif rw in ("last", "previous"):
            d = fn(y) if fn(y) < _day(ref) else fn(y - 1)
        elif rw == "this":
            d = fn(y)
        elif not future and d > _day(ref):
            d = fn(y - 1)
        elif future and d < _day(ref):
            d = fn(y + 1)
        rel = True
    s = m.start() if (m.group("rw") and not m.group("y") and not m.group("rel")) or m.group("wk1") else m.start("h")
    if m.group("wk1") or m.group("wk2"):
        # "labor day weekend", "the weekend of halloween": the weekend joined to the holiday
        wd = d.weekday()
        lo, hi = (d - dt.timedelta(days=2), d) if wd == 0 else (d - dt.timedelta(days=1), d) if wd == 6 else (d, d + dt.timedelta(days=6 - wd))
        return Atom(s, m.end(), "range", lo, hi, "weekend", rel)
    return Atom(s, m.end(), "day", d, d, "day", rel)


# ---- times of day

# a tally named just before "at"/"to": the number that follows is its value, not a clock time
_COUNT_BEFORE = re.compile(
    r"\b(?:toll|tolls|count|counts|tally|tallies|number|numbers|total|totals|figure|figures|estimate|estimates)"
    r"(?:\s+(?:of|from|for|in|among)\s+(?:the\s+)?[\w-]+){0,2}(?:\s+(?:at|to|stood\s+at|stands\s+at|was\s+at|is\s+at))\s*$",
    re.I)

@_pat(r"(?<![\d:.,])(?P<h>2[0-3]|[01]?\d)(?!\d|,\d)(?::(?P<m>[0-5]\d)(?::(?P<sec>[0-5]\d))?|\.(?P<m2>[0-5]\d)(?=\s*(?:[ap]\.?m\b|[ap]\.m\.|h\b|hrs\b)|\s*$|\s*[,;]))?\s*(?P<ap>a\.m\.|p\.m\.|[ap]\.\sm\.|am\b|pm\b|a\.m\b|p\.m\b|a\b|p\b|h\b|hrs\b|gmt\b|utc\b|et\b|bst\b|cet\b)?"
      r"|\b(?P<w>noon|midday|midnight)\b|\b(?P<oc>[1-9]|1[0-2])\s+o'clock\b")
def _p_time(m: re.Match[str], ref: dt.datetime, future: bool, text: str) -> Atom | None:
    if m.group("w"):
        h, mi = (0, 0) if m.group("w").lower() == "midnight" else (12, 0)
        return Atom(m.start(), m.end(), "time", None, None, "minute", hm=(h, mi), emit=False)
    if m.group("oc"):
        return Atom(m.start(), m.end(), "time", None, None, "minute", hm=(int(m.group("oc")), 0), emit=False)
    h = int(m.group("h"))
    mi = m.group("m") or m.group("m2")
    ap = re.sub(r"[.\s]", "", (m.group("ap") or "").lower())  # "a.m.", "a. m." (tokenised text)
    if mi is None and ap in ("", "h", "hrs", "gmt", "utc", "et", "bst", "cet"):
        # a bare number is a time only after "at" next to a day ("Sat at 5"), and never a
        # count's value ("put the death toll at 9", "the number of dead at 12")
        if not re.search(r"\bat\s*$", text[:m.start()].lower()) or ap or _COUNT_BEFORE.search(text[:m.start()]):
            return None
        a = Atom(m.start(), m.end(), "time", None, None, "minute", hm=(h, 0), emit=False, weak=True)
        return a
    if mi is None and ap in ("a", "p") and not re.search(r"\bat\s*$", text[:m.start()].lower()):
        return None
    if m.group("m2") and not ap and not re.search(r"\bat\s*$", text[:m.start()].lower()):
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    if ap in ("a", "p") or ap.startswith(("a", "p")):
        if int(m.group("h")) > 12:
            return None
    end = m.end() if m.group("ap") else (m.end("m") if m.group("m") else m.end())
    if m.group("sec"):
        end = max(end, m.end("sec"))
    if m.group("ap") and m.group("ap").lower() in ("gmt", "utc", "et", "bst", "cet", "h", "hrs"):
        end = m.end("ap")
    return Atom(m.start(), end, "time", None, None, "minute", hm=(h, int(mi or 0)), emit=False,
                ampm=bool(ap[:1] in ("a", "p")) or h > 12 or (m.group("h") or "").startswith("0"),
                tmod="sec" if m.group("sec") else None)


# between a time and the day after it: "21:40 local time on Thursday", "9pm (local time), on Friday"
_TIME_DAY_GLUE = r"(?:\(?local\s+time\)?\s*)?,?\s*(?:on|of|this)?"
_TIME_MOD = re.compile(r"(?P<mod>shortly\s+after|just\s+after|soon\s+after|shortly\s+before|just\s+before|around|about|at\s+about|at\s+around|approximately|roughly|some\s*time\s+after|after|before|until|by|at)\s*$", re.I)


# --------------------------------------------------------------------------- the finder

@lru_cache(maxsize=256)
def _matches(text: str) -> tuple[tuple[int, re.Match[str]], ...]:
    """All pattern matches in a sentence. They do not depend on `published` or tense, and each
    sentence is read two or three times (numbers' blocked spans, dates, the future reading), so
    the regex pass, the costly part, runs once."""
    return tuple((k, m) for k, (rx, _) in enumerate(_PATTERNS) for m in rx.finditer(text) if m.end() > m.start())


def _candidates(text: str, ref: dt.datetime, future: bool) -> list[Atom]:
    out: list[Atom] = []
    for k, m in _matches(text):
        fn = _PATTERNS[k][1]
        try:
            a = fn(m, ref, future, text)  # type: ignore[operator]
        except (ValueError, OverflowError, KeyError):
            a = None
        if a is not None and a.e > a.s:
            out.append(_trim_dot(a, text))
    return out


def _select(cands: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, longest first (so "Feb. 7, 2024" beats "2024")."""
    cands.sort(key=lambda a: (-(a.e - a.s), a.s))
    chosen: list[Atom] = []
    for a in cands:
        if any(a.s < b.e and b.s < a.e for b in chosen):
            continue
        chosen.append(a)
    chosen.sort(key=lambda a: a.s)
    return chosen


_FULL_NAMES = {w for w in list(MONTHS) + list(WEEKDAYS) if len(w) > 4 or w in ("may", "june", "july")}


def _trim_dot(a: Atom, text: str) -> Atom:
    """"on Wednesday." keeps its full stop out; "Feb." keeps its abbreviation dot."""
    if a.e > a.s and text[a.e - 1] == ".":
        m = re.search(r"([A-Za-z]+)\.$", text[a.s:a.e])
        if m and m.group(1).lower() in _FULL_NAMES or (m and m.group(1).lower() in ("m",) and False):
            a.e -= 1
        elif not m:
            a.e -= 1
    return a


def _year_ok(a: Atom, text: str, span: Span | None) -> bool:
    """A bare 4-digit number is a year unless the parse shows it counts something."""
    before = text[:a.s]
    after = text[a.e:]
    if re.search(r"(\$|€|£|¥|\bUS|\bRs\.?)\s*$", before):
        return False
    if re.match(r"\s*[-/]\s*\d", after) or re.search(r"(?:\d\s*[-/]|\+\d*)\s*$", before):
        return False  # "2015-32", "+86 2010-2015-86": part of a code or a phone number
    if re.match(r"\s*(%|percent|per\s*cent|million|billion|thousand|km|kg|miles?|metres?|meters?|feet|people|persons|troops|soldiers|students|workers|cases|deaths|homes|houses|units|tons|tonnes|dollars|euros|pounds|times)\b", after, re.I):
        return False
    if re.search(r"\b(more than|less than|fewer than|at least|at most|about|around|nearly|almost|some|over|under|above|below|exceeding|higher than|lower than|larger than|smaller than|as many as|as much as|up to|roughly|approximately|exactly|total of)\s*$", before, re.I) \
            and not re.search(r"\b(in|since|from|until|by|of|during|year|before|after|till|to|and|through)\s*$", before, re.I):
        return False
    if span is not None:
        base = span.start_char
        for t in span:
            if t.idx - base == a.s:
                head = t.head
                if t.dep_ == "nummod" and head.i > t.i and head.tag_ in ("NNS", "NNPS") and not any(
                        c.dep_ in ("det", "poss") and c.i < t.i for c in head.children):
                    return False
                if t.ent_type_ in ("MONEY", "QUANTITY", "PERCENT"):
                    return False
                break
    return True


def _this_next_last(a: Atom, text: str, ref: dt.datetime) -> Atom:
    """"next 5/12", "next 6th of April": that date in next year ("this" = this year)."""
    if a.kind != "day" or a.year_given or a.dom is None or a.mon is None or a.lo is None or a.gran != "day":
        return a
    m = re.search(r"\b(next|this|last)\s+$", text[:a.s], re.I)
    if not m:
        return a
    y = ref.year + {"next": 1, "this": 0, "last": -1}[m.group(1).lower()]
    d = _d(y, a.mon, a.dom)
    if d is None:
        return a
    return replace(a, s=m.start(), lo=d, hi=d, year_given=True, weak=False)


def _combine(atoms: list[Atom], text: str, ref: dt.datetime, future: bool, span: Span | None) -> list[Atom]:
    """Join neighbouring atoms: weekday+date, date+time, weekday+week, month+year-word,
    vague prefixes, ranges, open bounds."""
    # drop bare years that count things, weak numeric dates without a cue
    keep: list[Atom] = []
    for a in atoms:
        if a.kind == "year" and a.weak and not _year_ok(a, text, span):
            continue
        keep.append(_this_next_last(a, text, ref))
    atoms = keep

    def glue(a: Atom, b: Atom) -> str:
        return text[a.e:b.s]

    changed = True
    while changed:
        changed = False
        for k in range(len(atoms) - 1):
            a, b = atoms[k], atoms[k + 1]
            g = glue(a, b).strip().lower()
            new = _pair(a, b, g, text, ref, future)
            if new is not None:
                atoms[k:k + 2] = [new]
                changed = True
                break
    atoms = [_vague(a, text) for a in atoms]
    # ranges and open bounds
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if k + 1 < len(atoms):
            b = atoms[k + 1]
            r = _range(a, b, text, ref)
            if r is not None:
                out.append(r)
                k += 2
                continue
        out.append(a)
        k += 1
    out = _join_offsets(out, text)
    out = [_duration_from(a, text) for a in out]
    out = [_open_bound(a, text) for a in out]
    return out


def _join_offsets(atoms: list[Atom], text: str) -> list[Atom]:
    """"3 days after January 12th", "two weeks before Christmas": the offset counts from the date."""
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        if a.kind == "offset" and a.steps and k + 1 < len(atoms):
            b = atoms[k + 1]
            if not text[a.e:b.s].strip() and b.lo is not None and b.kind in ("day", "weekday", "dom") and b.gran == "day" \
                    and not any(_is_clock(u) for _, u in a.steps):
                t = _day(_shift(b.lo, a.steps, a.sign))
                out.append(_more_less(Atom(a.s, b.e, "day", t, t, "day", True), b.lo, text))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


_DURATION_FROM = re.compile(
    rf"(?P<for>\bfor\s+)?\b(?P<n>{_NUMW})\s+(?P<u>{_UNIT})\s*,?\s*(?P<w>starting(?:\s+(?:from|on|in))?|beginning(?:\s+(?:on|in))?|from)\s+$",
    re.I)


def _duration_from(a: Atom, text: str) -> Atom:
    """"for 3 days from today", "2 weeks starting May 20th": a stretch that begins on the date."""
    if a.lo is None or a.kind not in ("day", "weekday", "dom") or a.gran != "day" or not a.emit:
        return a
    m = _DURATION_FROM.search(text[:a.s])
    if not m or (m.group("w").lower() == "from" and not m.group("for")) or _is_clock(m.group("u")):
        return a
    v = _num_word(m.group("n"))
    if v is None:
        return a
    hi = _day(a.lo + _delta(v, m.group("u"))) - dt.timedelta(days=1)  # type: ignore[operator]
    return replace(a, s=m.start("n") if not m.group("for") else m.start(), lo=a.lo, hi=hi, kind="range", gran="range")


def _as_day(a: Atom) -> bool:
    return a.kind in ("day", "weekday", "dom", "weakday") and a.lo is not None and a.gran in ("day", "minute")


_DAY_PART = re.compile(r"night|evening|tonight|afternoon", re.I)


def _clock_bounds(day: Atom, t: Atom, s: int, text: str, region: str) -> tuple[dt.datetime, dt.datetime, int]:
    """Minute bounds of time ``t`` on ``day`` and where its modifier starts ("shortly after").
    ``region`` is the text that may hold a part of the day ("Thursday night ... at 8" is 20:00)."""
    assert t.hm is not None and day.lo is not None
    h, mi = t.hm
    if not t.ampm and 1 <= h < 12 and _DAY_PART.search(region):
        h += 12  # "last night at 8" is 20:00
    lo = _day(day.lo).replace(hour=h, minute=mi)
    hi = lo + dt.timedelta(minutes=1) if t.tmod == "sec" else lo
    mod = _TIME_MOD.search(text[:t.s])
    if mod and mod.end() == len(text[:t.s]) and mod.start() >= s - 30:
        w = re.sub(r"\s+", " ", mod.group("mod").lower())
        if w in ("shortly after", "just after", "soon after", "some time after", "sometime after"):
            hi = lo + dt.timedelta(minutes=29)
        elif w in ("shortly before", "just before"):
            lo, hi = lo - dt.timedelta(minutes=29), lo
        elif w in ("around", "about", "at about", "at around", "approximately", "roughly",
                   "at approximately", "at roughly"):
            lo, hi = lo - dt.timedelta(minutes=15), lo + dt.timedelta(minutes=15)
            if lo.date() != _day(day.lo).date():
                lo = _day(day.lo)
            if hi.date() != _day(day.lo).date():
                hi = _day(day.lo).replace(hour=23, minute=59)
        if w not in ("at",) and mod.start() < s:
            s = mod.start()
    return lo, hi, s


def _with_time(day: Atom, t: Atom, s: int, e: int, text: str) -> Atom:
    lo, hi, s = _clock_bounds(day, t, s, text, text[min(day.s, t.s):max(day.e, t.e)])
    return Atom(min(s, day.s, t.s), max(e, day.e, t.e), "day", lo, hi, "minute", day.relative, hm=t.hm,
                mon=day.mon, year_given=day.year_given)


def _time_on_day(day: Atom, t: Atom, text: str) -> Atom:
    """A time stated apart from its day ("On Tuesday the quake struck at about 03:20"): the
    claim is the time phrase itself, valued on that day; the day keeps its own claim."""
    region = text[day.s:min(day.e + 20, t.s) if day.s < t.s else day.e + 20]
    lo, hi, s = _clock_bounds(day, t, t.s, text, region)
    return Atom(s, t.e, "day", lo, hi, "minute", day.relative, hm=t.hm)


def _pair(a: Atom, b: Atom, g: str, text: str, ref: dt.datetime, future: bool) -> Atom | None:
    s, e = a.s, b.e
    # weekday + counted offset ("Monday two weeks from now", "Thursday, two years from now"):
    # the offset names a week, the weekday the day in it (Monday-Sunday weeks)
    if a.kind == "weekday" and a.wd is not None and b.kind == "day" and b.tmod == "offset" and b.lo is not None \
            and g in ("", ","):
        d = _week_start(b.lo) + dt.timedelta(days=a.wd)
        return Atom(s, e, "day", d, d, "day", True)
    # weekday + explicit date ("Tue May 9", "Friday 7/6", "this friday (jun-15)")
    if a.kind == "weekday" and b.kind in ("day", "weakday") and b.gran == "day" and g in ("", ",", "(", "the", "-", ", the"):
        e2 = e + 1 if text[e:e + 1] == ")" and g == "(" else e
        return replace(_day_month_by_weekday(b, a.wd, text), s=s, e=e2, weak=False, kind="day")
    if b.kind == "weekday" and a.kind in ("day",) and a.gran == "day" and g in ("(", ",") and text[b.e:b.e + 1] == ")":
        return replace(a, e=b.e + 1)
    # weekday + day-of-month ("monday the twenty seventh", "Wed 13th")
    if a.kind == "weekday" and b.kind == "dom":
        return _wd_dom(a, b, ref, s, e)
    # date/day + time (either order)
    if _as_day(a) and b.kind == "time" and a.gran == "day" and re.fullmatch(r"(?:(?:(?:late|early)\s+)?(?:night|evening|morning|afternoon)\s*)?[,@-]?\s*(?:at|for|from|around|about|by|shortly\s+after|just\s+after|soon\s+after|shortly\s+before|just\s+before|at\s+around|at\s+about|at\s+approximately)?", g):
        if b.weak and a.kind not in ("weekday", "day"):
            return None
        return _with_time(a, b, s, e, text)
    if a.kind == "time" and _as_day(b) and b.gran == "day" and re.fullmatch(_TIME_DAY_GLUE, g):
        return _with_time(b, a, s, e, text)
    # the year after the clock of a yearless date: a time stamp ("Wed Oct 26 15:50:06 2016")
    if a.kind == "day" and a.gran == "minute" and a.mon is not None and not a.year_given and a.lo and a.hi \
            and b.kind == "year" and b.gran == "year" and b.lo is not None and g in ("", ","):
        y = b.lo.year
        return replace(a, e=e, lo=_shift_year(a.lo, y), hi=_shift_year(a.hi, y), relative=False, year_given=True)
    # weekday + relative week: "tuesday of next week", "next week on tuesday", "next week Mon"
    if a.kind == "weekday" and b.kind == "range" and b.gran == "week" and g in ("of", "of the", "in", "during"):
        d = b.lo + dt.timedelta(days=a.wd or 0) if b.lo else None
        return Atom(s, e, "day", d, d, "day", True)
    if a.kind == "range" and a.gran == "week" and b.kind == "weekday" and g in ("", "on", ",", "-"):
        d = a.lo + dt.timedelta(days=b.wd or 0) if a.lo else None
        return Atom(s, e, "day", d, d, "day", True)
    # a weekday next to a clock-less "this week" is two mentions; skip
    # month (no year) + year word: "October last year", "mid-October last year"
    if a.kind in ("month", "day") and not a.year_given and b.kind == "range" and b.gran == "year" and g in ("", ",", "of", "in"):
        y = b.lo.year if b.lo else None
        if y and a.lo:
            lo = a.lo.replace(year=y)
            hi = (a.hi or a.lo).replace(year=y, day=min((a.hi or a.lo).day, calendar.monthrange(y, (a.hi or a.lo).month)[1]))
            return replace(a, e=e, lo=lo, hi=hi, year_given=True)
    # holiday / day + "of this year" handled in patterns; "week of <date>"
    if a.kind == "weekof" and b.kind in ("day", "weakday", "dom") and b.lo is not None and g == "":
        if a.tmod == "beginning":
            lo = b.lo
        else:
            lo = _week_start(b.lo)
        return Atom(s, e, "range", lo, lo + dt.timedelta(days=6), "week", b.relative)
    # bare year after a month-day without a year ("May 5 ... in 2020") is handled by the patterns
    # "N days starting (from) X": a range beginning at X
    return None


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}")


def _day_month_by_weekday(b: Atom, wd: int | None, text: str) -> Atom:
    """"Tuesday, 06/02/24": a numeric date whose two parts can both be the month is read the
    way its weekday fits (6 February 2024 was a Tuesday, 2 June a Sunday)."""
    m = _NUMERIC_DATE.fullmatch(text[b.s:b.e])
    if m is None or wd is None or b.lo is None or b.lo.weekday() == wd:
        return b
    x, y = int(m.group(1)), int(m.group(2))
    if x > 12 or y > 12 or x == y:
        return b
    other = _d(b.lo.year, b.lo.day, b.lo.month)
    if other is None or other.weekday() != wd:
        return b
    return replace(b, lo=other, hi=other, mon=other.month, dom=other.day)


def _wd_dom(a: Atom, b: Atom, ref: dt.datetime, s: int, e: int) -> Atom | None:
    assert b.dom is not None and a.wd is not None
    base = _day(ref)
    best = None
    for k in range(0, 14):
        for sign in (-1, 1):
            mm = base + relativedelta(months=sign * k)
            d = _d(mm.year, mm.month, b.dom)
            if d is not None and d.weekday() == a.wd:
                best = d
                break
        if best is not None:
            break
    return Atom(s, e, "day", best, best, "day", True)


_RANGE_SEP = re.compile(r"^\s*(?:-|\u2013|\u2014|~|to|through|thru|till|until|and|-\s*to)\s*$", re.I)


def _shift_year(t: dt.datetime, y: int) -> dt.datetime:
    return t.replace(year=y, day=min(t.day, calendar.monthrange(y, t.month)[1]))


def _range(a: Atom, b: Atom, text: str, ref: dt.datetime) -> Atom | None:
    g = text[a.e:b.s]
    if not _RANGE_SEP.match(g):
        return None
    gl = g.strip().lower()
    before = text[:a.s].lower()
    pre = re.search(r"\b(from|between)\s+$", before)
    if gl == "and" and not (pre and pre.group(1) == "between"):
        return None
    if gl in ("until", "till") and not pre:
        return None
    if a.lo is None or b.hi is None or a.kind in ("time", "weakday", "offset") or b.kind in ("time", "weakday", "offset"):
        return None
    if a.kind == "now" and b.kind == "now":
        return None
    lo, hi = a.lo, b.hi
    if a.kind in ("day", "month") and b.kind in ("day", "month") and not a.year_given and b.year_given:
        # "Jan-Feb 2017", "Nov 18-Dec 19, 2015": the year written once covers both ends
        lo = _shift_year(lo, b.hi.year)
        if lo > hi:
            lo = _shift_year(lo, lo.year - 1)
    elif hi < lo:
        # "from Nov to March", "from 10/25 to 01/25": the end is the later reading
        if not b.year_given and b.kind in ("day", "month", "dom"):
            hi = _shift_year(hi, hi.year + 1)
        elif not a.year_given and a.kind in ("day", "month", "dom"):
            lo = _shift_year(lo, lo.year - 1)
        elif b.kind == "weekday" and b.wd is not None:
            hi = lo + dt.timedelta(days=(b.wd - lo.weekday()) % 7)  # "from next Monday to Friday"
        if hi < lo:
            return None
    s = pre.start() if pre else a.s
    if pre:
        s = a.s - (len(before) - pre.start())
    gran = a.gran if a.gran == b.gran else "range"
    return Atom(s, b.e, "range", _day(lo) if a.gran != "minute" else lo, _day(hi) if b.gran != "minute" else hi, gran, a.relative or b.relative)


_OPEN_BEFORE = re.compile(
    r"(?P<w>\bsince(?:\s+the)?|\bafter(?:\s+the)?|\bbefore(?:\s+the)?|\buntil|\btill|\bprior\s+to|\bno\s+later\s+than|\bnot\s+later\s+than|"
    r">\s*=|<\s*=|\bas\s+late\s+as|\bas\s+early\s+as|\bstarting(?:\s+on|\s+from|\s+in)?|\bbeginning(?:\s+on|\s+in)?|\blater\s+than|\bearlier\s+than|\bgreater\s+than|\bup\s+until|\bup\s+to)\s+$",
    re.I)
_OPEN_AFTER = re.compile(r"^\s+(?P<w>or\s+later|and\s+later|and\s+after|or\s+after|onwards|onward|or\s+earlier|and\s+before|and\s+greater|or\s+greater|and\s+beyond)\b(?!\s*(?:\d|the\b|(?-i:[A-Z])))", re.I)


_BY_END = re.compile(r"\b(?:by|before|until|till|no\s+later\s+than)\s+$", re.I)
_END_PART = re.compile(r"(?:the\s+)?(?:very\s+)?(?:end|close)\s+of\b", re.I)
_START_PART = re.compile(r"(?:the\s+)?(?:very\s+)?(?:beginning|start)\s+of\b", re.I)


def _open_bound(a: Atom, text: str) -> Atom:
    if a.lo is None or a.kind in ("time", "weakday") or not a.emit:
        return a
    m = _OPEN_BEFORE.search(text[:a.s])
    own = text[a.s:a.e]
    if a.gran != "minute" and a.kind == "range":
        # "before / by the end of December" is a deadline that December itself meets: up to its
        # last day, not before the late part; "after the beginning of March" is from March 1
        mb = _BY_END.search(text[:a.s])
        if mb and _END_PART.match(own):
            return replace(a, s=mb.start(), lo=None, hi=a.hi, kind="range", gran="range", weak=False)
        if m and m.group("w").lower().startswith("after") and _START_PART.match(own):
            return replace(a, s=m.start(), lo=a.lo, hi=None, kind="range", gran="range", weak=False)
    if m:
        w = re.sub(r"\s+", " ", m.group("w").lower())
        w0 = w.split(" the")[0] if w.startswith(("since", "after", "before")) else w
        one = dt.timedelta(days=1)
        lo, hi = a.lo, a.hi
        if a.gran == "minute":
            return a
        if re.fullmatch(r">\s*=", w0):
            w0 = "since"
        elif re.fullmatch(r"<\s*=", w0):
            w0 = "no later than"
        if w0 in ("since", "as early as", "starting", "starting on", "starting from", "starting in", "beginning", "beginning on", "beginning in"):
            return replace(a, s=m.start(), lo=lo, hi=None, kind="range", gran="range", weak=False)
        if w0 in ("after", "later than", "greater than"):
            return replace(a, s=m.start(), lo=_day(hi) + one if hi else None, hi=None, kind="range", gran="range", weak=False)
        if w0 in ("before", "prior to", "earlier than"):
            return replace(a, s=m.start(), lo=None, hi=_day(lo) - one, kind="range", gran="range", weak=False)
        if w0 in ("until", "till", "no later than", "not later than", "as late as", "up until", "up to"):
            if w0 in ("until", "till", "up to") and a.kind not in ("day", "weekday", "dom", "month", "year", "range"):
                return a
            return replace(a, s=m.start(), lo=None, hi=hi, kind="range", gran="range", weak=False)
    m2 = _OPEN_AFTER.search(text[a.e:])
    if m2 and a.kind != "range":
        w = re.sub(r"\s+", " ", m2.group("w").lower())
        e = a.e + m2.end()
        if w in ("or earlier", "and before"):
            return replace(a, e=e, lo=None, kind="range", gran="range", weak=False)
        return replace(a, e=e, hi=None, kind="range", gran="range", weak=False)
    return a


_VAGUE_PRE = re.compile(
    r"(?P<w>\b(?:the\s+)?(?:very\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of|earlier|later)(?:\s+(?:in|on))?(?:\s+the)?)[\s-]*$",
    re.I)


def _vague(a: Atom, text: str) -> Atom:
    """"early/mid/late/end of" + a month, a year or a period: a part of it."""
    if a.lo is None or a.hi is None or a.kind in ("now", "offset"):
        return a
    m = _VAGUE_PRE.search(text[:a.s])
    if not m:
        return a
    w = m.group("w").lower()
    lo, hi = a.lo, a.hi
    span_days = (hi - lo).days + 1
    if a.kind in ("weekday", "day", "dom") and span_days == 1:
        if re.search(r"\bearly\s+on\b|\bearly\b|\blate\b", w):
            return replace(a, s=m.start())  # "early on Saturday": still that day
        return a
    if "mid" in w or "middle" in w:
        part = "mid"
    elif "early" in w or "beginning" in w or "start" in w or "first half" in w:
        part = "early"
    elif "late" in w or "end" in w or "second half" in w:
        part = "late"
    else:
        return a
    if "first half" in w or "second half" in w:
        half = lo + dt.timedelta(days=span_days // 2)
        lo, hi = (lo, half - dt.timedelta(days=1)) if part == "early" else (half, hi)
    elif a.gran == "month" or (28 <= span_days <= 31):
        last = hi.day
        lo, hi = {"early": (lo, lo.replace(day=10)), "mid": (lo.replace(day=10), lo.replace(day=20)),
                  "late": (lo.replace(day=20), hi.replace(day=last))}[part]
    elif a.gran == "year" or 365 <= span_days <= 366:
        y = lo.year
        lo, hi = {"early": (dt.datetime(y, 1, 1), dt.datetime(y, 4, 30)),
                  "mid": (dt.datetime(y, 5, 1), dt.datetime(y, 8, 31)),
                  "late": (dt.datetime(y, 9, 1), dt.datetime(y, 12, 31))}[part]
    else:
        third = span_days // 3
        if part == "early":
            hi = lo + dt.timedelta(days=max(third - 1, 0))
        elif part == "mid":
            lo, hi = lo + dt.timedelta(days=third), lo + dt.timedelta(days=2 * third - 1)
        else:
            lo = lo + dt.timedelta(days=2 * third)
    s = m.start()
    if text[s:s + 4].lower() == "the ":
        pass
    return replace(a, s=s, lo=lo, hi=hi, kind="range", gran="range", weak=False)


_WILL = {"will", "'ll", "shall", "wo"}
# Verbs and adjectives whose present tense puts the verb under them in the future: "is expected
# to reopen", "is due to reopen", "plans to vote", "is going to vote", "is set to", "aims to".
# In the past tense ("was expected to reopen") they say what was foreseen then, which may as
# well be over, so the date keeps the past reading.
_FUTURE_HEADS = {"expect", "due", "plan", "go", "set", "schedule", "intend", "aim", "hope", "prepare",
                 "promise", "pledge", "vow", "want", "seek"}


def _present(tok: Token) -> bool:
    """The verb (or the "is" of "is due") is in the present tense, itself or through its auxiliary."""
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in tok.children)


def _future_verb(verb: Token, depth: int = 0) -> bool:
    """The verb speaks of what is still to come: a future modal ("will reopen"), "would"
    reporting a plan ("said it would reopen"; not "would have reopened", a past that did not
    happen), or the infinitive of a present-tense plan or expectation ("is expected to
    reopen", "is due to reopen", "plans to reopen", "is going to reopen")."""
    kids = list(verb.children)
    if any(c.tag_ == "MD" and c.lower_ in _WILL for c in kids):
        return True
    if any(c.tag_ == "MD" and c.lower_ == "would" for c in kids) and not any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb and head.lemma_.lower() in _FUTURE_HEADS and depth < 2:
        if head.lemma_.lower() == "go" and head.tag_ != "VBG":
            return False  # "goes to vote" is a habit; "is going to vote" a plan
        return _present(head.head if head.pos_ == "ADJ" else head) or _future_verb(head, depth + 1)
    return False


def _future_governed(span: Span, off: int) -> bool:
    """True when the verb the date hangs on speaks of the future ("will meet on Friday", "is
    expected to reopen on Friday", "said it would reopen on Friday"); a date under another
    verb in the same sentence ("found on Tuesday, will be returned") keeps the past. "is due on
    Friday" hangs on the adjective: present "due" is a deadline still to come."""
    base = span.start_char
    tok = next((t for t in span if t.idx - base <= off < t.idx - base + len(t.text)), None)
    t = tok
    for _ in range(6):
        if t is None:
            return False
        if t.pos_ == "ADJ" and t.lemma_.lower() == "due" and t.dep_ == "acomp":
            return _present(t.head)
        if t.pos_ in ("VERB", "AUX"):
            return _future_verb(t)
        if t.head is t:
            return False
        t = t.head
    return False


def _reported_plan(span: Span, off: int) -> bool:
    """The date's verb takes "would": a plan as someone stated it ("said it would vote on Friday")."""
    base = span.start_char
    t = next((t for t in span if t.idx - base <= off < t.idx - base + len(t.text)), None)
    for _ in range(6):
        if t is None or t.pos_ in ("VERB", "AUX"):
            break
        t = None if t.head is t else t.head
    return t is not None and any(c.tag_ == "MD" and c.lower_ == "would" for c in t.children)


def _future_readings(atoms: list[Atom], text: str, ref: dt.datetime, span: Span) -> list[Atom]:
    """A day whose verb speaks of the future takes the next reading ("will meet on Friday").
    A plan reported with "would" is future from when it was stated: "said on Wednesday it
    would vote on Friday" is the Friday after that Wednesday, which may be past by publication;
    without a stated day it is future from publication."""
    def movable(a: Atom) -> bool:
        return a.relative and a.kind in ("day", "weekday", "dom") and a.gran == "day"

    governed = {(a.s, a.e) for a in atoms if movable(a) and _future_governed(span, a.s)}
    if not governed:
        return atoms
    ahead = {(a.s, a.e): a for a in _atoms(text, ref, True, span)}
    stated = [a.hi for a in atoms if movable(a) and (a.s, a.e) not in governed and a.hi is not None and a.hi < _day(ref)]
    reported = {k for k in governed if _reported_plan(span, k[0])}
    if stated and reported:
        after = {(a.s, a.e): a for a in _atoms(text, max(stated) + dt.timedelta(days=1), True, span)}
        ahead.update({k: after[k] for k in reported if k in after})
    return [ahead.get((a.s, a.e), a) if (a.s, a.e) in governed else a for a in atoms]


def _may_be_future(span: Span) -> bool:
    """A cheap test before the second, future reading of a sentence: a modal or a plan word."""
    return any(t.tag_ == "MD" and (t.lower_ in _WILL or t.lower_ == "would") or t.lemma_.lower() in _FUTURE_HEADS
               for t in span)


def _future_tense(span: Span | None, text: str) -> bool:
    if span is not None:
        for t in span:
            if t.tag_ == "MD" and t.lower_ in ("will", "'ll", "shall", "wo"):
                return True
        return bool(re.search(r"\b(going to|is to|are to|plans? to|scheduled|due to)\b", text, re.I))
    return bool(re.search(r"\b(will|'ll|shall|going to)\b", text, re.I))


_DURATION_BEFORE = re.compile(r"\b(for|lasting|last|lasted|over)\s+(?:the\s+(?:past|last|next)\s+|about\s+|nearly\s+|almost\s+|around\s+)?$", re.I)
_SET_BEFORE = re.compile(r"\b(every|each|per|a)\s*$", re.I)


def _atoms(text: str, ref: dt.datetime, future: bool, span: Span | None) -> list[Atom]:
    atoms = _select(_candidates(text, ref, future))
    atoms = _combine(atoms, text, ref, future, span)
    return atoms


def _fmt(t: dt.datetime | None, minute: bool) -> str | None:
    if t is None:
        return None
    return t.strftime("%Y-%m-%dT%H:%M") if minute else t.strftime("%Y-%m-%d")


_PLACEHOLDER = dt.datetime(2000, 6, 15, 12, 0)


def find_dates(span: Span, published: dt.datetime | None) -> list[DateMention]:
    """Date mentions in one sentence, resolved against ``published`` (local wall time)."""
    return find_dates_and_times(span, published)[0]


def find_dates_and_times(span: Span, published: dt.datetime | None) -> tuple[list[DateMention], list[TimeMention]]:
    """Date mentions in one sentence, and the times of day in it that no day of the sentence
    dates (read once: the regex pass is the costly part)."""
    text = span.text
    base = span.start_char
    if not re.search(r"\d|[a-z]{3}", text, re.I):
        return [], []
    ref = published.replace(tzinfo=None) if published is not None else _PLACEHOLDER
    future = False  # news reports the past: ambiguous readings take the most recent past
    out: list[DateMention] = []
    out_atoms: list[Atom] = []
    atoms = _atoms(text, ref, future, span)
    if published is not None and _may_be_future(span):
        atoms = _future_readings(atoms, text, ref, span)
    atoms = atoms + _linked_times(atoms, text, span)
    for a in atoms:
        if not a.emit or a.kind in ("time", "weekof", "offset", "now"):
            continue
        if a.weak:
            if a.kind == "year":
                pass  # a bare year that passed _year_ok
            elif a.kind == "weakday":
                continue
            elif a.kind == "day":
                if not _weak_day_ok(a, text, out_atoms):
                    continue
            else:
                continue
        if a.lo is None and a.hi is None:
            continue
        minute = a.gran == "minute"
        rel = a.relative and published is None
        low = None if rel else _fmt(a.lo, minute)
        high = None if rel else _fmt(a.hi, minute)
        gran = a.gran if a.gran in ("minute", "day", "month", "year", "week", "quarter", "decade", "century", "weekend", "half") else "range"
        out.append(DateMention(base + a.s, base + a.e, text[a.s:a.e], low, high, not rel, gran))
        out_atoms.append(a)
    return out, _free_times(atoms, out_atoms, text, span)


# a clock reading that is a score, a race time or a duration, not a time of day: "won 21:17",
# "finished in 2:05", "a time of 21:40"
_NOT_CLOCK_BEFORE = re.compile(
    r"\b(?:in|of|within|clocked|timed|ran|won|beat|lost|led|leads?|trail(?:ed|s|ing)?|scored?|defeated|drew|"
    r"ratio|odds)\s*$", re.I)
_NOT_CLOCK_AFTER = re.compile(r"^\s*(?:win|victory|lead|defeat|loss|draw|ratio|margin|split|minutes?|mins?|seconds?"
                              r"|left|remaining|to\s+(?:go|play)"
                              r"|(?:-|\u2013|to)\s*\d)", re.I)


# a bound or an end point, not when the event happened: "under control by 6:40 a.m.",
# "from 7pm", "until 21:00" ("shortly after 7:30pm" is a time: its modifier narrows it)
_OPEN_CLOCK = re.compile(r"(?<!shortly\s)(?<!just\s)(?<!soon\s)(?<!time\s)\b(?:by|until|till|since|before|after|from|between"
                         r"|to|and|than|or)\s+$|\d\s*(?:[ap]\.?m\.?)?\s*[-\u2013]\s*$", re.I)
_LOCAL_TIME = re.compile(r"\s*\(?local\s+time\)?", re.I)
_ZONE_NAMES = r"(gmt|utc|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|ist|jst)"
_ZONE = re.compile(rf"\b{_ZONE_NAMES}\b", re.I)
_ZONE_AFTER = re.compile(rf"\s*\(?{_ZONE_NAMES}\)?(?![\w+-])", re.I)
_ZONES = {"utc": "GMT"}  # one clock; the other names are kept as written


def _inside_quote(text: str, off: int) -> bool:
    """Within quotation marks in the sentence: what someone said, often a plan or timetable."""
    before = text[:off]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _free_times(atoms: list[Atom], emitted: list[Atom], text: str, span: Span) -> list[TimeMention]:
    """Clock times that no day of the sentence took: written unambiguously (am/pm or a 24-hour
    reading; "at 7:30" alone may be morning or evening), not a score, a race time or a span
    ("7:30-9pm"), not inside a quotation and not under a future verb (a schedule: "the ferry
    will leave at 9pm")."""
    out: list[TimeMention] = []
    for t in atoms:
        if t.kind != "time" or t.weak or t.hm is None or not t.ampm:
            continue
        if any(a.s < t.e and t.s < a.e for a in emitted):
            continue
        if _NOT_CLOCK_BEFORE.search(text[:t.s]) or _NOT_CLOCK_AFTER.match(text[t.e:]) or _OPEN_CLOCK.search(text[:t.s]):
            continue
        if _inside_quote(text, t.s) or _future_governed(span, t.s):
            continue
        day0 = _day(_PLACEHOLDER)
        lo, hi, s = _clock_bounds(Atom(0, 0, "day", day0, day0), t, t.s, text, "")
        clock = day0.replace(hour=t.hm[0], minute=t.hm[1])
        local = _LOCAL_TIME.match(text, t.e) or _ZONE_AFTER.match(text, t.e)
        e = local.end() if local else t.e
        zone = _ZONE.search(text[t.s:e])
        out.append(TimeMention(span.start_char + s, span.start_char + e, text[s:e], t.hm,
                               int((clock - lo).total_seconds() // 60), int((hi - clock).total_seconds() // 60),
                               _ZONES.get(zone.group(1).lower(), zone.group(1).upper()) if zone else None))
    return out


def date_time_on(t: TimeMention, day: str) -> tuple[str, str]:
    """The minute bounds of time ``t`` on ``day`` (ISO date), as ISO date-times."""
    clock = dt.datetime.fromisoformat(day[:10]).replace(hour=t.hm[0], minute=t.hm[1])
    lo, hi = clock - dt.timedelta(minutes=t.before), clock + dt.timedelta(minutes=t.after)
    return _fmt(lo, True) or "", _fmt(hi, True) or ""


def latest_day_of(t: TimeMention, published: dt.datetime) -> str:
    """The day on which the clock time last came before ``published`` (news of the last day
    reports "the blast, at around 9:40pm" without naming the day: last night's, if published
    the next morning)."""
    ref = published.replace(tzinfo=None)
    day = _day(ref)
    if day.replace(hour=t.hm[0], minute=t.hm[1]) > ref:
        day -= dt.timedelta(days=1)
    return day.strftime("%Y-%m-%d")


def _governor(span: Span, off: int):
    """The verb (or the root) a phrase starting at sentence offset ``off`` hangs on."""
    tok = next((t for t in span if t.idx - span.start_char <= off < t.idx - span.start_char + len(t.text)), None)
    for _ in range(12):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok


def _linked_times(atoms: list[Atom], text: str, span: Span) -> list[Atom]:
    """Times that the grammar could not join to a neighbouring day, dated by the one day in the
    sentence that hangs on the same verb ("On Tuesday the quake struck at about 03:20"). A day
    on another verb dates something else ("police said on Friday the blast came at 21:40"), and
    two candidate days are ambiguous: no claim then, since a time alone has no day."""
    days = [a for a in atoms if a.emit and not a.weak and a.kind in ("day", "weekday", "dom") and a.gran == "day"
            and a.lo is not None and a.hi is not None and _day(a.lo) == _day(a.hi)]
    if not days:
        return []
    out: list[Atom] = []
    for t in atoms:
        if t.kind != "time" or t.weak or t.hm is None:
            continue
        verb = _governor(span, t.s)
        if verb is None:
            continue
        linked = {_day(d.lo): d for d in days if d.lo is not None and _governor(span, d.s) == verb}
        if len(linked) == 1:
            out.append(_time_on_day(next(iter(linked.values())), t, text))
    return out


_WEAK_CUE = re.compile(r"\b(on|from|to|until|till|since|by|this|next|last|between|and|through|before|after)\s*$", re.I)


def _weak_day_ok(a: Atom, text: str, kept: list[Atom]) -> bool:
    """A bare "11/20" is a date after a cue word ("on 11/20"), in a list that continues a date
    ("on 11/20, 11/22 or 11/25"), or when its second part cannot be a month (a day above 12:
    "2/29"); "3/4" alone stays a fraction."""
    before = text[:a.s]
    if _WEAK_CUE.search(before):
        return True
    if kept and kept[-1].kind in ("day", "range") and re.fullmatch(r"\s*(?:,|or|and|,\s*or|,\s*and)\s*", text[kept[-1].e:a.s], re.I):
        return True
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", text[a.s:a.e])
    return bool(m and int(m.group(1)) <= 12 < int(m.group(2)))


def blocked_spans(span: Span) -> list[tuple[int, int]]:
    """Sentence-relative character spans that numbers must not report: dates, times, clock
    readings, phone numbers and codes, and relative-date offsets ("two days ago")."""
    text = span.text
    ref = _PLACEHOLDER
    out: list[tuple[int, int]] = []
    atoms = _atoms(text, ref, _future_tense(span, text), span)
    kept: list[Atom] = []
    for a in atoms:
        if a.kind in ("weekof", "offset", "now"):
            continue
        if a.kind == "year" and a.weak:
            pass
        if a.kind == "weakday":
            continue
        if a.kind == "day" and a.weak and not _weak_day_ok(a, text, kept):
            continue
        out.append((a.s, a.e))
        kept.append(a)
    for m in _CODES.finditer(text):
        out.append((m.start(), m.end()))
    return out


_CODES = re.compile(
    r"\S*(?:://|www\.)\S*|\S+\?\S*=\S*|\+\d[\d\s().-]{7,}\d|\(\d{3}\)\s*\d{3}[-\s]\d{4}|\b\d{3}-\d{2,4}-\d{4}\b|\b\d{3}-\d{3,4}\b(?=\s*(?:ext|x)\b)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d+:\d+\b|\b[A-Z]{2,}-\d[\w-]*|\b\d+(?:\.\d+){2,}\b|\b\d+/\d+/\d+\b|\b24/7\b|\b9/11\b")
