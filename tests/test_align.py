"""Candidate pairs in SQL: blocked by event and kind, mutual best match, scope blocks."""

import numpy as np
import pandas as pd

from crosscheck import align
from crosscheck.models import Article, Claim


def _claim(aid, start, counted, scope=None, kind="numeric", low=1.0):
    return Claim(article_id=aid, sentence_idx=0, kind=kind, quote="x", char_start=start, char_end=start + 1,
                 value_text="x", subject=counted, embed_text=f"{counted}:{scope}:{start}", low=low, high=low,
                 counted=counted, scope=scope)


def _setup(store, claims_by_article, vecs):
    for aid, claims in claims_by_article.items():
        store.replace_article(Article(article_id=aid, body="x"), [], claims)
    texts = store.con.execute("SELECT text_hash, embed_text FROM claims").fetchall()
    store.put_embeddings([h for h, _ in texts], np.array([vecs[t] for _, t in texts]), "m")
    events = pd.DataFrame({"article_id": list(claims_by_article), "event_id": "e1", "label": "e"})
    store.insert_frame("events", events)


def _unit(i, j=None):
    v = np.zeros(384, dtype=np.float32)
    v[i] = 1.0
    if j is not None:
        v[j] = 0.5
    return v / np.linalg.norm(v)


def test_each_claim_pairs_with_its_best_counterpart_only(store):
    a = [_claim("a", 0, "dead"), _claim("a", 5, "injured")]
    b = [_claim("b", 0, "dead"), _claim("b", 5, "injured")]
    vecs = {"dead:None:0": _unit(0), "injured:None:5": _unit(1)}
    _setup(store, {"a": a, "b": b}, vecs)
    n = align.candidate_pairs(store, 0.5)
    pairs = store.con.execute("SELECT ca.counted, cb.counted FROM alignments JOIN claims ca ON ca.claim_id = claim_a "
                              "JOIN claims cb ON cb.claim_id = claim_b").fetchall()
    assert n == 2 and sorted(pairs) == [("dead", "dead"), ("injured", "injured")]


def test_scope_blocks_and_articles_of_other_events_never_pair(store):
    a = [_claim("a", 0, "dead")]
    b = [_claim("b", 0, "dead", scope="part")]
    c = [_claim("c", 0, "dead")]
    vecs = {"dead:None:0": _unit(0), "dead:part:0": _unit(0)}
    _setup(store, {"a": a, "b": b, "c": c}, vecs)
    store.con.execute("UPDATE events SET event_id = 'e2' WHERE article_id = 'c'")
    assert align.candidate_pairs(store, 0.1) == 0


def _actor(aid, role, predicate, counted, entity):
    return Claim(article_id=aid, sentence_idx=0, kind="entity", quote=entity, char_start=0, char_end=1,
                 value_text=entity, subject=f"who {role}", embed_text=f"who {role}", entity=entity, role=role,
                 predicate=predicate, counted=counted)


def test_named_holding_pairs_with_described_one_but_not_other_verbs(store):
    a = [_actor("a", "own", "own", None, "northern ferries")]
    b = [_actor("b", "own ferry", "own", "ferry", "lake transit")]
    c = [_actor("c", "operate ferry", "operate", "ferry", "lake transit")]
    vecs = {"who own": _unit(0, 1), "who own ferry": _unit(0, 2), "who operate ferry": _unit(0, 2)}
    _setup(store, {"a": a, "b": b, "c": c}, vecs)
    align.candidate_pairs(store, 0.5)
    pairs = store.con.execute("SELECT ca.article_id, cb.article_id FROM alignments JOIN claims ca ON ca.claim_id = claim_a "
                              "JOIN claims cb ON cb.claim_id = claim_b ORDER BY 1, 2").fetchall()
    assert ("a", "b") in pairs and ("a", "c") not in pairs


def test_figures_of_two_named_doers_score_apart(store):
    a = [Claim(article_id="a", sentence_idx=0, kind="numeric", quote="x", char_start=0, char_end=1, value_text="x",
               subject="yard", embed_text="yard throw", low=364, high=364, counted="yard", entity="corrigan")]
    b = [Claim(article_id="b", sentence_idx=0, kind="numeric", quote="x", char_start=0, char_end=1, value_text="x",
               subject="yard", embed_text="yard throw", low=205, high=205, counted="yard", entity="luck")]
    _setup(store, {"a": a, "b": b}, {"yard throw": _unit(0)})
    assert align.candidate_pairs(store, 1.2) == 0  # 1 + measure 0.35 - doer 0.3 < 1.2
    assert align.candidate_pairs(store, 1.0) == 1
