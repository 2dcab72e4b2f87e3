#!/usr/bin/env python3
"""Event separation on real newswire: ECB+ topics, each holding two events of one type.

    event_separation.py [ECBPLUS_JSONL] [--topics N] [--keep DIR]

Each topic's articles (both subtopics) go into one folder and through the pipeline stages, as
a newsroom's mixed feed would. Printed per topic: articles, event clusters found, purity of
the clusters against `subtopic` (share of articles whose cluster's majority subtopic is
their own), and the number of discrepancies pairing articles of different subtopics, which
must be 0. The last line sums them up. The corpus README says why (two earthquakes look alike).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crosscheck import pipeline  # noqa: E402
from crosscheck.store import Store  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "real" / "ecbplus" / "ecbplus_odd_topics.jsonl"


def run_topic(rows: list[dict], work: Path) -> dict:
    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    subtopic = {}
    with open(folder / "topic.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            aid = f"{r['subtopic']}_{r['doc']}".replace("/", "_").replace(".xml", "")
            subtopic[aid] = r["subtopic"]
            fh.write(json.dumps({"id": aid, "text": r["text"], "url": r.get("url")}) + "\n")
    with Store(work / "db.duckdb") as st:
        run_id = pipeline.run_stages(st, folder)
        events = dict(st.con.execute("SELECT article_id, event_id FROM events").fetchall())
        pairs = st.con.execute(
            "SELECT a.article_id, b.article_id FROM discrepancies d JOIN claims a ON a.claim_id = d.claim_a "
            "JOIN claims b ON b.claim_id = d.claim_b WHERE d.last_run_id = ?", [run_id]).fetchall()
        n_disc = len(pairs)
    members = collections.defaultdict(list)
    for aid, ev in events.items():
        members[ev].append(subtopic.get(aid))
    pure = sum(collections.Counter(m).most_common(1)[0][1] for m in members.values())
    cross = sum(1 for a, b in pairs if subtopic.get(a) != subtopic.get(b))
    return {"articles": len(events), "clusters": len(members), "pure": pure, "cross": cross, "discrepancies": n_disc}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jsonl", nargs="?", default=str(DEFAULT))
    ap.add_argument("--topics", type=int, default=0, help="only the first N topics")
    ap.add_argument("--keep", help="keep each topic's folder and DuckDB file under this directory")
    args = ap.parse_args()
    by_topic: dict[str, list[dict]] = collections.defaultdict(list)
    with open(args.jsonl, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                by_topic[str(r["topic"])].append(r)
    topics = sorted(by_topic, key=lambda t: int(t) if t.isdigit() else t)
    if args.topics:
        topics = topics[: args.topics]
    tot = collections.Counter()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ecb-"))
    for t in topics:
        r = run_topic(by_topic[t], base / f"topic-{t}")
        tot.update(r)
        print(f"topic {t:>3}: articles={r['articles']:3d} clusters={r['clusters']:2d} "
              f"purity={r['pure'] / max(r['articles'], 1):.2f} discrepancies={r['discrepancies']:3d} "
              f"cross-event={r['cross']}", flush=True)
    print(f"TOTAL topics={len(topics)} articles={tot['articles']} clusters={tot['clusters']} "
          f"purity={tot['pure'] / max(tot['articles'], 1):.3f} discrepancies={tot['discrepancies']} "
          f"cross-event pairs={tot['cross']}")
    return 0 if tot["cross"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
