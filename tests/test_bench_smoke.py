"""The benchmark cannot rot: a 20-article smoke run end to end, plus its pure parts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import alignment, corpus, report

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_is_seeded_and_grows_by_prefix():
    a, b = corpus.generate(30, seed=5), corpus.generate(40, seed=5)
    assert [x.text for x in a] == [x.text for x in b[:30]]  # +1 % articles = the next ones
    assert [x.text for x in corpus.generate(30, seed=6)] != [x.text for x in a]
    assert len({x.name for x in b}) == 40


def test_corpus_looks_like_news():
    arts = corpus.generate(300, seed=1)
    mean_sents = sum(a.sentences for a in arts) / len(arts)
    assert 8 <= mean_sents <= 13
    kinds = {a.name.split("-")[0] for a in arts}
    assert len(kinds) >= 6  # many kinds of event, not one template
    assert all(a.text.startswith("---\ntitle: ") for a in arts)
    events = {a.name.rsplit("-", 1)[0] for a in arts}
    assert 20 <= len(events) <= 200  # several outlets per event


def test_exponent():
    assert alignment.exponent([(1000, 1.0), (10000, 10.0), (100000, 100.0)]) == pytest.approx(1.0)
    assert alignment.exponent([(1000, 1.0), (10000, 100.0)]) == pytest.approx(2.0)
    assert alignment.exponent([(1000, 1.0)]) is None


def test_final_line_names_every_measure():
    line = report.final_line({"end_to_end_ratio": 1.2, "cold_5_s": None})
    assert line.split()[0] == "end_to_end_ratio=1.2"
    assert [kv.split("=")[0] for kv in line.split()] == report.ORDER
    assert "cold_5_s=n/a" in line


@pytest.mark.e2e
def test_smoke_run(tmp_path):
    results, md = tmp_path / "results.json", tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--no-cold", "--work", str(tmp_path / "work"),
         "--results", str(results), "--markdown", str(md)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("end_to_end_ratio=") and "peak_rss_mb_1000=" in last
    data = json.loads(results.read_text())
    run = data["corpus"][0]
    assert run["n"] == 20 and run["full"]["articles"] == 20, run
    assert run["incremental"]["articles"] == 21 and run["full"]["claims"] > 0
    assert run["baseline"]["sentences"] >= 100
    assert "embed" in run["full"]["stages"] and "parse+extract" in run["full"]["stages"]
    assert [r["claims"] for r in data["alignment"]["sizes"]] == [500, 2000]
    assert data["alignment"]["sizes"][1]["candidate_pairs"]["pairs"] > 0
    assert data["machine"]["cores"] and data["machine"]["versions"]["duckdb"]
    assert "| stage |" in md.read_text()
    large = data["large"]  # the large-store run, on 3,000 claims in the smoke run
    assert large["claims"] == 3000 and large["incremental"]["added"] == 50, large
    assert large["incremental"]["claims"] > large["prime"]["claims"] == 3000
    assert f"incremental_500k_s={large['incremental_s']:.4g}" in last


def test_extraction_cost_is_measured_on_the_same_docs(nlp, tmp_path):
    """bench.extraction times parse and extraction of the same articles; its figures are
    self-consistent (no timing is asserted: speed is the benchmark's business, not a test's)."""
    from bench import extraction

    generated = extraction._articles(None, 6)
    real = tmp_path / "real.jsonl"
    real.write_text("\n".join(json.dumps({"text": a.body}) for a in generated[:3]) + "\n", encoding="utf-8")
    assert len(generated) == 6 and len(extraction._articles(real, 2)) == 2
    r = extraction.measure(generated, repeat=1)
    assert r["articles"] == 6 and r["claims"] > 6
    assert r["ratio"] == pytest.approx(r["extract_s"] / r["parse_s"], abs=0.01)
