"""One corpus size in its own process: full run by stage, incremental run, bare baseline.

Run as ``python -m bench.full --n 1000 --work DIR`` (``bench/__main__.py`` does it); prints one
JSON object. A process per size keeps peak RSS honest (it is the maximum over the life of a
process) and keeps one size's caches from helping the next.

The full run is the real Prefect flow, in process, after a warm-up run on 5 other articles:
the warm-up pays the one-off costs (temporary Prefect server, spaCy and model loading) that
the cold-run measurement reports separately, so ``end_to_end_ratio`` compares steady-state
work with steady-state model time. The baseline runs last, in the same process, on the same
article bodies: the full spaCy pipeline's ``nlp.pipe`` alone, then ``model.encode`` (the
reference sentence-transformers model, batch 64) of every sentence spaCy found.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from bench import corpus
from bench.measure import StageTimes, loadavg, peak_rss_mb, timed

STAGES = [
    ("crosscheck.pipeline", "plan_ingest", "ingest"),
    ("crosscheck.pipeline", "parse_and_extract", "parse+extract"),
    ("crosscheck.pipeline", "embed_missing", "embed"),
    ("crosscheck.pipeline", "align_claims", "align"),
    ("crosscheck.pipeline", "judge_pairs", "judge"),
    ("checks", "run_checkpoint", "validate (GX)"),
    ("crosscheck.pipeline", "write_reports", "reports"),
    ("crosscheck.pipeline", "finish", "finish"),
    ("flows.check_flow", "publish", "artifacts"),
]


def _flow(articles: Path, out: Path, db: Path) -> Any:
    from flows.check_flow import crosscheck_flow

    return crosscheck_flow(str(articles), str(out), str(db), ["high"], return_state=True)


def _timed_flow(articles: Path, out: Path, db: Path) -> dict[str, Any]:
    import importlib

    stages = StageTimes()
    restore = [stages.wrap(importlib.import_module(mod), attr, name) for mod, attr, name in STAGES]
    try:
        load0 = loadavg()
        with timed() as total:
            state = _flow(articles, out, db)
    finally:
        for undo in restore:
            undo()
    if state is not None and state.is_crashed():
        raise RuntimeError(f"flow crashed: {state.message}")
    counts = _counts(db)
    work = sum(stages.wall.values())
    return {
        "wall_s": round(total.wall, 3), "cpu_s": round(total.cpu, 3), "stages": stages.rounded(),
        "orchestration_s": round(total.wall - work, 3), "loadavg": [load0, loadavg()], **counts,
    }


def _counts(db: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": q("SELECT count(*) FROM articles"), "sentences": q("SELECT count(*) FROM sentences"),
                "claims": q("SELECT count(*) FROM claims"), "embeddings": q("SELECT count(*) FROM embeddings"),
                "pairs": q("SELECT count(*) FROM alignments"), "discrepancies": q("SELECT count(*) FROM discrepancies"),
                "events": q("SELECT count(DISTINCT event_id) FROM events")}
    finally:
        con.close()


def baseline(folder: Path, names: set[str]) -> dict[str, Any]:
    """Bare model time on the same bodies: spaCy's full pipeline, then MiniLM on its sentences."""
    import spacy

    from crosscheck import embed
    from crosscheck.ingest import read_folder
    from crosscheck.nlp.sentences import MODEL

    bodies = [a.body for a in read_folder(folder).articles if Path(a.path).name in names]
    nlp = spacy.load(MODEL)
    list(nlp.pipe(bodies[:8]))  # first-call allocations are not parsing time
    with timed() as parse:
        sents = [s.text.strip() for doc in nlp.pipe(bodies, batch_size=32) for s in doc.sents if s.text.strip()]
    model = embed._torch_model(embed.model_dir())
    model.encode(sents[:64], batch_size=64)
    load0 = loadavg()
    with timed() as enc:
        model.encode(sents, batch_size=64, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
    return {
        "parse_wall_s": round(parse.wall, 3), "parse_cpu_s": round(parse.cpu, 3),
        "encode_wall_s": round(enc.wall, 3), "encode_cpu_s": round(enc.cpu, 3),
        "wall_s": round(parse.wall + enc.wall, 3), "cpu_s": round(parse.cpu + enc.cpu, 3),
        "articles": len(bodies), "sentences": len(sents), "loadavg": [load0, loadavg()],
    }


def run(n: int, work: Path, seed: int, incremental: bool) -> dict[str, Any]:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from crosscheck.progress import PlainProgress, set_progress

    set_progress(PlainProgress(quiet=True))
    if work.exists():
        shutil.rmtree(work)
    articles = work / "articles"
    gen = corpus.generate(n + max(1, round(n * 0.01)), seed=seed)
    corpus.write(articles, gen[:n])
    warm = work / "warm"
    corpus.write(warm, corpus.generate(5, seed=seed + 1))
    result: dict[str, Any] = {"n": n, "seed": seed, "mean_sentences": round(sum(a.sentences for a in gen[:n]) / n, 2),
                              "mean_chars": round(sum(len(a.text) for a in gen[:n]) / n, 1)}
    with timed() as w:
        _flow(warm, work / "warm-out", work / "warm.duckdb")
    result["warmup_wall_s"] = round(w.wall, 3)
    db = work / "store.duckdb"
    result["full"] = _timed_flow(articles, work / "out", db)
    if incremental:
        new = gen[n:]
        corpus.write(articles, new)
        result["incremental"] = {"added": len(new), **_timed_flow(articles, work / "out", db)}
        result["incremental_ratio"] = round(result["incremental"]["wall_s"] / result["full"]["wall_s"], 4)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)  # before the baseline loads its own models
    result["baseline"] = baseline(articles, {a.name for a in gen[:n]})
    result["end_to_end_ratio"] = round(result["full"]["wall_s"] / result["baseline"]["wall_s"], 3)
    result["end_to_end_ratio_cpu"] = round(result["full"]["cpu_s"] / result["baseline"]["cpu_s"], 3)
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--incremental", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.n, args.work, args.seed, args.incremental)
    sys.stdout.write("BENCH_RESULT " + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
