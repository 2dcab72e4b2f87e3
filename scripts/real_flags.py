#!/usr/bin/env python3
"""Hand-read flags on real newswire: draw a sample to read, and score a report against the labels.

    real_flags.py sample REPORT_JSON [--n 40] [--seed 7]     # YAML stubs to label, one per flag
    real_flags.py score REPORT_JSON LABELS_YAML              # the report against the read labels

Real text has no discrepancy labels, so precision there is measured by reading: a random
sample of the flags of a run, each marked by a reader as
  real       two outlets give values of one thing that cannot both hold,
  worth      not a contradiction, but a difference a fact-checker would want to see
             (an update, a figure revised, two bodies' counts),
  false      a false alarm (two different things, a misread figure, background).
The labels are kept in the repository (eval/real_flags/*.yaml) with the flag's two articles,
quotes and sentences' first words, so a later run is scored on the same flags: how many of the
false alarms are still raised and how many of the real ones. The sentences themselves stay in
the corpus, not in the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import yaml

LABELS = ("real", "worth", "false")


def pair_key(a: dict, b: dict) -> tuple[tuple[str, str], ...]:
    """Two claims ({"article_id", "quote"}) as an unordered key: how a read flag is found again."""
    return tuple(sorted(((a["article_id"], a["quote"]), (b["article_id"], b["quote"]))))


def read_key(flag: dict) -> tuple[tuple[str, str], ...]:
    """A read flag's key (its sides as the labels file writes them)."""
    return pair_key({"article_id": flag["a"]["article"], "quote": flag["a"]["quote"]},
                    {"article_id": flag["b"]["article"], "quote": flag["b"]["quote"]})


def flag_key(d: dict) -> tuple[tuple[str, str], ...]:
    """A report discrepancy's key."""
    return pair_key(*d["claims"][:2])


def sample(report: dict, n: int, seed: int) -> list[dict]:
    flags = sorted(report["discrepancies"], key=lambda d: d["id"])
    random.Random(seed).shuffle(flags)
    out = []
    for d in flags[:n]:
        (a_art, a_quote), (b_art, b_quote) = flag_key(d)
        out.append({"a": {"article": a_art, "quote": a_quote}, "b": {"article": b_art, "quote": b_quote},
                    "kind": d["kind"], "confidence": d.get("confidence"), "label": None, "why": ""})
    return out


def score(report: dict, labels: list[dict]) -> dict:
    raised = {flag_key(d): d for d in report["discrepancies"]}
    counts = {lab: {"read": 0, "raised": 0} for lab in LABELS}
    for lab in labels:
        counts[lab["label"]]["read"] += 1
        counts[lab["label"]]["raised"] += read_key(lab) in raised
    labelled = {read_key(x) for x in labels}
    raised_read = sum(c["raised"] for c in counts.values())
    good = counts["real"]["raised"] + counts["worth"]["raised"]
    return {
        "flags": len(raised), "read_and_raised": raised_read, "unread": len(set(raised) - labelled),
        "precision_strict": round(counts["real"]["raised"] / raised_read, 3) if raised_read else None,
        "precision": round(good / raised_read, 3) if raised_read else None,
        "false_still_raised": f'{counts["false"]["raised"]}/{counts["false"]["read"]}',
        "real_still_raised": f'{counts["real"]["raised"]}/{counts["real"]["read"]}',
        "worth_still_raised": f'{counts["worth"]["raised"]}/{counts["worth"]["read"]}',
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("report", type=Path)
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--seed", type=int, default=7)
    c = sub.add_parser("score")
    c.add_argument("report", type=Path)
    c.add_argument("labels", type=Path)
    args = ap.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    if args.cmd == "sample":
        yaml.safe_dump(sample(report, args.n, args.seed), sys.stdout, sort_keys=False, allow_unicode=True, width=120)
        return 0
    labels = (yaml.safe_load(args.labels.read_text(encoding="utf-8")) or {}).get("flags", [])
    bad = [x for x in labels if x.get("label") not in LABELS]
    if bad:
        print(f"{args.labels}: {len(bad)} flags without a label in {LABELS}", file=sys.stderr)
        return 2
    print(json.dumps(score(report, labels), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
