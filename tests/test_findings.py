"""Findings: pairs grouped per disputed subject, agreeing claims included, neutral summaries.

Rows are invented: three outlets on a fictional harbour fire, as sql/findings_*.sql return them.
"""

from __future__ import annotations

from crosscheck.reports.finding_text import summarise
from crosscheck.reports.findings import finding_id, finding_severity, group_findings


def _claim(cid: str, aid: str, source: str, published: str, low: float | None, high: float | None,
           text: str, subject: str = "boats burned in the harbour") -> dict:
    return {"claim_id": cid, "article_id": aid, "source": source, "published": published, "kind": "numeric",
            "low": low, "high": high, "value_text": text, "subject": subject, "event_id": "ev",
            "counted": "boat burn", "unit": None, "place": None, "grp": None, "scope": None, "entity": None,
            "char_start": 0}


CLAIMS = {c["claim_id"]: c for c in [
    _claim("a", "t1", "Harbour Wire", "2031-05-01T08:00:00+00:00", 7, 7, "seven"),
    _claim("b", "t2", "Coast Radio", "2031-05-01T12:00:00+00:00", 11, 11, "11"),
    _claim("c", "t3", "Bay Courier", "2031-05-02T09:00:00+00:00", 11, 11, "eleven", "boats burned"),
    _claim("d", "t4", "Harbour Wire", "2031-05-02T18:00:00+00:00", 10, None, "more than nine"),
    _claim("x", "t5", "Other Daily", "2031-05-02T18:00:00+00:00", 3, 3, "three", "crew rescued"),
]}
CLAIMS["x"]["counted"] = "crew rescue"  # another measure


def test_only_agreements_as_sure_as_a_report_make_values() -> None:
    from crosscheck.reports.findings import sure_agreements

    rows = [("a", "b", "numeric", 0.9), ("a", "x", "numeric", 0.2), ("c", "d", "date", 0.5), ("e", "f", "date", None)]
    assert sure_agreements(rows, {"numeric": 0.4, "date": 0.45}.get) == [("a", "b"), ("c", "d")]


def _pair(did: str, a: str, b: str, sev: str = "high", conf: float = 0.8, kind: str = "numeric") -> dict:
    return {"discrepancy_id": did, "event_id": "ev", "kind": kind, "claim_a": a, "claim_b": b,
            "severity": sev, "similarity": 0.7, "confidence": conf}


def test_connected_pairs_make_one_finding_with_agreeing_claims() -> None:
    pairs = [_pair("p1", "a", "b", "high", 0.6), _pair("p2", "a", "c", "medium", 0.9)]
    agreeing = [("b", "c"), ("c", "d")]
    (f,) = group_findings(pairs, CLAIMS, agreeing)
    assert f.discrepancy_ids == ["p1", "p2"]
    assert f.claim_ids == ["a", "b", "c", "d"]  # publication order; d agrees with c
    assert f.confidence == 0.9 and f.severity == "high"
    assert f.subject == "boats burned in the harbour"  # the subject most disputed claims carry
    assert f.finding_id == finding_id("ev", "numeric", ["c", "b", "a"])


def test_every_pair_sits_in_exactly_one_finding() -> None:
    pairs = [_pair("p1", "a", "b"), _pair("p2", "c", "x"), _pair("p3", "a", "b", kind="date")]
    found = group_findings(pairs, CLAIMS, [])
    ids = [d for f in found for d in f.discrepancy_ids]
    assert sorted(ids) == ["p1", "p2", "p3"] and len(found) == 3


def test_findings_are_ordered_by_confidence_then_severity() -> None:
    pairs = [_pair("p1", "a", "b", "low", 0.95), _pair("p2", "c", "x", "high", 0.95),
             _pair("p3", "d", "x", "high", 0.5, kind="date")]
    found = group_findings(pairs, CLAIMS, [])
    assert [f.discrepancy_ids for f in found] == [["p2"], ["p1"], ["p3"]]


def test_severity_follows_the_gap_and_drops_when_doubtful() -> None:
    assert finding_severity(["low", "high"], 0.9) == "high"
    assert finding_severity(["high"], 0.3) == "medium"
    assert finding_severity(["low"], 0.1) == "low"


def test_the_id_does_not_depend_on_pair_order() -> None:
    one = group_findings([_pair("p1", "a", "b"), _pair("p2", "b", "c")], CLAIMS, [])
    two = group_findings([_pair("p2", "c", "b"), _pair("p1", "b", "a")], CLAIMS, [])
    assert one[0].finding_id == two[0].finding_id


def test_summary_counts_outlets_names_the_latest_and_the_revision() -> None:
    values = [CLAIMS[c] for c in ("a", "b", "c", "d")]
    conflicts = {frozenset(("a", "b")), frozenset(("a", "c"))}
    text = summarise("numeric", values, conflicts)
    assert text.startswith("3 outlets give 3 figures: seven (Harbour Wire); more than nine (Harbour Wire); "
                           "11 (Bay Courier, Coast Radio)")
    assert "the latest (more than nine, Harbour Wire, 2 May 18:00) agrees with 2 of the 3 other reports" in text
    assert "Harbour Wire reported seven on 1 May 08:00, then more than nine on 2 May 18:00 (revised up)" in text
    assert "outlier: seven (Harbour Wire)" in text  # no other article allows seven
    assert "the 3 latest reports are consistent with one another" in text  # 11, eleven, more than nine
    assert "misled" not in text and "superseded" not in text


def test_summary_of_two_names() -> None:
    a = {"claim_id": "e1", "article_id": "t1", "kind": "entity", "entity": "dockers union",
         "value_text": "the Dockers Union", "source": "Harbour Wire", "published": "2031-05-01"}
    b = {"claim_id": "e2", "article_id": "t2", "kind": "entity", "entity": "port authority",
         "value_text": "the Port Authority", "source": "Coast Radio", "published": "2031-05-02"}
    text = summarise("entity", [a, b], {frozenset(("e1", "e2"))})
    assert text == ("2 outlets give 2 names: the Dockers Union (Harbour Wire); the Port Authority (Coast Radio); "
                    "the latest (the Port Authority, Coast Radio, 2 May) differs from the other report")


def test_checkpoint_rows_name_their_finding(tmp_path) -> None:
    """Data Docs list a failed expectation's rows with their finding (grouped by it)."""
    from checks import run_checkpoint
    from tests.test_checks import make_store

    con = make_store()
    con.execute((__import__("pathlib").Path(__file__).parents[1] / "sql" / "migrate_5.sql").read_text())
    ids = [r[0] for r in con.execute("SELECT discrepancy_id FROM discrepancies").fetchall()]
    con.executemany("INSERT INTO finding_discrepancies VALUES (?, ?)", [[d, "F-" + d[:4]] for d in ids])
    outcome = run_checkpoint(con, "run-1", tmp_path)
    rows = [row for r in outcome.failed if r.get("kind") for row in r["unexpected_rows"]]
    assert rows and all(row["finding_id"] == "F-" + row["discrepancy_id"][:4] for row in rows)


def test_a_run_without_pairs_has_no_findings_and_clears_the_last_ones(tmp_path) -> None:
    from crosscheck.reports.findings import build_findings
    from crosscheck.store import Store

    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute("INSERT INTO findings VALUES ('old', 'r0', 'ev', 'numeric', 's', 'low', 0.5, 'x', 0, ['c'])")
        assert build_findings(store, "r1") == []
        assert store.con.execute("SELECT count(*) FROM findings").fetchone()[0] == 0
