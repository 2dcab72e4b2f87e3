"""Incremental runs on one store: run, add an article, run again, take it away, run again,
change nothing, put it back.

Asserted from the DuckDB file, not from logs: the second run parses only the added article
(the others keep their ingest time) and embeds exactly its texts; the report marks the
discrepancies that did not exist before as new and the others as open; the third run lists
what went away as resolved and embeds nothing; the fourth re-clusters nothing; in the fifth
the returning discrepancies are new again.
"""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES
from tests.test_prefect_server import on_server, prefect_server  # noqa: F401 - shared server fixtures

pytestmark = pytest.mark.server


def _texts_of(con, article_id: str) -> set[str]:
    rows = con.execute(
        "SELECT text_hash FROM claims WHERE article_id = ? UNION SELECT context_hash FROM claim_frames "
        "WHERE article_id = ? UNION SELECT lead_hash FROM articles WHERE article_id = ?",
        [article_id, article_id, article_id],
    ).fetchall()
    return {r[0] for r in rows}


def _embedded(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT text_hash FROM embeddings").fetchall()}


def _ingested(con) -> dict[str, object]:
    return dict(con.execute("SELECT article_id, ingested_at FROM articles").fetchall())


def test_second_run_does_only_the_new_article(on_server, model, tmp_path, monkeypatch):
    from flows.check_flow import crosscheck_flow

    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES, articles)
    held_out = sorted(articles.glob("*.md"))[-1]  # added back before the second run
    added = held_out.stem
    parked = tmp_path / held_out.name
    held_out.rename(parked)
    out, db = tmp_path / "out", tmp_path / "store.duckdb"

    def run() -> dict:
        """report.json with the run-relative view of changes.json folded back in."""
        crosscheck_flow(str(articles), str(out), str(db), return_state=True)
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
        assert "status" not in json.dumps(report["discrepancies"])  # report.json stays run-independent
        new, still = set(changes["new"]), set(changes["open"])
        assert {d["id"] for d in report["discrepancies"]} == new | still and not new & still
        for d in report["discrepancies"]:
            d["status"] = "new" if d["id"] in new else "open"
        report["previous_run_id"], report["resolved"] = changes["previous_run_id"], changes["resolved"]
        return report

    first = run()
    with duckdb.connect(str(db), read_only=True) as con:
        before_emb, before_ing = _embedded(con), _ingested(con)
    assert added not in before_ing and before_emb

    parked.rename(held_out)
    second = run()
    with duckdb.connect(str(db), read_only=True) as con:
        new_texts = _texts_of(con, added)
        after_emb, after_ing = _embedded(con), _ingested(con)
        runs = con.execute("SELECT run_id, embedded, new_discrepancies FROM runs ORDER BY run_id").fetchall()
    # Only the added article was parsed: every other article kept its row from the first run.
    assert {a: t for a, t in after_ing.items() if a != added} == before_ing
    # Exactly the added article's texts were embedded, and the run recorded that count.
    assert after_emb - before_emb == new_texts - before_emb
    assert new_texts - before_emb, "the added article brought no new text to embed"
    assert runs[-1][0] == second["run_id"] and runs[-1][1] == len(new_texts - before_emb)

    old_ids = {d["id"] for d in first["discrepancies"]}
    statuses = {d["id"]: d["status"] for d in second["discrepancies"]}
    assert old_ids <= set(statuses), "a discrepancy of the first run disappeared though nothing changed"
    assert all(statuses[i] == "open" for i in old_ids)
    new = {i for i, s in statuses.items() if s == "new"}
    assert new == set(statuses) - old_ids and new, "adding the article should surface its conflicts"
    assert all(any(c["article_id"] == added for c in d["claims"]) for d in second["discrepancies"] if d["id"] in new)
    assert second["previous_run_id"] == first["run_id"] and second["resolved"] == []
    assert runs[-1][2] == len(new)

    # Taking the article away resolves exactly the discrepancies it took part in.
    held_out.unlink()
    third = run()
    resolved = {r["id"] for r in third["resolved"]}
    assert resolved == {d["id"] for d in second["discrepancies"] if any(c["article_id"] == added for c in d["claims"])}
    assert {d["id"] for d in third["discrepancies"]} == set(statuses) - resolved
    assert all(d["status"] == "open" for d in third["discrepancies"])
    with duckdb.connect(str(db), read_only=True) as con:
        last = con.execute("SELECT embedded, resolved_discrepancies, status FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
    assert last == (0, len(resolved), "completed")

    # Nothing changed: the events are still exact, so clustering (the one super-linear step)
    # must not run again; the run still finds and reports the same open discrepancies.
    from crosscheck import align

    def no_reclustering(store):
        raise AssertionError("events were re-clustered although no article changed")

    monkeypatch.setattr(align, "assign_events", no_reclustering)
    fourth = run()
    monkeypatch.undo()
    assert fourth["discrepancies"] and [d["id"] for d in fourth["discrepancies"]] == [d["id"] for d in third["discrepancies"]]
    assert fourth["resolved"] == [] and all(d["status"] == "open" for d in fourth["discrepancies"])

    # Putting the article back brings its discrepancies back: new since the previous run (it
    # had them resolved), though their ids are the old ones; nothing needs embedding again.
    shutil.copy(EXAMPLES / held_out.name, held_out)
    fifth = run()
    back = {d["id"]: d["status"] for d in fifth["discrepancies"]}
    assert resolved <= set(back) and all(back[i] == "new" for i in resolved)
    assert all(back[i] == "open" for i in set(back) - resolved)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT embedded FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()[0] == 0

    # `crosscheck history` lists the runs, newest first, with their counts.
    import typer

    from crosscheck.cli_schedule import register

    app = typer.Typer()
    register(app)
    got = CliRunner().invoke(app, ["history", "--db", str(db), "--json"])
    assert got.exit_code == 0, got.output
    lines = [json.loads(x) for x in got.output.splitlines()]
    assert [r["run_id"] for r in lines] == [x["run_id"] for x in (fifth, fourth, third, second, first)]
    assert [r["resolved_discrepancies"] for r in lines] == [0, 0, len(resolved), 0, 0]
    assert [r["new_discrepancies"] for r in lines] == [len(resolved), 0, 0, len(new), len(first["discrepancies"])]
    assert [r["status"] for r in lines] == ["completed"] * 5
    table = CliRunner().invoke(app, ["history", "--db", str(db)])
    assert table.exit_code == 0 and fifth["run_id"] in table.output and "completed" in table.output
