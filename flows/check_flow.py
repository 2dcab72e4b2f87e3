"""The crosscheck run as one Prefect flow: each stage a short task, in order.

Tasks take the store path, not a connection, where they could run elsewhere; the DuckDB file
is opened once per flow run (DuckDB allows one writer process) and handed to in-process tasks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from crosscheck import pipeline
from crosscheck.progress import current_progress
from crosscheck.store import Store


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def ingest(store: Store, folder: Path, run_id: str) -> pipeline.IngestPlan:
    plan = pipeline.plan_ingest(store, folder, run_id)
    logger = get_run_logger()
    for skip in plan.result.skipped:
        logger.warning("skipped %s: %s", skip.path, skip.reason)
    for warning in plan.result.warnings:
        logger.warning(warning)
    logger.info(
        "%d articles (%d new or changed, %d removed), %d skipped",
        len(plan.result.articles), len(plan.changed), len(plan.removed), len(plan.result.skipped),
    )
    return plan


@task(cache_policy=NO_CACHE)
def extract_claims(store: Store, plan: pipeline.IngestPlan) -> int:
    return pipeline.parse_and_extract(store, plan.changed, current_progress())


@task(cache_policy=NO_CACHE)
def embed(store: Store) -> int:
    return pipeline.embed_missing(store, current_progress())


@task(cache_policy=NO_CACHE)
def align(store: Store) -> int:
    return pipeline.align_claims(store)


@task(cache_policy=NO_CACHE)
def judge(store: Store, run_id: str) -> int:
    return pipeline.judge_pairs(store, run_id, current_progress())


@task(cache_policy=NO_CACHE)
def validate(store: Store, run_id: str, out_dir: Path) -> Any:
    from checks import run_checkpoint

    return run_checkpoint(store.con, run_id, out_dir)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def write_reports(store: Store, run_id: str, out_dir: Path, outcome: Any) -> dict[str, Any]:
    return pipeline.write_reports(store, run_id, out_dir, outcome)


def _run_name() -> str:
    params = flow_run.parameters
    return f"check {Path(str(params.get('articles_dir', '?'))).name}"


@flow(name="crosscheck", flow_run_name=_run_name, log_prints=True, validate_parameters=False)
def crosscheck_flow(
    articles_dir: str, out_dir: str, db_path: str | None = None, fail_on: list[str] | None = None
) -> dict[str, Any]:
    out = Path(out_dir)
    run_id = pipeline.new_run_id()
    with Store(db_path or out / "crosscheck.duckdb") as store:
        store.start_run(run_id, str(articles_dir))
        plan = ingest(store, Path(articles_dir), run_id)
        extract_claims(store, plan)
        embedded = embed(store)
        align(store)
        judge(store, run_id)
        outcome = validate(store, run_id, out)
        summary = write_reports(store, run_id, out, outcome)
        summary["embedded"] = embedded
        pipeline.finish(store, run_id, plan, summary)
    publish(summary)
    return final_state(summary, set(fail_on) if fail_on is not None else {"high"})


def publish(summary: dict[str, Any]) -> None:
    from flows.artifacts import publish_artifacts

    publish_artifacts(summary["report"], summary["paths"])


def final_state(summary: dict[str, Any], fail_on: set[str]):
    """Failed when a discrepancy of a failing severity was found (policy), else Completed."""
    from prefect.states import Completed, Failed

    from checks import policy

    discrepancies = summary["report"]["discrepancies"]
    public = {k: v for k, v in summary.items() if k not in ("report", "paths")}
    public["paths"] = {k: str(v) for k, v in summary["paths"].items()}
    message = policy.explain(discrepancies, fail_on)
    if policy.decide(discrepancies, fail_on) == "fail":
        return Failed(message=message, data=public)
    return Completed(message=message, data=public)
