#!/usr/bin/env python3
"""Precision and recall against the alignment threshold, on the dev set.

    calibrate.py [DEV_DIR] [--db FILE] [--thresholds 0.5,0.6,...]

All dev clusters go into one folder (as a newsroom feed would) and through ingest,
extraction and embedding once; then alignment and judgement are re-run for each threshold
on the same store and scored with the evaluation scorer (../shared/eval/score.py). One line
per threshold: the threshold, pairs aligned, discrepancies, P, R, F1 and flagged traps.
The value chosen for crosscheck.config.ALIGN_MIN_SIMILARITY is read off this table.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck import align, pipeline  # noqa: E402
from crosscheck.reports import json as report_json  # noqa: E402
from crosscheck.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev", nargs="?", default=str(SHARED / "eval" / "dev"))
    ap.add_argument("--db", help="DuckDB file to (re)use; embeddings are cached in it")
    ap.add_argument("--thresholds", default="0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9,0.95")
    args = ap.parse_args()
    dev = Path(args.dev)
    scorer = load_scorer(dev.parent / "score.py")
    labels = scorer.load_labels(dev)
    folder = Path(tempfile.mkdtemp(prefix="calib-"))
    for f in dev.glob("*/articles/*"):
        shutil.copy(f, folder / f.name)
    db = Path(args.db) if args.db else folder / "calib.duckdb"
    with Store(db) as st:
        run_id = pipeline.new_run_id()
        st.start_run(run_id, str(folder))
        plan = pipeline.plan_ingest(st, folder, run_id)
        pipeline.parse_and_extract(st, plan.changed)
        pipeline.embed_missing(st)
        align.assign_events(st)
        print("threshold pairs disc     P     R    F1  traps")
        for t in (float(x) for x in args.thresholds.split(",")):
            st.con.execute("DELETE FROM discrepancies")
            n = align.candidate_pairs(st, t)
            d = pipeline.judge_pairs(st, run_id)
            s = scorer.score(labels, report_json.build_report(st, run_id))
            print(f"{t:9.2f} {n:5d} {d:4d} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f} "
                  f"{s['hard_negatives_flagged']:3d}/{s['hard_negatives']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
