"""`crosscheck serve` (a scheduled deployment) and `crosscheck history` (the runs table).

Registered on the main typer app by ``register(app)``, so cli.py stays the one entry point.
With a Prefect server configured (PREFECT_API_URL), ``serve`` registers a deployment with an
interval or cron schedule and serves it: the server's scheduler creates the runs, this process
executes them, and the UI shows and can trigger them. Without a server there is no scheduler
to ask, so the same schedule is kept by this process itself and every run is still a flow run
against the temporary local API, as ``crosscheck run`` is.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _fail(message: str) -> None:
    typer.echo(f"crosscheck: {message}", err=True)
    raise typer.Exit(2)


def parse_every(text: str) -> dt.timedelta:
    """'15m', '90s', '2h', '1d', '1h30m' or plain seconds -> timedelta (at least 10 s)."""
    raw = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        seconds = float(raw)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", raw)
        if not parts or re.sub(r"(\d+(?:\.\d+)?)\s*([smhd])", "", raw).strip():
            raise ValueError(f"--every: {text!r} is not a duration (e.g. 90s, 15m, 2h, 1d)")
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds < 10:
        raise ValueError(f"--every: {text!r} is shorter than 10 s; a run takes longer than that")
    return dt.timedelta(seconds=seconds)


def check_cron(expr: str) -> str:
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=expr)
    except Exception:  # pydantic's ValidationError: the message is many lines
        raise ValueError(f"--cron: {expr!r} is not a cron expression (e.g. '*/15 * * * *')") from None
    return expr


def api_configured() -> bool:
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


def deployment_name(source: str, every: dt.timedelta | None, cron: str | None) -> str:
    stem = Path(source.rstrip("/")).name or "source"
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "source"
    if cron:
        return f"{stem}-cron"
    return f"{stem}-every-{_short(every)}"


def _short(every: dt.timedelta | None) -> str:
    seconds = int(every.total_seconds()) if every else 0
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def flow_parameters(source: str, out: Path, db: Path | None, fail_on: list[str], task_runner: str | None) -> dict[str, Any]:
    """Absolute paths: a served run executes in its own process, maybe from another folder."""
    from crosscheck.sources import parse_source

    src = parse_source(source)
    location = src.location if src.is_url else str(Path(src.location).resolve())
    return {"articles_dir": location, "out_dir": str(out.resolve()), "db_path": str(db.resolve()) if db else None,
            "fail_on": fail_on, "task_runner": task_runner}


def register(app: typer.Typer) -> None:
    """Add `serve` and `history` to the crosscheck app."""

    @app.command()
    def serve(
        source: Annotated[str, typer.Argument(help="Folder of articles, RSS/Atom feed file, or feed URL.")],
        out: Annotated[Path, typer.Option("--out", help="Output folder; each run rewrites its reports.")],
        every: Annotated[Optional[str], typer.Option("--every", help="Interval: 90s, 15m, 2h, 1d.")] = None,
        cron: Annotated[Optional[str], typer.Option("--cron", help="Cron schedule, e.g. '*/15 * * * *'.")] = None,
        db: Annotated[Optional[Path], typer.Option("--db", help="DuckDB file (default: OUT/crosscheck.duckdb).")] = None,
        name: Annotated[Optional[str], typer.Option("--name", help="Deployment name (default from source and schedule).")] = None,
        fail_on: Annotated[str, typer.Option("--fail-on", help="Severities that fail a flow run.")] = "high",
        task_runner: Annotated[
            Optional[str], typer.Option("--task-runner", help="local (default), dask (LocalCluster) or dask=ADDRESS.")
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No per-run lines (local mode).")] = False,
    ) -> None:
        """Check SOURCE on a schedule: a Prefect deployment served by this process.

        Example: crosscheck serve newsroom/inbox --out out/inbox --every 15m

        Each run embeds only new or changed articles and reports which discrepancies are new,
        still open or resolved. Needs PREFECT_API_URL for the UI and server-side scheduling.
        """
        from checks.policy import parse_fail_on
        from crosscheck.sources import SourceError
        from flows.runners import TaskRunnerError, check_available, parse_spec

        if (every is None) == (cron is None):
            _fail("give exactly one of --every (e.g. 15m) or --cron (e.g. '*/15 * * * *')")
        try:
            interval = parse_every(every) if every else None
            cron_expr = check_cron(cron) if cron else None
            check_available(parse_spec(task_runner))
            try:
                severities = sorted(parse_fail_on(fail_on))
            except ValueError as exc:
                raise ValueError(f"--fail-on: {exc}") from None
            params = flow_parameters(source, out, db, severities, task_runner)
        except (ValueError, SourceError, TaskRunnerError) as exc:
            _fail(str(exc))
        from crosscheck.cli import _check_out

        _check_out(out)
        from flows import serve as serving

        if api_configured():
            serving.serve_on_server(name or deployment_name(params["articles_dir"], interval, cron_expr),
                                    params, interval, cron_expr)
        else:
            what = f"every {_short(interval)}" if interval else f"on cron {cron_expr!r}"
            typer.echo(f"crosscheck: no Prefect server configured (PREFECT_API_URL unset): running {what} from this "
                       "process; start a server to see runs in the UI (docs/prefect.md). Ctrl-C stops.", err=True)
            try:
                serving.serve_locally(params, interval, cron_expr, None if quiet else typer.echo)
            except KeyboardInterrupt:
                raise typer.Exit(0) from None

    @app.command()
    def history(
        db: Annotated[Path, typer.Option("--db", help="The DuckDB file runs wrote (e.g. OUT/crosscheck.duckdb).")],
        limit: Annotated[int, typer.Option("--limit", "-n", help="Newest N runs.")] = 20,
        as_json: Annotated[bool, typer.Option("--json", help="One run object a line instead of a table.")] = False,
    ) -> None:
        """List past runs, newest first, with their counts and what changed.

        Example: crosscheck history --db out/inbox/crosscheck.duckdb
        """
        import json

        from crosscheck import pipeline
        from crosscheck.store import Store, StoreError

        if not db.is_file():
            _fail(f"{db}: no such DuckDB file")
        try:
            # A run in progress holds the file (DuckDB: one process at a time); don't wait long.
            with Store(db, lock_timeout=15) as store:
                rows = pipeline.run_history(store, limit).to_dict("records")
        except StoreError as exc:
            _fail(str(exc))
        rows = [{k: _plain(v) for k, v in r.items()} for r in rows]
        if as_json:
            for r in rows:
                typer.echo(json.dumps(r, ensure_ascii=False, default=str))
            return
        _print_history(rows, db)


def _plain(v: Any) -> Any:
    """NaN/NaT from pandas -> None; numpy ints -> int."""
    try:
        if v != v:
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item"):
        return v.item()
    return v


def _print_history(rows: list[dict[str, Any]], db: Path) -> None:
    """The run id is the start time (UTC), so it doubles as the 'when' column."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=120)  # piped or captured: a log line, not a screen, so no squeezing
    if not rows:
        console.print(f"no runs recorded in {db}")
        return
    sources = sorted({r["input"] or "?" for r in rows})
    table = Table(title=f"runs in {db}", title_justify="left", caption="source: " + ", ".join(sources),
                  caption_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("run (UTC start)", no_wrap=True)
    table.add_column("status")
    for col in ("secs", "articles", "skipped", "claims", "embedded", "found", "new", "resolved"):  # found: discrepancies
        table.add_column(col, justify="right")
    for r in rows:
        status = r["status"] or "?"
        style = {"completed": "green", "failed": "red", "running": "yellow"}.get(status)
        table.add_row(
            r["run_id"], f"[{style}]{status}[/]" if style else status,
            "" if r["seconds"] is None else f"{r['seconds']:.1f}",
            *("" if r[k] is None else str(r[k]) for k in
              ("articles", "skipped", "claims", "embedded", "discrepancies", "new_discrepancies", "resolved_discrepancies")),
        )
    console.print(table)
