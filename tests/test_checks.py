"""The GX checkpoint on a small hand-made store: it fails exactly on the contradicting pairs.

The store is built here from sql/schema.sql and a few rows, so these tests do not depend on
extraction, embedding or judging; only on the schema contract between the stages.
"""

from __future__ import annotations

import json
import pathlib
import re

import duckdb
import pytest

from checks import CheckOutcome, run_checkpoint
from checks.datadocs import ASSETS, make_offline
from crosscheck.sqlfiles import read_sql
from crosscheck.store import _migrations
from checks.policy import decide, explain, parse_fail_on

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "sql" / "schema.sql"

ARTICLES = {
    "t1": ("Wire A", "2024-02-07T10:00:00+00:00",
           "A drone attack on the base injured 25 people on Wednesday. "
           "Officials blamed Kataib Hezbollah for the strike."),
    "t2": ("Daily B", "2024-02-07T15:30:00+00:00",
           "More than 40 people were injured in the drone attack on Tuesday. "
           "The group Kataib Hezbollah was blamed <b>by officials</b>."),
    "t3": ("Radio C", "2024-02-08T08:00:00+00:00",
           "At least 30 people were hurt in the drone attack on the base."),
}

# claim id, article, kind, quote, low, high, low_date, high_date, subject
CLAIMS = [
    ("n1", "t1", "numeric", "25 people", 25, 25, None, None, "people injured in the drone attack"),
    ("n2", "t2", "numeric", "More than 40 people", 41, None, None, None,
     "people injured in the drone attack"),
    ("n3", "t3", "numeric", "At least 30 people", 30, None, None, None,
     "people injured in the drone attack"),
    ("d1", "t1", "date", "on Wednesday", None, None, "2024-02-07", "2024-02-07",
     "date of the drone attack"),
    ("d2", "t2", "date", "on Tuesday", None, None, "2024-02-06", "2024-02-06",
     "date of the drone attack"),
    ("e1", "t1", "entity", "Kataib Hezbollah", None, None, None, None, "who was blamed"),
    ("e2", "t2", "entity", "Kataib Hezbollah", None, None, None, None, "who was blamed"),
]

# claim_a, claim_b, kind, similarity, discrepancy (id, severity, explanation) or None
PAIRS = [
    ("n1", "n2", "numeric", 0.91, ("D-n1-n2", "high", "25 (t1) and more than 40 (t2) cannot both hold")),
    ("n1", "n3", "numeric", 0.88, ("D-n1-n3", "medium", "25 (t1) and at least 30 (t3) cannot both hold")),
    ("n2", "n3", "numeric", 0.86, None),
    ("d1", "d2", "date", 0.80, ("D-d1-d2", "low", "Wednesday (t1) and Tuesday (t2) differ")),
    ("e1", "e2", "entity", 0.95, None),
]
EXPECTED_IDS = {"D-n1-n2", "D-n1-n3", "D-d1-d2"}


def make_store(path: pathlib.Path | str = ":memory:", *,
               run_id: str = "run-1", input_dir: pathlib.Path | None = None
               ) -> duckdb.DuckDBPyConnection:
    """A store holding three articles about one drone attack and their judged claim pairs."""
    con = duckdb.connect(str(path))
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    for step in sorted(_migrations()):  # the shape every store has: v1 plus every migration
        con.execute(read_sql(_migrations()[step]))
    for aid, (source, published, body) in ARTICLES.items():
        con.execute(
            "INSERT INTO articles (article_id, content_hash, path, format, source, title,"
            " published, body) VALUES (?, ?, ?, 'md', ?, ?, ?, ?)",
            [aid, "h-" + aid, f"{input_dir or '/in'}/{aid}.md", source, f"Attack ({source})",
             published, body],
        )
        for idx, m in enumerate(re.finditer(r"[^.]+\.", body)):
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                        [aid, idx, start, m.end(), body[start:m.end()]])
    con.execute("INSERT INTO skipped VALUES (?, ?, ?)",
                [run_id, f"{input_dir or '/in'}/broken.html", "no article text found"])
    for cid, aid, kind, quote, low, high, lo_d, hi_d, subject in CLAIMS:
        body = ARTICLES[aid][2]
        start = body.index(quote)
        sidx = con.execute(
            "SELECT sentence_idx FROM sentences WHERE article_id = ? AND char_start <= ?"
            " ORDER BY char_start DESC LIMIT 1", [aid, start]).fetchone()[0]
        value = ({"low": low, "high": high, "text": quote, "unit": "people"} if kind == "numeric"
                 else {"low": lo_d, "high": hi_d, "text": quote} if kind == "date"
                 else {"text": quote, "role": "blamed"})
        con.execute(
            "INSERT INTO claims (claim_id, article_id, sentence_idx, kind, quote, char_start,"
            " char_end, value_text, low, high, low_date, high_date, subject, embed_text,"
            " text_hash, value_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [cid, aid, sidx, kind, quote, start, start + len(quote), quote, low, high, lo_d,
             hi_d, subject, subject + ": " + quote, "x" + cid, json.dumps(value)],
        )
    for a, b, kind, sim, disc in PAIRS:
        con.execute(
            "INSERT INTO alignments (claim_a, claim_b, kind, event_id, similarity, verdict,"
            " discrepancy_id) VALUES (?, ?, ?, 'ev1', ?, ?, ?)",
            [a, b, kind, sim, "conflict" if disc else "consistent", disc[0] if disc else None])
        if disc:
            con.execute(
                "INSERT INTO discrepancies (discrepancy_id, claim_a, claim_b, kind, event_id,"
                " grp, subject, severity, similarity, explanation, first_run_id, last_run_id)"
                " VALUES (?, ?, ?, ?, 'ev1', ?, ?, ?, ?, ?, ?, ?)",
                [disc[0], a, b, kind, kind + "-g", dict((c[0], c[8]) for c in CLAIMS)[a],
                 disc[1], sim, disc[2], run_id, run_id])
    if input_dir is not None:
        con.execute("INSERT INTO runs (run_id, started_at, input) VALUES (?, now(), ?)",
                    [run_id, str(input_dir)])
    return con


def by_name(outcome: CheckOutcome) -> dict[str, dict]:
    return {r["name"]: r for r in outcome.results}


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[CheckOutcome, pathlib.Path, duckdb.DuckDBPyConnection]:
    out = tmp_path_factory.mktemp("checks-out")
    con = make_store()
    return run_checkpoint(con, "run-1", out), out, con


def test_checkpoint_fails_exactly_on_the_contradicting_pairs(clean_run) -> None:
    outcome, _, _ = clean_run
    assert outcome.success is False
    assert set(outcome.failed_discrepancy_ids) == EXPECTED_IDS
    failed = {r["name"] for r in outcome.failed}
    assert failed == {"no_contradicting_numeric_pairs", "no_contradicting_date_pairs"}
    results = by_name(outcome)
    assert results["no_contradicting_entity_pairs"]["success"] is True


def test_failure_carries_the_evidence(clean_run) -> None:
    outcome, _, _ = clean_run
    numeric = by_name(outcome)["no_contradicting_numeric_pairs"]
    assert numeric["unexpected_count"] == 2
    assert numeric["expectation_type"] == "expect_column_values_to_be_in_set"
    rows = {r["discrepancy_id"]: r for r in numeric["unexpected_rows"]}
    assert rows["D-n1-n2"]["quote_a"] == "25 people"
    assert rows["D-n1-n2"]["quote_b"] == "More than 40 people"
    assert rows["D-n1-n2"]["article_b"] == "t2"
    assert rows["D-n1-n2"]["severity"] == "high"
    assert rows["D-n1-n3"]["quote_b"] == "At least 30 people"


def test_structural_expectations_pass_on_a_healthy_store(clean_run) -> None:
    outcome, _, _ = clean_run
    structural = [r for r in outcome.results if not r["kind"]]
    assert len(structural) >= 9
    assert all(r["success"] for r in structural), [r for r in structural if not r["success"]]
    assert all(r["exception"] is None for r in outcome.results)


def test_results_are_kept_in_duckdb(clean_run) -> None:
    outcome, _, con = clean_run
    rows = con.execute(
        "SELECT expectation, column_name, success, unexpected_count, result_json"
        " FROM validations WHERE run_id = 'run-1' ORDER BY expectation").fetchall()
    assert len(rows) == len(outcome.results)
    got = {r[0]: r for r in rows}
    assert got["no_contradicting_numeric_pairs"][1:4] == ("verdict", False, 2)
    evidence = json.loads(got["no_contradicting_numeric_pairs"][4])
    assert {r["discrepancy_id"] for r in evidence["unexpected_rows"]} == {"D-n1-n2", "D-n1-n3"}


def test_rerun_replaces_the_runs_rows(tmp_path: pathlib.Path) -> None:
    con = make_store()
    first = run_checkpoint(con, "run-1", tmp_path)
    run_checkpoint(con, "run-1", tmp_path)
    (count,) = con.execute("SELECT count(*) FROM validations WHERE run_id = 'run-1'").fetchone()
    assert count == len(first.results)


def test_data_docs_are_built_offline(clean_run) -> None:
    outcome, out, _ = clean_run
    index = outcome.data_docs_index
    assert index == out / "data_docs" / "index.html"
    pages = list((out / "data_docs").rglob("*.html"))
    pages = [p for p in pages if "vendor" not in p.parts]
    assert any("validations" in p.parts for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        loaded = re.findall(r"""<(?:script|link|img)\b[^>]*?(?:src|href)="(https?://[^"]+)""", html)
        assert loaded == [], (page, loaded)
        assert "amazonaws" not in html
    html = index.read_text(encoding="utf-8")
    assert "run-1" in html
    for src in re.findall(r"""(?:src|href)="(vendor/[^"]+)""", html):
        assert (index.parent / src).is_file(), src
    assert (out / "data_docs" / "vendor" / "@fortawesome" / "fontawesome-free@6.6.0" / "webfonts").is_dir()


def test_consistent_store_succeeds(tmp_path: pathlib.Path) -> None:
    con = make_store()
    con.execute("DELETE FROM discrepancies")
    con.execute("UPDATE alignments SET verdict = 'consistent', discrepancy_id = NULL")
    outcome = run_checkpoint(con, "run-1", tmp_path)
    assert outcome.success, outcome.failed
    assert outcome.failed_discrepancy_ids == []


def test_discrepancy_missing_from_alignments_still_fails(tmp_path: pathlib.Path) -> None:
    con = make_store()
    con.execute("DELETE FROM alignments WHERE claim_a = 'd1'")
    outcome = run_checkpoint(con, "run-1", tmp_path)
    assert "D-d1-d2" in outcome.failed_discrepancy_ids


def test_broken_rows_fail_the_structural_expectations(tmp_path: pathlib.Path) -> None:
    indir = tmp_path / "in"
    indir.mkdir()
    for name in ("t1.md", "t2.md", "t3.md", "broken.html", "forgotten.md", ".hidden.md"):
        (indir / name).write_text("x", encoding="utf-8")
    con = make_store(input_dir=indir)
    con.execute("UPDATE claims SET char_start = char_start + 1 WHERE claim_id = 'n1'")  # bad offset
    con.execute("UPDATE claims SET low = 50, high = 45 WHERE claim_id = 'n3'")  # low > high
    con.execute("UPDATE claims SET article_id = 'gone' WHERE claim_id = 'e2'")  # orphan
    con.execute("INSERT INTO skipped VALUES ('run-1', '/in/empty.md', '  ')")  # no reason
    outcome = run_checkpoint(con, "run-1", tmp_path / "out")
    r = by_name(outcome)
    assert [x["claim_id"] for x in r["quote_at_offsets"]["unexpected_rows"]] == ["n1"]
    assert [x["claim_id"] for x in r["numeric_low_le_high"]["unexpected_rows"]] == ["n3"]
    assert [x["claim_id"] for x in r["no_orphan_claims"]["unexpected_rows"]] == ["e2"]
    paths = {x["path"] for x in r["every_input_parsed_or_skipped"]["unexpected_rows"]}
    assert paths == {"/in/empty.md", str(indir / "forgotten.md")}
    assert r["date_low_le_high"]["success"] and r["kind_known"]["success"]


def test_missing_vendor_assets_still_build(tmp_path: pathlib.Path, caplog) -> None:
    site = tmp_path / "site"
    site.mkdir()
    url = ASSETS[0].url
    (site / "index.html").write_text(f'<script src="{url}"></script>', encoding="utf-8")
    with caplog.at_level("WARNING"):
        missing = make_offline(site, cache=tmp_path / "empty-cache")
    assert len(missing) == len(ASSETS)
    assert "vendor cache" in caplog.text
    assert url in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("severities", "fail_on", "expected"),
    [
        ([], {"high"}, "ok"),
        (["low", "medium"], {"high"}, "warn"),
        (["low", "high"], {"high"}, "fail"),
        (["medium"], {"high", "medium"}, "fail"),
        (["high"], set(), "warn"),
    ],
)
def test_policy(severities: list[str], fail_on: set[str], expected: str) -> None:
    discrepancies = [{"id": str(i), "severity": s} for i, s in enumerate(severities)]
    assert decide(discrepancies, fail_on) == expected


def test_policy_superseded_never_fails_and_parsing() -> None:
    assert decide([{"severity": "high", "superseded": True}], {"high"}) == "warn"
    assert parse_fail_on("high, Medium") == {"high", "medium"}
    assert parse_fail_on("all") == {"high", "medium", "low"}
    assert parse_fail_on("none") == set()
    assert parse_fail_on(None) == {"high"}
    with pytest.raises(ValueError):
        parse_fail_on("critical")
    assert explain([{"severity": "high"}, {"severity": "low"}], {"high"}) == \
        "fail: 1 high, 1 low (fail on high)"


def test_data_docs_are_built_for_a_relative_out_dir(tmp_path: pathlib.Path, monkeypatch) -> None:
    """`crosscheck run DIR --out out/demo` passes a relative folder; GX wants an absolute one."""
    monkeypatch.chdir(tmp_path)
    outcome = run_checkpoint(make_store(), "run-1", pathlib.Path("out") / "demo")
    assert outcome.data_docs_index is not None and outcome.data_docs_index.is_absolute()
    assert outcome.data_docs_index.is_file()
    assert (tmp_path / "out" / "demo" / "data_docs" / "index.html").is_file()
