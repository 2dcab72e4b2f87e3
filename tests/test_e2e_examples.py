"""End to end on the bundled examples: the real flow (ephemeral Prefect), DuckDB and model.

The examples hold real conflicts (tolls, a date, mourning days, an owner, crew numbers) and
look-alike traps (compatible hedges, a toll from an earlier accident, a time given two ways,
a second event in the same folder). The run must report exactly the conflicts.
"""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.e2e

# (kind, article a, words of a's sentence, article b, words of b's sentence)
EXPECTED = {
    ("numeric", "ferry-courier", "At least 14 people died", "ferry-daily", "Eleven people were killed"),
    ("numeric", "ferry-daily", "Eleven people were killed", "ferry-wire", "rose to 23"),
    ("date", "ferry-courier", "capsized on Lake Corven on Saturday evening", "ferry-wire", "sank on Friday evening"),
    ("date", "ferry-daily", "overturned on Lake Corven on Saturday", "ferry-wire", "sank on Friday evening"),
    ("numeric", "ferry-courier", "three days of mourning", "ferry-wire", "five days of mourning"),
    ("numeric", "ferry-daily", "three days of mourning", "ferry-wire", "five days of mourning"),
    ("entity", "ferry-courier", "Northern Ferries Company owns", "ferry-wire", "Lake Transit Cooperative owns"),
    ("numeric", "fire-herald", "About 150 firefighters", "fire-post", "120 firefighters"),
    ("numeric", "fire-herald", "Three firefighters were injured", "fire-post", "Two firefighters were injured"),
}


def _run(out, *options):
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "crosscheck"), "run", str(ROOT / "examples" / "articles"), "--out", str(out),
         *options],
        capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return _run(out), out


def _key(d: dict) -> tuple:
    a, b = sorted(d["claims"], key=lambda c: c["article_id"])
    return d["kind"], a["article_id"], a["sentence"], b["article_id"], b["sentence"]


def _matches(found: tuple, expected: tuple) -> bool:
    kind, aa, sa, ab, sb = expected
    return found[0] == kind and found[1] == aa and sa in found[2] and found[3] == ab and sb in found[4]


def test_exit_status_and_files(demo):
    proc, out = demo
    assert proc.returncode == 1, proc.stderr[-2000:]
    for name in ("report.json", "report.md", "report.html", "crosscheck.duckdb"):
        assert (out / name).is_file(), name


def test_exact_discrepancies(demo):
    _, out = demo
    report = json.loads((out / "report.json").read_text())
    found = [_key(d) for d in report["discrepancies"]]
    missing = [e for e in EXPECTED if not any(_matches(f, e) for f in found)]
    extra = [f for f in found if not any(_matches(f, e) for e in EXPECTED)]
    assert not missing, f"missed: {missing}"
    assert not extra, f"false alarms: {extra}"
    assert len(found) == len(EXPECTED)
    confidences = [d["confidence"] for d in report["discrepancies"]]
    assert all(0 < c <= 1 for c in confidences) and confidences == sorted(confidences, reverse=True)


def test_a_higher_confidence_shows_only_the_surest(demo, tmp_path):
    _, default_out = demo
    proc = _run(tmp_path, "--min-confidence", "0.9")
    assert proc.returncode == 1, proc.stderr[-2000:]
    sure = json.loads((tmp_path / "report.json").read_text())["discrepancies"]
    every = json.loads((default_out / "report.json").read_text())["discrepancies"]
    assert sure and all(d["confidence"] >= 0.9 for d in sure)
    assert {d["id"] for d in sure} == {d["id"] for d in every if d["confidence"] >= 0.9} != {d["id"] for d in every}


def test_contract_shape(demo):
    _, out = demo
    report = json.loads((out / "report.json").read_text())
    assert report["schema"] == "crosscheck.report/v1"
    assert {"run_id", "generated_at", "articles", "discrepancies"} <= report.keys()
    bodies = {}
    con = duckdb.connect(str(out / "crosscheck.duckdb"), read_only=True)
    for aid, body in con.execute("SELECT article_id, body FROM articles").fetchall():
        bodies[aid] = body
    con.close()
    for d in report["discrepancies"]:
        assert d["kind"] in ("numeric", "date", "entity")
        assert d["severity"] in ("high", "medium", "low")
        assert len(d["claims"]) == 2
        for c in d["claims"]:
            body = bodies[c["article_id"]]
            assert body[c["char_start"]:c["char_end"]] == c["quote"]
            assert c["quote"] in c["sentence"] and c["sentence"] in body
        if d["kind"] == "numeric":
            for c in d["claims"]:
                assert {"low", "high", "text", "unit"} <= c["value"].keys()
        assert 0 <= d["confidence"] <= 1
        assert all("attributed" in c for c in d["claims"])


def test_contract_findings(demo):
    """The contract's findings: each pair in exactly one finding, every value a CLAIM with its
    outlet, time and attribution, ordered by confidence then severity."""
    _, out = demo
    report = json.loads((out / "report.json").read_text())
    findings = report["findings"]
    owners = [fid for f in findings for fid in f["discrepancies"]]
    assert sorted(owners) == sorted(d["id"] for d in report["discrepancies"])  # exactly one each
    order = {"high": 0, "medium": 1, "low": 2}
    keys = [(-f["confidence"], order[f["severity"]]) for f in findings]
    assert keys == sorted(keys)
    by_id = {d["id"]: d for d in report["discrepancies"]}
    for f in findings:
        assert {"id", "event_id", "kind", "subject", "severity", "confidence", "summary", "values",
                "discrepancies"} <= f.keys()
        assert f["kind"] in ("numeric", "date", "entity") and f["summary"] and f["subject"]
        assert len({v["article_id"] for v in f["values"]}) >= 2
        value_ids = {v["claim_id"] for v in f["values"]}
        for did in f["discrepancies"]:
            assert {c["claim_id"] for c in by_id[did]["claims"]} <= value_ids
            assert by_id[did]["event_id"] == f["event_id"]
        for v in f["values"]:
            assert {"claim_id", "article_id", "sentence", "quote", "char_start", "char_end", "value",
                    "source", "published", "attributed"} <= v.keys()
            assert v["quote"] in v["sentence"]


def test_events_separate_the_two_stories(demo):
    _, out = demo
    report = json.loads((out / "report.json").read_text())
    groups = [set(e["articles"]) for e in report["events"]]
    assert {"ferry-courier", "ferry-daily", "ferry-wire"} in groups
    assert {"fire-herald", "fire-post"} in groups


def test_superseded_toll_is_marked(demo):
    _, out = demo
    report = json.loads((out / "report.json").read_text())
    update = ("numeric", "ferry-daily", "Eleven people were killed", "ferry-wire", "rose to 23")
    toll = [d for d in report["discrepancies"] if _matches(_key(d), update)]
    assert toll and toll[0]["superseded"] is True


def test_rerun_is_idempotent(demo, tmp_path):
    _, out = demo
    first = json.loads((out / "report.json").read_text())
    proc = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "crosscheck"), "run", str(ROOT / "examples" / "articles"), "--out", str(out), "-q"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr[-2000:]
    second = json.loads((out / "report.json").read_text())
    for r in (first, second):
        r.pop("run_id"), r.pop("generated_at"), r.pop("previous_run_id", None)  # run ids differ by design
        for d in r["discrepancies"]:
            d.pop("status", None)
        r.pop("data_docs", None)
    assert first == second


def test_missing_folder_exits_2_with_one_line(tmp_path):
    proc = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "crosscheck"), "run", str(tmp_path / "missing_dir"), "--out", str(tmp_path / "x")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing_dir" in lines[0]
