"""Alignment: events for articles, then candidate claim pairs scored in DuckDB SQL.

The heavy lifting is SQL (``sql/article_similarity.sql``, ``sql/candidate_pairs.sql``); this
module only runs it and turns article similarities into event clusters.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from crosscheck import config, events
from crosscheck.models import sha256
from crosscheck.sqlfiles import read_sql
from crosscheck.store import Store


def _day(published: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def assign_events(store: Store, min_similarity: float = config.EVENT_MIN_SIMILARITY) -> dict[str, str]:
    ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    bodies = dict(store.con.execute("SELECT article_id, coalesce(title, '') || '\n' || body FROM articles").fetchall())
    store.con.register("_names", events.names_frame(bodies))
    store.con.register("_anchors", events.anchors_frame(bodies))
    try:
        sims = store.query(
            "article_similarity",
            {"w_names": config.EVENT_W_NAMES, "max_days": config.EVENT_MAX_DAYS_APART,
             "max_name_share": config.EVENT_MAX_NAME_SHARE, "name_keep_df": config.EVENT_NAME_KEEP_DF, "pair_floor": config.EVENT_PAIR_FLOOR,
             "lead_sentences": events.LEAD_SENTENCES},
        )
    finally:
        store.con.unregister("_names")
        store.con.unregister("_anchors")
    days = {aid: _day(pub) for aid, pub in store.con.execute("SELECT article_id, published FROM articles").fetchall()}
    years = {aid: events.dominant_year(text) for aid, text in bodies.items()}
    mapping = events.cluster(ids, sims.itertuples(index=False), min_similarity, days, years,
                             config.EVENT_MAX_DAYS_APART)
    titles = dict(store.con.execute("SELECT article_id, coalesce(title, article_id) FROM articles").fetchall())
    frame = pd.DataFrame(
        {
            "article_id": list(mapping),
            "event_id": [f"event-{mapping[a]}" for a in mapping],
            "label": [titles.get(mapping[a], mapping[a]) for a in mapping],
        }
    )
    store.con.execute("DELETE FROM events")
    store.insert_frame("events", frame)
    return mapping


def candidate_pairs(store: Store, min_similarity: float = config.ALIGN_MIN_SIMILARITY) -> int:
    """Pairs of the events whose articles changed (sql/alignment_scope.sql); the other events
    keep theirs, which are still exact since a pair never crosses events."""
    params = {"min_score": min_similarity, "w_measure": config.ALIGN_W_MEASURE, "w_event": config.ALIGN_W_EVENT,
              "w_place": config.ALIGN_W_PLACE, "w_group": config.ALIGN_W_GROUP}
    version = sha256(json.dumps([read_sql("candidate_pairs"), params, config.MODEL_NAME], sort_keys=True))
    store.run_sql("alignment_scope", {"align_version": version})
    store.run_sql("clear_changed_alignments")
    store.run_sql("candidate_pairs", params)
    store.run_sql("record_aligned_events")
    store.run_sql("forget_aligned_events")
    return store.con.execute("SELECT count(*) FROM alignments").fetchone()[0]
