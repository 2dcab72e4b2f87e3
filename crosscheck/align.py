"""Alignment: events for articles, then candidate claim pairs scored in DuckDB SQL.

The heavy lifting is SQL (``sql/event_pair_features.sql``, ``sql/candidate_pairs.sql``); this
module only runs it and turns article similarities into event clusters.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd

from crosscheck import config, event_labels, events, match
from crosscheck.models import sha256
from crosscheck.sqlfiles import read_sql
from crosscheck.store import Store


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def event_pair_features(store: Store) -> pd.DataFrame:
    """The article pairs that share a name or a place, with what the event model weighs."""
    bodies = dict(store.con.execute("SELECT article_id, coalesce(title, '') || '\n' || body FROM articles").fetchall())
    store.con.register("_names", events.names_frame(bodies))
    store.con.register("_anchors", events.anchors_frame(bodies))
    try:
        return store.query(
            "event_pair_features",
            {"max_name_share": config.EVENT_MAX_NAME_SHARE, "name_keep_df": config.EVENT_NAME_KEEP_DF,
             "window_days": config.EVENT_WINDOW_DAYS, "lead_sentences": events.LEAD_SENTENCES,
             "reporting_verbs": list(config.EVENT_REPORTING_VERBS)},
        )
    finally:
        store.con.unregister("_names")
        store.con.unregister("_anchors")


def pair_scores(pairs: pd.DataFrame, fitted: dict | None = None) -> list[tuple[str, str, float]]:
    """(a, b, P(one event)) per pair; -inf where the two name days for their event more than
    EVENT_MAX_DAYS_APART apart (then no evidence may merge them)."""
    prob = events.same_event_probability(pairs, fitted)
    gap = pd.to_numeric(pairs["event_days_apart_exact"], errors="coerce").to_numpy(dtype=float)
    prob = np.where(gap > config.EVENT_MAX_DAYS_APART, -np.inf, prob)
    return list(zip(pairs["article_a"], pairs["article_b"], prob.tolist()))


def filing_days(store: Store) -> dict[str, int | None]:
    """Per article, the day it was filed as an ordinal: its dateline's day, else `published`."""
    rows = store.con.execute(
        "SELECT a.article_id, coalesce(d.published_from_text, a.published) FROM articles AS a "
        "LEFT JOIN article_datelines AS d USING (article_id)").fetchall()
    return {aid: _day(pub) for aid, pub in rows}


def cluster_articles(store: Store, pairs: pd.DataFrame, fitted: dict | None = None) -> dict[str, str]:
    """Article id -> event id, from scored pairs (average linkage at the model's threshold and
    coverage)."""
    fitted = fitted or events.model()
    ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    bodies = dict(store.con.execute("SELECT article_id, coalesce(title, '') || '\n' || body FROM articles").fetchall())
    years = {aid: events.dominant_year(text) for aid, text in bodies.items()}
    return events.cluster(ids, pair_scores(pairs, fitted), float(fitted["threshold"]), filing_days(store), years,
                          config.EVENT_WINDOW_DAYS, float(fitted.get("coverage", 1.0)))


def assign_events(store: Store) -> dict[str, str]:
    """Cluster the stored articles into events and name each by what happened, where and when."""
    mapping = cluster_articles(store, event_pair_features(store))
    labels = event_labels.labels(store, mapping)
    frame = pd.DataFrame(
        {
            "article_id": list(mapping),
            "event_id": [f"event-{mapping[a]}" for a in mapping],
            "label": [labels[mapping[a]] for a in mapping],
        }
    )
    store.con.execute("DELETE FROM events")
    store.insert_frame("events", frame)
    return mapping


def pair_features(store: Store) -> None:
    """The features of every numeric and date candidate pair of the events being aligned
    (_align_events), in the temp table pair_features."""
    store.run_sql("pair_features")


def alignment_version(min_match: float) -> str:
    """Everything the pairs depend on besides the articles: the queries, the match weights and
    the settings. A change re-aligns every event once."""
    entity = {"min_score": config.ALIGN_MIN_SIMILARITY, "w_event": config.ALIGN_W_EVENT,
              "w_place": config.ALIGN_W_PLACE, "w_group": config.ALIGN_W_GROUP}
    model = match.load()
    return sha256(json.dumps([read_sql("pair_features"), read_sql("candidate_pairs"), read_sql("entity_pairs"),
                              entity, model.sql_params(min_match), config.MODEL_NAME], sort_keys=True))


def candidate_pairs(store: Store, min_match: float = config.ALIGN_MIN_MATCH) -> int:
    """Aligned pairs of the events whose articles changed (sql/alignment_scope.sql): numeric and
    date claims by the match model's probability, who-did-what claims by their structured score,
    each claim's best counterpart per other article. The other events keep theirs, which are
    still exact since a pair never crosses events."""
    store.run_sql("alignment_scope", {"align_version": alignment_version(min_match)})
    store.run_sql("clear_changed_alignments")
    pair_features(store)
    store.run_sql("candidate_pairs", match.load().sql_params(min_match))
    store.con.execute("DROP TABLE IF EXISTS pair_features")
    store.run_sql(
        "entity_pairs",
        {"min_score": config.ALIGN_MIN_SIMILARITY, "w_event": config.ALIGN_W_EVENT,
         "w_place": config.ALIGN_W_PLACE, "w_group": config.ALIGN_W_GROUP},
    )
    store.run_sql("record_aligned_events")
    store.run_sql("forget_aligned_events")
    return store.con.execute("SELECT count(*) FROM alignments").fetchone()[0]
