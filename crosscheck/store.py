"""The DuckDB store: the only module that opens a connection.

Every stage reads from and writes to these tables, so a run can be resumed or inspected with
plain SQL. Writes go in bulk (pandas/Arrow frames registered with DuckDB), never row loops.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from crosscheck.models import Article, Claim, Sentence, Skip
from crosscheck.sqlfiles import read_sql

SCHEMA_VERSION = 1


class StoreError(Exception):
    """A store that cannot be used (corrupt, locked, from a newer version); message is one line."""


def _migrations() -> dict[int, str]:
    """Forward migrations: version n -> n+1 as SQL file names in sql/ (none yet beyond v1)."""
    return {}


class Store:
    """A DuckDB file holding articles, sentences, claims, embeddings, alignments and runs."""

    def __init__(self, path: Path | str, *, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = self._connect(lock_timeout)
        self._init_schema()

    def _connect(self, lock_timeout: float) -> duckdb.DuckDBPyConnection:
        """Open the file, waiting for another run's lock to go away rather than failing at once."""
        deadline = time.monotonic() + lock_timeout
        while True:
            try:
                return duckdb.connect(
                    str(self.path), config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
                )
            except duckdb.IOException as exc:
                msg = str(exc)
                if "lock" in msg.lower() and time.monotonic() < deadline:
                    time.sleep(0.5)
                    continue
                if "lock" in msg.lower():
                    raise StoreError(f"{self.path}: in use by another crosscheck run (locked)") from None
                raise StoreError(f"{self.path}: not a usable DuckDB file ({msg.splitlines()[0]})") from None
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: not a usable DuckDB file ({str(exc).splitlines()[0]})") from None

    def _init_schema(self) -> None:
        try:
            self.con.execute(read_sql("schema"))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot create the schema ({str(exc).splitlines()[0]})") from None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer crosscheck (schema v{version}, this one knows v{SCHEMA_VERSION})"
            )
        for v in range(version, SCHEMA_VERSION):
            self.con.execute(read_sql(_migrations()[v]))
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(v + 1)])

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

    def replace_article(self, article: Article, sentences: Iterable[Sentence], claims: Iterable[Claim]) -> None:
        """Write one article with its sentences and claims atomically (a crash leaves none of it)."""
        sent_df = pd.DataFrame([s.__dict__ for s in sentences])
        claim_df = pd.DataFrame([c.row() for c in claims])
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_article(article.article_id)
            self.con.execute(
                "INSERT INTO articles (article_id, content_hash, path, format, source, title, published, url, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.article_id, article.content_hash, article.path, article.format,
                    article.source, article.title, article.published, article.url, article.body,
                ],
            )
            self.insert_frame("sentences", sent_df)
            self.insert_frame("claims", claim_df)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _delete_article(self, article_id: str) -> None:
        self.con.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE article_id = ?", [article_id])

    def remove_articles(self, article_ids: Iterable[str]) -> None:
        for aid in article_ids:
            self._delete_article(aid)

    def record_skips(self, run_id: str, skips: Iterable[Skip]) -> None:
        df = pd.DataFrame([{"run_id": run_id, "path": s.path, "reason": s.reason} for s in skips])
        if not df.empty:
            self.con.register("_frame", df)
            self.con.execute("INSERT INTO skipped SELECT run_id, path, reason FROM _frame")
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
