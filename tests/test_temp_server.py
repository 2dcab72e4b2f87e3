"""The early temporary Prefect server of a cold `crosscheck run`: when it starts, and that it
never outlives the process that started it (normal exit, or killed with SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import temp_server

ROOT = Path(__file__).resolve().parent.parent

STARTER = """
import os, sys, time
from flows import temp_server
server = temp_server.start_early()
server.wait_ready()
print(server.process.pid, os.environ["PREFECT_API_URL"], flush=True)
if sys.argv[1] == "hang":
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone for our purposes: it no longer serves anything
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.2)
    return False


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def test_not_wanted_once_prefect_is_imported(monkeypatch) -> None:
    import prefect  # noqa: F401  (settings are read at import: too late to point them elsewhere)

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert temp_server.wanted() is False


def test_not_wanted_with_a_configured_server_or_ephemeral_mode_off(monkeypatch) -> None:
    monkeypatch.setattr(sys, "modules", {k: v for k, v in sys.modules.items() if k != "prefect"})
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", raising=False)
    assert temp_server.wanted() is True
    monkeypatch.setenv("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "false")
    assert temp_server.wanted() is False
    monkeypatch.delenv("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE")
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert temp_server.wanted() is False


@pytest.mark.server
@pytest.mark.parametrize("how", ["exit", "sigkill"])
def test_server_never_outlives_its_process(tmp_path: Path, how: str) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", STARTER, "hang" if how == "sigkill" else "exit"],
        cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, text=True,
    )
    try:
        line = parent.stdout.readline().split()
        assert len(line) == 2, "the starter printed no server pid"
        pid, url = int(line[0]), line[1]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api")
        if how == "sigkill":
            assert _alive(pid)
            parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        assert _gone_within(pid, 15), f"temporary server {pid} survived its parent ({how})"
    finally:
        if parent.poll() is None:
            parent.kill()
