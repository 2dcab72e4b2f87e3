"""Run the crosscheck suites through real GX checkpoints and keep the results.

The flow calls :func:`run_checkpoint` once per run, after the pipeline has written the store.
It reads each frame of :mod:`checks.suite` from DuckDB, validates it with an ephemeral GX
context (pandas datasource, suite, validation definition, checkpoint), keeps every result in
the DuckDB table ``validations`` (so data-quality history is plain SQL), and builds Data Docs
that work offline (:mod:`checks.datadocs`).

Why ephemeral: the store is DuckDB, not a GX project; results live in ``validations`` and in
the Data Docs written for this run, so a file context would only be a second, stale copy.

Incremental: a scheduled run validates what arrived, not the whole store. Rows of articles
whose rows all passed an earlier run, unchanged since (same content, extraction and suite),
and aligned pairs whose consistent verdict an earlier run made are left out of the frames;
every other row (new, changed, or failing before) is validated as a real GX expectation, so a
failure is reported with its rows every run until it is fixed. Each result says how many
rows it validated (``rows_validated``) and how many it kept from earlier runs (``rows_kept``).
A store without the bookkeeping tables (sql/migrate_7.sql) is validated whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
import pathlib
import shutil
import warnings
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from checks.policy import SEVERITIES
from checks.suite import Frame, frames
from crosscheck.sqlfiles import read_sql, sql_dir

log = logging.getLogger(__name__)

SITE_NAME = "crosscheck"
DATASOURCE_NAME = "crosscheck"
INPUT_SUFFIXES = {".md", ".markdown", ".txt", ".json", ".jsonl", ".html", ".htm"}

# The tables an incremental validation needs (sql/migrate_7.sql, sql/migrate_3.sql).
INCREMENTAL_TABLES = frozenset({"checked_articles", "verdicts", "extractions"})


@dataclass
class CheckOutcome:
    """What the flow needs from the checkpoint: the verdict, the evidence, and where docs are.

    ``results`` holds one dict per expectation: ``name``, ``frame``, ``expectation_type``,
    ``column``, ``kind`` (consistency checks only), ``success``, ``unexpected_count``,
    ``unexpected_rows`` (the offending rows as dicts, with their evidence columns),
    ``description`` and ``exception`` (a message when GX itself failed on it).
    """

    success: bool
    results: list[dict[str, Any]] = field(default_factory=list)
    failed_discrepancy_ids: list[str] = field(default_factory=list)
    data_docs_index: pathlib.Path | None = None

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [r for r in self.results if not r["success"]]


def run_checkpoint(
    con: duckdb.DuckDBPyConnection, run_id: str, out_dir: pathlib.Path, incremental: bool = True
) -> CheckOutcome:
    """Validate the store for ``run_id``; write ``validations`` and ``out_dir/data_docs/``.

    ``incremental=False`` validates every row (what a store without migration 7 gets too)."""
    out_dir = pathlib.Path(out_dir).resolve()  # GX needs an absolute base_directory for Data Docs
    out_dir.mkdir(parents=True, exist_ok=True)
    site_dir = out_dir / "data_docs"
    if site_dir.exists():  # an ephemeral context only knows this run: drop stale pages
        shutil.rmtree(site_dir)

    specs = frames(_columns(con, "alignments"))
    bookkeeping = INCREMENTAL_TABLES <= _tables(con)
    _prepare_scope(con, run_id, incremental and bookkeeping)
    data = {spec.name: _read_frame(con, spec, run_id) for spec in specs}
    kept = con.execute(read_sql("check_kept_counts")).df().iloc[0].to_dict()

    with warnings.catch_warnings():
        # GX warns about its own deprecations and pandas internals on every run; they are
        # not actionable by a crosscheck user and drown the flow's log.
        warnings.simplefilter("ignore")
        context = _context(site_dir)
        results = _validate(context, specs, data, run_id)
        index = _build_docs(context, site_dir)

    for r in results:
        r["rows_validated"] = len(data[r["frame"]])
        r["rows_kept"] = int(kept.get(r["frame"], 0))
    kept_ids = _add_kept_conflicts(con, run_id, results)
    _store(con, run_id, results)
    if bookkeeping:
        _mark_checked(con, specs, results)
    failed_ids: dict[str, None] = {}  # ordered and unique: a list's `in` was quadratic at 90k conflicts
    for r in results:
        if r.get("kind") and not r["success"]:
            for did in [row.get("discrepancy_id") for row in r["unexpected_rows"]] + kept_ids.get(r["kind"], []):
                if did:
                    failed_ids.setdefault(did)
    return CheckOutcome(
        success=all(r["success"] for r in results),
        results=results,
        failed_discrepancy_ids=list(failed_ids),
        data_docs_index=index,
    )


# --- what to validate -----------------------------------------------------------------------


def suite_fingerprint() -> str:
    """Hash of the suite, this module and the frame queries: a change re-validates every row."""
    files = [pathlib.Path(__file__).with_name("suite.py"), pathlib.Path(__file__)]
    files += sorted(sql_dir().glob("check_*.sql"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def _prepare_scope(con: duckdb.DuckDBPyConnection, run_id: str, incremental: bool) -> None:
    """Fill the temp tables of rows the frames leave out: none for a full validation."""
    if incremental:
        con.execute(read_sql("check_unchanged_articles"), {"checked_with": suite_fingerprint()})
        con.execute(read_sql("check_kept_pairs"), {"run_id": run_id})
        return
    con.execute("CREATE OR REPLACE TEMP TABLE _unchanged_articles (article_id VARCHAR)")
    con.execute("CREATE OR REPLACE TEMP TABLE _kept_pairs (claim_a VARCHAR, claim_b VARCHAR, kind VARCHAR,"
                " verdict VARCHAR, discrepancy_id VARCHAR)")


def _add_kept_conflicts(con: duckdb.DuckDBPyConnection, run_id: str, results: list[dict[str, Any]]
                        ) -> dict[str, list[str]]:
    """Fold the kept conflicts (failures of earlier runs' validations, still open) into this
    run's consistency results: ``kept_unexpected_count`` and the overall ``success`` and
    ``unexpected_count``; GX's own verdict on this run's rows stays in ``validated_success``.
    Returns the kept discrepancy ids by kind."""
    kept: dict[str, list[str]] = {}
    for kind, did in con.execute(read_sql("check_kept_conflicts"), {"run_id": run_id}).fetchall():
        kept.setdefault(kind, []).append(did)
    for r in results:
        if r.get("kind"):
            n = len(kept.get(r["kind"], []))
            r["validated_success"] = r["success"]
            r["kept_unexpected_count"] = n
            r["unexpected_count"] += n
            r["success"] = r["success"] and n == 0
    return kept


def _mark_checked(con: duckdb.DuckDBPyConnection, specs: list[Frame], results: list[dict[str, Any]]) -> None:
    """Record the validated articles none of whose rows failed. When GX itself failed on a
    per-article expectation nothing is recorded: which articles passed is then unknown."""
    per_article = {spec.name for spec in specs if spec.per_article}
    mine = [r for r in results if r["frame"] in per_article]
    if any(r["exception"] for r in mine):
        return
    failing = sorted({str(row["article_id"]) for r in mine if not r["success"]
                      for row in r["unexpected_rows"] if row.get("article_id")})
    con.register("_failing_articles", pd.DataFrame({"article_id": pd.Series(failing, dtype="object")}))
    try:
        con.execute(read_sql("mark_checked_articles"), {"checked_with": suite_fingerprint()})
        con.execute(read_sql("forget_checked_articles"))
    finally:
        con.unregister("_failing_articles")


# --- reading ---------------------------------------------------------------------------------


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {r[0] for r in rows}


def _read_frame(con: duckdb.DuckDBPyConnection, spec: Frame, run_id: str) -> pd.DataFrame:
    given = {"run_id": run_id, "severities": list(SEVERITIES)}
    params = {k: v for k, v in given.items() if f"${k}" in spec.sql}
    df = con.execute(spec.sql, params).df() if params else con.execute(spec.sql).df()
    if spec.name == "inputs":
        seen = con.execute(read_sql("check_input_paths"), {"run_id": run_id}).df()
        df = _add_unaccounted_inputs(con, run_id, df, seen["path"])
    return df


def _add_unaccounted_inputs(
    con: duckdb.DuckDBPyConnection, run_id: str, inputs: pd.DataFrame, seen: pd.Series
) -> pd.DataFrame:
    """Add article files in the run's input folder that are neither parsed nor skipped.

    Only the folder's top level and the contract's article suffixes are looked at, and a file
    counts as seen when any stored article or this run's skip names it (``seen``: all of them,
    also those the incremental frame leaves out) (by resolved path or by file name: a
    .jsonl line may be recorded as ``file.jsonl:3``), so a different path spelling in ingest
    cannot raise a false failure.
    """
    try:
        row = con.execute("SELECT input FROM runs WHERE run_id = ?", [run_id]).fetchone()
    except duckdb.Error:
        return inputs
    folder = pathlib.Path(row[0]) if row and row[0] else None
    if folder is None or not folder.is_dir():
        return inputs
    seen_paths: set[str] = set()
    seen_names: set[str] = set()
    for p in seen.dropna():
        text = str(p)
        for candidate in {text, text.rsplit(":", 1)[0], text.split("#", 1)[0]}:
            path = pathlib.Path(candidate)
            seen_names.add(path.name)
            try:
                seen_paths.add(str(path.resolve()))
            except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
                pass
    missing = [
        f
        for f in sorted(folder.iterdir())
        if f.is_file()
        and not f.name.startswith(".")
        and f.suffix.lower() in INPUT_SUFFIXES
        and str(f.resolve()) not in seen_paths
        and f.name not in seen_names
    ]
    if not missing:
        return inputs
    extra = pd.DataFrame(
        {
            "status": ["unaccounted"] * len(missing),
            "article_id": [None] * len(missing),
            "path": [str(f) for f in missing],
            "reason": [None] * len(missing),
            "accounted_for": [False] * len(missing),
        }
    )
    return pd.concat([inputs.astype(object), extra.astype(object)], ignore_index=True)


# --- GX --------------------------------------------------------------------------------------


def _context(site_dir: pathlib.Path) -> Any:
    """An in-memory GX context with one local Data Docs site and no analytics or progress bars."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
        data_docs_sites={
            SITE_NAME: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(site_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        },
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _validate(
    context: Any, specs: list[Frame], data: dict[str, pd.DataFrame], run_id: str
) -> list[dict[str, Any]]:
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    source = context.data_sources.add_pandas(DATASOURCE_NAME)
    run = RunIdentifier(run_name=run_id, run_time=dt.datetime.now(dt.timezone.utc))
    results: list[dict[str, Any]] = []
    for spec in specs:
        batch = source.add_dataframe_asset(spec.name).add_batch_definition_whole_dataframe(
            "whole-table"
        )
        suite = gx.ExpectationSuite(name=spec.suite_name)
        checks = {}
        for check in spec.checks:
            expectation = check.build()
            expectation.meta = {**(expectation.meta or {}), "check": check.name}
            suite.add_expectation(expectation)
            checks[check.name] = check
        suite = context.suites.add(suite)
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=spec.suite_name, data=batch, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=spec.suite_name,
                validation_definitions=[validation],
                actions=[],  # Data Docs are built once for all checkpoints, below
                result_format={
                    "result_format": "COMPLETE",
                    "unexpected_index_column_names": spec.index_columns,
                },
            )
        )
        outcome = checkpoint.run(batch_parameters={"dataframe": data[spec.name]}, run_id=run)
        for suite_result in outcome.run_results.values():
            for er in suite_result.results:
                results.append(_result(spec, checks, er))
    return results


def _result(spec: Frame, checks: dict[str, Any], er: Any) -> dict[str, Any]:
    cfg = er.expectation_config
    name = (cfg.meta or {}).get("check", cfg.type)
    check = checks.get(name)
    res = dict(er.result or {})
    exception = None
    info = er.exception_info or {}
    if isinstance(info, dict) and info.get("raised_exception"):
        exception = info.get("exception_message")
    rows = [_clean(r) for r in res.get("unexpected_index_list") or [] if isinstance(r, dict)]
    column = cfg.kwargs.get("column") or ",".join(
        str(cfg.kwargs[k]) for k in ("column_A", "column_B") if cfg.kwargs.get(k)
    )
    return {
        "name": name,
        "frame": spec.name,
        "suite": spec.suite_name,
        "expectation_type": cfg.type,
        "column": column or None,
        "kind": check.kind if check else None,
        "description": check.description if check else cfg.description,
        "success": bool(er.success),
        "element_count": res.get("element_count"),
        "unexpected_count": int(res.get("unexpected_count") or (1 if exception else 0)),
        "unexpected_rows": rows,
        "exception": exception,
        "result": _clean(er.to_json_dict()),
    }


def _clean(value: Any) -> Any:
    """JSON-ready values: NaN/NA become None, numpy scalars become Python ones."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return _clean(value.item())
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _build_docs(context: Any, site_dir: pathlib.Path) -> pathlib.Path | None:
    from checks.datadocs import make_offline

    try:
        context.build_data_docs(site_names=[SITE_NAME])
    except Exception as exc:  # reports and the exit status must not depend on docs
        log.warning("Data Docs were not built: %s", exc)
        return None
    index = site_dir / "index.html"
    if not index.exists():
        log.warning("Data Docs were built but %s is missing", index)
        return None
    make_offline(site_dir)
    return index


# --- storing ---------------------------------------------------------------------------------


def _store(con: duckdb.DuckDBPyConnection, run_id: str, results: list[dict[str, Any]]) -> None:
    """Replace this run's rows in ``validations`` (a re-run of a run id must not duplicate)."""
    con.execute(read_sql("check_validations_table"))
    con.execute("DELETE FROM validations WHERE run_id = ?", [run_id])
    rows = pd.DataFrame(
        {
            "run_id": [run_id] * len(results),
            "expectation": [r["name"] for r in results],
            "column_name": pd.Series([r["column"] for r in results], dtype="object"),
            "success": [bool(r["success"]) for r in results],
            "unexpected_count": [int(r["unexpected_count"]) for r in results],
            "result_json": [
                json.dumps({k: v for k, v in r.items() if k != "result"} | {"gx": r["result"]},
                           ensure_ascii=False, default=str)
                for r in results
            ],
        }
    )
    if rows.empty:
        return
    con.register("_validations", rows)
    try:
        con.execute(read_sql("record_validations"))
    finally:
        con.unregister("_validations")
