"""The crosscheck flow on a schedule: a served deployment, or a local loop without a server.

A Prefect server owns schedules (its scheduler service creates the runs); ``serve`` only polls
for them and executes each in a subprocess. Without a server nothing would create runs, so
the same schedule is kept here by sleeping between in-process flow runs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any


def build_deployment(name: str, params: dict[str, Any], every: dt.timedelta | None, cron: str | None):
    """A RunnerDeployment of the crosscheck flow with one interval or cron schedule."""
    from prefect.deployments.runner import EntrypointType

    from flows.check_flow import crosscheck_flow

    return crosscheck_flow.to_deployment(
        name=name,
        interval=every,
        cron=cron,
        parameters=params,
        description=f"crosscheck {params['articles_dir']} -> {params['out_dir']}",
        tags=["crosscheck"],
        # A module path imports from any working directory: the package is installed.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_on_server(name: str, params: dict[str, Any], every: dt.timedelta | None, cron: str | None) -> None:
    """Register (or update) the deployment and execute its runs until interrupted."""
    from prefect import serve

    # limit=1: runs share one DuckDB file (one writer), so a late run waits for the previous one.
    serve(build_deployment(name, params, every, cron), limit=1)


def next_time(started: dt.datetime, every: dt.timedelta | None, cron: str | None) -> dt.datetime:
    """An interval counts from the start of the last run; a cron time is the next one after now."""
    if every is not None:
        return started + every
    from cronsim import CronSim  # Prefect's own cron library

    now = dt.datetime.now().astimezone().replace(microsecond=0)
    return next(CronSim(cron, now))


def serve_locally(params: dict[str, Any], every: dt.timedelta | None, cron: str | None,
                  say: Callable[[str], Any] | None = None) -> None:
    """Run now, then on schedule, forever (Ctrl-C ends it); each run is an ordinary flow run."""
    from flows.check_flow import crosscheck_flow

    while True:
        started = dt.datetime.now().astimezone()
        state = crosscheck_flow(**params, return_state=True)
        if say is not None:
            say(f"crosscheck: run at {started:%Y-%m-%d %H:%M:%S}: {state.type.value.lower()} ({state.message})")
        wait = (next_time(started, every, cron) - dt.datetime.now().astimezone()).total_seconds()
        time.sleep(max(0.0, wait))
