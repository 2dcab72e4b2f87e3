"""Alignment: events for articles, then candidate claim pairs scored in DuckDB SQL.

The heavy lifting is SQL (``sql/article_similarity.sql``, ``sql/candidate_pairs.sql``); this
module only runs it and turns article similarities into event clusters.
"""

from __future__ import annotations

import pandas as pd

from crosscheck import config, events
from crosscheck.store import Store


def assign_events(store: Store, min_similarity: float = config.EVENT_MIN_SIMILARITY) -> dict[str, str]:
    ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    sims = store.query("article_similarity")
    linked = sims[sims["similarity"] >= min_similarity]
    mapping = events.cluster(ids, zip(linked["article_a"], linked["article_b"]))
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
    store.con.execute("DELETE FROM alignments")
    store.run_sql("candidate_pairs", {"min_similarity": min_similarity})
    return store.con.execute("SELECT count(*) FROM alignments").fetchone()[0]
