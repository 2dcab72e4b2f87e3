"""Prefect artifacts of a run: what someone opening the flow run in the Prefect UI should see.

A markdown summary with the top findings (the story: one per disputed subject, with its
summary and every outlet's value), a table of all findings (to sort and scan), and links to the HTML report and the Data Docs (the evidence). Keys are fixed, so
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
    findings_of,
    interval_text,
    md_escape,
    summary_lines,
    when,
)

KEYS = {
    "summary": "crosscheck-summary",
    "table": "crosscheck-findings",
    "report_link": "crosscheck-report-html",
    "docs_link": "crosscheck-data-docs",
}
TOP = 5
CELL = 300  # characters per table cell: the UI's table is for scanning, the report has it all


def publish_artifacts(report: dict[str, Any], paths: Mapping[str, os.PathLike[str] | str]) -> None:
    """Create the markdown, table and link artifacts for this run (inside a flow run)."""
    fs = findings_of(report)
    articles = article_index(report)
    create_markdown_artifact(
        key=KEYS["summary"],
        markdown=summary_markdown(report, fs, articles, paths),
        description=f"crosscheck run {report.get('run_id', '')}: summary and top findings",
    )
    create_table_artifact(
        key=KEYS["table"],
        table=finding_rows(fs),
        description=f"All {len(fs)} findings (disputed subjects) of run {report.get('run_id', '')}",
    )
    html = paths.get("html")
    if html:
        create_link_artifact(
            key=KEYS["report_link"],
            link=_uri(html),
            link_text="crosscheck report (HTML)",
            description="Each finding: its summary, a chart by outlet over time and every claim with its sentence",
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
    fs: list[dict[str, Any]],
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
    if fs:
        lines += [f"## Top {min(TOP, len(fs))} of {len(fs)} disputed subjects", ""]
        for i, f in enumerate(fs[:TOP], 1):
            lines += [
                f"### {i}. {md_escape(f.get('subject'))} · {md_escape(str(f.get('severity', '')).upper())} "
                f"({md_escape(f.get('kind'))}, confidence {float(f.get('confidence') or 0):.2f})",
                "",
            ]
            if f.get("summary"):
                lines += [md_escape(f["summary"]) + ".", ""]
            lines += ["| outlet | published | says | attributed to |", "|---|---|---|---|"]
            for c in f.get("values") or []:
                meta = claim_meta(c, articles)
                said = (c.get("value") or {}).get("text") or c.get("quote")
                lines.append(
                    f"| {md_escape(meta['source'])} | {md_escape(when(meta['published']))} | "
                    f"**{md_escape(said)}** ({md_escape(interval_text(c))}) | {md_escape(c.get('attributed') or '')} |"
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


def finding_rows(fs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per finding: what is disputed, how badly, and what the outlets say."""
    rows = []
    for f in fs:
        values = f.get("values") or []
        rows.append(
            {
                "id": str(f.get("id") or ""),
                "severity": str(f.get("severity") or ""),
                "confidence": round(float(f.get("confidence") or 0), 3),
                "kind": str(f.get("kind") or ""),
                "subject": _cut(f.get("subject")),
                "summary": _cut(f.get("summary")),
                "outlets": len({c.get("source") or c.get("article_id") for c in values}),
                "values": len(values),
                "pairs": len(f.get("discrepancies") or []),
                "event": str(f.get("event_id") or ""),
            }
        )
    return rows
