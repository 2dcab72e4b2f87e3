"""The crosscheck run as one Prefect flow: each stage a short task, in order.

The DuckDB file is opened once per flow run (DuckDB allows one writer process) and handed to
in-process tasks. Work that may run elsewhere (fetching feed pages, and with ``task_runner``
set, parsing and embedding on Dask workers) gets plain values and returns plain values; the
flow writes what comes back. Retries sit where I/O can fail: reading the source, fetching
pages, writing the reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from crosscheck import pipeline
from crosscheck.ingest import IngestResult, read_folder
from crosscheck.ingest import feed as feeds
from crosscheck.ingest.decode import IngestError
from crosscheck.models import Article, Skip
from crosscheck.progress import current_progress
from crosscheck.sources import Source, parse_source
from crosscheck.store import Store
from flows import runners

# Articles per extraction job on a cluster: enough for spaCy's batching to pay, small enough
# that two workers share a folder of a few dozen articles.
EXTRACT_BATCH = 8
FEED_RETRIES = 2


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_articles(folder: str) -> IngestResult:
    return read_folder(Path(folder))


@task(cache_policy=NO_CACHE, retries=FEED_RETRIES, retry_delay_seconds=[1, 5])
def read_feed(source: Source) -> feeds.FeedRead:
    """The feed document; a FetchError (timeout, 5xx) is retried, a non-feed is not."""
    try:
        return feeds.read_feed(source)
    except IngestError as exc:
        return feeds.FeedRead(skipped=[Skip(source.location, str(exc))])


@task(cache_policy=NO_CACHE, retries=FEED_RETRIES, retry_delay_seconds=1, task_run_name="fetch {item.key}")
def fetch_article(item: feeds.FeedItem) -> Article | Skip:
    """One item's page. Transient failures raise (and are retried); permanent ones are a Skip."""
    try:
        return feeds.fetch_article(item)
    except IngestError as exc:
        return Skip(item.link or item.key, str(exc))


def read_source(source: Source) -> IngestResult:
    """A folder in one task; a feed as one task for the list and one per item, in parallel."""
    if source.kind == "folder":
        return read_articles(source.location)
    listing = read_feed(source)
    result = IngestResult(skipped=list(listing.skipped), warnings=list(listing.warnings))
    futures = fetch_article.map(listing.items)
    seen: set[str] = set()
    for item, fut in zip(listing.items, futures):
        got = fut.result(raise_on_failure=False)
        if isinstance(got, BaseException):
            got = Skip(item.link or item.key, f"fetch failed after {FEED_RETRIES + 1} attempts: {got}")
        if isinstance(got, Skip):  # logged with the other skips by `ingest`
            result.skipped.append(got)
        elif got.article_id not in seen:
            seen.add(got.article_id)
            result.articles.append(got)
    return result


@task(cache_policy=NO_CACHE)
def ingest(store: Store, result: IngestResult, run_id: str, prune: bool = True) -> pipeline.IngestPlan:
    plan = pipeline.plan_from(store, result, run_id, prune=prune)
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


@task(cache_policy=NO_CACHE, retries=1)
def extract_batch(articles: list[Article]) -> list[pipeline.Extracted]:
    """Runs on a worker: parse and extract, no store."""
    return pipeline.extract_articles(articles)


@task(cache_policy=NO_CACHE, retries=1)
def embed_chunk(texts: list[str]) -> np.ndarray:
    """Runs on a worker: encode, no store."""
    return pipeline.embed_texts(texts)


@task(cache_policy=NO_CACHE)
def align(store: Store) -> int:
    return pipeline.align_claims(store)


@task(cache_policy=NO_CACHE)
def judge(store: Store, run_id: str, min_confidence: float | None = None) -> int:
    return pipeline.judge_pairs(store, run_id, current_progress(), min_confidence)


@task(cache_policy=NO_CACHE)
def group_findings(store: Store, run_id: str) -> int:
    return pipeline.group_findings(store, run_id)


@task(cache_policy=NO_CACHE)
def validate(store: Store, run_id: str, out_dir: Path) -> Any:
    try:
        from checks import run_checkpoint
    except ImportError:
        return None
    return run_checkpoint(store.con, run_id, out_dir)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def write_reports(store: Store, run_id: str, out_dir: Path, outcome: Any) -> dict[str, Any]:
    return pipeline.write_reports(store, run_id, out_dir, outcome)


def extract_and_embed(store: Store, plan: pipeline.IngestPlan, task_runner: str | None) -> int:
    """In-process by default; on a Dask cluster the workers compute and this process writes,
    in submission order, so the store ends up exactly as a local run leaves it."""
    spec = runners.parse_spec(task_runner)
    if spec.kind == "local":
        extract_claims(store, plan)
        return embed(store)
    logger = get_run_logger()
    with runners.workers_see_this_api(_api_url()), runners.make_dask_runner(spec) as runner:
        logger.info("extracting and embedding on Dask (%s)", spec.address or "LocalCluster")
        futures = [runner.submit(extract_batch, parameters={"articles": b})
                   for b in pipeline.batches(plan.changed, EXTRACT_BATCH)]
        for fut in futures:
            pipeline.store_batch(store, fut.result())
        jobs = pipeline.embedding_jobs(store)
        vec_futures = [runner.submit(embed_chunk, parameters={"texts": texts}) for _, texts in jobs]
        for (hashes, _), fut in zip(jobs, vec_futures):
            pipeline.store_embeddings(store, hashes, fut.result())
    return sum(len(h) for h, _ in jobs)


def _api_url() -> str | None:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return str(client.api_url)


def _run_name() -> str:
    params = flow_run.parameters
    spec = str(params.get("articles_dir", "?")).rstrip("/")
    return f"check {Path(spec).name or spec}"


@flow(name="crosscheck", flow_run_name=_run_name, log_prints=True, validate_parameters=False)
def crosscheck_flow(
    articles_dir: str,
    out_dir: str,
    db_path: str | None = None,
    fail_on: list[str] | None = None,
    task_runner: str | None = None,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """articles_dir is any source: a folder, an RSS/Atom feed file or a feed URL.
    min_confidence: report disagreeing pairs down to this match probability (default: each
    kind's precision threshold in the match weights)."""
    source = parse_source(articles_dir)
    out = Path(out_dir)
    run_id = pipeline.new_run_id()
    with Store(db_path or out / "crosscheck.duckdb") as store:
        store.start_run(run_id, str(articles_dir))
        try:
            plan = ingest(store, read_source(source), run_id, prune=source.prunes)
            embedded = extract_and_embed(store, plan, task_runner)
            align(store)
            judge(store, run_id, min_confidence)
            group_findings(store, run_id)
            outcome = validate(store, run_id, out)
            summary = write_reports(store, run_id, out, outcome)
            summary["embedded"] = embedded
            pipeline.finish(store, run_id, plan, summary)
        except BaseException:
            pipeline.fail_run(store, run_id)
            raise
    publish(summary)
    return final_state(summary, {"high"} if fail_on is None else set(fail_on))


def publish(summary: dict[str, Any]) -> None:
    try:
        from flows.artifacts import publish_artifacts
    except ImportError:
        return
    publish_artifacts(summary["report"], summary["paths"])


class DiscrepanciesFound(Exception):
    """The failed state's result: raised by ``state.result()`` like any failure, and carries
    the run summary (counts and report paths) for whoever catches it."""

    def __init__(self, message: str, summary: dict[str, Any]) -> None:
        super().__init__(message)
        self.summary = summary


def final_state(summary: dict[str, Any], fail_on: set[str]):
    """Failed when a discrepancy of a failing severity was found (policy), else Completed."""
    from prefect.states import Completed, Failed

    failing = [d for d in summary["report"]["discrepancies"] if d["severity"] in fail_on]
    public = {k: v for k, v in summary.items() if k not in ("report", "paths")}
    public["paths"] = {k: str(v) for k, v in summary["paths"].items()}
    if failing:
        message = f"{len(failing)} discrepancies of severity {'/'.join(sorted(fail_on))}"
        return Failed(message=message, data=DiscrepanciesFound(message, public))
    return Completed(message=f"{summary['discrepancies']} discrepancies", data=public)
