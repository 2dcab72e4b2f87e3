"""Prefect artifacts of a run: what someone opening the flow run in the Prefect UI should see.

A markdown summary with the top discrepancies (the story), a table of all of them (to sort
and scan), and links to the HTML report and the Data Docs (the evidence). Keys are fixed, so
the UI's artifact page shows each one's history across runs.

Article text goes into the markdown only through ``md_escape``: the UI renders markdown, and
a quote like ``[click](…)`` or ``<img onerror=…>`` must show as text. Table cells are
rendered by the UI as plain text, so they hold the text as published (only shortened).
"""

from __future__ import annotations

import os
import pathlib
from typing import Any, Mapping

from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

from crosscheck.reports.markdown import (
    article_index,
    claim_meta,
    md_escape,
    sort_key,
    summary_lines,
    value_text,
    when,
)

KEYS = {
    "summary": "crosscheck-summary",
    "table": "crosscheck-discrepancies",
    "report_link": "crosscheck-report-html",
    "docs_link": "crosscheck-data-docs",
}
TOP = 5
CELL = 300  # characters per table cell: the UI's table is for scanning, the report has it all


def publish_artifacts(report: dict[str, Any], paths: Mapping[str, os.PathLike[str] | str]) -> None:
    """Create the markdown, table and link artifacts for this run (inside a flow run)."""
    ds = sorted(report.get("discrepancies") or [], key=sort_key)
    articles = article_index(report)
    create_markdown_artifact(
        key=KEYS["summary"],
        markdown=summary_markdown(report, ds, articles, paths),
        description=f"crosscheck run {report.get('run_id', '')}: summary and top discrepancies",
    )
    create_table_artifact(
        key=KEYS["table"],
        table=discrepancy_rows(ds, articles),
        description=f"All {len(ds)} discrepancies of run {report.get('run_id', '')}",
    )
    html = paths.get("html")
    if html:
        create_link_artifact(
            key=KEYS["report_link"],
            link=_uri(html),
            link_text="crosscheck report (HTML)",
            description="Each discrepancy with both sentences, and charts by source over time",
        )
    docs = paths.get("data_docs") or report.get("data_docs")
    if docs:
        create_link_artifact(
            key=KEYS["docs_link"],
            link=_uri(docs),
            link_text="Great Expectations Data Docs",
            description="Validation results: each contradicting pair is an unexpected row",
        )


def _uri(path: os.PathLike[str] | str) -> str:
    text = os.fspath(path)
    if "://" in text:
        return text
    return pathlib.Path(text).resolve().as_uri()


def summary_markdown(
    report: dict[str, Any],
    ds: list[dict[str, Any]],
    articles: dict[str, dict[str, Any]],
    paths: Mapping[str, Any],
) -> str:
    # Links here are to local files, which the Prefect UI cannot open from a browser tab;
    # the link artifacts carry them, the summary names the run and the evidence.
    lines = [
        f"# crosscheck run {md_escape(report.get('run_id', ''))}",
        "",
        *summary_lines(report, link=""),
        "",
    ]
    if ds:
        lines += [f"## Top {min(TOP, len(ds))} of {len(ds)} discrepancies", ""]
        lines += ["| severity | kind | subject | A | B | why |", "|---|---|---|---|---|---|"]
        for d in ds[:TOP]:
            sides = []
            for c in (d.get("claims") or [])[:2]:
                meta = claim_meta(c, articles)
                sides.append(
                    f"**{md_escape(c.get('quote'))}** ({md_escape(value_text(c))})<br>"
                    f"{md_escape(meta['source'])}, {md_escape(when(meta['published']))}"
                )
            sides += [""] * (2 - len(sides))
            sev = md_escape(d.get("severity"))
            if d.get("superseded"):
                sev += " (superseded)"
            lines.append(
                f"| {sev} | {md_escape(d.get('kind'))} | {md_escape(d.get('subject'))} | "
                f"{sides[0]} | {sides[1]} | {md_escape(d.get('explanation'))} |"
            )
        lines.append("")
    else:
        lines += ["No contradicting claims were found.", ""]
    where = [f"{md_escape(k)}: {md_escape(os.fspath(v))}" for k, v in paths.items() if v]
    if where:
        lines += ["Outputs: " + "; ".join(where), ""]
    return "\n".join(lines)


def _cut(text: Any) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= CELL else s[: CELL - 1] + "…"


def discrepancy_rows(
    ds: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = []
    for d in ds:
        claims = (d.get("claims") or []) + [{}, {}]
        a, b = claims[0], claims[1]
        ma, mb = claim_meta(a, articles), claim_meta(b, articles)
        rows.append(
            {
                "id": str(d.get("id") or ""),
                "severity": str(d.get("severity") or ""),
                "kind": str(d.get("kind") or ""),
                "subject": _cut(d.get("subject")),
                "source_a": _cut(ma["source"]),
                "published_a": when(ma["published"]),
                "quote_a": _cut(a.get("quote")),
                "source_b": _cut(mb["source"]),
                "published_b": when(mb["published"]),
                "quote_b": _cut(b.get("quote")),
                "explanation": _cut(d.get("explanation")),
                "similarity": round(float(d.get("similarity") or 0), 3),
                "superseded": bool(d.get("superseded")),
                "status": str(d.get("status") or ""),
            }
        )
    return rows
