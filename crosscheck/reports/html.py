"""report.html: one self-contained page a reader opens from disk, with no network at all.

Per event, each finding (one disputed subject) shows its summary, an inline SVG chart of each
outlet's value as a bar (intervals, open ends as arrows) over publication time, so one sees at
a glance who said what when, and a table of every claim on the subject: outlet and headline,
publication time, the value as written and as an interval, whom the article attributes it to,
and the whole sentence with the quote highlighted. The contradicting pairs a finding groups
are named by id under it (report.json holds them in full).

Why the chart geometry is computed here and only drawn by the template: the numbers (scales,
ticks, jitter) are testable Python, and every string that reaches the page (article text,
sources, labels) passes through Jinja's autoescape, including the SVG's text.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import jinja2

from crosscheck.reports.markdown import (
    article_index,
    claim_meta,
    data_docs_href,
    events_with_findings,
    findings_of,
    interval_text,
    parse_time,
    severity_counts,
    split_quote,
    value_text,
    when,
)

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

W, H = 680, 280
LEFT, RIGHT, TOP, BOTTOM = 86, 24, 18, 56

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("crosscheck.reports", "templates"),
    autoescape=True,  # article text is untrusted: everything is escaped unless marked safe
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.ChainableUndefined,  # tolerate missing extension keys
)


@dataclass
class Chart:
    """Shapes in SVG user units, ready for templates/_chart.html.j2."""

    title: str
    kind: str
    width: int = W
    height: int = H
    plot: dict[str, float] = field(default_factory=dict)
    bars: list[dict[str, Any]] = field(default_factory=list)
    xticks: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML document (inline CSS and SVG, no scripts, no fetches)."""
    articles = article_index(report)
    sources = _source_colours(report, articles)
    status = {d.get("id"): d.get("status") for d in report.get("discrepancies") or []}
    events = []
    n = 0
    for event, fs in events_with_findings(report):
        items = []
        for f in fs:
            n += 1
            pairs = [str(i) for i in f.get("discrepancies") or []]
            items.append({
                "n": n, "f": f, "pairs": pairs,
                "new": sum(1 for i in pairs if status.get(i) == "new"),
                "rows": [_value_view(c, articles, sources) for c in f.get("values") or []],
                "chart": _chart(str(f.get("id")), [{"kind": f.get("kind"), "subject": f.get("subject"),
                                                     "claims": f.get("values") or []}], articles, sources),
            })
        event_articles = [
            {
                "article_id": aid,
                "source": (articles.get(aid) or {}).get("source"),
                "title": (articles.get(aid) or {}).get("title"),
                "published": when((articles.get(aid) or {}).get("published")),
            }
            for aid in event.get("articles") or []
        ]
        events.append({"event": event, "findings": items, "articles": event_articles})
    ds = report.get("discrepancies") or []
    fs = findings_of(report)
    return _env.get_template("report.html.j2").render(
        report=report,
        events=events,
        n=len(fs),
        pairs=len(ds),
        counts=severity_counts(fs),
        claims=sum(int(a.get("claims") or 0) for a in report.get("articles") or []),
        data_docs=data_docs_href(report),
        checks=report.get("checks") if isinstance(report.get("checks"), dict) else None,
    )


def _source_colours(report: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, str]:
    names: list[str] = []
    for f in findings_of(report):
        for c in f.get("values") or []:
            s = claim_meta(c, articles)["source"]
            if s not in names:
                names.append(s)
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(names)}


def _value_view(c: dict[str, Any], articles: dict[str, dict[str, Any]], colours: dict[str, str]) -> dict[str, Any]:
    """One row of a finding's table: who, when, what, and the sentence around the quote."""
    meta = claim_meta(c, articles)
    before, quote, after = split_quote(c.get("sentence") or "", c.get("quote") or "")
    value = c.get("value") or {}
    return {
        "claim": c,
        "before": before,
        "quote": quote,
        "after": after,
        "quote_missing": not quote,
        "source": meta["source"],
        "title": meta["title"] or c.get("title"),
        "url": meta["url"] if str(meta["url"] or "").startswith(("http://", "https://")) else None,
        "published": when(meta["published"]),
        "said": value.get("text") or c.get("quote"),
        "interval": interval_text(c),
        "attributed": c.get("attributed"),
        "colour": colours.get(meta["source"], "#555"),
    }


# --- charts ----------------------------------------------------------------------------------


def _bounds(claim: dict[str, Any], kind: str) -> tuple[float | None, float | None]:
    value = claim.get("value") or {}
    low, high = value.get("low"), value.get("high")
    if kind == "date":
        lo, hi = parse_time(low), parse_time(high)
        if lo is not None and hi is not None and len(str(high)) <= 10:
            hi = hi + dt.timedelta(days=1) - dt.timedelta(seconds=1)  # a day spans the day
        return (lo.timestamp() if lo else None, hi.timestamp() if hi else None)
    try:
        return (float(low) if low is not None else None, float(high) if high is not None else None)
    except (TypeError, ValueError):
        return (None, None)


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step) * step
    ticks, t = [], start
    while t <= hi + 1e-9 * span:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _fmt_num(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _chart(
    key: str,
    members: list[dict[str, Any]],
    articles: dict[str, dict[str, Any]],
    colours: dict[str, str],
) -> Chart:
    kind = str(members[0].get("kind") or "numeric")
    claims: dict[str, dict[str, Any]] = {}
    for d in members:
        for c in d.get("claims") or []:
            claims.setdefault(str(c.get("claim_id") or id(c)), c)
    chart = Chart(title=str(members[0].get("subject") or key), kind=kind)
    px0, px1, py0, py1 = LEFT, W - RIGHT, TOP, H - BOTTOM
    chart.plot = {"x0": px0, "x1": px1, "y0": py0, "y1": py1}

    # x: publication time (claims without one go to an "unknown time" slot at the right)
    points = []
    for c in claims.values():
        meta = claim_meta(c, articles)
        points.append((c, meta, parse_time(meta["published"])))
    times = [t.timestamp() for _, _, t in points if t is not None]
    has_unknown = any(t is None for _, _, t in points)
    x_right = px1 - (150 if has_unknown else 90)  # room for the last bar's label
    if times:
        t0, t1 = min(times), max(times)
        if t1 - t0 < 3600:
            t0, t1 = t0 - 3600, t1 + 3600
        pad = (t1 - t0) * 0.08
        t0, t1 = t0 - pad, t1 + pad
    else:
        t0, t1 = 0.0, 1.0

    def sx(ts: float) -> float:
        return px0 + (ts - t0) / (t1 - t0) * (x_right - px0)

    last_x = -1e9
    for ts in sorted(set(times)):  # a tick at each publication time, unless crowded
        if sx(ts) - last_x < 74:
            continue
        last_x = sx(ts)
        label = dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%b %d %H:%M")
        chart.xticks.append({"x": round(sx(ts), 1), "label": label})
    if has_unknown:
        chart.xticks.append({"x": round((x_right + px1) / 2, 1), "label": "unknown time"})

    # y: the values (numeric or dates as bounds; entities as categories)
    categories: list[str] = []
    spans = []
    for c, meta, t in points:
        if kind == "entity":
            text = interval_text(c)
            if text not in categories:
                categories.append(text)
            spans.append((c, meta, t, None, None))
        else:
            lo, hi = _bounds(c, kind)
            spans.append((c, meta, t, lo, hi))
    finite = [v for *_, lo, hi in spans for v in (lo, hi) if v is not None]
    if kind == "entity":
        step = (py1 - py0) / (len(categories) + 1)

        def sy_cat(text: str) -> float:
            return py0 + step * (categories.index(text) + 1)

        # the axis has LEFT units of room: a long name is cut there (the table and tooltips have it whole)
        chart.yticks = [{"y": round(sy_cat(t), 1), "label": t if len(t) <= 11 else t[:10] + "…"} for t in categories]
        v0 = v1 = 0.0
    else:
        if finite:
            v0, v1 = min(finite), max(finite)
        else:
            v0, v1 = 0.0, 1.0
        if v1 - v0 == 0:
            d = abs(v0) * 0.1 or (86400.0 if kind == "date" else 1.0)
            v0, v1 = v0 - d, v1 + d
        span = v1 - v0
        # an open side needs room to be seen as a long bar running off the chart
        open_high = any(lo is not None and hi is None for *_, lo, hi in spans)
        open_low = any(lo is None and hi is not None for *_, lo, hi in spans)
        reach = max(span * 0.45, abs(v1) * 0.3) if kind == "numeric" else span * 0.45
        v0 = v0 - (reach if open_low else span * 0.15)
        v1 = v1 + (reach if open_high else span * 0.15)
        if kind == "numeric" and min(finite or [0]) >= 0:
            v0 = max(v0, 0.0)

    def sy(v: float) -> float:
        return py1 - (v - v0) / (v1 - v0) * (py1 - py0)

    if kind == "numeric":
        chart.yticks = [{"y": round(sy(v), 1), "label": _fmt_num(v)} for v in _nice_ticks(v0, v1)]
    elif kind == "date":
        day = 86400.0
        first = math.ceil(v0 / day) * day
        days = [first + i * day for i in range(int((v1 - first) // day) + 1)]
        if len(days) > 6:
            days = days[:: math.ceil(len(days) / 6)]
        if not days:
            days = [v0 + (v1 - v0) / 2]
        chart.yticks = [
            {"y": round(sy(v), 1),
             "label": dt.datetime.fromtimestamp(v, dt.timezone.utc).strftime("%Y-%m-%d %H:%M").replace(" 00:00", "")}
            for v in days
        ]

    seen_x: dict[float, int] = {}
    legend: dict[str, str] = {}
    for c, meta, t, lo, hi in sorted(spans, key=lambda s: (s[2] is None, s[2] or dt.datetime.min.replace(tzinfo=dt.timezone.utc))):
        base_x = sx(t.timestamp()) if t is not None else (x_right + px1) / 2
        slot = round(base_x / 6)
        k = seen_x.get(slot, 0)
        seen_x[slot] = k + 1
        x = base_x + (k - 0 if k % 2 == 0 else -k) * 9  # fan out claims at the same time
        colour = colours.get(meta["source"], "#555")
        legend[meta["source"]] = colour
        tip = f"{meta['source']}, {when(meta['published'])}: {value_text(c)}"
        if kind == "entity":
            y = sy_cat(interval_text(c))
            chart.bars.append({"x": round(x, 1), "dot": True, "y": round(y, 1), "colour": colour,
                               "title": tip, "label": ""})
            continue
        if lo is None and hi is None:
            continue
        open_low, open_high = lo is None, hi is None
        y_top = py0 if open_high else sy(hi)
        y_bot = py1 if open_low else sy(lo)
        if not open_low and not open_high and abs(y_bot - y_top) < 3:
            chart.bars.append({"x": round(x, 1), "dot": True, "y": round((y_top + y_bot) / 2, 1),
                               "colour": colour, "title": tip, "label": _short(c)})
            continue
        chart.bars.append({
            "x": round(x, 1), "dot": False, "y": round(y_top, 1), "h": round(max(y_bot - y_top, 2), 1),
            "y_bottom": round(y_bot, 1), "open_high": open_high, "open_low": open_low,
            "colour": colour, "title": tip, "label": _short(c),
        })
    chart.legend = [{"label": s, "colour": col} for s, col in legend.items()]
    if kind == "entity":
        chart.note = "Who each source names, by publication time."
    else:
        chart.note = "Bars are the interval each source allows; an arrow means no bound on that side."
    return chart


def _short(claim: dict[str, Any]) -> str:
    text = str((claim.get("value") or {}).get("text") or claim.get("quote") or "")
    return text if len(text) <= 24 else text[:23] + "…"
