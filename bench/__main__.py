"""``python -m bench``: corpus sizes, alignment scaling, backends, cold run -> results + table.

Examples:
  python -m bench                       # 100, 1,000 and 5,000 articles and the 500,000-claim store
  python -m bench --large-claims 0      # without the large store (incremental_500k_s)
  python -m bench --sizes 100,1000      # skip the largest corpus
  python -m bench --smoke               # 20 articles, small alignment sizes: the CI check

Each corpus size runs in its own process (``bench/full.py``) with a time limit, so one slow
size is reported as such instead of stalling the rest. The last line printed is the summary
the issue asks for.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import alignment, backends, cold, report
from bench.measure import loadavg, machine

HERE = Path(__file__).resolve().parent


def _sizes(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def _child(cmd: list[str], limit_s: float, ident: dict[str, Any]) -> dict[str, Any]:
    """A benchmark module in a child process (its memory stays out of this one), killed after
    ``limit_s``: its BENCH_RESULT line, or the timeout, or its last error line."""
    env = dict(os.environ, PREFECT_LOGGING_LEVEL="WARNING", TOKENIZERS_PARALLELISM="false",
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit_s, env=env, cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return {**ident, "timeout_s": limit_s}
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line[len("BENCH_RESULT "):])
    return {**ident, "error": (done.stderr.strip().splitlines() or ["no output"])[-1][:400]}


def _full(n: int, work: Path, seed: int, incremental: bool, limit_s: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.full", "--n", str(n), "--work", str(work / f"full-{n}"), "--seed", str(seed)]
    if incremental:
        cmd.append("--incremental")
    return _child(cmd, limit_s, {"n": n})


def _large(n_claims: int, work: Path, limit_s: float) -> dict[str, Any]:
    """bench/large.py in a child process: its store and peak RSS stay out of this one."""
    cmd = [sys.executable, "-m", "bench.large", "--claims", str(n_claims), "--work", str(work / "large")]
    return _child(cmd, limit_s, {"claims": n_claims})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description="crosscheck benchmark")
    ap.add_argument("--sizes", type=_sizes, default=[100, 1000, 5000], help="corpus sizes, e.g. 100,1000")
    ap.add_argument("--align-sizes", type=_sizes, default=[1000, 10000, 100000], help="claim counts")
    ap.add_argument("--incremental-size", type=int, default=1000,
                    help="the size whose store gets +1%% new articles (default 1000, else the largest)")
    ap.add_argument("--smoke", action="store_true", help="20 articles, alignment at 500/2,000, one cold run")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-run measurement")
    ap.add_argument("--no-backends", action="store_true", help="skip the torch/ONNX/int8 comparison")
    ap.add_argument("--large-claims", type=int, default=None,
                    help="claims in the large store for incremental_500k_s (default 500000; 0 skips it; "
                         "with --update, only when given)")
    ap.add_argument("--large-limit", type=float, default=None,
                    help="seconds allowed for sizes above 1,000 (default: --limit)")
    ap.add_argument("--limit", type=float, default=3600.0, help="seconds allowed per corpus size")
    ap.add_argument("--align-limit", type=float, default=600.0, help="seconds allowed per alignment stage")
    ap.add_argument("--update", action="store_true",
                    help="re-measure only the --sizes corpora into the existing results file, keeping "
                         "its other numbers (each corpus entry records when it was measured)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--results", type=Path, default=HERE / "results.json")
    ap.add_argument("--markdown", type=Path, default=HERE.parent / "BENCHMARKS.md")
    args = ap.parse_args(argv)
    if args.smoke:
        args.sizes, args.align_sizes, args.incremental_size = [20], [500, 2000], 20
        args.no_backends = True
        args.large_claims = 3000
    work = args.work or Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    inc = args.incremental_size if args.incremental_size in args.sizes else max(args.sizes)

    results: dict[str, Any] = {"machine": machine(), "args": {
        "sizes": args.sizes, "align_sizes": args.align_sizes, "incremental_size": inc, "seed": args.seed,
        "smoke": args.smoke, "limit_s": args.limit}}
    results["corpus"] = []
    if args.update and args.results.is_file():
        old = json.loads(args.results.read_text(encoding="utf-8"))
        results = {**old, "machine": {**old["machine"], "updated": results["machine"]["date"]}}
        results["corpus"] = [c for c in old.get("corpus", []) if c.get("n") not in args.sizes]
        args.no_backends = args.no_cold = True
        args.large_claims = args.large_claims or 0
    if args.large_claims is None:
        args.large_claims = 500_000

    soak = HERE / "soak.json"  # scripts/soak.py's figures (an hour's run, not part of make bench)
    if soak.is_file():
        results["soak"] = json.loads(soak.read_text(encoding="utf-8"))

    def save() -> None:
        """Written after every phase, so a long run interrupted late still leaves its numbers."""
        results["machine"]["loadavg_end"] = loadavg()
        results["corpus"].sort(key=lambda c: c.get("n", 0))
        results["summary"] = report.summary(results)
        results["holding_back"] = report.holding_back(results)
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        args.markdown.write_text(report.markdown(results), encoding="utf-8")

    small = [n for n in args.sizes if n <= 1000]
    for n in small:
        print(f"bench: full run, {n} articles ...", file=sys.stderr, flush=True)
        results["corpus"].append({**_full(n, work, args.seed, n == inc, args.limit), "measured": machine()["date"]})
        save()
    if not args.update:
        print("bench: alignment scaling ...", file=sys.stderr, flush=True)
        results["alignment"] = alignment.run(work / "align", args.align_sizes, args.align_limit)
        save()
    if not args.no_backends:
        print("bench: embedding backends ...", file=sys.stderr, flush=True)
        results["backends"] = backends.run(work / "backends", sample=2000)
        save()
    if not args.no_cold:
        print("bench: cold run ...", file=sys.stderr, flush=True)
        results["cold"] = cold.run(work / "cold", repeats=1 if args.smoke else 2, breakdown=not args.smoke)
        save()
    if args.large_claims:
        print(f"bench: incremental run on a {args.large_claims}-claim store ...", file=sys.stderr, flush=True)
        results["large"] = {**_large(args.large_claims, work, args.limit), "measured": machine()["date"]}
        save()
    for n in [n for n in args.sizes if n > 1000]:  # last: the slowest, and least needed for targets
        print(f"bench: full run, {n} articles ...", file=sys.stderr, flush=True)
        results["corpus"].append({**_full(n, work, args.seed, n == inc, args.large_limit or args.limit),
                                  "measured": machine()["date"]})
        save()
    print(report.final_line(results["summary"]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
