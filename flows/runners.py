"""Where the heavy stages run: in the flow's own process, or on a Dask cluster.

Parsing and embedding are the only stages whose cost grows with the corpus, and both are pure
functions of their input, so they are what a cluster gets. ``--task-runner dask`` starts a
LocalCluster (one worker process per two cores); ``dask=tcp://host:8786`` uses a running
scheduler whose workers may be on other machines. Everything else, and every write to the
DuckDB file, stays in the flow's process: DuckDB has one writer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


class TaskRunnerError(ValueError):
    """A --task-runner value that cannot be used; the message is the one line shown."""


@dataclass(frozen=True)
class RunnerSpec:
    kind: str  # "local" | "dask"
    address: str | None = None


def parse_spec(spec: str | None) -> RunnerSpec:
    """``None``/"local" -> in-process; "dask" -> LocalCluster; "dask=ADDRESS" -> that scheduler."""
    if spec is None or spec.strip() in ("", "local"):
        return RunnerSpec("local")
    kind, _, address = spec.strip().partition("=")
    if kind != "dask":
        raise TaskRunnerError(f"--task-runner: unknown runner {kind!r} (use local, dask or dask=ADDRESS)")
    address = address.strip() or None
    if address is not None and "://" not in address:
        address = f"tcp://{address}"
    return RunnerSpec("dask", address)


def check_available(spec: RunnerSpec) -> None:
    if spec.kind != "dask":
        return
    try:
        import prefect_dask  # noqa: F401
    except ImportError:
        raise TaskRunnerError(
            "--task-runner dask needs prefect-dask: pip install 'crosscheck[dask]' (prefect-dask==0.3.7)"
        ) from None


def local_cluster_kwargs() -> dict[str, Any]:
    """One single-threaded worker process per two cores: each worker loads spaCy and the model
    once (~0.5 GB) and uses its cores through torch, so more workers only contend."""
    cores = os.cpu_count() or 1
    return {"n_workers": max(1, cores // 2), "threads_per_worker": 1, "processes": True,
            "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}


def make_dask_runner(spec: RunnerSpec):
    check_available(spec)
    from prefect_dask import DaskTaskRunner

    if spec.address:
        return DaskTaskRunner(address=spec.address)
    return DaskTaskRunner(cluster_kwargs=local_cluster_kwargs())


@contextlib.contextmanager
def workers_see_this_api(api_url: str | None) -> Iterator[None]:
    """Point LocalCluster workers (spawned now, inheriting the environment) at this flow's API.

    Without a configured server the flow talks to a temporary one; a worker that did not know
    its address would start a temporary server of its own and its task runs would not show in
    this flow run."""
    if not api_url or os.environ.get("PREFECT_API_URL"):
        yield
        return
    os.environ["PREFECT_API_URL"] = api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
