"""End to end on a real Prefect server: `prefect server start` on a free 127.0.0.1 port with its
own PREFECT_HOME, the flow run against it, its state, task runs and artifacts read back through
the Prefect client, and the server stopped at the end.

The server is shared: ``prefect_server`` starts it once per test session (test_schedule.py and
test_incremental.py import the fixture) and the last user to finish stops it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.server

START_TIMEOUT_S = 90


@dataclass
class Server:
    url: str  # the API url: http://127.0.0.1:PORT/api
    home: Path
    proc: subprocess.Popen
    log: Path

    def env(self) -> dict[str, str]:
        """Environment for a child process (CLI, served runs) that should use this server."""
        env = dict(os.environ)
        env.update(PREFECT_API_URL=self.url, PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        return env


_shared: dict[str, object] = {"server": None, "users": 0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
            return resp.status == 200 and json.loads(resp.read()) is True
    except (OSError, ValueError):
        return False


def die_with_parent() -> None:
    """preexec_fn: the child gets SIGTERM if the test process dies, even by SIGKILL (Linux),
    so a killed test run never leaves a server listening."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def start_server() -> Server:
    home = Path(tempfile.mkdtemp(prefix="crosscheck-prefect-"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_API_HOST="127.0.0.1",
        PREFECT_SERVER_API_PORT=str(port),
        # New deployments are scheduled by this loop; 5 s is Prefect's default, kept explicit
        # because the schedule test waits on it.
        PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS="5",
    )
    log = home / "server.log"
    prefect = Path(sys.executable).with_name("prefect")
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=die_with_parent,
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _healthy(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(Server(url, home, proc, log))
            pytest.fail(f"prefect server did not become healthy: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.5)
    return Server(url, home, proc, log)


def stop_server(server: Server) -> None:
    if server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGTERM)
        try:
            server.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.proc.pid, signal.SIGKILL)
            server.proc.wait(timeout=10)
    shutil.rmtree(server.home, ignore_errors=True)


@pytest.fixture(scope="session")
def prefect_server():
    """One real server for every module that asks; stopped when the last one is done."""
    if _shared["server"] is None:
        _shared["server"] = start_server()
    _shared["users"] = int(_shared["users"]) + 1
    server = _shared["server"]
    assert isinstance(server, Server)
    yield server
    _shared["users"] = int(_shared["users"]) - 1
    if _shared["users"] == 0:
        stop_server(server)
        _shared["server"] = None


@pytest.fixture
def on_server(prefect_server):
    """Flows run and clients created in this test talk to the real server."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server.url}):
        yield prefect_server
        drain_to_server()


def drain_to_server() -> None:
    """Send queued logs and events now: after the server stops they would be retried at exit."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10, at_exit=False)
    EventsWorker.drain_all(timeout=10, at_exit=False)


def test_flow_run_state_and_artifacts_on_server(on_server, model, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId

    from flows.artifacts import KEYS
    from flows.check_flow import crosscheck_flow

    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES, articles)
    out = tmp_path / "out"
    state = crosscheck_flow(str(articles), str(out), fail_on=["high"], return_state=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    high = [d for d in report["discrepancies"] if d["severity"] == "high"]

    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
        assert client.api_url.port == int(on_server.url.rsplit(":", 1)[1].split("/")[0])
        # The policy: a high-severity discrepancy fails the run; the server has that state.
        assert run.state.type.value == ("FAILED" if high else "COMPLETED")
        assert run.state.message == state.message
        assert run.name == "check articles"
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
        names = {t.name.rsplit("-", 1)[0] for t in tasks}
        assert {"read_articles", "ingest", "extract_claims", "embed", "align", "judge", "group_findings",
                "write_reports"} <= names
        assert all(t.state.type.value == "COMPLETED" for t in tasks), [(t.name, t.state.type) for t in tasks]
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run.id])))
    by_key = {a.key: a for a in artifacts}
    assert by_key[KEYS["summary"]].type == "markdown"
    assert report["run_id"] in (by_key[KEYS["summary"]].description or "")
    table = by_key[KEYS["table"]]
    assert table.type == "table"
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert len(rows) == len(report["findings"]) > 0  # one row per disputed subject
    assert sum(r["pairs"] for r in rows) == len(report["discrepancies"])
    assert KEYS["report_link"] in by_key  # the link to report.html
