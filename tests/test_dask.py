"""`task_runner="dask"`: extraction and embedding on a LocalCluster give the same report.

The workers only compute; the flow writes their results in submission order, so the store
(and so the report) must be the same as a run in one process: same discrepancies, same
claims, same vectors. The task runs of the cluster path are read back from the server to show
the work really went through it.
"""

from __future__ import annotations

import json
import shutil

import duckdb
import numpy as np
import pytest

from flows.runners import RunnerSpec, TaskRunnerError, parse_spec
from tests.conftest import EXAMPLES
from tests.test_prefect_server import on_server, prefect_server  # noqa: F401 - shared server fixtures


def test_parse_spec():
    assert parse_spec(None) == RunnerSpec("local")
    assert parse_spec("dask") == RunnerSpec("dask")
    assert parse_spec("dask=10.0.0.5:8786") == RunnerSpec("dask", "tcp://10.0.0.5:8786")
    assert parse_spec("dask=tls://sched:8786") == RunnerSpec("dask", "tls://sched:8786")
    with pytest.raises(TaskRunnerError, match="unknown runner 'ray'"):
        parse_spec("ray")


def _comparable(report: dict) -> dict:
    return {
        "articles": report["articles"],
        "discrepancies": [{k: v for k, v in d.items() if k != "status"} for d in report["discrepancies"]],
        "events": report["events"],
    }


def _store(db) -> tuple[list, dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        claims = con.execute("SELECT * EXCLUDE (text_hash) FROM claims ORDER BY claim_id").fetchall()
        vecs = dict(con.execute("SELECT text_hash, embedding FROM embeddings").fetchall())
    return claims, vecs


@pytest.mark.server
def test_dask_local_cluster_gives_the_same_report(on_server, model, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.check_flow import crosscheck_flow

    articles = tmp_path / "articles"
    shutil.copytree(EXAMPLES, articles)
    reports, stores, run_ids = {}, {}, {}
    for runner in (None, "dask"):
        out = tmp_path / (runner or "local")
        state = crosscheck_flow(str(articles), str(out), task_runner=runner, return_state=True)
        reports[runner] = json.loads((out / "report.json").read_text(encoding="utf-8"))
        stores[runner] = _store(out / "crosscheck.duckdb")
        run_ids[runner] = state.state_details.flow_run_id

    assert reports[None]["discrepancies"], "the examples hold conflicts"
    assert _comparable(reports["dask"]) == _comparable(reports[None])
    (claims_l, vecs_l), (claims_d, vecs_d) = stores[None], stores["dask"]
    assert claims_d == claims_l
    assert vecs_d.keys() == vecs_l.keys()
    assert all(np.array_equal(np.asarray(vecs_d[h]), np.asarray(vecs_l[h])) for h in vecs_l)

    with get_client(sync_client=True) as client:
        names = {
            r: {t.name.rsplit("-", 1)[0] for t in client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_ids[r]])))}
            for r in run_ids
        }
    assert {"extract_batch", "embed_chunk"} <= names["dask"]
    assert not {"extract_batch", "embed_chunk"} & names[None]
    assert {"extract_claims", "embed"} <= names[None]
