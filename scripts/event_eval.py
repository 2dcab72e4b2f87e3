#!/usr/bin/env python3
"""Article clustering into events against gold events: clusters, clusters per event, pairwise P/R.

    event_eval.py [--set DIR ...] [--ecbplus JSONL] [--keep DIR]

A labelled set is a folder of cluster folders (``SET/<event>/articles/*``): gold event = the
cluster folder. ECB+ (``ecbplus_odd_topics.jsonl``): gold event = ``subtopic``; all its topics go
into one folder, as a newsroom's mixed feed would (it has no publication dates). Each corpus is
read, parsed, extracted and embedded into one store (kept under --keep and reused when given, so
a second call only re-clusters), then the event stage runs and is scored:

- clusters: how many events the product found, and per gold event (target <= 1.5);
- pairwise precision: of the article pairs put in one event, the share that are one gold event;
- pairwise recall: of the gold same-event pairs, the share put in one event.

ECB+ is scored as its two halves of topics (``ecbplus-a``: topics 1, 5, 9, ...; ``ecbplus-b``:
3, 7, 11, ...; each its own feed, so one can be fitted on and the other checked) and summed.

With no --set and no --ecbplus, it scores dev, dev2, eval/extra and the ECB+ odd topics beside
the checkout (``../shared``, or $CROSSCHECK_SHARED), skipping any that are absent.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck import align, pipeline  # noqa: E402
from crosscheck.store import Store  # noqa: E402

# The shared evaluation data sits beside the checkout; CROSSCHECK_SHARED points elsewhere.
SHARED = Path(os.environ.get("CROSSCHECK_SHARED", ROOT.parent / "shared"))
DEFAULT_SETS = [SHARED / "eval" / "dev", SHARED / "eval" / "dev2", ROOT / "eval" / "extra"]
DEFAULT_ECB = SHARED / "real" / "ecbplus" / "ecbplus_odd_topics.jsonl"


def labelled_folder(set_dir: Path, work: Path) -> dict[str, str]:
    """Copy every cluster's articles into one folder; article id -> gold event (cluster name)."""
    work.mkdir(parents=True, exist_ok=True)
    gold = {}
    for cluster in sorted(p for p in set_dir.iterdir() if (p / "articles").is_dir()):
        for f in sorted((cluster / "articles").iterdir()):
            if f.is_file():
                dest = work / f.name
                if not dest.exists() or dest.read_bytes() != f.read_bytes():
                    shutil.copyfile(f, dest)
                gold[f.stem] = cluster.name
    return gold


def ecb_folder(jsonl: Path, work: Path, half: int | None = None) -> dict[str, str]:
    """ECB+ topics in one JSONL feed file; article id -> subtopic. ``half`` 0 or 1 keeps every
    other topic (in topic order), so that one half can be fitted on and the other checked."""
    work.mkdir(parents=True, exist_ok=True)
    gold, lines = {}, []
    with open(jsonl, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    topics = sorted({int(r["topic"]) for r in rows})
    keep = set(topics if half is None else topics[half::2])
    for r in rows:
        if int(r["topic"]) in keep:
            aid = f"{r['subtopic']}_{r['doc']}".replace("/", "_").replace(".xml", "")
            gold[aid] = r["subtopic"]
            lines.append(json.dumps({"id": aid, "text": r["text"], "url": r.get("url")}))
    dest = work / "feed.jsonl"
    text = "\n".join(lines) + "\n"
    if not dest.exists() or dest.read_text(encoding="utf-8") != text:
        dest.write_text(text, encoding="utf-8")
    return gold


def prepare(store: Store, folder: Path) -> None:
    """Read, parse, extract and embed what is new (a kept store redoes nothing)."""
    run_id = pipeline.new_run_id()
    plan = pipeline.plan_ingest(store, folder, run_id)
    pipeline.parse_and_extract(store, plan.changed)
    pipeline.embed_missing(store)


def score(mapping: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Clusters, clusters per gold event and pairwise precision/recall over the gold articles."""
    ids = sorted(a for a in mapping if a in gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        same_found, same_gold = mapping[a] == mapping[b], gold[a] == gold[b]
        tp += same_found and same_gold
        fp += same_found and not same_gold
        fn += same_gold and not same_found
    events = {gold[a] for a in ids}
    clusters = {mapping[a] for a in ids}
    per_event = collections.defaultdict(set)
    for a in ids:
        per_event[gold[a]].add(mapping[a])
    return {
        "articles": len(ids), "events": len(events), "clusters": len(clusters),
        "clusters_per_event": sum(len(c) for c in per_event.values()) / max(len(events), 1),
        "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
        "tp": tp, "fp": fp, "fn": fn,
    }


def counts(mapping: dict[str, str], gold: dict[str, str]) -> Counter[str]:
    """Pair counts (tp, fp, fn) and cluster counts, which add up across corpora."""
    r = score(mapping, gold)
    return Counter({"tp": r["tp"], "fp": r["fp"], "fn": r["fn"], "articles": r["articles"], "events": r["events"],
                    "clusters": r["clusters"], "split": round(r["clusters_per_event"] * r["events"])})


def line(name: str, c: Counter[str]) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return (f"{name:<10} articles={c['articles']:4d} events={c['events']:3d} clusters={c['clusters']:3d} "
            f"per-event={c['split'] / max(c['events'], 1):.2f} precision={p:.3f} recall={r:.3f}")


@dataclass
class Corpus:
    name: str
    folder: Path
    gold: dict[str, str]
    db: Path


def corpora(base: Path, sets: list[Path], ecb: Path | None) -> list[Corpus]:
    """Each corpus's folder laid out under ``base`` (ECB+ as its two halves of topics)."""
    out = []
    for s in sets:
        if not s.is_dir():
            print(f"{s}: not a folder, skipped", file=sys.stderr)
            continue
        out.append(Corpus(s.name, base / s.name / "articles", labelled_folder(s, base / s.name / "articles"),
                          base / s.name / "store.duckdb"))
    if ecb is not None and not ecb.is_file():
        print(f"{ecb}: not a file, skipped", file=sys.stderr)
    elif ecb is not None:
        for half in (0, 1):
            name = f"ecbplus-{'ab'[half]}"
            out.append(Corpus(name, base / name / "articles", ecb_folder(ecb, base / name / "articles", half),
                              base / name / "store.duckdb"))
    return out


def cluster_corpus(corpus: Corpus) -> dict[str, str]:
    with Store(corpus.db) as st:
        prepare(st, corpus.folder)
        return align.assign_events(st)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", default=[], help="a labelled set (folder of cluster folders)")
    ap.add_argument("--ecbplus", help="ECB+ JSONL (gold = subtopic)")
    ap.add_argument("--keep", help="keep each corpus's folder and store here, and reuse them")
    args = ap.parse_args()
    sets = [Path(s) for s in args.set]
    ecb = Path(args.ecbplus) if args.ecbplus else None
    if not sets and ecb is None:
        sets = [s for s in DEFAULT_SETS if s.is_dir()]
        ecb = DEFAULT_ECB if DEFAULT_ECB.is_file() else None
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="events-"))
    ecb_total: Counter[str] = Counter()
    for corpus in corpora(base, sets, ecb):
        c = counts(cluster_corpus(corpus), corpus.gold)
        print(line(corpus.name, c), flush=True)
        if corpus.name.startswith("ecbplus"):
            ecb_total.update(c)
    if ecb_total:
        print(line("ecbplus", ecb_total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
