"""`crosscheck serve SOURCE --every …` against a real server: a scheduled run must really happen.

Health checks and ad-hoc runs look fine even when the server's scheduler is broken (it was,
silently, with SQLAlchemy 2.1), so the only proof is a flow run that the scheduler created
(auto_scheduled) and the served process executed to completion, with its report on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from crosscheck.cli_schedule import deployment_name, parse_every
from tests.conftest import EXAMPLES
from tests.test_prefect_server import die_with_parent, drain_to_server, on_server, prefect_server  # noqa: F401

WAIT_S = 300


def test_parse_every_and_names():
    assert parse_every("15m").total_seconds() == 900
    assert parse_every("1h30m").total_seconds() == 5400
    assert parse_every("45").total_seconds() == 45
    for bad in ("5s", "soon", "15 minutes", "10x"):
        with pytest.raises(ValueError):
            parse_every(bad)
    assert deployment_name("/data/inbox/", parse_every("15m"), None) == "inbox-every-15m"
    assert deployment_name("https://example.org/rss", None, "*/5 * * * *") == "rss-cron"


def test_local_schedule_times():
    """Without a server serve keeps the schedule itself: interval from the last start, cron next."""
    import datetime as dt

    from flows.serve import next_time

    start = dt.datetime(2025, 4, 8, 10, 7, 30, tzinfo=dt.timezone.utc)
    assert next_time(start, dt.timedelta(minutes=15), None) == start + dt.timedelta(minutes=15)
    nxt = next_time(start, None, "*/5 * * * *")
    now = dt.datetime.now().astimezone()
    assert nxt > now - dt.timedelta(seconds=1) and nxt - now <= dt.timedelta(minutes=5)
    assert nxt.minute % 5 == 0 and nxt.second == 0


def test_serve_rejects_bad_arguments_in_one_line(tmp_path):
    import typer
    from typer.testing import CliRunner

    from crosscheck.cli_schedule import register

    app = typer.Typer()
    register(app)
    out = str(tmp_path / "out")
    cases = {
        ("serve", str(EXAMPLES), "--out", out): "exactly one of --every",
        ("serve", str(EXAMPLES), "--out", out, "--every", "1m", "--cron", "* * * * *"): "exactly one of --every",
        ("serve", str(EXAMPLES), "--out", out, "--cron", "every day"): "not a cron expression",
        ("serve", str(tmp_path / "nope"), "--out", out, "--every", "1m"): "no such folder or feed file",
        ("serve", str(EXAMPLES), "--out", out, "--every", "1m", "--fail-on", "huge"): "unknown severity huge",
        ("serve", str(EXAMPLES), "--out", out, "--every", "1m", "--task-runner", "ray"): "unknown runner 'ray'",
        ("history", "--db", str(tmp_path / "none.duckdb")): "no such DuckDB file",
    }
    for args, expected in cases.items():
        got = CliRunner().invoke(app, list(args))
        assert got.exit_code == 2, (args, got.output)
        assert expected in got.output and "Traceback" not in got.output, (args, got.output)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: serve pauses its schedule and exits
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


@pytest.mark.server
def test_served_deployment_runs_on_schedule(on_server, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName, FlowRunFilter
    from prefect.client.schemas.filters import FlowRunFilterDeploymentId

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(sorted(EXAMPLES.glob("*.md"))[0], inbox)  # one article: a fast run, no conflict
    out = tmp_path / "out"
    env = on_server.env()
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "2"
    log = tmp_path / "serve.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crosscheck.cli", "serve", str(inbox), "--out", str(out), "--every", "10s",
             "--name", "schedule-test"],
            env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path,
            preexec_fn=die_with_parent,
        )
    done = None
    try:
        deadline = time.monotonic() + WAIT_S
        with get_client(sync_client=True) as client:
            while done is None and time.monotonic() < deadline:
                assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
                deps = client.read_deployments(
                    deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=["schedule-test"])))
                if deps:
                    runs = client.read_flow_runs(
                        flow_run_filter=FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[deps[0].id])))
                    done = next((r for r in runs if r.state and r.state.is_final()), None)
                if done is None:
                    time.sleep(2)
            assert deps, "serve never registered the deployment: " + log.read_text(errors="replace")[-3000:]
            assert deps[0].schedules and deps[0].schedules[0].schedule.interval.total_seconds() == 10
            assert deps[0].parameters["articles_dir"] == str(inbox.resolve())
    finally:
        _stop(proc)
        drain_to_server()
    assert done is not None, f"no scheduled run finished in {WAIT_S} s: " + log.read_text(errors="replace")[-3000:]
    assert done.auto_scheduled, "the run was not created by the server's scheduler"
    assert done.state.type.value == "COMPLETED", (done.state, log.read_text(errors="replace")[-3000:])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(out / "crosscheck.duckdb"), read_only=True) as con:
        statuses = dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    assert statuses.get(report["run_id"]) == "completed"
