"""Soak: `crosscheck serve` against a real Prefect server for hundreds of scheduled runs.

    python scripts/soak.py --runs 200 --every 15s --max-minutes 100

What a scheduled deployment must survive in a newsroom: runs every few seconds for an hour,
articles arriving the whole time, and the server going away once (restarted midway). The
script starts a Prefect server on 127.0.0.1 (own PREFECT_HOME, free port), starts
`crosscheck serve INBOX` against it, writes one generated article (bench/corpus.py) into the
inbox every interval, restarts the server after half the runs, stops feeding near the end
and waits for the last runs, then prints:

    runs scheduled / completed / failed (and crashed, still pending), articles written to the
    inbox vs stored in the DuckDB file, and the serving process's resident memory at the start
    and at the end (plus the largest run subprocess seen).

Bounded in time (--max-minutes) and count (--runs); loopback only. Not part of `make test`.
Every process it starts it stops (by process group id) on exit, also on Ctrl-C.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

SEED_ARTICLES = 20  # the inbox before the first run: a few events, so runs have pairs to judge


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(url: str, path: str, body: dict | None = None) -> object:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{url}{path}", data=data, method="POST" if body is not None else "GET",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def _healthy(url: str) -> bool:
    try:
        return _api(url, "/health") is True
    except (OSError, ValueError):
        return False


def rss_mb(pid: int) -> float | None:
    """Resident memory of one process (Linux /proc), None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    """Direct and indirect children of pid (the served flow-run subprocesses)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            kids = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        out.extend(int(k) for k in kids)
        todo.extend(int(k) for k in kids)
    return out


class Server:
    """`prefect server start` on one loopback port and home, restartable on the same ones."""

    def __init__(self, home: Path, port: int) -> None:
        self.home, self.port = home, port
        self.url = f"http://127.0.0.1:{port}/api"
        self.proc: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                   PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(self.port),
                   PREFECT_API_URL=self.url, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        return env

    def start(self, timeout_s: float = 120) -> None:
        prefect = Path(sys.executable).with_name("prefect")
        env = self.env()
        env.pop("PREFECT_API_URL")
        with (self.home / "server.log").open("ab") as log:
            self.proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port",
                                          str(self.port)], env=env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + timeout_s
        while not _healthy(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"soak: prefect server did not start (see {self.home / 'server.log'})")
            time.sleep(0.5)

    def stop(self) -> None:
        stop_group(self.proc)


def stop_group(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop a process this script started, with its children (its own process group)."""
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def run_counts(url: str) -> dict[str, int]:
    """Flow runs by state type, as the server has them."""
    counts = {}
    for state in ("SCHEDULED", "PENDING", "RUNNING", "COMPLETED", "FAILED", "CRASHED", "CANCELLED", "CANCELLING",
                  "PAUSED"):
        body = {"flow_runs": {"state": {"type": {"any_": [state]}}}}
        counts[state.lower()] = int(_api(url, "/flow_runs/count", body))  # type: ignore[arg-type]
    body = {"flow_runs": {"expected_start_time": {"before_": _now_iso()}}}
    counts["due"] = int(_api(url, "/flow_runs/count", body))  # type: ignore[arg-type]
    return counts


def _now_iso() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).isoformat()


def stored_articles(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/soak.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=200, help="completed or failed runs to reach")
    ap.add_argument("--every", default="15s", help="serve's interval (at least 10s)")
    ap.add_argument("--max-minutes", type=float, default=100.0, help="hard time bound")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "soak.json",
                    help="where the figures go (BENCHMARKS.md shows them at the next `make bench`)")
    args = ap.parse_args(argv)
    from crosscheck.cli_schedule import parse_every

    interval = parse_every(args.every).total_seconds()
    work = args.work or Path(tempfile.mkdtemp(prefix="crosscheck-soak-"))
    inbox, out, home = work / "inbox", work / "out", work / "prefect"
    for d in (inbox, out, home):
        d.mkdir(parents=True, exist_ok=True)
    pool = corpus.generate(SEED_ARTICLES + int(args.max_minutes * 60 / interval) + 10, seed=31)
    corpus.write(inbox, pool[:SEED_ARTICLES])
    written = SEED_ARTICLES

    server = Server(home, _free_port())
    serve: subprocess.Popen | None = None
    t0 = time.monotonic()
    deadline = t0 + args.max_minutes * 60
    stats: dict[str, object] = {"every_s": interval, "runs_target": args.runs, "work": str(work)}
    try:
        server.start()
        env = server.env()
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        serve = subprocess.Popen(
            [sys.executable, "-c", "from crosscheck.cli import main; main()", "serve", str(inbox), "--out", str(out),
             "--every", args.every, "--fail-on", "none", "--name", "soak"],
            env=env, cwd=str(ROOT), stdout=(work / "serve.log").open("wb"), stderr=subprocess.STDOUT,
            start_new_session=True)
        time.sleep(5)
        stats["serve_rss_start_mb"] = rss_mb(serve.pid)
        max_child, restarted, feeding, last_feed = 0.0, False, True, time.monotonic()
        counts: dict[str, int] = {}
        finished_when_fed = None
        while time.monotonic() < deadline:
            time.sleep(2)
            if serve.poll() is not None:
                stats["serve_exited"] = serve.returncode
                break
            for kid in children(serve.pid):
                max_child = max(max_child, rss_mb(kid) or 0.0)
            if feeding and time.monotonic() - last_feed >= interval and written < len(pool):
                corpus.write(inbox, [pool[written]])
                written += 1
                last_feed = time.monotonic()
            try:
                counts = run_counts(server.url)
            except OSError:
                continue
            done = counts["completed"] + counts["failed"] + counts["crashed"]
            if not restarted and done >= args.runs // 2:
                print(f"soak: {done} runs done after {(time.monotonic() - t0) / 60:.1f} min; restarting the server",
                      flush=True)
                server.stop()
                time.sleep(interval)  # the serving process sees the server gone for a full interval
                server.start()
                restarted = True
                stats["restarted_after_runs"] = done
                continue
            if feeding and done >= args.runs - 3:
                feeding, finished_when_fed = False, done  # the last runs see every article written
            if not feeding and finished_when_fed is not None and done >= max(args.runs, finished_when_fed + 2):
                break
            if int(time.monotonic() - t0) % 120 < 2:
                print(f"soak: {(time.monotonic() - t0) / 60:.1f} min, {written} articles written, runs {counts}",
                      flush=True)
        stats["serve_rss_end_mb"] = rss_mb(serve.pid)
        stats["largest_run_subprocess_rss_mb"] = round(max_child, 1)
        stats["minutes"] = round((time.monotonic() - t0) / 60, 1)
        stats["runs"] = counts
        stats["server_restarted"] = restarted
    finally:
        stop_group(serve, signal.SIGINT)
        server.stop()
    db = out / "crosscheck.duckdb"
    stats["articles_in"] = written
    stats["articles_stored"] = stored_articles(db) if db.exists() else 0
    c = stats.get("runs") or {}
    import datetime as dt

    stats["date"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    stats["loadavg_end"] = round(os.getloadavg()[0], 2)
    args.results.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    print("SOAK_RESULT " + json.dumps(stats), flush=True)
    print(f"runs scheduled (due) {c.get('due')} / completed {c.get('completed')} / failed {c.get('failed')}"
          f" / crashed {c.get('crashed')}; articles in {written} vs stored {stats['articles_stored']};"
          f" serve RSS start {stats.get('serve_rss_start_mb')} MB, end {stats.get('serve_rss_end_mb')} MB")
    if not args.keep and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
