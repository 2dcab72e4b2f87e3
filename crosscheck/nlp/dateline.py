"""The publication date a story's own text gives: its dateline or web page stamp.

Feeds lose metadata, and pages carry a stale or wrong `published`; the copy itself usually opens
with when it was filed: "Wed 05 Apr 2017 09:14", "BEIRUT, July 12 (Reuters) -", "March 3, 2024 —",
"Published 4:05 pm, Friday, June 9, 2028". Only the opening of the text is read, and only
in the shapes a dateline takes (at the start of a line, before a dash, after a city in capitals,
after "Published"/"Updated", or followed by a clock time): a date in the lead's prose ("On March 3,
2024, police said ...") is the event's date, not the filing date, and is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# How far into the text a dateline may sit: a title and a byline may come before it.
WINDOW = 400

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"])
    for m in names.split()
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_DASH = r"\s*(?:[\u2014\u2013|]|--?(?=\s))"

# A date with its year, in the orders news pages write it.
_FULL_DATES = [
    _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR,          # Wed 05 Apr 2017
    _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,          # Monday, March 3, 2024
    _YEAR + r"-(?P<mnum>[01]\d)-" + r"(?P<day>[0-3]\d)",          # 2024-03-03
]
# A date without its year: only in a wire dateline after a city in capitals.
_SHORT_DATE = _MONTH + r"\s+" + _DAY

_CITY = r"[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}(?:,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?"
_AGENCY = r"(?:\s*\([A-Za-z][\w .&'\u2019/-]{0,40}\))?"
_STAMP_WORDS = r"(?:published|updated|posted|first published|last updated)(?:\s+on)?:?\s*"


@dataclass(frozen=True)
class Dateline:
    """What the text says about when it was filed: the words and the day they name."""

    text: str
    date: dt.date
    start: int
    end: int


def _date_of(m: re.Match[str], year: int | None) -> dt.date | None:
    groups = m.groupdict()
    y = int(groups["year"]) if groups.get("year") else year
    if y is None:
        return None
    month = _MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["mnum"])
    try:
        return dt.date(y, month, int(groups["day"]))
    except ValueError:
        return None


def _patterns() -> list[re.Pattern[str]]:
    out = []
    for date in _FULL_DATES:
        # at the start of a line, then a dash, a clock time, a line end or the story
        out.append(re.compile(r"(?im)^[ \t]*(?:" + _STAMP_WORDS + r")?" + date
                              + r"(?=" + _DASH + r"|,?\s+" + _TIME + r"|[ \t]*$|[ \t]*\n)"))
        # after a city in capitals (a wire dateline), before a dash
        out.append(re.compile(r"(?m)^[ \t]*" + _CITY + r",?\s+(?i:" + date + r")" + _AGENCY + r"(?=" + _DASH + r")"))
        # a web page's stamp anywhere in the opening: "Published ... date", or a date and a time
        out.append(re.compile(r"(?i)\b" + _STAMP_WORDS + r"(?:" + _TIME + r",?\s+)?" + date))
        out.append(re.compile(r"(?i)(?<![\w,])" + date + r",?\s*-?\s*" + _TIME + r"(?!\s*(?:local|gmt|utc)\b)"))
        # a page stamp between headline and story: no punctuation either side, and no
        # preposition before it (which would make it the prose's "on March 3, 2024"; read_dateline
        # checks the word before)
        out.append(re.compile(r"(?:\A|(?<=[A-Za-z0-9\u201d\"')?!]\s))(?i:" + date + r")(?=\s+[A-Z\u201c\"])"))
    return out


_PROSE_BEFORE = re.compile(
    r"\b(?:on|in|of|by|at|to|from|since|until|till|before|after|and|or|through|during|between|dated)\s+$",
    re.IGNORECASE)


_FULL = _patterns()
_WIRE_SHORT = re.compile(r"(?m)^[ \t]*" + _CITY + r",\s+(?i:" + _SHORT_DATE + r")" + _AGENCY + r"(?=" + _DASH + r")")


def read_dateline(text: str, year: int | None = None) -> Dateline | None:
    """The dateline in the opening of ``text``, or None. ``year`` completes a wire dateline that
    gives only month and day ("BEIRUT, July 12 (Reuters) -"); without it such a line is not
    read. Of several candidates the earliest in the text wins: a dateline opens the copy."""
    head = text[:WINDOW]
    found: list[Dateline] = []
    for pattern in _FULL:
        for m in pattern.finditer(head):
            day = _date_of(m, None)
            if day is not None and not _PROSE_BEFORE.search(head[max(0, m.start() - 12):m.start()]):
                found.append(Dateline(m.group().strip(), day, m.start(), m.end()))
                break
    if year is not None:
        m = _WIRE_SHORT.search(head)
        if m is not None and (day := _date_of(m, year)) is not None:
            found.append(Dateline(m.group().strip(), day, m.start(), m.end()))
    if not found:
        return None
    return min(found, key=lambda d: (d.start, -d.end))


def disagrees(published: dt.date | None, dateline: Dateline | None, days: int = 1) -> bool:
    """True when metadata and text both give a day and they lie more than ``days`` apart."""
    return published is not None and dateline is not None and abs((dateline.date - published).days) > days
