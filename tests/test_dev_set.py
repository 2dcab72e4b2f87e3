"""End to end on the dev set (all clusters in one folder): the judgement's F1 floor."""

import importlib.util
import shutil

import pytest

from crosscheck import pipeline
from crosscheck.reports import json as report_json
from crosscheck.store import Store


@pytest.mark.e2e
def test_dev_set_f1_floor(shared_dir, tmp_path, model, nlp):
    dev = shared_dir / "eval" / "dev"
    if not dev.is_dir():
        pytest.skip("dev set not present")
    folder = tmp_path / "dev"
    folder.mkdir()
    for f in dev.glob("*/articles/*"):
        shutil.copy(f, folder / f.name)
    spec = importlib.util.spec_from_file_location("score", dev.parent / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    with Store(tmp_path / "dev.duckdb") as st:
        run_id = pipeline.run_stages(st, folder)
        s = scorer.score(scorer.load_labels(dev), report_json.build_report(st, run_id))
    assert s["f1"] >= 0.90, s
    assert s["hard_negatives_flagged"] <= 0.1 * s["hard_negatives"], s
