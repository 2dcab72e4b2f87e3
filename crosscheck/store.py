"""The DuckDB store: the only module that opens a connection.

Every stage reads from and writes to these tables, so a run can be resumed or inspected with
plain SQL. Writes go in bulk (pandas/Arrow frames registered with DuckDB), never row loops.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pandas as pd

from crosscheck.models import Article, Claim, Sentence, Skip, sha256
from crosscheck.sqlfiles import read_sql

if TYPE_CHECKING:  # the parse-side module imports spaCy, which the store itself never needs
    from crosscheck.nlp.event_terms import EventSignals

# v1: sql/schema.sql as first released. v2: `warnings` (sql/migrate_2.sql). v3: `acronyms` and
# `extractions` (sql/migrate_3.sql). v4: `claim_frames` and `discrepancies.confidence`
# (sql/migrate_4.sql). v5: `findings` and `finding_discrepancies` (sql/migrate_5.sql). v6: the
# event stage's `article_terms` and `article_datelines` (sql/migrate_6.sql). v7: `verdicts`,
# `checked_articles` and `aligned_events` (incremental judging, checking and alignment,
# sql/migrate_7.sql).
SCHEMA_VERSION = 7

# How long a run waits for another run holding the file before giving up. A whole run takes
# tens of seconds on a small folder, so a scheduled run colliding with a manual one should wait
# rather than fail; CROSSCHECK_LOCK_TIMEOUT (seconds) overrides it.
DEFAULT_LOCK_TIMEOUT = 120.0

_PID = re.compile(r"\(PID (\d+)\)")
# DuckDB's wording for a file another process holds ("block" alone is not a lock).
_LOCKED = re.compile(r"could not set lock|conflicting lock", re.I)


class StoreError(Exception):
    """A store that cannot be used (corrupt, locked, from a newer version); message is one line."""


def _migrations() -> dict[int, str]:
    """Forward migrations: version n -> the SQL file (in sql/) that brings it to n + 1.

    A fresh file gets sql/schema.sql (the v1 shape, idempotent) and then every migration, so a
    new and an upgraded store always end up with the same tables.
    """
    return {1: "migrate_2", 2: "migrate_3", 3: "migrate_4", 4: "migrate_5", 5: "migrate_6", 6: "migrate_7"}


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def lock_timeout_default() -> float:
    try:
        return float(os.environ.get("CROSSCHECK_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _say_waiting(message: str) -> None:
    print(f"crosscheck: {message}", file=sys.stderr, flush=True)


def check(path: Path | str, *, lock_timeout: float | None = None) -> None:
    """Open, migrate and close: lets the command line refuse an unusable --db with one line
    before any flow starts (an exception inside the flow would be logged with a traceback)."""
    Store(path, lock_timeout=lock_timeout).close()


class Store:
    """A DuckDB file holding articles, sentences, claims, embeddings, alignments and runs."""

    def __init__(
        self,
        path: Path | str,
        *,
        lock_timeout: float | None = None,
        on_wait: Callable[[str], None] | None = _say_waiting,
    ) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a DuckDB file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror})") from None
        timeout = lock_timeout_default() if lock_timeout is None else lock_timeout
        self.con = self._connect(timeout, on_wait)
        try:
            self._init_schema()
        except BaseException:
            self.con.close()
            raise

    def _connect(self, lock_timeout: float, on_wait: Callable[[str], None] | None) -> duckdb.DuckDBPyConnection:
        """Open the file, waiting for another run's lock to go away rather than failing at once."""
        deadline = time.monotonic() + lock_timeout
        told = False
        while True:
            try:
                return duckdb.connect(
                    str(self.path), config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
                )
            except duckdb.IOException as exc:
                msg = str(exc)
                if not _LOCKED.search(msg):
                    raise StoreError(f"{self.path}: not a usable DuckDB file ({_first_line(exc)})") from None
                pid = _PID.search(msg)
                holder = f" (PID {pid.group(1)})" if pid else ""
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{self.path}: in use by another crosscheck run{holder}; still locked after "
                        f"{lock_timeout:g} s (wait for it to finish or use another --db)"
                    ) from None
                if not told and on_wait is not None:
                    on_wait(f"{self.path}: in use by another run{holder}; waiting up to {lock_timeout:g} s")
                    told = True
                time.sleep(0.25)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: not a usable DuckDB file ({_first_line(exc)})") from None

    def _init_schema(self) -> None:
        """Read the version before writing anything: a newer or foreign file is left untouched.
        Schema and migrations run in one transaction, so a crash leaves the old version whole."""
        try:
            version = self._stored_version()
            if version is not None and version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer crosscheck (schema v{version}; this one knows up to"
                    f" v{SCHEMA_VERSION}); upgrade crosscheck or use another --db"
                )
            if version == SCHEMA_VERSION:
                return
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(read_sql("schema"))
                if version is None:
                    self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '1')")
                    version = 1
                migrations = _migrations()
                for v in range(version, SCHEMA_VERSION):
                    self.con.execute(read_sql(migrations[v]))
                self.con.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]
                )
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a usable crosscheck store ({_first_line(exc)})") from None

    def _stored_version(self) -> int | None:
        """None for a fresh (empty) file; StoreError for a DuckDB file that is not a store."""
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables:
            return None
        if "meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB file but not a crosscheck store (no meta table); use another --db")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise StoreError(f"{self.path}: crosscheck store without a schema version (damaged?); use another --db")
        try:
            return int(row[0])
        except (TypeError, ValueError):
            raise StoreError(f"{self.path}: schema version {row[0]!r} is not a number (damaged?)") from None

    @property
    def schema_version(self) -> int:
        return int(self.meta_get("schema_version") or 0)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- generic helpers -------------------------------------------------------------------
    def query(self, name: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run ``sql/<name>.sql`` and return its rows as a DataFrame."""
        return self.con.execute(read_sql(name), params or []).df()

    def run_sql(self, name: str, params: Sequence[Any] | dict[str, Any] | None = None) -> None:
        self.con.execute(read_sql(name), params or [])

    def insert_frame(self, table: str, frame: pd.DataFrame) -> None:
        """Bulk insert by column name (DuckDB reads the frame through Arrow)."""
        if frame.empty:
            return
        cols = ", ".join(frame.columns)
        self.con.register("_frame", frame)
        try:
            self.con.execute(f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {cols} FROM _frame")
        finally:
            self.con.unregister("_frame")

    # --- articles --------------------------------------------------------------------------
    def known_hashes(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT article_id, content_hash FROM articles").fetchall())

    def stale_extractions(self, fingerprint: str) -> set[str]:
        """Stored articles whose claims another version of the extractor wrote."""
        return set(self.query("stale_extractions", [fingerprint])["article_id"])

    def replace_article(self, article: Article, sentences: Iterable[Sentence], claims: Iterable[Claim],
                        lead: str | None = None) -> None:
        """Write one article with its sentences and claims atomically (a crash leaves none of it)."""
        self.replace_articles([(article, list(sentences), list(claims), lead)])

    def replace_articles(self, items: Sequence[tuple[Article, Sequence[Sentence], Sequence[Claim], str | None]],
                         acronyms: Mapping[str, Mapping[str, str]] | None = None,
                         extracted_with: str | None = None,
                         signals: Mapping[str, EventSignals] | None = None) -> None:
        """Write many articles (each with its sentences, claims and lead text) in one transaction.

        One frame per table and one statement per table for the whole batch: a statement costs
        DuckDB milliseconds however few rows it carries, so writing articles one by one spent
        more time in statement overhead than spaCy spent parsing them. A crash leaves none of
        the batch; an article given twice keeps its last version, as two single writes would.
        ``acronyms``: per article id, the acronyms it defines (acronym key -> full name key);
        ``extracted_with``: the fingerprint of the extraction that produced the claims;
        ``signals``: per article id, what the event stage compares (terms and dateline)."""
        last = {article.article_id: i for i, (article, *_rest) in enumerate(items)}
        items = [item for i, item in enumerate(items) if last[item[0].article_id] == i]
        if not items:
            return
        article_df = pd.DataFrame({
            "article_id": [a.article_id for a, *_ in items], "content_hash": [a.content_hash for a, *_ in items],
            "path": [a.path for a, *_ in items], "format": [a.format for a, *_ in items],
            "source": [a.source for a, *_ in items], "title": [a.title for a, *_ in items],
            "published": [a.published for a, *_ in items], "url": [a.url for a, *_ in items],
            "body": [a.body for a, *_ in items], "lead_text": [lead for *_, lead in items],
            "lead_hash": [None if lead is None else sha256(lead) for *_, lead in items],
        })
        sent_df = pd.DataFrame([s.__dict__ for _, sents, _, _ in items for s in sents])
        claim_df = pd.DataFrame([c.row() for _, _, claims, _ in items for c in claims])
        frame_df = pd.DataFrame([c.frame_row() for _, _, claims, _ in items for c in claims])
        kept = set(article_df["article_id"])
        acro_df = pd.DataFrame(
            [{"article_id": aid, "acronym": acro, "full_name": full}
             for aid, defs in sorted((acronyms or {}).items()) if aid in kept for acro, full in sorted(defs.items())],
            columns=["article_id", "acronym", "full_name"])
        signals = {aid: sig for aid, sig in (signals or {}).items() if aid in kept}
        term_df = pd.DataFrame(
            [(aid, *term) for aid, sig in sorted(signals.items()) for term in sig.terms],
            columns=["article_id", "kind", "term", "surface", "tf", "in_lead"])
        term_df = term_df.drop_duplicates(["article_id", "kind", "term"])
        line_df = pd.DataFrame(
            [(aid, sig.dateline, sig.published_from_text, *sig.dateline_span)
             for aid, sig in sorted(signals.items()) if sig.dateline and sig.dateline_span],
            columns=["article_id", "dateline", "published_from_text", "char_start", "char_end"])
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_articles(article_df[["article_id"]])
            self.insert_frame("articles", article_df)
            self.insert_frame("sentences", sent_df)
            self.insert_frame("claims", claim_df)
            self.insert_frame("claim_frames", frame_df)
            self.insert_frame("acronyms", acro_df)
            self.insert_frame("article_terms", term_df)
            self.insert_frame("article_datelines", line_df)
            if extracted_with is not None:
                self.insert_frame("extractions", pd.DataFrame(
                    {"article_id": article_df["article_id"], "extracted_with": extracted_with}))
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _delete_articles(self, ids: pd.DataFrame) -> None:
        """Delete articles (a frame with an ``article_id`` column) and what hangs off them."""
        self.con.register("_ids", ids)
        try:
            for table in ("article_terms", "article_datelines", "acronyms", "extractions", "claim_frames", "claims",
                          "sentences", "articles"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _ids)")
        finally:
            self.con.unregister("_ids")

    def remove_articles(self, article_ids: Iterable[str]) -> None:
        ids = pd.DataFrame({"article_id": list(article_ids)}, dtype=object)
        if not ids.empty:
            self._delete_articles(ids)

    def record_skips(self, run_id: str, skips: Iterable[Skip]) -> None:
        df = pd.DataFrame([{"run_id": run_id, "path": s.path, "reason": s.reason} for s in skips])
        if not df.empty:
            self.con.register("_frame", df)
            self.con.execute("INSERT INTO skipped SELECT run_id, path, reason FROM _frame")
            self.con.unregister("_frame")

    def record_warnings(self, run_id: str, warnings: Iterable[str]) -> None:
        """Keep the run's ingest warnings (bad or future `published`) next to its skips."""
        df = pd.DataFrame([{"run_id": run_id, "message": w} for w in warnings])
        self.con.execute("DELETE FROM warnings WHERE run_id = ?", [run_id])
        if not df.empty:
            self.con.register("_frame", df)
            try:
                self.con.execute("INSERT INTO warnings SELECT run_id, message FROM _frame")
            finally:
                self.con.unregister("_frame")

    # --- embeddings ------------------------------------------------------------------------
    def texts_to_embed(self) -> pd.DataFrame:
        return self.query("texts_to_embed")

    def put_embeddings(self, hashes: Sequence[str], vectors: np.ndarray, model: str) -> None:
        """Store a batch; committed per batch so an interrupted run keeps what it embedded."""
        vecs = np.asarray(vectors, dtype=np.float32)
        frame = pd.DataFrame({"text_hash": list(hashes), "model": model, "embedding": list(vecs)})
        self.con.register("_emb", frame)
        try:
            self.con.execute(
                "INSERT OR REPLACE INTO embeddings SELECT text_hash, model, embedding::FLOAT[384] FROM _emb"
            )
        finally:
            self.con.unregister("_emb")

    # --- runs ------------------------------------------------------------------------------
    def start_run(self, run_id: str, source: str) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO runs (run_id, started_at, input, status) VALUES (?, now()::TIMESTAMP, ?, 'running')",
            [run_id, source],
        )

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        sets = ", ".join(f"{k} = ?" for k in counts)
        self.con.execute(
            f"UPDATE runs SET finished_at = now()::TIMESTAMP, status = ?{', ' + sets if sets else ''} WHERE run_id = ?",
            [status, *counts.values(), run_id],
        )

    def meta_get(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def meta_set(self, key: str, value: str | dict[str, Any]) -> None:
        text = value if isinstance(value, str) else json.dumps(value)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, text])
