"""Cold runs: ``crosscheck run`` on 5 articles from process start to exit, and where it goes.

The total is timed on the real command in a fresh process (twice: the first also pays a cold
OS file cache). The breakdown comes from a second kind of process that imports the same
modules step by step and wraps the stage functions and Prefect's temporary-server start with
timers, so the report can say what dominates: imports, the server, model loading or work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false")
    return env


def cold_total(work: Path, articles: Path = EXAMPLES) -> dict[str, Any]:
    out = work / "cold-out"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "crosscheck.cli", "run", str(articles), "--out", str(out), "--quiet"]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    wall = time.perf_counter() - t0
    ok = done.returncode in (0, 1) and (out / "report.json").is_file()
    row: dict[str, Any] = {"wall_s": round(wall, 3), "exit": done.returncode, "ok": ok, "loadavg": round(os.getloadavg()[0], 2)}
    if not ok:
        row["error"] = (done.stderr.strip().splitlines() or ["no output"])[-1][:300]
    return row


def cold_breakdown(work: Path, articles: Path = EXAMPLES) -> dict[str, Any]:
    out = work / "cold-probe-out"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "bench.coldprobe", str(articles), str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line[len("BENCH_RESULT "):])
    return {"error": (done.stderr.strip().splitlines() or ["no output"])[-1][:300]}


def run(work: Path, repeats: int = 2, breakdown: bool = True) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    runs = [cold_total(work) for _ in range(repeats)]
    good = [r["wall_s"] for r in runs if r["ok"]]
    return {"articles": len(list(EXAMPLES.iterdir())), "runs": runs, "cold_s": min(good) if good else None,
            "breakdown": cold_breakdown(work) if breakdown else {}}
