"""The match model: its weights as data, the query they score, and what the shipped fit learnt."""

import json
import re

import pytest

from crosscheck import match
from crosscheck.sqlfiles import read_sql


def test_the_weights_follow_the_feature_columns_of_the_pair_query():
    columns = re.findall(r"\bAS f_(\w+)", read_sql("pair_features"))
    assert tuple(columns) == match.FEATURES


def test_shipped_weights_load_and_say_what_they_were_fitted_on():
    model = match.load()
    assert set(model.kinds) == set(match.KINDS)
    assert model.provenance["fitted_on"] and model.provenance["held_out"]
    for kind in match.KINDS:
        assert 0.0 < model.report_from(kind) < 1.0
        assert len(model.kinds[kind].vector()) == len(match.FEATURES)


def test_unknown_features_are_refused():
    data = {"kinds": {k: {"weights": {"no_such_feature": 1.0}, "intercept": 0, "report_from": 0.5} for k in match.KINDS}}
    with pytest.raises(ValueError, match="no_such_feature"):
        match.from_dict(data)


def _typical(**changes):
    """Two headline tolls of one event, worded alike, a few hours apart."""
    f = {"cos_context": 0.8, "cos_subject": 0.9, "same_measure": 1, "casualty_same": 1, "unit_same": 1,
         "value_gap": 0.2, "pub_gap": 0.2, "flags_same": 1, "both_first": 1, "measure_count": 0.7,
         "cos_context_same_measure": 0.8, "both_lead": 1, "top_a": 1, "top_b": 1, "mutual": 1, "same_verb": 1}
    f["value_gap_same_time"] = f["value_gap"]
    f["value_gap_casualty"] = f["value_gap"]
    f["value_gap_x_pub_gap"] = f["value_gap"] * f["pub_gap"]
    f.update(changes)
    return f


def test_the_fit_learnt_what_a_fact_checker_knows():
    """Directions, not values: a refit that reverses one of these learnt something suspicious."""
    numeric = match.load().kinds["numeric"]
    base = numeric.probability(_typical())
    assert base > numeric.report_from
    assert numeric.probability(_typical(cos_context=0.1, cos_subject=0.2, cos_context_same_measure=0.1)) < base
    assert numeric.probability(_typical(background=1, flags_same=0)) < base
    assert numeric.probability(_typical(top_a=0, top_b=0, mutual=0, margin=-0.5)) < base


def test_contributions_explain_the_log_odds():
    numeric = match.load().kinds["numeric"]
    feats = _typical()
    z = sum(w for _, w in numeric.contributions(feats))
    parts = dict(numeric.contributions(feats))
    assert parts and all(abs(v) >= 0.05 for v in parts.values())
    assert abs(numeric.intercept + sum(numeric.weights.get(f, 0) * float(feats.get(f, 0)) for f in match.FEATURES)
               - (numeric.intercept + z)) < 0.05 * len(match.FEATURES)
