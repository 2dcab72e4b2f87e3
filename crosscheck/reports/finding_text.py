"""The one-line summary of a finding: what a fact-checker would say about the dispute.

"4 outlets give 3 figures, from 22 to 48; the latest (44, State TV, 10 Mar 18:10) agrees with
1 other report; outlier: 48 (Daily Post); State TV reported 38 on 9 Mar, then 44 on 10 Mar
(revised up)". Neutral and exact: it counts, orders by time and says who agrees, never who
misled; a figure is written as the article wrote it.

Pure functions over claim rows (sql/findings_claims.sql): each has ``kind``, ``low``/``high``
or ``low_date``/``high_date`` or ``entity``, ``value_text``, ``source``, ``published`` and
``article_id``. ``conflicts`` holds the judged contradicting pairs (frozensets of two claim ids):
two claims agree unless judged contradicting or their intervals do not meet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]
NOUNS = {"numeric": "figures", "date": "dates", "entity": "names"}
LISTED = 4  # readings listed one by one; more are summed up as a range


def _f(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _day_end(high: str) -> str:
    return high + "T23:59:59" if len(high) == 10 else high


def reading_key(c: Row) -> tuple[Any, ...]:
    """Claims with the same key say the same thing (the same bounds, or the same party)."""
    kind = c.get("kind")
    if kind == "entity":
        return ("entity", str(c.get("entity") or c.get("value_text") or "").lower())
    if kind == "date":
        return ("date", c.get("low_date"), c.get("high_date"))
    return ("numeric", _f(c.get("low")), _f(c.get("high")))


def reading_text(c: Row) -> str:
    """A claim's value for a summary: the words as written, or for a date, the day it resolves to."""
    if c.get("kind") == "date" and (c.get("low_date") or c.get("high_date")):
        lo, hi = c.get("low_date"), c.get("high_date")
        if lo and hi and lo == hi:
            return _day(lo)
        if lo and hi and lo[:10] == hi[:10] and len(lo) > 10 and len(hi) > 10:
            return f"{_day(lo)}–{hi[11:16]}"  # one day, a span of minutes: 17 Oct 2024 21:25–21:55
        if lo and hi:
            return f"{_day(lo)} to {_day(hi)}"
        return f"after {_day(lo)}" if lo else f"before {_day(hi)}"
    text = " ".join(str(c.get("value_text") or c.get("quote") or "").split())
    if c.get("kind") != "entity" and len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]  # "More than 40" opened its sentence; mid-summary it is not
    return text


def _day(iso: str) -> str:
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    text = f"{t.day} {t.strftime('%b %Y')}"
    return text + t.strftime(" %H:%M") if len(iso) > 10 else text


def when_short(published: Any) -> str:
    """Publication time for a summary: "10 Mar 18:10" (UTC), or the day alone."""
    if not published:
        return "undated"
    s = str(published).replace("Z", "+00:00")
    try:
        t = dt.datetime.fromisoformat(s)
    except ValueError:
        return s
    if len(s) <= 10:
        return f"{t.day} {t.strftime('%b')}"
    if t.tzinfo:
        t = t.astimezone(dt.timezone.utc)
    return f"{t.day} {t.strftime('%b %H:%M')}"


def agree(a: Row, b: Row, conflicts: set[frozenset[str]]) -> bool:
    """Not judged contradicting, and the two intervals (or parties) meet."""
    if frozenset((a.get("claim_id"), b.get("claim_id"))) in conflicts:
        return False
    if a.get("kind") == "entity":
        return reading_key(a) == reading_key(b)
    if a.get("kind") == "date":
        alo, ahi, blo, bhi = a.get("low_date"), a.get("high_date"), b.get("low_date"), b.get("high_date")
        if not (alo or ahi) or not (blo or bhi):
            return True
        return (alo is None or bhi is None or alo <= _day_end(bhi)) and (blo is None or ahi is None or blo <= _day_end(ahi))
    alo, ahi, blo, bhi = _f(a.get("low")), _f(a.get("high")), _f(b.get("low")), _f(b.get("high"))
    return (alo is None or bhi is None or alo <= bhi) and (blo is None or ahi is None or blo <= ahi)


def _source(c: Row) -> str:
    return str(c.get("source") or c.get("article_id") or "?")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _middle(c: Row) -> float | None:
    lo, hi = _f(c.get("low")), _f(c.get("high"))
    if lo is not None and hi is not None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def summarise(kind: str, values: list[Row], conflicts: set[frozenset[str]]) -> str:
    """The finding's summary; ``values`` in publication order."""
    if not values:
        return "contradicting claims (their articles are no longer stored)"
    readings: dict[tuple[Any, ...], list[Row]] = {}
    for c in values:
        readings.setdefault(reading_key(c), []).append(c)
    outlets = {_source(c) for c in values}
    parts = [_spread(kind, readings, len(outlets))]
    latest = _latest(values, conflicts)
    if latest:
        parts.append(latest)
    outliers = _outliers(values, readings, conflicts)
    if outliers:
        parts.append(outliers)
    parts.extend(_revisions(kind, values))
    converged = _converged(values, conflicts)
    if converged:
        parts.append(converged)
    return "; ".join(parts)


def _spread(kind: str, readings: dict[tuple[Any, ...], list[Row]], n_outlets: int) -> str:
    noun = NOUNS.get(kind, "values")
    if kind == "date" and any(len(str(k[1] or k[2] or "")) > 10 for k in readings):
        noun = "times"
    head = f"{_plural(n_outlets, 'outlet')} give {len(readings)} {noun if len(readings) != 1 else noun[:-1]}"
    if kind == "numeric" and len(readings) > LISTED:
        ordered = sorted(readings.values(), key=lambda cs: (_middle(cs[0]) is None, _middle(cs[0]) or 0))
        return f"{head}, from {reading_text(ordered[0][0])} to {reading_text(ordered[-1][0])}"
    items = list(readings.values())
    if kind == "numeric":
        items.sort(key=lambda cs: (_middle(cs[0]) is None, _middle(cs[0]) or 0))
    listed = []
    for cs in items[:LISTED]:
        who = sorted({_source(c) for c in cs})
        listed.append(f"{reading_text(cs[0])} ({', '.join(who)})")
    more = f" and {len(items) - LISTED} more" if len(items) > LISTED else ""
    return f"{head}: " + "; ".join(listed) + more


def _latest(values: list[Row], conflicts: set[frozenset[str]]) -> str | None:
    dated = [c for c in values if c.get("published")]
    if len(dated) < 2:
        return None
    last = dated[-1]
    others = [c for c in values if c.get("article_id") != last.get("article_id")]
    if not others:
        return None
    n = sum(1 for c in others if agree(last, c, conflicts))
    head = f"the latest ({reading_text(last)}, {_source(last)}, {when_short(last.get('published'))})"
    if n == 0 and len(others) == 1:
        return f"{head} differs from the other report"
    if n == 0:
        return f"{head} agrees with none of the {_plural(len(others), 'other report')}"
    if n == len(others):
        return f"{head} agrees with all {_plural(n, 'other report')}" if n > 1 else f"{head} agrees with the other report"
    return f"{head} agrees with {n} of the {len(others)} other reports"


def _outliers(values: list[Row], readings: dict[tuple[Any, ...], list[Row]], conflicts: set[frozenset[str]]) -> str | None:
    """Readings no other article shares, when at least two articles do agree on something."""
    if len({c.get("article_id") for c in values}) < 3:
        return None

    def allies(c: Row) -> int:
        return sum(1 for o in values if o.get("article_id") != c.get("article_id") and agree(c, o, conflicts))

    if not any(allies(c) for c in values):
        return None
    lonely = [cs for cs in readings.values() if all(allies(c) == 0 for c in cs)]
    if not lonely or len(lonely) >= len(readings):
        return None
    text = "; ".join(f"{reading_text(cs[0])} ({', '.join(sorted({_source(c) for c in cs}))})" for cs in lonely)
    return f"outlier{'s' if len(lonely) > 1 else ''}: {text}"


def _revisions(kind: str, values: list[Row]) -> list[str]:
    """An outlet that gave different values over time: its updates as a timeline."""
    by_source: dict[str, list[Row]] = {}
    for c in values:
        by_source.setdefault(_source(c), []).append(c)
    out = []
    for source, cs in sorted(by_source.items()):
        steps: list[Row] = []
        for c in cs:
            if not steps or reading_key(steps[-1]) != reading_key(c):
                steps.append(c)
        if len(steps) < 2 or len({c.get("published") for c in steps}) < 2:
            continue
        line = f"{source} reported " + ", then ".join(
            f"{reading_text(c)} on {when_short(c.get('published'))}" for c in steps)
        if kind == "numeric":
            first, last = _middle(steps[0]), _middle(steps[-1])
            if first is not None and last is not None and first != last:
                line += " (revised up)" if last > first else " (revised down)"
        out.append(line)
    return out


def _converged(values: list[Row], conflicts: set[frozenset[str]]) -> str | None:
    """The last reports agree with one another after earlier ones differed."""
    dated = [c for c in values if c.get("published")]
    tail: list[Row] = []
    for c in reversed(dated):
        if all(agree(c, t, conflicts) for t in tail):
            tail.append(c)
        else:
            break
    articles = {c.get("article_id") for c in tail}
    earlier = dated[: len(dated) - len(tail)]
    if len(articles) < 2 or not earlier:
        return None
    if len({reading_key(c) for c in tail}) == 1:
        return f"the {len(articles)} latest reports agree on {reading_text(tail[0])}"
    return f"the {len(articles)} latest reports are consistent with one another"
