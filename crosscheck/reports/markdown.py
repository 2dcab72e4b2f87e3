"""report.md: the discrepancies for terminals, pull requests and Prefect markdown artifacts.

Article text is untrusted input (anyone can publish a sentence containing ``[click](…)`` or
``<script>``), so everything taken from an article goes through :func:`md_escape` before it is
placed in markdown. The helpers here (value formatting, grouping by event) are shared with the
HTML report and the terminal summary so that all three say the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from typing import Any, Iterable

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-=>])")


def md_escape(text: Any) -> str:
    """Make ``text`` render literally in CommonMark/GFM: no links, images, HTML or emphasis.

    HTML-special characters become entities (never tags), markdown punctuation is
    backslash-escaped, newlines become spaces (a table cell or list item stays one line), and
    ``://`` / ``www.`` are broken up so bare URLs are not auto-linked.
    """
    if text is None:
        return ""
    s = " ".join(str(text).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_PUNCT.sub(r"\\\1", s)
    s = s.replace("://", "\\://").replace("www.", "www\\.")
    m = _LINE_START.match(s)
    if m and m.group(3):
        s = f"{m.group(1)}{m.group(2)}\\{m.group(3)}{s[m.end():]}"
    elif m and m.group(5):
        s = f"{m.group(4)}\\{m.group(5)}{s[m.end():]}"
    return s


# --- shared helpers --------------------------------------------------------------------------


def _num(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def interval_text(claim: dict[str, Any]) -> str:
    """The value as bounds: ``25``, ``≥ 41``, ``≤ 169``, ``2,250–2,750``, ``2024-02-07``."""
    value = claim.get("value") or {}
    kind = claim.get("kind") or _guess_kind(value)
    if kind == "entity":
        return str(value.get("text") or claim.get("quote") or "")
    low, high = value.get("low"), value.get("high")
    fmt = _num if kind == "numeric" else str
    if low is None and high is None:
        return "unbounded"
    if low is not None and high is not None:
        return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    return f"≥ {fmt(low)}" if low is not None else f"≤ {fmt(high)}"


def value_text(claim: dict[str, Any]) -> str:
    """What the article said, with the bounds when they are not obvious from the words."""
    value = claim.get("value") or {}
    text = str(value.get("text") or claim.get("quote") or "")
    if (claim.get("kind") or _guess_kind(value)) == "entity":
        return text
    bounds = interval_text(claim)
    return text if bounds == text else f"{text} ({bounds})"


def _guess_kind(value: dict[str, Any]) -> str:
    if "role" in value or ("low" not in value and "high" not in value):
        return "entity"
    probe = value.get("low") if value.get("low") is not None else value.get("high")
    return "date" if isinstance(probe, str) else "numeric"


def parse_time(text: Any) -> dt.datetime | None:
    """ISO date or date-time (a naive one is UTC, as ingest stores it); None when unparseable."""
    if not text:
        return None
    s = str(text).strip().replace("Z", "+00:00")
    try:
        t = dt.datetime.fromisoformat(s)
    except ValueError:
        try:
            t = dt.datetime.combine(dt.date.fromisoformat(s[:10]), dt.time())
        except ValueError:
            return None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def when(text: Any) -> str:
    """A publication time for people: ``2024-02-07 15:30 UTC`` (or the text as given)."""
    t = parse_time(text)
    if t is None:
        return str(text) if text else "unknown time"
    if (t.hour, t.minute, t.second) == (0, 0, 0) and len(str(text)) <= 10:
        return t.date().isoformat()
    t = t.astimezone(dt.timezone.utc)
    return t.strftime("%Y-%m-%d %H:%M UTC")


def article_index(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a.get("article_id"): a for a in report.get("articles") or []}


def claim_meta(claim: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Source, publication time and title of a claim, from the claim or else its article."""
    art = articles.get(claim.get("article_id"), {})
    return {
        "source": claim.get("source") or art.get("source") or claim.get("article_id") or "?",
        "published": claim.get("published") or art.get("published"),
        "title": art.get("title"),
        "url": art.get("url"),
    }


def sort_key(d: dict[str, Any]) -> tuple[Any, ...]:
    return (
        bool(d.get("superseded")),
        SEVERITY_ORDER.get(str(d.get("severity")), 3),
        str(d.get("group") or d.get("subject") or ""),
        str(d.get("id") or ""),
    )


def severity_counts(discrepancies: Iterable[dict[str, Any]]) -> str:
    counts = Counter(str(d.get("severity")) for d in discrepancies)
    parts = [f"{counts[s]} {s}" for s in SEVERITY_ORDER if counts.get(s)]
    return ", ".join(parts)


def data_docs_href(report: dict[str, Any], report_dir: str | os.PathLike[str] | None = None) -> str | None:
    """A link to the Data Docs index from a report written in ``report_dir`` (default: OUT).

    The reports sit in OUT and Data Docs in OUT/data_docs, so the link is relative and survives
    copying OUT elsewhere; an index outside OUT is linked by absolute file URI.
    """
    paths = report.get("paths") or {}
    target = report.get("data_docs") or paths.get("data_docs") or paths.get("data_docs_index")
    if not target:
        return None
    target = os.fspath(target)
    base = report_dir or (os.path.dirname(os.fspath(paths["html"])) if paths.get("html") else None)
    if base:
        rel = os.path.relpath(target, base)
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    norm = target.replace(os.sep, "/")
    if norm.endswith("data_docs/index.html"):
        return "data_docs/index.html"
    return "file://" + norm if norm.startswith("/") else norm


def split_quote(sentence: str, quote: str) -> tuple[str, str, str]:
    """(before, quote, after) so the quote can be highlighted inside its sentence."""
    sentence = sentence or ""
    if quote:
        i = sentence.find(quote)
        if i >= 0:
            return sentence[:i], quote, sentence[i + len(quote):]
    return sentence, "", ""


def findings_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's findings; for a report.json from before findings, one per discrepancy group
    (its pairs' claims as values), so an old report still renders."""
    if report.get("findings") is not None:
        return list(report["findings"])
    groups: dict[Any, dict[str, Any]] = {}
    for d in sorted(report.get("discrepancies") or [], key=sort_key):
        key = (d.get("event_id"), d.get("group") or d.get("id"))
        f = groups.setdefault(key, {
            "id": d.get("group") or d.get("id"), "event_id": d.get("event_id"), "kind": d.get("kind"),
            "subject": d.get("subject"), "severity": d.get("severity"),
            "confidence": d.get("confidence", d.get("similarity")), "summary": "",
            "values": [], "discrepancies": []})
        f["discrepancies"].append(d.get("id"))
        seen = {c.get("claim_id") for c in f["values"]}
        f["values"] += [c for c in d.get("claims") or [] if c.get("claim_id") not in seen]
    return list(groups.values())


def events_with_findings(
    report: dict[str, Any],
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(event, its findings in report order), events in the order of their first finding.

    Findings naming no known event are gathered under one event labelled by their
    ``event_id`` (or "Other"), so nothing is dropped from a report."""
    known = {e.get("event_id"): e for e in report.get("events") or []}
    out: dict[Any, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    for f in findings_of(report):
        eid = f.get("event_id")
        if eid not in out:
            event = known.get(eid) or {"event_id": eid, "label": f"Event {eid}" if eid else "Other", "articles": []}
            out[eid] = (event, [])
        out[eid][1].append(f)
    return list(out.values())


def _edges(text: str) -> str:
    """md_escape that keeps one space at either end: the text around a highlighted quote."""
    if not text:
        return ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


# --- the markdown report ---------------------------------------------------------------------


def sentence_md(claim: dict[str, Any]) -> str:
    """The whole sentence, its quote in bold, the spaces around the quote kept."""
    before, quote, after = split_quote(claim.get("sentence") or "", claim.get("quote") or "")
    if not quote:
        return md_escape(before) + (f" (quote: **{md_escape(claim.get('quote'))}**)" if claim.get("quote") else "")
    return f"{_edges(before)}**{md_escape(quote)}**{_edges(after)}"


def values_table(f: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[str]:
    """One row per claim on the subject, in publication order."""
    lines = [
        "| Outlet | Published | Says | Interval | Attributed to | Sentence |",
        "|---|---|---|---|---|---|",
    ]
    for claim in f.get("values") or []:
        meta = claim_meta(claim, articles)
        outlet = md_escape(meta["source"])
        if meta.get("title"):
            outlet += f"<br>_{md_escape(meta['title'])}_"
        value = claim.get("value") or {}
        said = value.get("text") or claim.get("quote")
        lines.append(
            f"| {outlet} | {md_escape(when(meta['published']))} | {md_escape(said)} | "
            f"{md_escape(interval_text(claim))} | {md_escape(claim.get('attributed') or '')} | "
            f"{sentence_md(claim)} |"
        )
    return lines


def summary_lines(report: dict[str, Any], link: str | None = None) -> list[str]:
    """The headline: counts, checks verdict and the Data Docs link (shared with artifacts)."""
    ds = report.get("discrepancies") or []
    fs = findings_of(report)
    articles = report.get("articles") or []
    skipped = report.get("skipped") or []
    claims = sum(int(a.get("claims") or 0) for a in articles)
    head = f"**{len(fs)} disputed subject{'' if len(fs) == 1 else 's'}**"
    if fs:
        head += f" ({severity_counts(fs)})"
    head += f" from {len(ds)} contradicting pair{'' if len(ds) == 1 else 's'}"
    head += f", across {len(articles)} article{'s' if len(articles) != 1 else ''}, {claims} claims"
    if skipped:
        head += f", {len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped"
    lines = [head + "."]
    checks = report.get("checks")
    if isinstance(checks, dict):
        failed = checks.get("failed") or []
        verdict = "passed" if checks.get("success") else f"failed: {', '.join(map(str, failed))}"
        lines.append(f"Data-quality checks {md_escape(verdict)}.")
    href = link if link is not None else data_docs_href(report)
    if href:
        lines.append(f"[Data Docs]({href.replace(' ', '%20').replace(')', '%29')})")
    return lines


def finding_heading(n: int, f: dict[str, Any]) -> str:
    conf = f.get("confidence")
    conf_text = f", confidence {float(conf):.2f}" if conf is not None else ""
    return (f"### {n}. {md_escape(f.get('subject'))} · {md_escape(str(f.get('severity', '')).upper())}"
            f" ({md_escape(f.get('kind'))}{conf_text})")


def render_markdown(report: dict[str, Any]) -> str:
    """The whole report as GitHub-flavoured markdown: per event, one section per finding."""
    articles = article_index(report)
    out = [
        "# crosscheck report",
        "",
        f"Run `{str(report.get('run_id', '')).replace('`', '')}` · generated "
        f"{md_escape(report.get('generated_at', ''))}",
        "",
        *summary_lines(report),
        "",
    ]
    status = {d.get("id"): d.get("status") for d in report.get("discrepancies") or []}
    n = 0
    for event, fs in events_with_findings(report):
        out += [f"## {md_escape(event.get('label') or event.get('event_id') or 'Event')}", ""]
        for f in fs:
            n += 1
            pairs = [str(i) for i in f.get("discrepancies") or []]
            new = sum(1 for i in pairs if status.get(i) == "new")
            out += [finding_heading(n, f), ""]
            if f.get("summary"):
                out += [md_escape(f["summary"]) + ".", ""]
            out += [*values_table(f, articles), ""]
            note = f"{len(pairs)} contradicting pair{'' if len(pairs) == 1 else 's'}"
            if new:
                note += f" ({new} new)"
            out += [f"_{note}; finding `{str(f.get('id', '')).replace('`', '')}`; pairs "
                    + ", ".join(f"`{p.replace('`', '')}`" for p in pairs) + "_", ""]
    if not report.get("discrepancies"):
        out += ["No contradicting claims were found.", ""]
    skipped = report.get("skipped") or []
    if skipped:
        out += ["## Skipped files", ""]
        out += [f"- {md_escape(s.get('path'))}: {md_escape(s.get('reason'))}" for s in skipped]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
