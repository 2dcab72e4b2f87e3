"""A `crosscheck run` with clocks on each import and stage (see bench/cold.py); prints JSON."""

from __future__ import annotations

import time

T0 = time.perf_counter()

import importlib  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

PHASES: dict[str, float] = {}


def _timed_import(name: str, label: str) -> None:
    t = time.perf_counter()
    importlib.import_module(name)
    PHASES[label] = round(time.perf_counter() - t, 3)


def _wrap(owner, attr: str, label: str) -> None:
    original = getattr(owner, attr)

    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            PHASES[label] = round(PHASES.get(label, 0.0) + time.perf_counter() - t, 3)

    setattr(owner, attr, wrapper)


def main(articles: str, out: str) -> None:
    _timed_import("crosscheck.cli", "import cli (typer)")
    from flows import temp_server

    # As `crosscheck run` in a process of its own: the temporary server starts before Prefect
    # is imported (flows/temp_server.py), so its start-up overlaps the imports below.
    early = temp_server.start_early()
    _timed_import("prefect", "import prefect")
    _timed_import("crosscheck.pipeline", "import pipeline (spaCy, duckdb, pandas)")
    _timed_import("flows.check_flow", "import flows.check_flow (rest)")
    if early is None:
        _timed_import("prefect.server.api.server", "import prefect server app")
        from prefect.server.api import server

        _wrap(server.SubprocessASGIServer, "start", "prefect temporary server start (wait)")
    else:
        _wrap(temp_server.TemporaryServer, "wait_ready", "prefect temporary server (wait after loads)")

    import checks
    from crosscheck import embed, pipeline
    from crosscheck.nlp import sentences
    from flows import check_flow

    _wrap(sentences, "load_nlp", "spaCy load")
    _wrap(embed, "load_model", "model load (+verify)")
    for attr in ("plan_ingest", "parse_and_extract", "embed_missing", "align_claims", "judge_pairs",
                 "write_reports", "finish"):
        _wrap(pipeline, attr, f"stage {attr}")
    _wrap(checks, "run_checkpoint", "stage validate (GX, incl. import)")
    _wrap(check_flow, "publish", "stage artifacts")
    from crosscheck.cli import app

    sys.argv = ["crosscheck", "run", articles, "--out", out, "--quiet"]
    t = time.perf_counter()
    try:
        app()
    except SystemExit:
        pass
    PHASES["flow call to exit"] = round(time.perf_counter() - t, 3)
    PHASES["total in process"] = round(time.perf_counter() - T0, 3)
    sys.stdout.write("BENCH_RESULT " + json.dumps(PHASES) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
