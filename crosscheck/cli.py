"""The command line: `crosscheck run`, `crosscheck extract` (and scheduling commands).

Only this module knows about Prefect and ``flows/``; it turns arguments into a flow run and
the result into an exit status: 0 no discrepancy, 1 discrepancies found, 2 bad usage/input.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

_OWN_PROCESS = False  # set by main(): this process is a `crosscheck` command of its own

app = typer.Typer(
    help="Find contradicting claims (counts, dates, who did what) across news articles.\n\n"
    "Example: crosscheck run examples/articles --out out/demo",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from crosscheck.cli_schedule import register as _register_schedule  # noqa: E402

_register_schedule(app)


def _fail(message: str) -> None:
    typer.echo(f"crosscheck: {message}", err=True)
    raise typer.Exit(2)


def _check_dir(path: Path) -> None:
    """Unusable folders are a usage error (exit 2) before any flow starts."""
    from crosscheck.ingest import FolderError, check_folder

    try:
        check_folder(path)
    except FolderError as exc:
        _fail(str(exc))


def _check_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"{out}: cannot create output folder ({exc.strerror})")
    if not os.access(out, os.W_OK):
        _fail(f"{out}: output folder not writable")


@app.command()
def run(
    articles_dir: Annotated[
        str, typer.Argument(help="Folder of articles (.md .txt .json .jsonl .html), RSS/Atom feed file, or feed URL.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Output folder for report.json, report.md, report.html.")],
    db: Annotated[Optional[Path], typer.Option("--db", help="DuckDB file (default: OUT/crosscheck.duckdb).")] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Severities that fail the Prefect flow run; the others only warn: "
            "comma-separated high,medium,low, or all, or none.",
        ),
    ] = "high",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's run logs on the console.")] = False,
    task_runner: Annotated[
        Optional[str],
        typer.Option("--task-runner", help="local (default), dask (a LocalCluster) or dask=ADDRESS of a scheduler."),
    ] = None,
    min_confidence: Annotated[
        Optional[float],
        typer.Option("--min-confidence", min=0.0, max=1.0,
                     help="Report disagreements down to this confidence (0-1). Default: each kind's "
                     "precision threshold from the fitted match weights; lower shows more, less sure ones."),
    ] = None,
) -> None:
    """Run the whole pipeline as a Prefect flow and write the reports.

    Example: crosscheck run examples/articles --out out/demo --fail-on high,medium --min-confidence 0.3

    Exit status: 0 no discrepancy, 1 discrepancies found, 2 bad usage or unreadable input.
    """
    from crosscheck.sources import SourceError, parse_source

    try:
        source = parse_source(articles_dir)
    except SourceError as exc:
        _fail(str(exc))
    if source.kind == "folder":
        _check_dir(Path(source.location))
    _check_out(out)
    if _OWN_PROCESS:
        from flows.temp_server import start_early

        start_early()
    from flows.runners import TaskRunnerError, check_available, parse_spec

    try:
        check_available(parse_spec(task_runner))
    except TaskRunnerError as exc:
        _fail(f"--task-runner: {exc}")
    from checks.policy import parse_fail_on

    try:
        severities = sorted(parse_fail_on(fail_on))
    except ValueError as exc:
        _fail(f"--fail-on: {exc}")
    from crosscheck.progress import default_progress, set_progress
    from crosscheck.store import StoreError
    from crosscheck.store import check as check_store

    db_file = db or out / "crosscheck.duckdb"
    try:
        check_store(db_file)
    except StoreError as exc:
        _fail(str(exc))
    set_progress(default_progress(quiet))
    if not verbose:
        # Prefect's INFO lines would interleave with the progress bars; the run's logs still
        # reach the Prefect API (and its UI), only the console copy is raised to warnings.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    from flows.check_flow import crosscheck_flow

    _warm_up()

    started = time.time()
    try:
        state = crosscheck_flow(
            articles_dir, str(out), str(db) if db else None, severities, task_runner=task_runner,
            min_confidence=min_confidence, return_state=True
        )
    except StoreError as exc:
        _fail(str(exc))
    report_path = out / "report.json"
    if not report_path.is_file() or report_path.stat().st_mtime < started:
        msg = (state.message or "").splitlines()[0] if state is not None and state.message else "flow did not run"
        _fail(f"run failed before writing a report: {msg}")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if not quiet:
        _print_summary(report, out, db)
    raise typer.Exit(1 if report["discrepancies"] else 0)


def _warm_up() -> None:
    """Overlap the slow starts of a cold run instead of paying them one after another.

    Without a configured server a temporary Prefect server starts in a subprocess (~5 s until
    healthy; started at the top of ``run`` when this is a process of its own, else here the
    way Prefect would); meanwhile this process loads spaCy, the embedding model and Great
    Expectations, which the flow needs anyway. Measured on 2 cores, 5 articles: ~28 s with
    everything in sequence, ~19 s with the server started here, ~15 s with it started early.
    """
    import threading

    from crosscheck import embed
    from crosscheck.nlp import sentences

    from flows.temp_server import started

    threads: list[threading.Thread] = []
    early = started()
    if early is None and not os.environ.get("PREFECT_API_URL"):
        from prefect.server.api.server import SubprocessASGIServer

        threads.append(threading.Thread(target=SubprocessASGIServer().start, daemon=True, name="prefect-server"))
    threads.append(threading.Thread(target=lambda: __import__("checks.checkpoint"), daemon=True, name="gx-import"))
    for t in threads:
        t.start()
    threads.append(embed.preload_in_background())
    sentences.load_nlp()
    for t in threads:
        t.join()
    if early is not None:
        try:
            early.wait_ready()
        except RuntimeError as exc:
            _fail(str(exc))


def _print_summary(report: dict, out: Path, db: Path | None) -> None:
    from rich.console import Console

    from crosscheck.reports.summary import print_summary

    paths = {p.suffix.lstrip("."): p for p in (out / "report.json", out / "report.md", out / "report.html") if p.exists()}
    paths["db"] = db or out / "crosscheck.duckdb"
    if report.get("data_docs"):
        paths["data_docs"] = Path(report["data_docs"])
    print_summary(report, paths, Console())


@app.command()
def extract(
    articles_dir: Annotated[Path, typer.Argument(help="Folder of articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="One claim object a line (the contract's CLAIM + kind, subject, attributed and the typed frame).")] = False,
) -> None:
    """Ingest and extract claims only (no embeddings, no Prefect): print every claim.

    Example: crosscheck extract examples/articles --json | head
    """
    _check_dir(articles_dir)
    from crosscheck.ingest import FolderError, read_folder
    from crosscheck.nlp import extract as extractor
    from crosscheck.nlp import sentences

    try:
        result = read_folder(articles_dir)
    except FolderError as exc:
        _fail(str(exc))
    for skip in result.skipped:
        typer.echo(f"crosscheck: skipped {skip.path}: {skip.reason}", err=True)
    out = sys.stdout
    for article, doc in sentences.parse_articles(result.articles):
        sents = sentences.sentences_of(article, doc)
        by_idx = {s.sentence_idx: s for s in sents}
        for claim in extractor.extract_claims(article, doc, sents):
            if as_json:
                obj = {
                    "claim_id": claim.claim_id, "article_id": claim.article_id,
                    "sentence": by_idx[claim.sentence_idx].text, "quote": claim.quote,
                    "char_start": claim.char_start, "char_end": claim.char_end,
                    "value": claim.value(), "kind": claim.kind, "subject": claim.subject,
                    "attributed": claim.attributed,
                    # the typed frame: what is measured and which incident and part of it
                    "frame": {k: v for k, v in asdict(claim.frame).items() if k != "context"},
                }
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            else:
                out.write(f"{claim.article_id}\t{claim.kind}\t{claim.quote!r}\t{json.dumps(claim.value(), ensure_ascii=False)}\t{claim.subject}\n")
    out.flush()


def main() -> None:
    """The console entry point: a real process, so Prefect's temporary server may start early.

    In-process callers (tests, ``typer.testing.CliRunner``) call ``app`` and keep Prefect's
    own behaviour; only a fresh process owns its environment and exit (see flows/temp_server.py).
    """
    global _OWN_PROCESS
    _OWN_PROCESS = True
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
