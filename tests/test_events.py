"""Event clustering: sparse average linkage, names, and the time rules in event_pair_features.sql."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from crosscheck import align, events
from crosscheck.store import Store


def test_average_linkage_does_not_chain_two_events_through_one_article():
    sims = [("a", "b", 0.9), ("c", "d", 0.9), ("b", "c", 0.7)]
    m = events.cluster("abcd", sims, 0.6)
    assert m["a"] == m["b"] and m["c"] == m["d"] and m["a"] != m["c"]


def test_single_articles_stay_apart_below_the_floor():
    m = events.cluster(["x", "y"], [("x", "y", 0.3)], 0.6)
    assert m["x"] != m["y"]


def _naive_average_linkage(ids, sims, floor):
    """The textbook all-pairs version the sparse one must agree with."""
    sim = {tuple(sorted((a, b))): s for a, b, s in sims}
    clusters = [[a] for a in sorted(ids)]
    while True:
        best, pair = floor, None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                tot = sum(sim.get(tuple(sorted((a, b))), 0.0) for a in clusters[i] for b in clusters[j])
                s = tot / (len(clusters[i]) * len(clusters[j]))
                if s > best + 1e-9 or (pair is None and s >= best):
                    best, pair = s, (i, j)
        if pair is None:
            return {frozenset(c) for c in clusters}
        i, j = pair
        clusters[i] += clusters.pop(j)


@pytest.mark.parametrize("seed", range(30))
def test_sparse_linkage_matches_the_all_pairs_definition(seed):
    rng = random.Random(seed)
    ids = [f"a{i:02d}" for i in range(rng.randint(2, 14))]
    # distinct scores (no ties), so the merge order is unique and both must agree exactly
    sims = [(a, b, round(rng.uniform(0.0, 2.0), 6) + k * 1e-7)
            for k, (a, b) in enumerate((a, b) for a in ids for b in ids if a < b and rng.random() < 0.4)]
    got = events.cluster(ids, sims, 0.9)
    groups: dict[str, set[str]] = {}
    for a, ev in got.items():
        groups.setdefault(ev, set()).add(a)
    assert {frozenset(g) for g in groups.values()} == _naive_average_linkage(ids, sims, 0.9)
    assert all(ev == min(groups[ev]) for ev in groups)


def test_names_skip_sentence_starts_and_calendar_words():
    names = events.names_of("The quake hit Dunmere on Sunday. Rescuers reached Ferrow.")
    assert {"dunmere", "ferrow"} <= names and "sunday" not in names and "rescuers" not in names


def test_names_are_counted_so_the_repeated_ones_weigh_more():
    counts = events.name_counts("Rahman fell. Fans saw Rahman fall, and Lewis said Rahman lost.")
    assert counts["rahman"] == 2 and counts["lewis"] == 1  # the sentence-initial one is skipped


def test_dominant_year_is_the_most_frequent_one_or_none_on_a_tie():
    assert events.dominant_year("fired in 2008 ... 2008 season, unlike 2005") == 2008
    assert events.dominant_year("from 2005 to 2008") is None


# --- the SQL rules, on a tiny store ---------------------------------------------------------

_LEAD = np.ones(384, dtype=np.float32) / np.sqrt(384)


def _store(tmp_path, articles: list[dict], dates: dict[str, list[tuple[int, str, str]]] | None = None) -> Store:
    """Articles with identical lead vectors, so only names and time can tell them apart."""
    st = Store(tmp_path / "events.duckdb")
    frame = pd.DataFrame([{"article_id": a["id"], "content_hash": a["id"], "title": a.get("title", ""),
                           "body": a["body"], "published": a.get("published"), "lead_text": a["id"],
                           "lead_hash": f"L{a['id']}"} for a in articles])
    st.insert_frame("articles", frame)
    st.put_embeddings([f"L{a['id']}" for a in articles], np.stack([_LEAD] * len(articles)), "test")
    rows = [{"claim_id": f"{aid}-{k}", "article_id": aid, "sentence_idx": idx, "kind": "date", "quote": lo,
             "char_start": 0, "char_end": 1, "low_date": lo, "high_date": hi, "subject": "date",
             "embed_text": "d", "text_hash": f"T{aid}-{k}", "value_json": "{}"}
            for aid, ds in (dates or {}).items() for k, (idx, lo, hi) in enumerate(ds)]
    if rows:
        st.insert_frame("claims", pd.DataFrame(rows))
    return st


_QUAKE = "A strong quake shook Brenholt and Calvany overnight, and rescuers in Brenholt searched for Orsan."


def _events_of(st: Store) -> dict[str, str]:
    try:
        return align.assign_events(st)
    finally:
        st.close()


def test_shared_names_and_close_publication_make_one_event(tmp_path):
    arts = [{"id": i, "body": _QUAKE, "published": f"2024-03-0{d}T08:00:00+00:00"} for i, d in (("a", 1), ("b", 4))]
    m = _events_of(_store(tmp_path, arts))
    assert m["a"] == m["b"]


def test_identical_leads_without_shared_names_stay_apart(tmp_path):
    arts = [{"id": "a", "body": "A strong quake shook Brenholt and Calvany overnight, Brenholt said."},
            {"id": "b", "body": "A strong quake shook Dunmere and Ferrow overnight, Dunmere said."}]
    m = _events_of(_store(tmp_path, arts))
    assert m["a"] != m["b"]


def test_publication_more_than_the_window_apart_splits(tmp_path):
    arts = [{"id": i, "body": _QUAKE, "published": p} for i, p in (("a", "2024-03-01"), ("b", "2024-06-20"))]
    m = _events_of(_store(tmp_path, arts))
    assert m["a"] != m["b"]


def test_a_follow_up_weeks_later_within_the_window_joins(tmp_path):
    arts = [{"id": i, "body": _QUAKE, "published": p} for i, p in (("a", "2024-03-01"), ("b", "2024-03-24"))]
    m = _events_of(_store(tmp_path, arts))
    assert m["a"] == m["b"]


def test_undated_articles_about_different_years_split(tmp_path):
    arts = [{"id": "a", "body": _QUAKE + " It was the worst since 2005, and 2005 was bad."},
            {"id": "b", "body": _QUAKE + " Engineers had warned in 2008 and 2008 again."},
            {"id": "c", "body": _QUAKE}]
    m = _events_of(_store(tmp_path, arts))
    assert m["a"] != m["b"]


def test_undated_articles_whose_leads_date_their_event_far_apart_split(tmp_path):
    arts = [{"id": i, "body": _QUAKE} for i in "abcd"]
    dates = {"a": [(0, "2012-07-07", "2012-07-07")], "b": [(1, "2012-07-08", "2012-07-08")],
             "c": [(0, "2006-04-22", "2006-04-22"), (9, "2012-07-07", "2012-07-07")],  # the body's day is background
             "d": [(0, "2006-04-23", "2006-04-23")]}
    m = _events_of(_store(tmp_path, arts, dates))
    assert m["a"] == m["b"] and m["c"] == m["d"] and m["a"] != m["c"]


def test_an_undated_article_cannot_chain_two_dated_far_apart():
    sims = [("a", "c", 3.0), ("b", "c", 3.0), ("a", "b", 0.0)]
    m = events.cluster("abc", sims, 1.0, days={"a": 100, "b": 150, "c": None}, max_days=10)
    assert m["a"] != m["b"]
    assert events.cluster("ab", [("a", "b", float("-inf"))], 1.0)["b"] == "b"


# --- the fitted model and the labels --------------------------------------------------------


def test_the_model_file_matches_the_features_the_code_computes(tmp_path):
    fitted = events.model()
    assert tuple(fitted["features"]) == events.FEATURES and len(fitted["weights"]) == len(events.FEATURES)
    other = tmp_path / "model.json"
    other.write_text('{"features": ["lead_cosine"], "weights": [1.0], "bias": 0, "threshold": 0.5}')
    with pytest.raises(ValueError, match="fitted on features"):
        events.model(other)


def test_more_shared_places_and_a_closer_event_day_raise_the_probability():
    base = {"article_a": "a", "article_b": "b", "lead_cosine": 0.5, "names": 0.2, "places": 0.1, "people": 0.1,
            "same_trigger": True, "both_triggered": True, "filed_days_apart": 3, "event_days_apart": 0,
            "years_differ": False}
    rows = pd.DataFrame([base, {**base, "names": 0.6, "people": 0.5}, {**base, "event_days_apart": 30}])
    p = events.same_event_probability(rows)
    assert p[1] > p[0] > p[2]


def test_labels_read_what_where_when_and_fall_back_to_a_title():
    from crosscheck import event_labels

    assert event_labels.compose("earthquake", "Melkin", "6 May 2031", "t") == "Earthquake in Melkin, 6 May 2031"
    assert event_labels.compose(None, "Melkin", None, "Bridge reopens") == "Bridge reopens in Melkin"
    assert event_labels.compose("flood", "Dunmere", None, "t") == "Flood in Dunmere"
