"""The DuckDB store: schema version and forward migration, refusal of unusable files with one
line, and two processes on one file (the second waits for the lock or fails clearly)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from crosscheck import store as store_mod
from crosscheck.models import Article, Sentence
from crosscheck.sqlfiles import read_sql
from crosscheck.store import SCHEMA_VERSION, Store, StoreError, check
from tests.conftest import EXAMPLES, ROOT

PY = str(ROOT / ".venv" / "bin" / "python")


def _tables(path: Path) -> set[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()


def _v1_store(path: Path) -> None:
    """A store exactly as the first release wrote it: sql/schema.sql and version 1."""
    con = duckdb.connect(str(path))
    con.execute(read_sql("schema"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO articles (article_id, content_hash, body) VALUES ('a1', 'h', 'Old body.')"
    )
    con.close()


def test_fresh_store_is_at_the_current_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.meta_get("schema_version") == str(SCHEMA_VERSION)
    assert {"meta", "articles", "claims", "embeddings", "warnings"} <= _tables(tmp_path / "s.duckdb")


def test_every_version_below_current_has_a_migration():
    steps = store_mod._migrations()
    assert sorted(steps) == list(range(1, SCHEMA_VERSION))
    for name in steps.values():
        assert read_sql(name).lstrip().startswith("--")  # each file opens with its what/why


def test_v1_store_migrates_forward_and_keeps_its_data(tmp_path):
    db = tmp_path / "old.duckdb"
    _v1_store(db)
    assert "warnings" not in _tables(db)
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.known_hashes() == {"a1": "h"}
        s.record_warnings("r1", ["x.md: 'published' is not an ISO 8601 date: 'yesterday'"])
        assert s.con.execute("SELECT count(*) FROM warnings WHERE run_id = 'r1'").fetchone() == (1,)
    with Store(db) as s:  # reopening is a no-op
        assert s.schema_version == SCHEMA_VERSION and s.known_hashes() == {"a1": "h"}


def test_failed_migration_leaves_the_old_version_whole(tmp_path, monkeypatch):
    db = tmp_path / "old.duckdb"
    _v1_store(db)
    monkeypatch.setattr(store_mod, "read_sql", lambda name: "SELECT * FROM no_such_table" if name.startswith("migrate") else read_sql(name))
    with pytest.raises(StoreError, match="not a usable crosscheck store"):
        Store(db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
    con.close()
    monkeypatch.undo()
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION


def test_newer_schema_is_refused_untouched(tmp_path):
    db = tmp_path / "new.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION + 1)])
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError) as err:
        Store(db)
    msg = str(err.value)
    assert "newer crosscheck" in msg and f"v{SCHEMA_VERSION + 1}" in msg and "\n" not in msg
    assert db.read_bytes() == before and _tables(db) == {"meta"}


@pytest.mark.parametrize(
    "case,make,words",
    [
        ("random bytes", lambda p: p.write_bytes(os.urandom(64 * 1024)), "not a usable DuckDB file"),
        ("zero bytes", lambda p: p.write_bytes(b""), "not a usable DuckDB file"),
        ("text file", lambda p: p.write_text("title,count\nx,1\n"), "not a usable DuckDB file"),
        ("a folder", lambda p: p.mkdir(), "is a folder"),
    ],
)
def test_unusable_file_is_one_line(tmp_path, case, make, words):
    db = tmp_path / "bad.duckdb"
    make(db)
    with pytest.raises(StoreError) as err:
        Store(db)
    assert words in str(err.value) and "\n" not in str(err.value) and "bad.duckdb" in str(err.value)


def _damaged(tmp_path: Path, how: str) -> Path:
    db = tmp_path / "real.duckdb"
    with Store(db) as s:
        s.con.execute("CREATE TABLE filler AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(100000)")
    data = bytearray(db.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    else:
        data[5000:9000] = os.urandom(4000)
    db.write_bytes(bytes(data))
    return db


@pytest.mark.parametrize("how", ["truncated", "overwritten block"])
def test_damaged_store_is_one_line(tmp_path, how):
    db = _damaged(tmp_path, how)
    with pytest.raises(StoreError) as err:
        Store(db)
    assert "real.duckdb" in str(err.value) and "\n" not in str(err.value)
    assert "locked" not in str(err.value)  # a checksum error on a "block" is not a lock


def test_foreign_duckdb_file_is_not_written(tmp_path):
    db = tmp_path / "analytics.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a crosscheck store"):
        check(db)
    assert _tables(db) == {"sales"}


def test_replace_article_is_atomic(store, monkeypatch):
    """A failure half-way through writing an article leaves the previous version whole."""
    old = Article("a1", "Old body.")
    store.replace_article(old, [], [])
    real = store.insert_frame

    def failing(table, frame):
        if table == "sentences":
            raise RuntimeError("disk full")
        real(table, frame)

    monkeypatch.setattr(store, "insert_frame", failing)
    new = Article("a1", "New body.")
    with pytest.raises(RuntimeError):
        store.replace_article(new, [Sentence("a1", 0, 0, 9, "New body.")], [])
    assert store.known_hashes() == {"a1": old.content_hash}


# --- two processes, one file ------------------------------------------------------------------

_HOLD = """
import sys, time
from crosscheck.store import Store
s = Store(sys.argv[1])
s.con.execute("INSERT INTO articles (article_id, content_hash, body) VALUES ('held', 'h', 'b')")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
s.close()
"""


def _holder(db: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([PY, "-c", _HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def test_second_process_waits_for_the_lock(tmp_path):
    db = tmp_path / "shared.duckdb"
    holder = _holder(db, 2.0)
    said: list[str] = []
    try:
        t0 = time.monotonic()
        with Store(db, lock_timeout=30, on_wait=said.append) as s:
            waited = time.monotonic() - t0
            assert s.known_hashes() == {"held": "h"}  # the first process's write is intact
    finally:
        holder.wait(timeout=30)
    assert waited > 0.5
    (line,) = said
    assert "shared.duckdb" in line and "in use by another run" in line and f"PID {holder.pid}" in line


def test_second_process_gives_up_with_a_clear_message(tmp_path):
    db = tmp_path / "shared.duckdb"
    holder = _holder(db, 10.0)
    try:
        t0 = time.monotonic()
        with pytest.raises(StoreError) as err:
            Store(db, lock_timeout=0.5, on_wait=None)
        assert time.monotonic() - t0 < 5
    finally:
        holder.kill()
        holder.wait(timeout=30)
    msg = str(err.value)
    assert "in use by another crosscheck run" in msg and "still locked" in msg and "\n" not in msg
    with Store(db) as s:  # the file is intact once the holder is gone
        assert s.known_hashes() == {"held": "h"} and s.schema_version == SCHEMA_VERSION


def test_lock_timeout_from_environment(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_LOCK_TIMEOUT", "3.5")
    assert store_mod.lock_timeout_default() == 3.5
    monkeypatch.setenv("CROSSCHECK_LOCK_TIMEOUT", "soon")
    assert store_mod.lock_timeout_default() == store_mod.DEFAULT_LOCK_TIMEOUT


@pytest.mark.e2e
def test_cli_run_against_a_locked_store(tmp_path):
    """A run started while another holds the file: exit 2, one line, the file still whole."""
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "fire-post.md").write_bytes((EXAMPLES / "fire-post.md").read_bytes())
    db = tmp_path / "shared.duckdb"
    holder = _holder(db, 120.0)
    try:
        proc = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "crosscheck"), "run", str(arts), "--out", str(tmp_path / "out"), "--db", str(db)],
            capture_output=True, text=True, timeout=300, env={**os.environ, "CROSSCHECK_LOCK_TIMEOUT": "1"},
        )
    finally:
        holder.kill()
        holder.wait(timeout=30)
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert lines[-1].startswith("crosscheck: ") and "in use by another crosscheck run" in lines[-1]
    assert len(lines) <= 2 and "Traceback" not in proc.stderr  # "waiting" notice, then the reason
    with Store(db) as s:
        assert s.known_hashes() == {"held": "h"}


def test_replace_articles_writes_a_batch_in_one_go(store):
    """Many articles in one call: every row lands, leads are hashed, an id given twice keeps
    its last version, and rewriting an article drops its old sentences and claims."""
    from crosscheck.models import Claim, sha256

    def claim(aid: str, start: int) -> Claim:
        return Claim(aid, 0, "numeric", "3", start, start + 1, "3", "people killed", "killed", low=3.0, high=3.0)

    first = [(Article(f"a{i}", f"Body {i}."), [Sentence(f"a{i}", 0, 0, 7, f"Body {i}.")], [claim(f"a{i}", 5)],
              f"lead {i}") for i in range(3)]
    store.replace_articles(first)
    again = Article("a1", "Body one again.")
    store.replace_articles([(Article("a1", "stale"), [], [], None), (again, [], [claim("a1", 9)], "lead one")])
    rows = store.con.execute("SELECT article_id, body, lead_text, lead_hash FROM articles ORDER BY 1").fetchall()
    assert rows == [("a0", "Body 0.", "lead 0", sha256("lead 0")), ("a1", "Body one again.", "lead one", sha256("lead one")),
                    ("a2", "Body 2.", "lead 2", sha256("lead 2"))]
    sents = store.con.execute("SELECT article_id FROM sentences ORDER BY 1").fetchall()
    assert sents == [("a0",), ("a2",)]
    claims = store.con.execute("SELECT article_id, char_start FROM claims ORDER BY 1").fetchall()
    assert claims == [("a0", 5), ("a1", 9), ("a2", 5)]


def test_replace_articles_is_atomic_for_the_whole_batch(store, monkeypatch):
    store.replace_articles([(Article("a1", "Old body."), [], [], None)])
    real = store.insert_frame

    def failing(table, frame):
        if table == "claims" or table == "sentences":
            raise RuntimeError("disk full")
        real(table, frame)

    monkeypatch.setattr(store, "insert_frame", failing)
    batch = [(Article("a1", "New body."), [Sentence("a1", 0, 0, 9, "New body.")], [], None),
             (Article("a2", "Other."), [Sentence("a2", 0, 0, 6, "Other.")], [], None)]
    with pytest.raises(RuntimeError):
        store.replace_articles(batch)
    assert store.known_hashes() == {"a1": Article("a1", "Old body.").content_hash}


def test_remove_articles_drops_their_rows(store):
    store.replace_articles([(Article(a, "B."), [Sentence(a, 0, 0, 2, "B.")], [], None) for a in ("a1", "a2", "a3")])
    store.remove_articles(["a1", "a3"])
    store.remove_articles([])
    assert set(store.known_hashes()) == {"a2"}
    assert store.con.execute("SELECT article_id FROM sentences").fetchall() == [("a2",)]


def test_parse_and_extract_batches_change_no_row(tmp_path, monkeypatch):
    """Committing every two articles stores exactly what one big batch stores."""
    from crosscheck import pipeline
    from crosscheck.ingest import read_folder

    articles = read_folder(EXAMPLES).articles
    dumps = []
    for size in (2, 64):
        monkeypatch.setattr(pipeline, "STORE_BATCH", size)
        with Store(tmp_path / f"b{size}.duckdb") as s:
            n = pipeline.parse_and_extract(s, articles)
            dumps.append((n, [s.con.execute(f"SELECT * {ex} FROM {t} ORDER BY ALL").fetchall() for t, ex in
                              (("articles", "EXCLUDE (ingested_at)"), ("sentences", ""), ("claims", ""))]))
    assert dumps[0] == dumps[1]
    assert dumps[0][0] > 0 and len(dumps[0][1][0]) == len(articles)


def _acronyms(store: Store) -> list[tuple[str, str, str]]:
    return store.con.execute("SELECT article_id, acronym, full_name FROM acronyms ORDER BY ALL").fetchall()


def test_acronyms_come_and_go_with_their_article(store):
    """An article's acronym definitions are written, replaced and removed in the same
    transaction as its claims, so a re-parse or a removed article never leaves stale ones."""
    a1, a2 = Article("a1", "Varn Freedom Front (VFF) said."), Article("a2", "VFF said.")
    store.replace_articles([(a1, [], [], None), (a2, [], [], None)], acronyms={"a1": {"vff": "varn freedom front"}})
    assert _acronyms(store) == [("a1", "vff", "varn freedom front")]
    store.replace_articles([(Article("a1", "Varn Front (VF) said."), [], [], None)], acronyms={"a1": {"vf": "varn front"}})
    assert _acronyms(store) == [("a1", "vf", "varn front")]
    store.replace_articles([(Article("a1", "No acronym."), [], [], None)])
    assert _acronyms(store) == []
    store.replace_articles([(a1, [], [], None)], acronyms={"a1": {"vff": "varn freedom front"}})
    store.remove_articles(["a1"])
    assert _acronyms(store) == [] and store.known_hashes() == {"a2": a2.content_hash}


def test_event_acronyms_are_shared_within_an_event_only(store):
    from crosscheck import pipeline

    arts = [Article(a, a) for a in ("a1", "a2", "a3")]
    store.replace_articles([(a, [], [], None) for a in arts],
                           acronyms={"a1": {"vff": "varn freedom front"}, "a3": {"vff": "valley fishing fleet"}})
    store.con.execute("INSERT INTO events (article_id, event_id) VALUES ('a1', 'e1'), ('a2', 'e1'), ('a3', 'e2')")
    assert pipeline.event_acronyms(store) == {"e1": {"vff": "varn freedom front"}, "e2": {"vff": "valley fishing fleet"}}


def test_articles_read_by_another_extractor_are_read_again(store, monkeypatch):
    """Claims depend on the extractor as much as on the text: after an upgrade the stored
    articles are planned again although their content hash is unchanged; when nothing
    changed, nothing is."""
    from crosscheck import pipeline
    from crosscheck.ingest import IngestResult

    a1, a2 = Article("a1", "First."), Article("a2", "Second.")
    store.replace_articles([(a1, [], [], None)], extracted_with=pipeline.extraction_fingerprint())
    store.replace_articles([(a2, [], [], None)], extracted_with="an older extractor")
    plan = pipeline.plan_from(store, IngestResult([a1, a2]), "r1")
    assert [a.article_id for a in plan.changed] == ["a2"]
    monkeypatch.setattr(pipeline, "extraction_fingerprint", lambda: "a newer extractor")
    assert [a.article_id for a in pipeline.plan_from(store, IngestResult([a1, a2]), "r2").changed] == ["a1", "a2"]


def test_extraction_fingerprint_follows_the_extraction_code(tmp_path):
    from crosscheck import pipeline

    assert all((ROOT / "crosscheck" / n).exists() for n in pipeline._EXTRACTION_CODE)
    (tmp_path / "nlp").mkdir()
    (tmp_path / "nlp" / "numbers.py").write_text("A = 1\n")
    (tmp_path / "models.py").write_text("B = 1\n")
    names, pkgs = ("nlp", "models.py"), ("duckdb",)
    first = pipeline.fingerprint_of(tmp_path, names, pkgs)
    assert pipeline.fingerprint_of(tmp_path, names, pkgs) == first
    (tmp_path / "nlp" / "numbers.py").write_text("A = 2\n")
    changed = pipeline.fingerprint_of(tmp_path, names, pkgs)
    assert changed != first
    (tmp_path / "nlp" / "dates.py").write_text("C = 1\n")  # a new module counts too
    assert pipeline.fingerprint_of(tmp_path, names, pkgs) != changed
    assert pipeline.fingerprint_of(tmp_path, names, ("duckdb", "spacy")) != pipeline.fingerprint_of(tmp_path, names, pkgs)


def test_v2_store_gets_acronyms_and_reads_its_articles_again(tmp_path):
    db = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(db))
    con.execute(read_sql("schema"))
    con.execute(read_sql("migrate_2"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO articles (article_id, content_hash, body) VALUES ('a1', 'h', 'Old body.')")
    con.close()
    with Store(db) as s:
        assert s.schema_version == SCHEMA_VERSION and "acronyms" in _tables_of(s)
        assert s.stale_extractions("any") == {"a1"}  # written before fingerprints: read again once


def _tables_of(s: Store) -> set[str]:
    return {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
