"""Prefect's temporary API server, started at the first line of a cold `crosscheck run`.

Without a configured server (no ``PREFECT_API_URL``) Prefect starts a temporary one the first
time a flow needs the API (``prefect.server.api.server.SubprocessASGIServer``): it imports the
whole server app into this process (~2 s) and only then spawns uvicorn, which needs another
~5 s to import, migrate and answer ``/health``. On 2 cores that put ~7 s on the critical path
of a 5-article run (issue 8's cold-run target is 20 s).

Here the same uvicorn command, with the same environment Prefect gives it, starts before
Prefect, spaCy, torch and the model are imported, so the server's start-up runs on the other
core meanwhile. ``PREFECT_API_URL`` is set before ``import prefect``, so Prefect treats it as
a configured server and never imports the server app in this process. Nothing here imports
Prefect; the module only mirrors what Prefect would run, and steps aside (returns ``None``)
whenever Prefect would not start a temporary server itself, or when Prefect is already
imported (its settings are read once, at import).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

_FALSE = {"0", "false", "no", "off"}


@dataclass
class TemporaryServer:
    process: subprocess.Popen
    url: str  # the API url, ending in /api

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        """Block until ``/health`` answers 200; the flow's first API call needs it."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"temporary Prefect server exited with code {self.process.returncode}")
            with contextlib.suppress(OSError, urllib.error.URLError):
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        return
            time.sleep(0.1)
        raise RuntimeError(f"temporary Prefect server did not answer within {timeout_s:.0f} s")

    def stop(self) -> None:
        """What Prefect's own temporary server does at exit: terminate, then kill after 5 s."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_started: TemporaryServer | None = None


def wanted() -> bool:
    """Only where Prefect itself would start a temporary server, and before Prefect is imported."""
    if os.environ.get("PREFECT_API_URL") or "prefect" in sys.modules:
        return False
    return os.environ.get("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true").strip().lower() not in _FALSE


def _free_port() -> int:
    """A port the OS just handed out on 127.0.0.1 (Prefect picks a random one in 8000-8999)."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when this process dies, even by SIGKILL or an unhandled
    SIGTERM that skips ``atexit`` (Prefect's own temporary server is orphaned then)."""
    import ctypes
    import signal

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _prefect_dir() -> Path | None:
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def start_early() -> TemporaryServer | None:
    """Spawn the temporary server and point this process's Prefect at it; None if not wanted."""
    global _started
    if _started is not None or not wanted():
        return _started
    prefect_dir = _prefect_dir()
    if prefect_dir is None:
        return None
    port = _free_port()
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
         "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "error", "--lifespan", "on"],
        env=env,
        stdin=subprocess.DEVNULL,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    _started = TemporaryServer(process, f"http://127.0.0.1:{port}/api")
    atexit.register(_started.stop)
    os.environ["PREFECT_API_URL"] = _started.url
    return _started


def started() -> TemporaryServer | None:
    return _started
