"""A run killed with SIGKILL during embedding resumes from the store and writes the same report
as an uninterrupted run; the same articles twice give the same report.

The kill point is made deterministic without any hook in the product: the killed run gets a
``sitecustomize`` (written here, at test time) that lets the store commit half of the first
embedding batch and then sends SIGKILL to its own process: exactly a `kill -9` arriving in the
middle of embedding, after some vectors are durable and before the rest exist.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import duckdb
import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.e2e

CLI = str(ROOT / ".venv" / "bin" / "crosscheck")
VOLATILE = ("run_id", "generated_at")
# Run history, different by design on a second run over the same store: each discrepancy's
# "status" (new -> open) and the top-level "previous_run_id". Compared separately below.
HISTORY = ("previous_run_id",)
HISTORY_PER_DISCREPANCY = ("status",)

KILL_HOOK = textwrap.dedent(
    """
    import os, signal, sys
    if os.environ.get("CROSSCHECK_TEST_KILL_IN_EMBEDDING") and sys.argv and sys.argv[0].endswith("crosscheck"):
        import crosscheck.store as _store

        _real = _store.Store.put_embeddings

        def _put_then_die(self, hashes, vectors, model):
            half = max(1, len(hashes) // 2)
            _real(self, hashes[:half], vectors[:half], model)
            import json, psutil
            children = [p.pid for p in psutil.Process().children(recursive=True)]
            with open(os.environ["CROSSCHECK_TEST_KILL_IN_EMBEDDING"], "w") as fh:
                json.dump({"stored": half, "children": children}, fh)
            os.kill(os.getpid(), signal.SIGKILL)

        _store.Store.put_embeddings = _put_then_die
    """
)


def _chain_hook(hook_dir: Path) -> dict[str, str]:
    """Environment that loads our sitecustomize first; any existing PYTHONPATH stays after it."""
    (hook_dir / "sitecustomize.py").write_text(KILL_HOOK)
    rest = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(hook_dir) + (os.pathsep + rest if rest else "")}


def _run(articles: Path, out: Path, db: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Output goes to files, not pipes: a killed run's orphaned children would hold a pipe open
    and keep the test waiting for its end."""
    log = out.parent / f"{out.name}-{len(list(out.parent.glob(out.name + '-*.log')))}.log"
    with open(log, "w+") as fh:
        proc = subprocess.run(
            [CLI, "run", str(articles), "--out", str(out), "--db", str(db), "-q"],
            stdout=fh, stderr=subprocess.STDOUT, text=True, timeout=900, env={**os.environ, **(env or {})},
        )
        fh.seek(0)
        proc.stderr = fh.read()
    return proc


def _stable(report_path: Path, *roots: Path, history: bool = False) -> dict:
    """The report without its per-run fields; output folders written as one placeholder."""
    text = report_path.read_text(encoding="utf-8")
    for root in roots:
        text = text.replace(str(root), "<out>")
    report = json.loads(text)
    for key in VOLATILE:
        report.pop(key)
    if history:
        for key in HISTORY:
            report.pop(key, None)
        for d in report["discrepancies"]:
            for key in HISTORY_PER_DISCREPANCY:
                d.pop(key, None)
    return report


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _reap_orphans(marker: Path) -> None:
    """SIGKILL leaves the run's ephemeral Prefect server behind: stop exactly those processes."""
    if not marker.is_file():
        return
    import psutil

    for pid in json.loads(marker.read_text())["children"]:
        try:
            proc = psutil.Process(pid)
            proc.terminate()
            proc.wait(timeout=10)
        except psutil.NoSuchProcess:
            pass
        except psutil.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("crash")
    articles = base / "articles"
    shutil.copytree(EXAMPLES, articles)
    plain_out, crash_out = base / "plain", base / "crashed"
    plain_db, crash_db = plain_out / "store.duckdb", crash_out / "store.duckdb"

    first = _run(articles, plain_out, plain_db)
    first_report = plain_out / "report.json"
    first_copy = base / "first.json"
    shutil.copy(first_report, first_copy)
    again = _run(articles, plain_out, plain_db)

    hook = base / "hook"
    hook.mkdir()
    marker = base / "killed-after"
    env = {**_chain_hook(hook), "CROSSCHECK_TEST_KILL_IN_EMBEDDING": str(marker)}
    killed = _run(articles, crash_out, crash_db, env)
    _reap_orphans(marker)
    stored_at_kill = _count(crash_db, "embeddings")
    report_after_kill = (crash_out / "report.json").exists()
    resumed = _run(articles, crash_out, crash_db)
    return {
        "report_after_kill": report_after_kill,
        "first": first, "again": again, "killed": killed, "resumed": resumed, "marker": marker,
        "stored_at_kill": stored_at_kill, "first_copy": first_copy, "plain_out": plain_out,
        "crash_out": crash_out, "plain_db": plain_db, "crash_db": crash_db,
    }


def test_uninterrupted_runs_succeed(runs):
    for name in ("first", "again"):
        assert runs[name].returncode in (0, 1), runs[name].stderr[-3000:]


def test_the_kill_happened_during_embedding(runs):
    assert runs["killed"].returncode == -9, runs["killed"].stderr[-3000:]
    assert runs["marker"].is_file()
    assert 0 < runs["stored_at_kill"] < _count(runs["plain_db"], "embeddings")
    assert not runs["report_after_kill"]


def test_resumed_run_writes_the_same_report(runs):
    assert runs["resumed"].returncode == runs["first"].returncode, runs["resumed"].stderr[-3000:]
    plain = _stable(runs["first_copy"], runs["plain_out"])
    resumed = _stable(runs["crash_out"] / "report.json", runs["crash_out"])
    assert resumed == plain


def test_resumed_store_matches_an_uninterrupted_one(runs):
    for table in ("articles", "claims", "embeddings", "discrepancies"):
        assert _count(runs["crash_db"], table) == _count(runs["plain_db"], table), table


def test_same_articles_twice_give_the_same_report(runs):
    first = _stable(runs["first_copy"], runs["plain_out"], history=True)
    again = _stable(runs["plain_out"] / "report.json", runs["plain_out"], history=True)
    assert again == first
    raw_first = json.loads(runs["first_copy"].read_text())
    raw_again = json.loads((runs["plain_out"] / "report.json").read_text())
    assert raw_first["run_id"] != raw_again["run_id"]  # it really was a second run
    changes = json.loads((runs["plain_out"] / "changes.json").read_text())
    assert changes["new"] == [] and changes["resolved"] == []  # nothing new the second time
