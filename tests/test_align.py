"""Candidate pairs in SQL: blocked by event, kind and dimension, hard categorical constraints,
mutual best match by the match model's probability; actor claims by their structured score."""

import numpy as np
import pandas as pd

from crosscheck import align
from crosscheck.models import Article, Claim, ClaimFrame


def _claim(aid, start, counted, kind="numeric", low=1.0, period=None, dimension="count", measure_class=None,
           unit=None):
    frame = ClaimFrame(measure=counted, measure_class=measure_class, dimension=dimension, value_base=low,
                       context=f"context {counted} {start}", period=period)
    return Claim(article_id=aid, sentence_idx=0, kind=kind, quote="x", char_start=start, char_end=start + 1,
                 value_text="x", subject=counted, embed_text=f"{counted}:{start}", low=low, high=low,
                 counted=counted, unit=unit, frame=frame)


def _setup(store, claims_by_article, vecs, event_of=None):
    """Store the articles, embed every text with the vector its key maps to, one event."""
    for aid, claims in claims_by_article.items():
        store.replace_article(Article(article_id=aid, body="x"), [], claims)
    texts = store.con.execute("SELECT text_hash, embed_text FROM claims UNION "
                              "SELECT context_hash, context FROM claim_frames").fetchall()
    store.put_embeddings([h for h, _ in texts], np.array([vecs(t) for _, t in texts]), "m")
    events = pd.DataFrame({"article_id": list(claims_by_article),
                           "event_id": [(event_of or {}).get(a, "e1") for a in claims_by_article], "label": "e"})
    store.insert_frame("events", events)


def _unit(i, j=None):
    v = np.zeros(384, dtype=np.float32)
    v[i] = 1.0
    if j is not None:
        v[j] = 0.5
    return v / np.linalg.norm(v)


def _by_measure(text: str):
    """Texts of one measure share a direction: the embedding says 'same kind of figure'."""
    return _unit(0) if "dead" in text else _unit(1) if "injured" in text else _unit(2)


def _pairs(store):
    return sorted(store.con.execute(
        "SELECT ca.article_id || ':' || ca.counted, cb.article_id || ':' || cb.counted, similarity FROM alignments "
        "JOIN claims ca ON ca.claim_id = claim_a JOIN claims cb ON cb.claim_id = claim_b").fetchall())


def test_each_claim_pairs_with_its_most_probable_counterpart_only(store):
    a = [_claim("a", 0, "dead", measure_class="dead"), _claim("a", 5, "injured", measure_class="injured")]
    b = [_claim("b", 0, "dead", measure_class="dead", low=3.0), _claim("b", 5, "injured", measure_class="injured")]
    _setup(store, {"a": a, "b": b}, _by_measure)
    assert align.candidate_pairs(store, 0.0) == 2
    pairs = _pairs(store)
    assert [(x, y) for x, y, _ in pairs] == [("a:dead", "b:dead"), ("a:injured", "b:injured")]
    assert all(0.0 <= p <= 1.0 for *_, p in pairs)


def test_another_class_period_event_or_dimension_never_pairs(store):
    a = [_claim("a", 0, "dead", measure_class="dead"), _claim("a", 5, "rain", period="24 hour", unit="mm",
                                                              dimension="length")]
    b = [_claim("b", 0, "injured", measure_class="injured"),
         _claim("b", 5, "rain", period="three day", unit="mm", dimension="length")]
    c = [_claim("c", 0, "dead", measure_class="dead")]
    d = [_claim("d", 0, "dead", dimension="mass", unit="kg")]
    _setup(store, {"a": a, "b": b, "c": c, "d": d}, lambda t: _unit(0), event_of={"c": "e2"})
    assert align.candidate_pairs(store, 0.0) == 0


def test_a_restated_figure_is_never_paired(store):
    a = [_claim("a", 0, "dead", measure_class="dead")]
    b = [_claim("b", 0, "dead", measure_class="dead")]
    b[0].frame = ClaimFrame(**{**b[0].frame.__dict__, "restated": True})
    _setup(store, {"a": a, "b": b}, _by_measure)
    assert align.candidate_pairs(store, 0.0) == 0


def test_closer_wording_is_more_probable(store):
    a, b, c = [_claim("a", 0, "people")], [_claim("b", 1, "people")], [_claim("c", 2, "people")]
    near = {"0": _unit(3), "1": _unit(3, 4), "2": _unit(5)}  # by offset: a and b read alike, c not
    _setup(store, {"a": a, "b": b, "c": c}, lambda t: near[t[-1]])
    align.candidate_pairs(store, 0.0)
    p = {(x, y): s for x, y, s in _pairs(store)}
    assert p[("a:people", "b:people")] > p[("a:people", "c:people")]


def _actor(aid, role, predicate, counted, entity):
    return Claim(article_id=aid, sentence_idx=0, kind="entity", quote=entity, char_start=0, char_end=1,
                 value_text=entity, subject=f"who {role}", embed_text=f"who {role}", entity=entity, role=role,
                 predicate=predicate, counted=counted)


def test_named_holding_pairs_with_described_one_but_not_other_verbs(store):
    a = [_actor("a", "own", "own", None, "northern ferries")]
    b = [_actor("b", "own ferry", "own", "ferry", "lake transit")]
    c = [_actor("c", "operate ferry", "operate", "ferry", "lake transit")]
    vecs = {"who own": _unit(0, 1), "who own ferry": _unit(0, 2), "who operate ferry": _unit(0, 2)}
    _setup(store, {"a": a, "b": b, "c": c}, lambda t: vecs.get(t, _unit(7)))
    align.candidate_pairs(store)
    pairs = store.con.execute("SELECT ca.article_id, cb.article_id FROM alignments JOIN claims ca ON ca.claim_id = claim_a "
                              "JOIN claims cb ON cb.claim_id = claim_b ORDER BY 1, 2").fetchall()
    assert ("a", "b") in pairs and ("a", "c") not in pairs
