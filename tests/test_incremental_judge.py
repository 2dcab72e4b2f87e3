"""A scheduled run costs what arrived: verdicts and checks are kept for unchanged claims.

The stages run here without Prefect (the same functions the flow's tasks call), on the bundled
examples plus a small generated corpus (bench/corpus.py, seeded), so that there are several
events and many pairs. What is asserted: an incremental run (a store that saw most articles,
then the rest and a changed one) writes the same report.json as a full run on the final
folder; a run with nothing new judges no pair and validates no claim again; a judge upgrade
re-judges every pair; a failing row is reported again by a run that changed nothing.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench import corpus
from checks import run_checkpoint
from crosscheck import judge, pipeline
from crosscheck.store import Store
from tests.conftest import EXAMPLES

RUN_RELATIVE = ("run_id", "generated_at")


def run_once(store: Store, folder: Path, out: Path) -> dict:
    """Every stage of a run, checks and reports included; returns report.json."""
    run_id = pipeline.new_run_id()
    store.start_run(run_id, str(folder))
    plan = pipeline.plan_ingest(store, folder, run_id)
    pipeline.parse_and_extract(store, plan.changed)
    pipeline.embed_missing(store)
    pipeline.align_claims(store)
    pipeline.judge_pairs(store, run_id)
    outcome = run_checkpoint(store.con, run_id, out)
    summary = pipeline.write_reports(store, run_id, out, outcome)
    pipeline.finish(store, run_id, plan, summary)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report["_outcome"] = outcome
    return report


def comparable(report: dict) -> dict:
    return {k: v for k, v in report.items() if k not in RUN_RELATIVE and k != "_outcome"}


@pytest.fixture
def judged(monkeypatch):
    """Counts the pairs the judge is asked about."""
    calls: list[tuple[str, str]] = []
    real = judge.judge

    def counting(a, b, *args):
        calls.append((a["claim_id"], b["claim_id"]))
        return real(a, b, *args)

    monkeypatch.setattr(judge, "judge", counting)
    return calls


@pytest.fixture
def folder(tmp_path) -> Path:
    """The examples and 24 generated articles (a few events, two to ten outlets each)."""
    dst = tmp_path / "articles"
    shutil.copytree(EXAMPLES, dst)
    corpus.write(dst, corpus.generate(24, seed=5))
    return dst


def _change_a_figure(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in ((" 2", " 7"), (" 3", " 9"), (" 1", " 8")):
        if old in text.split("---", 2)[-1]:
            head, sep, body = text.rpartition("---")
            path.write_text(head + sep + body.replace(old, new, 1), encoding="utf-8")
            return
    raise AssertionError(f"{path.name}: no figure to change")


def test_incremental_and_full_runs_write_the_same_report(folder, tmp_path, judged, model):
    held = sorted(folder.glob("*.md"))[-5:]
    parked = tmp_path / "parked"
    parked.mkdir()
    for p in held:
        p.rename(parked / p.name)
    out = tmp_path / "out"
    with Store(tmp_path / "incremental.duckdb") as store:
        run_once(store, folder, out)
        first_pairs = len(judged)
        for p in held:
            (parked / p.name).rename(p)
        _change_a_figure(sorted(folder.glob("*.md"))[3])
        judged.clear()
        incremental = run_once(store, folder, out)
        aligned = store.con.execute("SELECT count(*) FROM alignments").fetchone()[0]
    assert first_pairs > 0 and 0 < len(judged) < aligned  # judged what changed, not every pair
    judged.clear()
    with Store(tmp_path / "full.duckdb") as store:
        full = run_once(store, folder, out)
    assert len(judged) == aligned
    assert incremental["discrepancies"]  # the comparison is about something
    assert comparable(incremental) == comparable(full)


def test_a_run_with_nothing_new_judges_and_validates_nothing_again(folder, tmp_path, judged, model):
    out = tmp_path / "out"
    with Store(tmp_path / "s.duckdb") as store:
        first = run_once(store, folder, out)
        judged.clear()
        again = run_once(store, folder, out)
        claims = store.con.execute("SELECT count(*) FROM claims").fetchone()[0]
        open_now = store.con.execute(
            "SELECT count(*) FROM discrepancies WHERE last_run_id = (SELECT max(run_id) FROM runs)").fetchone()[0]
    assert judged == []
    results = {r["name"]: r for r in again["_outcome"].results}
    assert results["quote_at_offsets"]["rows_validated"] == 0
    assert results["quote_at_offsets"]["rows_kept"] == claims
    assert open_now == len(first["discrepancies"]) == len(again["discrepancies"])  # kept verdicts stay open
    numeric = results["no_contradicting_numeric_pairs"]  # its failures are kept, not validated again
    assert numeric["rows_validated"] == 0 and numeric["kept_unexpected_count"] > 0 and not numeric["success"]
    assert set(again["_outcome"].failed_discrepancy_ids) == set(first["_outcome"].failed_discrepancy_ids)
    assert set(first["_outcome"].failed_discrepancy_ids) == {d["id"] for d in first["discrepancies"]}
    assert comparable(first) == comparable(again)


def test_a_judge_upgrade_rejudges_every_pair(folder, tmp_path, judged, monkeypatch, model):
    with Store(tmp_path / "s.duckdb") as store:
        run_id = pipeline.run_stages(store, folder)
        judged.clear()
        monkeypatch.setattr(pipeline, "judge_fingerprint", lambda: "another judge")
        pipeline.judge_pairs(store, pipeline.new_run_id())
        aligned = store.con.execute("SELECT count(*) FROM alignments").fetchone()[0]
        kept = store.con.execute("SELECT count(*) FROM verdicts").fetchone()[0]
    assert run_id and len(judged) == aligned == kept > 0


def test_the_judge_fingerprint_covers_code_and_data(tmp_path):
    root = tmp_path / "pkg"
    (root / "judgement").mkdir(parents=True)
    (root / "judge.py").write_text("x = 1\n")
    (root / "judgement" / "weights.json").write_text('{"w": 0.5}\n')
    names = ("judge.py", "judgement", "data")
    before = pipeline.files_fingerprint(root, names)
    (root / "judgement" / "weights.json").write_text('{"w": 0.6}\n')
    assert pipeline.files_fingerprint(root, names) != before
    (root / "data").mkdir()
    (root / "data" / "lexicon.txt").write_text("word\n")
    assert len({before, pipeline.files_fingerprint(root, names)}) == 2


def test_a_failing_row_is_reported_again_by_a_run_that_changed_nothing(folder, tmp_path, model):
    out = tmp_path / "out"
    with Store(tmp_path / "s.duckdb") as store:
        run_id = pipeline.run_stages(store, folder)
        bad = store.con.execute("SELECT claim_id FROM claims ORDER BY claim_id LIMIT 1").fetchone()[0]
        store.con.execute("UPDATE claims SET quote = quote || ' (edited)' WHERE claim_id = ?", [bad])
        first = run_checkpoint(store.con, run_id, out)
        again = run_checkpoint(store.con, pipeline.run_stages(store, folder), out)
    for outcome in (first, again):
        result = {r["name"]: r for r in outcome.results}["quote_at_offsets"]
        assert not result["success"]
        assert [row["claim_id"] for row in result["unexpected_rows"]] == [bad]
    second = {r["name"]: r for r in again.results}["quote_at_offsets"]
    assert second["rows_validated"] > 0 and second["rows_kept"] > 0  # only the failing article again
