"""A scheduled run on a large store: 500,000 claims (~33,000 articles) plus 50 real articles.

Run as ``python -m bench.large --claims 500000 --work DIR`` (``bench/__main__.py`` does it in a
child process with a time limit); prints one JSON object.

Parsing half a million claims' worth of articles would take hours, so the store is filled the
way the alignment benchmark fills it (bench/alignment.py: events of 2-12 articles, ~15 claims
an article, vectors shaped like real ones), then made whole enough for every stage to run as
on a real store: one sentence per article that each claim quotes at its offsets, numeric
claims with values (one outlet in ten off by half), and the current extraction fingerprint.
A first run over it (``prime``: events, alignment, judging and checks of everything) stands
for the runs that built the store. Then 50 generated articles (bench/corpus.py, real text that
spaCy parses) arrive and the incremental run is timed stage by stage.

The stages are called as the flow's tasks call them (crosscheck/pipeline.py, checks/), with
the source read as a feed is (no pruning), because the synthetic articles have no files; the
Prefect orchestration around them (~2 s a run, see the corpus runs) is not included.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np

from bench import alignment, corpus
from bench.measure import StageTimes, loadavg, peak_rss_mb, timed

ADDED = 50
STAGES = [
    ("crosscheck.pipeline", "plan_from", "ingest"),
    ("crosscheck.pipeline", "parse_and_extract", "parse+extract"),
    ("crosscheck.pipeline", "embed_missing", "embed"),
    ("crosscheck.align", "assign_events", "align: events"),
    ("crosscheck.align", "candidate_pairs", "align: candidate pairs"),
    ("crosscheck.pipeline", "judge_pairs", "judge"),
    ("checks", "run_checkpoint", "validate (GX)"),
    ("crosscheck.pipeline", "write_reports", "reports"),
    ("crosscheck.pipeline", "finish", "finish"),
]


def make_whole(store, seed: int = 13) -> None:
    """What the alignment store lacks for the later stages: sentences, quotes at their offsets,
    values, and the extraction fingerprint (else every article would be parsed again)."""
    from crosscheck import pipeline

    rng = np.random.default_rng(seed)
    con = store.con
    con.execute("INSERT INTO sentences SELECT article_id, 0, 0, length(body), body FROM articles")
    con.execute("UPDATE claims SET quote = 'Officials', char_start = 0, char_end = 9")
    n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    off = rng.random(n) < 0.1
    con.register("_values", {"rid": np.arange(n), "off": off})
    con.execute("""
        UPDATE claims SET low = v.value, high = v.value, unit = 'people', counted = claims.subject,
                          value_text = CAST(v.value AS VARCHAR)
        FROM (SELECT c.claim_id, (10 + 7 * CAST(substring(c.subject, 6) AS INTEGER))
                                 * CASE WHEN x.off THEN 1.5 ELSE 1 END AS value
              FROM (SELECT claim_id, subject, row_number() OVER (ORDER BY claim_id) - 1 AS rid FROM claims) c
              JOIN _values x USING (rid)) v
        WHERE claims.claim_id = v.claim_id AND claims.kind = 'numeric'""")
    con.unregister("_values")
    con.execute("INSERT OR REPLACE INTO extractions SELECT article_id, ? FROM articles",
                [pipeline.extraction_fingerprint()])


def one_run(store, folder: Path, out: Path) -> dict[str, Any]:
    """Every stage of a run, timed by stage; returns wall/cpu and the breakdown."""
    import importlib

    import checks
    from crosscheck import pipeline
    from crosscheck.ingest import read_folder

    stages = StageTimes()
    restore = [stages.wrap(importlib.import_module(mod), attr, name) for mod, attr, name in STAGES]
    load0 = loadavg()
    try:
        with timed() as total:
            run_id = pipeline.new_run_id()
            store.start_run(run_id, str(folder))
            plan = pipeline.plan_from(store, read_folder(folder), run_id, prune=False)
            pipeline.parse_and_extract(store, plan.changed)
            pipeline.embed_missing(store)
            pipeline.align_claims(store)
            pipeline.judge_pairs(store, run_id)
            outcome = checks.run_checkpoint(store.con, run_id, out)
            summary = pipeline.write_reports(store, run_id, out, outcome)
            pipeline.finish(store, run_id, plan, summary)
    finally:
        for undo in restore:
            undo()
    q = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
    return {"wall_s": round(total.wall, 3), "cpu_s": round(total.cpu, 3), "stages": stages.rounded(),
            "other_s": round(total.wall - sum(stages.wall.values()), 3), "loadavg": [load0, loadavg()],
            "added": len(plan.changed), "articles": q("SELECT count(*) FROM articles"),
            "claims": q("SELECT count(*) FROM claims"), "pairs": q("SELECT count(*) FROM alignments"),
            "discrepancies": summary["discrepancies"], "events": q("SELECT count(DISTINCT event_id) FROM events")}


def run(n_claims: int, work: Path, seed: int = 7) -> dict[str, Any]:
    import os

    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from crosscheck.progress import PlainProgress, set_progress

    set_progress(PlainProgress(quiet=True))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    folder = work / "inbox"
    folder.mkdir()
    result: dict[str, Any] = {"claims": n_claims, "added_articles": ADDED}
    with timed() as build:
        store = alignment.build_store(work / "large.duckdb", n_claims)
        make_whole(store)
    result["build_s"] = round(build.wall, 1)
    try:
        from crosscheck import embed

        embed.load_model()  # loading the model is the cold run's cost, not this run's
        print(f"bench.large: store built in {result['build_s']} s; first run over it ...", file=sys.stderr, flush=True)
        result["prime"] = one_run(store, folder, work / "out")
        print(f"bench.large: first run {result['prime']['wall_s']} s; incremental run ...", file=sys.stderr, flush=True)
        corpus.write(folder, corpus.generate(ADDED, seed=seed + 3))
        result["incremental"] = one_run(store, folder, work / "out")
    finally:
        store.close()
    result["incremental_s"] = result["incremental"]["wall_s"]
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=500_000)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--keep", action="store_true", help="keep the store (else removed at the end)")
    args = ap.parse_args(argv)
    result = run(args.claims, args.work)
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    sys.stdout.write("BENCH_RESULT " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
