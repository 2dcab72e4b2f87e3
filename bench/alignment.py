"""Alignment alone at growing claim counts, on a synthetic store, and its growth exponent.

Parsing 100k claims' worth of articles would take an hour, and alignment reads only the store,
so the store is filled directly: articles in events of 2-12 (as the corpus generator makes
them), ~15 claims an article split over the three kinds, and vectors shaped like real ones
(an article's lead near its event's direction; a claim near the direction of the fact it
reports, so claims about one fact in one event are similar and others are not).

Timed: ``pipeline.align_claims`` = event clustering (``event_pair_features.sql`` + sparse average linkage)
then ``candidate_pairs.sql``, each reported on its own so a missed target names its stage.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from bench.measure import loadavg, timed

CLAIMS_PER_ARTICLE = 15
DIM = 384



def _letters(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'ba': a letters-only spelling of n for synthetic names."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
        if n == 0:
            return out


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def build_store(path: Path, n_claims: int, seed: int = 11):
    """A store holding ``n_claims`` claims with embeddings; returns the open Store."""
    from crosscheck.store import Store

    rng = np.random.default_rng(seed)
    n_articles = max(2, n_claims // CLAIMS_PER_ARTICLE)
    sizes: list[int] = []
    while sum(sizes) < n_articles:
        sizes.append(int(min(12, max(2, rng.exponential(6)))))
    sizes[-1] -= sum(sizes) - n_articles
    if sizes[-1] < 1:
        sizes.pop()
    event_of = np.repeat(np.arange(len(sizes)), sizes)[:n_articles]
    n_articles = len(event_of)
    centre = _unit(rng.standard_normal((len(sizes), DIM)))
    lead = _unit(centre[event_of] + 0.6 * rng.standard_normal((n_articles, DIM)) / math.sqrt(DIM))
    facts_per_event = 12
    fact_dir = _unit(rng.standard_normal((len(sizes), facts_per_event, DIM)))
    art_of_claim = np.repeat(np.arange(n_articles), CLAIMS_PER_ARTICLE)[:n_claims]
    n_claims = len(art_of_claim)
    fact = rng.integers(0, facts_per_event, n_claims)
    ev = event_of[art_of_claim]
    base = _unit(0.6 * fact_dir[ev, fact] + 0.4 * centre[ev])
    vec = _unit(base + 0.6 * rng.standard_normal((n_claims, DIM)).astype(np.float32) / math.sqrt(DIM))
    kinds = np.where(fact < 8, "numeric", np.where(fact < 10, "date", "entity"))

    # News density is held fixed (20 articles a day): a larger store is a longer stretch of news.
    days = max(30, n_articles // 20)
    day0 = np.datetime64("2025-01-01")
    ev_day = rng.integers(0, days, len(sizes))
    pub = [str(day0 + int(ev_day[e]) + int(rng.integers(0, 2))) + "T09:00:00+00:00" for e in event_of]
    # Names must look like names (letters only) for event clustering's rare-name overlap.
    place = [f"Place{_letters(e)}" for e in range(len(sizes))]
    store = Store(path)
    aid = [f"a{i:07d}" for i in range(n_articles)]
    store.insert_frame("articles", pd.DataFrame({
        "article_id": aid, "content_hash": aid, "title": [f"Blast in {place[e]}" for e in event_of],
        "body": [f"Officials in {place[e]} said Governor Name{_letters(e)} visited {place[e]} on Friday." for e in event_of],
        "published": pub, "lead_text": aid, "lead_hash": [f"L{a}" for a in aid]}))
    store.insert_frame("events", pd.DataFrame({"article_id": aid, "event_id": [f"event-{e}" for e in event_of],
                                               "label": "-"}))
    cid = [f"c{i:08d}" for i in range(n_claims)]
    day = [pub[a][:10] if k == "date" else None for a, k in zip(art_of_claim, kinds)]
    store.insert_frame("claims", pd.DataFrame({
        "claim_id": cid, "article_id": [aid[a] for a in art_of_claim], "sentence_idx": 0, "kind": kinds,
        "quote": "1", "char_start": 0, "char_end": 1, "subject": [f"fact {f}" for f in fact],
        "low": rng.integers(1, 100, n_claims).astype(float), "low_date": day, "high_date": day,
        "embed_text": cid, "text_hash": [f"T{c}" for c in cid], "value_json": "{}"}))
    # The typed frame the match model reads; the context shares the claim's vector.
    no = np.zeros(n_claims, dtype=bool)
    store.insert_frame("claim_frames", pd.DataFrame({
        "claim_id": cid, "article_id": [aid[a] for a in art_of_claim], "measure": [f"fact {f}" for f in fact],
        "dimension": np.where(kinds == "date", "date", "count"), "value_base": 1.0, "context": cid,
        "context_hash": [f"T{c}" for c in cid], "unnamed": no, "counts_things": no, "restated": no,
        "background": no, "statement": no, "part": no, "hypothetical": no, "one_day": no, "additional": no,
        "other_incident": no, "zone_stated": no, "first_of_measure": no, "measure_count": 1}))
    store.put_embeddings([f"L{a}" for a in aid], lead, "bench")
    store.put_embeddings([f"T{c}" for c in cid], vec, "bench")
    return store


def time_stage(work: Path, n_claims: int, stage: str) -> dict[str, Any]:
    """One stage on a fresh store: ``events`` (clustering) or ``pairs`` (candidate pairs, on
    the generator's own events, so it is timed even when clustering is too slow to finish)."""
    from crosscheck import align

    db = work / f"align-{stage}-{n_claims}.duckdb"
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    with timed() as build:
        store = build_store(db, n_claims)
    try:
        load0 = loadavg()
        with timed() as t:
            if stage == "events":
                mapping = align.assign_events(store)
                found = {"articles": len(mapping), "events": len(set(mapping.values()))}
            else:
                found = {"pairs": align.candidate_pairs(store)}
    finally:
        store.close()
        db.unlink(missing_ok=True)
    return {"claims": n_claims, "build_s": round(build.wall, 2), "wall_s": round(t.wall, 3), "cpu_s": round(t.cpu, 3),
            "loadavg": [load0, loadavg()], **found}


def _in_child(work: Path, n_claims: int, stage: str, limit_s: float) -> dict[str, Any]:
    """Run a stage in a child process, killed after ``limit_s`` (reported, not waited for)."""
    import json
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "bench.alignment", str(work), str(n_claims), stage]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit_s)
    except subprocess.TimeoutExpired:
        return {"claims": n_claims, "timeout_s": limit_s}
    for line in done.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line[len("BENCH_RESULT "):])
    return {"claims": n_claims, "error": (done.stderr.strip().splitlines() or ["no output"])[-1][:300]}


def time_alignment(work: Path, n_claims: int, limit_s: float) -> dict[str, Any]:
    ev = _in_child(work, n_claims, "events", limit_s)
    cp = _in_child(work, n_claims, "pairs", limit_s)
    row: dict[str, Any] = {"claims": n_claims, "events": ev, "candidate_pairs": cp}
    if "wall_s" in ev and "wall_s" in cp:
        row["wall_s"] = round(ev["wall_s"] + cp["wall_s"], 3)
    return row


def exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) on log(claims): 1 is linear, 2 quadratic."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sxx, 3)


def run(work: Path, sizes: list[int], limit_s: float = 600.0) -> dict[str, Any]:
    """Every size, smallest first; once a stage hits the limit, larger sizes skip it and its
    time at each missing size is extrapolated from the measured ones (marked as such)."""
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    slow: set[str] = set()
    for n in sorted(sizes):
        row: dict[str, Any] = {"claims": n}
        for key, stage in (("events", "events"), ("candidate_pairs", "pairs")):
            row[key] = {"claims": n, "skipped": "a smaller size hit the limit"} if key in slow else \
                _in_child(work, n, stage, limit_s)
            if "wall_s" not in row[key]:
                slow.add(key)
        rows.append(row)
    out: dict[str, Any] = {"sizes": rows, "limit_s": limit_s}
    for key in ("events", "candidate_pairs"):
        pts = [(r["claims"], r[key]["wall_s"]) for r in rows if "wall_s" in r[key]]
        out[f"exponent_{key}"] = exponent(pts)
        k = out[f"exponent_{key}"]
        for r in rows:
            if "wall_s" not in r[key] and k is not None and pts:
                n0, t0 = pts[-1]
                r[key]["extrapolated_s"] = round(t0 * (r["claims"] / n0) ** k, 1)
    for r in rows:
        parts = [r[k].get("wall_s", r[k].get("extrapolated_s")) for k in ("events", "candidate_pairs")]
        r["wall_s"] = round(sum(parts), 3) if None not in parts else None
        r["extrapolated"] = any("wall_s" not in r[k] for k in ("events", "candidate_pairs"))
    out["exponent"] = exponent([(r["claims"], r["wall_s"]) for r in rows if r["wall_s"]])
    return out


if __name__ == "__main__":
    import json
    import sys

    result = time_stage(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
    sys.stdout.write("BENCH_RESULT " + json.dumps(result) + "\n")

