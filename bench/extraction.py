"""``python -m bench.extraction``: what claim extraction costs next to the spaCy parse it reads.

    python -m bench.extraction                       # 200 generated articles
    python -m bench.extraction --jsonl FILE --n 120  # real text: one JSON object a line with "text"

The extractor's rules (numbers, dates, subjects, who-did-what) run on a parse that spaCy has
already made, so their cost is only worth having if it stays well under the parse itself: the
target is a ratio below 0.5. Both are timed on the same documents in this process, parse first
(``nlp.pipe``), then extraction over the finished docs, best of ``--repeat`` rounds each, so a
busy core inflates both alike. The last line is ``parse_s=… extract_s=… ratio=…``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from bench.measure import loadavg, timed  # noqa: E402
from crosscheck.ingest import read_folder  # noqa: E402
from crosscheck.models import Article  # noqa: E402
from crosscheck.nlp import extract, sentences  # noqa: E402

TARGET = 0.5


def _articles(jsonl: Path | None, n: int) -> list[Article]:
    if jsonl is None:
        with tempfile.TemporaryDirectory() as tmp:
            corpus.write(Path(tmp), corpus.generate(n))
            return read_folder(Path(tmp)).articles
    rows = []
    with open(jsonl, encoding="utf-8") as fh:
        for line in fh:
            if len(rows) >= n:
                break
            text = json.loads(line).get("text") or ""
            if text.strip():
                rows.append(Article(article_id=f"a{len(rows)}", body=text))
    return rows


def measure(articles: list[Article], repeat: int = 2) -> dict[str, float]:
    nlp = sentences.load_nlp()
    parse_s, extract_s, claims = float("inf"), float("inf"), 0
    for _ in range(repeat):
        with timed() as t:
            docs = list(nlp.pipe([a.body for a in articles], batch_size=32))
        parse_s = min(parse_s, t.wall)
        with timed() as t:
            claims = 0
            for art, doc in zip(articles, docs):
                claims += len(extract.extract_claims(art, doc, sentences.sentences_of(art, doc)))
        extract_s = min(extract_s, t.wall)
    return {"articles": len(articles), "claims": claims, "parse_s": round(parse_s, 3),
            "extract_s": round(extract_s, 3), "ratio": round(extract_s / parse_s, 3), "loadavg": loadavg()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jsonl", type=Path, help="real articles, one JSON object a line with a 'text' field")
    ap.add_argument("--n", type=int, default=200, help="articles to time (default 200)")
    ap.add_argument("--repeat", type=int, default=2, help="rounds; the best is kept (default 2)")
    args = ap.parse_args(argv)
    r = measure(_articles(args.jsonl, args.n), args.repeat)
    print(json.dumps(r))
    print(f"parse_s={r['parse_s']} extract_s={r['extract_s']} ratio={r['ratio']} target<{TARGET}")
    return 0 if r["ratio"] < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
