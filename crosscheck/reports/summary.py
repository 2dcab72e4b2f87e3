"""The table the CLI prints when a run ends: one row per finding, then where things are.

Cells are rich ``Text`` objects, never markup strings: a subject or quote containing
``[bold]`` is article text and must be printed as it is, not interpreted.
"""

from __future__ import annotations

import os
import pathlib
from typing import Any, Mapping

from rich.console import Console
from rich.table import Table
from rich.text import Text

from crosscheck.reports.markdown import (
    article_index,
    claim_meta,
    events_with_findings,
    findings_of,
    severity_counts,
    value_text,
    when,
)

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "green"}
PATH_LABELS = {
    "json": "report.json",
    "md": "report.md",
    "html": "report.html",
    "data_docs": "Data Docs",
    "db": "DuckDB store",
}


def print_summary(
    report: dict[str, Any],
    paths: Mapping[str, os.PathLike[str] | str],
    console: Console | None = None,
) -> None:
    """Print the findings table, the counts and the output paths."""
    console = console or Console()
    articles = article_index(report)
    ds = report.get("discrepancies") or []
    fs = findings_of(report)
    claims = sum(int(a.get("claims") or 0) for a in report.get("articles") or [])
    skipped = len(report.get("skipped") or [])

    if fs:
        table = Table(title=Text(f"crosscheck · run {report.get('run_id', '')}"), show_lines=True,
                      expand=False)
        # On a narrow terminal the summary goes under the subject instead of its own column.
        wide = console.width >= 120
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("subject", ratio=2)
        table.add_column("values by outlet", ratio=2)
        if wide:
            table.add_column("summary", ratio=3)
        n = 0
        for _event, items in events_with_findings(report):
            for f in items:
                n += 1
                sev = str(f.get("severity") or "")
                said = Text()
                for c in f.get("values") or []:
                    meta = claim_meta(c, articles)
                    if said:
                        said.append("\n")
                    said.append(value_text(c), style="bold")
                    said.append(f" {meta['source']} · {when(meta['published'])}", style="dim")
                subject = Text(str(f.get("subject") or ""))
                summary = Text(str(f.get("summary") or ""))
                if not wide:
                    subject.append("\n")
                    subject.append_text(summary.copy())
                severity = Text(sev, style=SEVERITY_STYLE.get(sev, ""))
                severity.append(f"\n{f.get('kind') or ''}", style="dim")
                table.add_row(Text(str(n)), severity, subject, said, *([summary] if wide else []))
        console.print(table)

    line = Text()
    line.append(f"{len(fs)} disputed subject{'' if len(fs) == 1 else 's'}",
                style="bold red" if fs else "bold green")
    if fs:
        line.append(f" ({severity_counts(fs)})")
    line.append(f" · {len(ds)} contradicting pair{'' if len(ds) == 1 else 's'}")
    line.append(f" · {len(report.get('articles') or [])} articles · {claims} claims · {skipped} skipped")
    checks = report.get("checks")
    if isinstance(checks, dict):
        line.append(" · checks ")
        line.append("passed" if checks.get("success") else "failed",
                    style="green" if checks.get("success") else "red")
    console.print(line)

    shown = dict(paths)
    if "data_docs" not in shown and report.get("data_docs"):
        shown["data_docs"] = report["data_docs"]
    for key, path in shown.items():
        if path is None:
            continue
        label = PATH_LABELS.get(key, key)
        row = Text(f"  {label + ':':<14}", style="dim")
        row.append(str(pathlib.Path(path)))
        console.print(row)
