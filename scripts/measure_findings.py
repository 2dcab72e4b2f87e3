"""Measure a run's findings against what the report promises a reader (python scripts/measure_findings.py OUT).

Prints: pairs in exactly one finding, findings with values from at least two articles, the share
of finding subjects made only of words of their claims' sentences, and report.md sentences
quoted intact (each sentence, whitespace collapsed, found in report.md once bold markers and
markdown escapes are taken out).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['.][a-z0-9]+)*", text.lower())


def measure(out: Path) -> dict[str, float | int]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    md = (out / "report.md").read_text(encoding="utf-8")
    plain = re.sub(r"\\(.)", r"\1", md.replace("**", "")).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    fs, ds = report.get("findings") or [], report.get("discrepancies") or []
    owners: dict[str, int] = {}
    for f in fs:
        for d in f["discrepancies"]:
            owners[d] = owners.get(d, 0) + 1
    in_one = sum(1 for d in ds if owners.get(d["id"]) == 1)
    two_articles = sum(1 for f in fs if len({v["article_id"] for v in f["values"]}) >= 2)
    own_words = 0
    for f in fs:
        vocab = {w for v in f["values"] for w in _words(v["sentence"])}
        own_words += all(w in vocab for w in _words(f["subject"]))
    sentences = [v["sentence"] for f in fs for v in f["values"]]
    intact = sum(1 for s in sentences if " ".join(s.split()) in plain)
    return {"pairs": len(ds), "pairs_in_one_finding": in_one, "findings": len(fs),
            "findings_two_articles": two_articles, "subjects_own_words": own_words,
            "sentences": len(sentences), "sentences_intact": intact}


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(arg, json.dumps(measure(Path(arg))))
