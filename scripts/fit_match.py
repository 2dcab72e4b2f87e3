#!/usr/bin/env python3
"""Fit the match model on labelled clusters and report it on events it was not fitted on.

    fit_match.py [--sets DIR ...] [--write] [--db-dir DIR]

Each labelled set (a folder of cluster folders with labels.yaml, ../shared/eval/FORMAT.md) is
read, extracted and embedded once into its own store, with the cluster folders as the events
(the event stage is measured on its own). Every candidate pair of pair_features.sql is labelled
with the evaluation scorer's own matching (../shared/eval/score.py): a pair whose values
disagree is a positive when it matches a labelled conflict, a negative otherwise (the labels
list every conflict), and left out when it matches an `ignore` label. A logistic model per claim
kind is fitted on the disagreeing pairs.

What is evidence: leave one event out: for each cluster, the model is fitted on every other
cluster of every set and scored on that one with the product's own selection (mutual best by
probability, then the judge), through score.py. dev2's held-out figure is the one to quote:
the extractor's rules were written on dev and eval/extra.
Every event of every set is held out once; the report threshold of each kind is read off the
pooled held-out figures (the lowest threshold whose held-out precision for that kind reaches
--precision / --date-precision, else the most precise one).
Hand-read flags of real newswire (eval/real_flags, on ../shared/real/ecbplus) are fitted on too:
a real conflict or a difference worth showing is one quantity, a false alarm is not. Their
evidence is one reading sample held out at a time (fitted on the others): how many of its false
alarms and real conflicts the model still raises. In-sample figures are printed too, labelled as such. --write stores the weights fitted on all
sets, the thresholds and this provenance in crosscheck/data/match_weights.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import yaml  # noqa: E402

from crosscheck import align, judge, match, pipeline  # noqa: E402
from crosscheck.store import Store  # noqa: E402
from scripts.real_flags import flag_key, pair_key, read_key  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [SHARED / "eval" / "dev2", SHARED / "eval" / "dev", ROOT / "eval" / "extra"]
THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.95, 0.05)]
WEIGHTS = ROOT / "crosscheck" / "data" / "match_weights.json"
REAL_FLAGS = ROOT / "eval" / "real_flags" / "ecbplus_odd.yaml"
REAL_CORPUS = SHARED / "real" / "ecbplus" / "ecbplus_odd_topics.jsonl"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def gold_events(set_dir: Path) -> dict[str, str]:
    return {a.stem: f"gold-{c.name}" for c in sorted(set_dir.iterdir()) if (c / "articles").is_dir()
            for a in (c / "articles").iterdir()}


def read_into(db: Path, folder: Path, source: Path) -> Store:
    """A store with every article of ``folder`` ingested, extracted and embedded."""
    store = Store(db)
    run_id = pipeline.new_run_id()
    store.start_run(run_id, str(source))
    plan = pipeline.plan_ingest(store, folder, run_id)
    pipeline.parse_and_extract(store, plan.changed)
    pipeline.embed_missing(store)
    return store


def build_store(set_dir: Path, db: Path) -> Store:
    """Every article of the set in one store, events = cluster folders."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for art in set_dir.glob("*/articles/*"):
            (folder / art.name).write_bytes(art.read_bytes())
        store = read_into(db, folder, set_dir)
    mapping = gold_events(set_dir)
    store.con.execute("DELETE FROM events")
    store.insert_frame("events", pd.DataFrame({"article_id": list(mapping), "event_id": list(mapping.values()),
                                               "label": list(mapping.values())}))
    return store


def build_real_store(corpus: Path, db: Path) -> Store:
    """The real newswire corpus read by the whole pipeline up to alignment: events as the event
    stage finds them, the flags the readers labelled being pairs of those events."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
            for line in corpus.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                out.write(json.dumps({"id": doc["doc"].removesuffix(".xml"), "text": doc["text"], "url": doc["url"]}) + "\n")
        store = read_into(db, folder, corpus)
    pipeline.align_claims(store)
    return store


def real_pairs(store: Store, flags: list[dict]) -> pd.DataFrame:
    """The real corpus' candidate pairs labelled by the hand-read flags: a real conflict or a
    difference worth showing is one quantity (1), a false alarm is not (0); unread pairs -1."""
    pairs = pair_table(store, "real")
    read = {read_key(f): f for f in flags}
    keys = [pair_key(a, b) for a, b in zip(pairs.row_a, pairs.row_b)]
    found = [read.get(k) for k in keys]
    pairs["label"] = [-1 if f is None else int(f["label"] != "false") for f in found]
    pairs["sample"] = [None if f is None else f.get("sample", 1) for f in found]
    pairs["flag_key"] = keys
    return pairs


def real_raised(real: pd.DataFrame, flags: list[dict], models: dict[str, tuple[dict, float]],
                report_from: dict[str, float]) -> dict[str, list[int]]:
    """Of the read flags, how many of each label a model raises: {label: [read, raised]}."""
    raised = set()
    for kind in match.KINDS:
        sub = real[real.kind == kind]
        w, b = models[kind]
        raised.update(flag_key(d) for d in flagged(sub, probabilities(sub, w, b), report_from[kind]))
    out = {"real": [0, 0], "worth": [0, 0], "false": [0, 0]}
    for f in flags:
        out[f["label"]][0] += 1
        out[f["label"]][1] += read_key(f) in raised
    return out


def pair_table(store: Store, set_name: str) -> pd.DataFrame:
    """Every candidate pair with its features and both claim rows as the judge reads them."""
    # every event of the store is paired (alignment_scope.sql would pick only changed ones)
    store.con.execute("CREATE OR REPLACE TEMP TABLE _align_events AS SELECT DISTINCT event_id FROM events")
    align.pair_features(store)
    feats = store.con.execute("SELECT * FROM pair_features").df()
    store.con.execute("DELETE FROM alignments")
    store.con.execute("INSERT INTO alignments (claim_a, claim_b, kind, event_id, similarity) "
                      "SELECT claim_a, claim_b, kind, event_id, 0 FROM pair_features")
    rows = store.query("pairs_to_judge", {"judge_version": "fit"})  # no stored verdict has this key
    sentences = dict(((r[0], r[1]), r[2]) for r in store.con.execute(
        "SELECT article_id, sentence_idx, text FROM sentences").fetchall())
    claims_a, claims_b = [], []
    for rec in rows.to_dict("records"):
        a = {k[2:]: pipeline._clean(v) for k, v in rec.items() if k.startswith("a_")}
        b = {k[2:]: pipeline._clean(v) for k, v in rec.items() if k.startswith("b_")}
        for row in (a, b):
            row["sentence"] = sentences[(row["article_id"], int(row["sentence_idx"]))]
        claims_a.append(a)
        claims_b.append(b)
    keyed = pd.DataFrame({"claim_a": [a["claim_id"] for a in claims_a], "claim_b": [b["claim_id"] for b in claims_b],
                          "row_a": claims_a, "row_b": claims_b})
    out = feats.merge(keyed, on=["claim_a", "claim_b"])
    out["set"] = set_name
    out["cluster"] = out["event_id"].str.removeprefix("gold-")
    out["disagree"] = [judge.values_disagree(a, b) for a, b in zip(out.row_a, out.row_b)]
    return out


def _claim_json(row: dict) -> dict:
    return {"article_id": row["article_id"], "sentence": row["sentence"], "quote": row["quote"]}


def label(pairs: pd.DataFrame, labels: dict, scorer) -> pd.DataFrame:
    lab = []
    for a, b in zip(pairs.row_a, pairs.row_b):
        claims = [_claim_json(a), _claim_json(b)]
        if any(scorer.matches(x, claims) for x in labels["conflicts"]):
            lab.append(1)
        elif any(scorer.matches(x, claims) for x in labels["ignore"]):
            lab.append(-1)
        else:
            lab.append(0)
    pairs["label"] = lab
    return pairs


FEATURE_COLUMNS = [f"f_{f}" for f in match.FEATURES]


# Dates have a few dozen labelled conflicts, too few for every feature: their model uses the
# features that say which happening a date is of, and leaves value features (counts) out.
import os
DATE_FEATURES = tuple(os.environ.get("DATE_FEATURES", "cos_context,cos_subject,same_measure,value_gap,pub_gap,statement,background,other_one,other_both,zone_one,sentence_day_diff,both_first,measure_count,top_a,top_b,mutual,margin,same_verb").split(","))


def fit_kind(train: pd.DataFrame) -> tuple[dict[str, float], float]:
    """Logistic regression on standardised features, returned on the raw feature scale (the
    scale the SQL scores on)."""
    from sklearn.linear_model import LogisticRegression

    tr = train[train.disagree & (train.label >= 0)]
    used = [f for f in match.FEATURES if set(tr.kind) != {"date"} or f in DATE_FEATURES]
    x = tr[[f"f_{f}" for f in used]].to_numpy(dtype=float)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression(C=1.0, max_iter=5000).fit((x - mu) / sd, tr.label.to_numpy())
    w = dict(zip(used, model.coef_[0] / sd))
    b = float(model.intercept_[0] - np.sum(model.coef_[0] * mu / sd))
    return {f: round(float(w.get(f, 0.0)), 6) for f in match.FEATURES}, round(b, 6)


def probabilities(pairs: pd.DataFrame, weights: dict[str, float], intercept: float) -> np.ndarray:
    x = pairs[FEATURE_COLUMNS].to_numpy(dtype=float)
    z = x @ np.array([weights[f] for f in match.FEATURES]) + intercept
    return 1.0 / (1.0 + np.exp(-z))


def flagged(pairs: pd.DataFrame, p: np.ndarray, threshold: float) -> list[dict]:
    """The product's selection: mutual best by probability, the floor, then the judge."""
    t = pairs.assign(p=p)
    t = t[t.p >= 0]
    best_a = t.sort_values(["p", "claim_b"], ascending=[False, True]).drop_duplicates(["claim_a", "article_b"])
    best_b = t.sort_values(["p", "claim_a"], ascending=[False, True]).drop_duplicates(["claim_b", "article_a"])
    kept = best_a.merge(best_b[["claim_a", "claim_b"]], on=["claim_a", "claim_b"])
    kept = kept[kept.p >= match_floor()]
    out = []
    for rec in kept.itertuples():
        if judge.judge(rec.row_a, rec.row_b, float(rec.p), threshold).conflict:
            out.append({"kind": rec.kind, "claims": [_claim_json(rec.row_a), _claim_json(rec.row_b)]})
    return out


def match_floor() -> float:
    from crosscheck import config

    return config.ALIGN_MIN_MATCH


def score(scorer, labels: dict, discrepancies: list[dict], kind: str | None = None) -> tuple[int, int, int]:
    if kind is not None:
        labels = {k: [x for x in v if x.get("kind", kind) == kind] if k == "conflicts" else v for k, v in labels.items()}
        discrepancies = [d for d in discrepancies if d["kind"] == kind]
    s = scorer.score(labels, {"discrepancies": discrepancies})
    return s["tp"], s["fp"], s["fn"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", type=Path, default=DEFAULT_SETS)
    ap.add_argument("--precision", type=float, default=0.7, help="held-out precision the numeric threshold must reach")
    ap.add_argument("--date-precision", type=float, default=0.6,
                    help="held-out precision the date threshold must reach (dates have the fewest labels and "
                         "reach less; a missed date conflict costs the report its timeline)")
    ap.add_argument("--db-dir", type=Path, help="keep the stores here (re-used when present)")
    ap.add_argument("--real-flags", type=Path, default=REAL_FLAGS,
                    help="hand-read flags of real newswire (scripts/real_flags.py) to fit on too")
    ap.add_argument("--real-corpus", type=Path, default=REAL_CORPUS, help="the corpus those flags were read on")
    ap.add_argument("--write", action="store_true", help=f"write {WEIGHTS.relative_to(ROOT)}")
    args = ap.parse_args()
    scorer = load_scorer()
    db_dir = args.db_dir or Path(tempfile.mkdtemp(prefix="crosscheck-fit-"))
    db_dir.mkdir(parents=True, exist_ok=True)
    tables, labels_of = [], {}
    for set_dir in args.sets:
        db = db_dir / f"{set_dir.name}.duckdb"
        # a kept store is re-used as it is: delete it after changing the extraction
        store = Store(db) if db.exists() else build_store(set_dir, db)
        labels_of[set_dir.name] = (set_dir, scorer.load_labels(set_dir))
        tables.append(label(pair_table(store, set_dir.name), labels_of[set_dir.name][1], scorer))
        store.close()
        print(f"{set_dir.name}: {len(tables[-1])} candidate pairs, "
              f"{int(((tables[-1].label == 1) & tables[-1].disagree).sum())} disagreeing pairs match a conflict label",
              file=sys.stderr)
    pairs = pd.concat(tables, ignore_index=True)
    real = pairs.iloc[0:0].assign(sample=None)
    flags: list[dict] = []
    if args.real_flags.is_file() and args.real_corpus.is_file():
        flags = (yaml.safe_load(args.real_flags.read_text(encoding="utf-8")) or {}).get("flags", [])
        db = db_dir / "real.duckdb"
        store = Store(db) if db.exists() else build_real_store(args.real_corpus, db)
        real = real_pairs(store, flags)
        store.close()
        print(f"real: {len(real)} candidate pairs, {int((real.label >= 0).sum())} match a read flag", file=sys.stderr)

    # Leave one event out, over every event of every set: each event is scored by a model fitted
    # on all the others. Thresholds are read off the pooled held-out figures per kind.
    per_kind = {kind: {t: [0, 0] for t in THRESHOLDS} for kind in match.KINDS}
    per_set = {name: {t: [0, 0, 0] for t in THRESHOLDS} for name in labels_of}
    per_set_kind = {(name, kind): {t: [0, 0] for t in THRESHOLDS} for name in labels_of for kind in match.KINDS}
    for name, cluster in sorted(set(zip(pairs.set, pairs.cluster))):
        set_dir = labels_of[name][0]
        held = (pairs.set == name) & (pairs.cluster == cluster)
        labels = scorer.load_labels(set_dir, cluster)
        found: dict[float, list[dict]] = {t: [] for t in THRESHOLDS}
        for kind in match.KINDS:
            test = pairs[held & (pairs.kind == kind)]
            if test.empty:
                continue
            w, b = fit_kind(pd.concat([pairs[~held & (pairs.kind == kind)], real[real.kind == kind]]))
            p = probabilities(test, w, b)
            for t in THRESHOLDS:
                got = flagged(test, p, t)
                found[t].extend(got)
                tp, fp, _ = score(scorer, labels, got, kind)
                per_kind[kind][t] = [per_kind[kind][t][0] + tp, per_kind[kind][t][1] + fp]
                cell = per_set_kind[(name, kind)][t]
                per_set_kind[(name, kind)][t] = [cell[0] + tp, cell[1] + fp]
        for t in THRESHOLDS:
            tp, fp, fn = score(scorer, labels, found[t])
            per_set[name][t] = [x + y for x, y in zip(per_set[name][t], (tp, fp, fn))]
    report_from = {}
    for kind in match.KINDS:
        n = sum(1 for _, labels in labels_of.values() for x in labels["conflicts"] if x["kind"] == kind)
        rows = {t: prf(tp, fp, n - tp) for t, (tp, fp) in per_kind[kind].items()}
        need = args.precision if kind == "numeric" else args.date_precision
        good = [t for t, (p, r, f) in rows.items() if p >= need and r > 0]
        report_from[kind] = min(good) if good else max(rows, key=lambda t: (rows[t][0], -t))
        for t, (p, r, f) in rows.items():
            print(f"held-out, all sets, {kind:7s} t={t:.2f} P={p:.2f} R={r:.2f} F1={f:.2f}"
                  f"{'  <- report_from' if t == report_from[kind] else ''}")
    held = {}
    for name in labels_of:
        print(f"held-out {name}, all kinds (entity claims are not matched by this model, so they count as missed):")
        for t, (tp, fp, fn) in per_set[name].items():
            p, r, f = prf(tp, fp, fn)
            print(f"  t={t:.2f} P={p:.2f} R={r:.2f} F1={f:.2f} tp={tp} fp={fp} fn={fn}")
        held[name] = {str(t): dict(zip(("precision", "recall", "f1"), (round(v, 3) for v in prf(*c))))
                      for t, c in per_set[name].items()}
        tp = sum(per_set_kind[(name, k)][report_from[k]][0] for k in match.KINDS)
        fp = sum(per_set_kind[(name, k)][report_from[k]][1] for k in match.KINDS)
        p, r, f = prf(tp, fp, len(labels_of[name][1]["conflicts"]) - tp)
        held[name]["at_report_from"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                                        "tp": tp, "fp": fp}
        print(f"held-out {name} at the report thresholds {report_from}: P={p:.2f} R={r:.2f} F1={f:.2f} tp={tp} fp={fp}")

    # Real newswire, one reading sample held out at a time: fitted on the labelled sets and the
    # other samples' flags, scored on this sample's flags (how many false alarms stay raised).
    real_held = {}
    for k in sorted({f.get("sample", 1) for f in flags}):
        models = {kind: fit_kind(pd.concat([pairs[pairs.kind == kind],
                                            real[(real.kind == kind) & (real["sample"] != k)]]))
                  for kind in match.KINDS}
        real_held[str(k)] = real_raised(real, [f for f in flags if f.get("sample", 1) == k], models, report_from)
        print(f"real flags, sample {k} held out, read/raised: {real_held[str(k)]}")

    # The model to ship: every set, every event, every read flag.
    kinds = {}
    for kind in match.KINDS:
        w, b = fit_kind(pd.concat([pairs[pairs.kind == kind], real[real.kind == kind]]))
        kinds[kind] = {"weights": w, "intercept": b, "report_from": report_from[kind]}
    model = match.from_dict({"kinds": kinds})
    for name, (set_dir, labels) in labels_of.items():
        got = []
        for kind in match.KINDS:
            sub = pairs[(pairs.set == name) & (pairs.kind == kind)]
            km = model.kinds[kind]
            got += flagged(sub, probabilities(sub, km.weights, km.intercept), km.report_from)
        p, r, f = prf(*score(scorer, labels, got))
        print(f"in-sample (fitted on it, not evidence) {name}: P={p:.2f} R={r:.2f} F1={f:.2f}")
    if args.write:
        provenance = {
            "fitted": dt.date.today().isoformat(),
            "fitted_on": [f"{d.name}: {len(labels['conflicts'])} labelled conflicts" for d, labels in labels_of.values()]
                         + ([f"{args.real_flags.name}: {len(flags)} hand-read flags of real newswire"] if flags else []),
            "real_flags_held_out": real_held,
            "pairs": {k: int(((pairs.kind == k) & pairs.disagree & (pairs.label >= 0)).sum()) for k in match.KINDS},
            "held_out": "leave one event out over every event of every set; per set and threshold, all kinds "
                        "(entity conflicts count as missed: they are not matched by this model)",
            "held_out_scores": held,
            "report_from_rule": f"lowest threshold with held-out precision >= {args.precision} (numeric), "
                                f">= {args.date_precision} (date)",
        }
        WEIGHTS.write_text(json.dumps({"provenance": provenance, "kinds": kinds}, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
