"""The match model: how likely two numeric or date claims speak of the same thing.

A logistic model over the pair features of ``sql/pair_features.sql``, one per claim kind. Its
weights are data (``crosscheck/data/match_weights.json``), fitted by ``scripts/fit_match.py`` on
labelled clusters and checked there on events it was not fitted on; the file records which data
it was fitted on and what it scored. Scoring runs in SQL (``sql/candidate_pairs.sql``); this
module loads the weights, hands them to the query, and explains a pair's probability as the sum
of its features' contributions, the way record linkage explains a match weight.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# The feature columns of sql/pair_features.sql, in their order there (f_ dropped): the weight
# vectors follow this order, and a test holds the SQL to it.
FEATURES: tuple[str, ...] = (
    "cos_context", "cos_subject", "same_measure", "casualty_same", "casualty_one",
    "place_diff", "place_one", "group_diff", "group_one", "doer_diff", "doer_one", "unit_same",
    "value_gap", "pub_gap", "value_gap_same_time", "value_gap_casualty", "value_gap_x_pub_gap",
    "background", "statement", "part", "hypothetical", "one_day", "additional", "flags_same",
    "other_one", "other_both", "zone_one", "sentence_day_diff", "both_first", "measure_count",
    "cos_context_same_measure", "both_lead", "top_a", "top_b", "mutual", "margin",
    "same_verb", "things_other_verb", "unnamed",
)
KINDS = ("numeric", "date")


@dataclass(frozen=True)
class KindModel:
    """One kind's weights (per feature, on the raw feature scale), intercept and the match
    probability from which a disagreeing pair is reported by default."""

    weights: dict[str, float]
    intercept: float
    report_from: float

    def vector(self) -> list[float]:
        return [float(self.weights.get(f, 0.0)) for f in FEATURES]

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) * float(features.get(f, 0.0)) for f in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's share of the log-odds, largest first: why a pair matched."""
        parts = [(f, self.weights.get(f, 0.0) * float(features.get(f, 0.0))) for f in FEATURES]
        return sorted((p for p in parts if abs(p[1]) >= 0.05), key=lambda p: -abs(p[1]))


@dataclass(frozen=True)
class MatchModel:
    kinds: dict[str, KindModel]
    provenance: dict[str, Any]

    def sql_params(self, min_match: float) -> dict[str, Any]:
        return {"w_numeric": self.kinds["numeric"].vector(), "b_numeric": self.kinds["numeric"].intercept,
                "w_date": self.kinds["date"].vector(), "b_date": self.kinds["date"].intercept,
                "min_match": min_match}

    def report_from(self, kind: str) -> float:
        """The default report threshold of a kind; who-did-what claims are not scored by this
        model, and their alignment floor (config.ALIGN_MIN_SIMILARITY) is their threshold."""
        return self.kinds[kind].report_from if kind in self.kinds else 0.0


def from_dict(data: dict[str, Any]) -> MatchModel:
    kinds = {}
    for kind in KINDS:
        k = data["kinds"][kind]
        unknown = set(k["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"match weights name features the pair query does not make: {sorted(unknown)}")
        kinds[kind] = KindModel({f: float(w) for f, w in k["weights"].items()}, float(k["intercept"]),
                                float(k["report_from"]))
    return MatchModel(kinds, data.get("provenance", {}))


@cache
def load() -> MatchModel:
    """The packaged weights."""
    text = resources.files("crosscheck.data").joinpath("match_weights.json").read_text("utf-8")
    return from_dict(json.loads(text))
