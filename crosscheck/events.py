"""Clustering articles into events, so claims are never paired across different events.

A newsroom's folder mixes stories, and stories of one type look alike: two earthquakes'
leads embed at cosine 0.6-0.8. Two articles are one event only when they share rare names
(places, people, organisations, weighted by how often each article repeats them): names are
what tell one earthquake from another, so the floor sits above any lead cosine. Time vetoes
before either: publication too far apart, different dominant years, or leads dating their
event far apart. Clusters are built by average linkage, not single link, so one follow-up
story that mentions two events cannot chain them into one; when in doubt it splits, since a
missed pair costs less than a false alarm across events.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from crosscheck.models import Sentence, sha256

LEAD_SENTENCES = 2

# Capitalised words that are not names: calendar words and sentence furniture.
_NOT_NAMES = set(
    "the a an in on at of and but for to by as it its this that these those he she they we i his her "
    "their our monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mr mrs ms dr after before when while "
    "there here some many most one two three four five officials police president minister".split()
)
_WORD = re.compile(r"[A-Z][A-Za-z'’\-]+")


def lead_text(title: str | None, sentences: list[Sentence]) -> str:
    parts = [title or ""] + [s.text for s in sentences[:LEAD_SENTENCES]]
    return " ".join(p for p in parts if p).strip()


def lead_hash(text: str) -> str:
    return sha256(text)


def name_counts(text: str) -> Counter[str]:
    """Capitalised words that are not sentence-initial, with how often each occurs: a cheap,
    language-light name detector. The count matters: the names an article repeats are the ones
    its event is about (the boxer's opponent, the fired coach), while names said once are
    often background shared with other events of the same kind."""
    names: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if m.start() == 0 or re.search(r"[.!?\"“\n]\s?$", before):
            continue
        w = m.group().lower().strip("'’-")
        w = re.sub(r"['’]s$", "", w)
        if len(w) > 2 and w not in _NOT_NAMES:
            names[w] += 1
    return names


def names_of(text: str) -> set[str]:
    return set(name_counts(text))


def names_frame(bodies: dict[str, str]) -> pd.DataFrame:
    """article_id, name, tf (1 + ln count): the term weight the name overlap in SQL uses."""
    rows = [(aid, n, 1.0 + math.log(k)) for aid, text in bodies.items() for n, k in sorted(name_counts(text).items())]
    frame = pd.DataFrame(rows, columns=["article_id", "name", "tf"])
    return frame.astype({"article_id": str, "name": str, "tf": float})


def anchors_frame(bodies: dict[str, str]) -> pd.DataFrame:
    """article_id, year: each article's dominant year (NULL when it has none)."""
    frame = pd.DataFrame({"article_id": list(bodies), "year": [dominant_year(t) for t in bodies.values()]})
    return frame.astype({"article_id": str, "year": "Int64"})


# The pair features the fitted model weighs, in its order (see feature_matrix).
FEATURES = ("lead_cosine", "names", "places", "people", "same_trigger", "other_trigger",
            "filed_gap", "filed_unknown", "event_gap", "event_unknown", "years_differ")
MODEL_FILE = Path(__file__).with_name("event_model.json")


def feature_matrix(pairs: pd.DataFrame) -> np.ndarray:
    """The model's inputs from sql/event_pair_features.sql rows: similarities as they come,
    day gaps as ln(1 + days) (a week matters at first, less so a month later), and an
    indicator where a gap is unknown (its gap column then reads 0)."""
    filed = pd.to_numeric(pairs["filed_days_apart"], errors="coerce").astype(float)
    dated = pd.to_numeric(pairs["event_days_apart"], errors="coerce").astype(float)
    both = pairs["both_triggered"].astype(bool).to_numpy()
    same = pairs["same_trigger"].astype(bool).to_numpy()
    cols = [
        pairs["lead_cosine"].astype(float).to_numpy(),
        pairs["names"].astype(float).to_numpy(),
        pairs["places"].astype(float).to_numpy(),
        pairs["people"].astype(float).to_numpy(),
        same.astype(float),
        (both & ~same).astype(float),
        np.log1p(filed.fillna(0.0).to_numpy()),
        filed.isna().to_numpy().astype(float),
        np.log1p(dated.fillna(0.0).to_numpy()),
        dated.isna().to_numpy().astype(float),
        pairs["years_differ"].astype(bool).to_numpy().astype(float),
    ]
    return np.column_stack(cols) if len(pairs) else np.zeros((0, len(FEATURES)))


@cache
def model(path: Path = MODEL_FILE) -> dict:
    """The fitted weights (scripts/event_fit.py writes them, with what they were fitted on)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: fitted on features {data['features']}, the code computes {list(FEATURES)}")
    return data


def same_event_probability(pairs: pd.DataFrame, fitted: dict | None = None) -> np.ndarray:
    """P(one event) per pair: logistic regression over the features, weights from the model file."""
    fitted = fitted or model()
    z = feature_matrix(pairs) @ np.asarray(fitted["weights"], dtype=float) + float(fitted["bias"])
    return 1.0 / (1.0 + np.exp(-z))


def cluster(
    article_ids: Iterable[str],
    similarities: Iterable[tuple[str, str, float]],
    min_similarity: float,
    days: dict[str, int | None] | None = None,
    years: dict[str, int | None] | None = None,
    max_days: float = math.inf,
    coverage: float = 1.0,
) -> dict[str, str]:
    """Average-linkage clusters: article id -> event id (the smallest article id in its cluster).

    Two clusters merge while the mean similarity of their article pairs reaches
    ``min_similarity``; a ``-inf`` pair (dated far apart) forbids the merge outright. Pairs not
    given (they share no name or place) count as 0 up to a point: the mean divides by the
    number of given pairs, but by at least ``coverage`` times all pairs. With 1.0 every missing
    pair is a 0 (plain average linkage); with less, a big event whose later reports share names
    with most but not all earlier ones can still take them in, while one article linked to two
    events by a single pair each still cannot chain them. Time is also checked per cluster, so
    an article with no date cannot chain two others into one event: the publication ``days``
    (ordinals) of a cluster may span at most ``max_days``, and the dominant ``years`` of its
    undated articles must agree. Only the given (sparse) pairs are touched: a heap holds each
    linked cluster pair's mean, a merge adds the two clusters' neighbour sums and counts, and
    entries made stale by a merge are skipped when popped, so the cost is O(E log E) in pairs E.
    """
    ids = sorted(set(article_ids))
    days, years = days or {}, years or {}
    members: dict[str, list[str]] = {a: [a] for a in ids}
    span: dict[str, tuple[int, int] | None] = {a: (days[a], days[a]) if days.get(a) is not None else None for a in ids}
    year: dict[str, int | None] = {a: years.get(a) if days.get(a) is None else None for a in ids}
    sums: dict[str, dict[str, float]] = {a: {} for a in ids}
    counts: dict[str, dict[str, int]] = {a: {} for a in ids}
    for a, b, s in similarities:
        if a == b or a not in sums or b not in sums:
            continue
        sums[a][b] = sums[a].get(b, 0.0) + float(s)
        sums[b][a] = sums[b].get(a, 0.0) + float(s)
        counts[a][b] = counts[b][a] = counts[a].get(b, 0) + 1

    def mean(x: str, y: str) -> float:
        return sums[x][y] / max(counts[x][y], coverage * len(members[x]) * len(members[y]))

    heap = [(-mean(a, b), a, b) for a, nb in sums.items() for b in nb if a < b and mean(a, b) >= min_similarity]
    heapq.heapify(heap)

    def joint_span(x: str, y: str) -> tuple[int, int] | None:
        sx, sy = span[x], span[y]
        return sx if sy is None else sy if sx is None else (min(sx[0], sy[0]), max(sx[1], sy[1]))

    while heap:
        neg, x, y = heapq.heappop(heap)
        if x not in members or y not in members:
            continue  # one side was merged away since this entry was pushed
        if abs(mean(x, y) + neg) > 1e-12:
            continue  # stale: the pair's mean changed since this entry was pushed
        joint = joint_span(x, y)
        if joint is not None and joint[1] - joint[0] > max_days:
            continue
        if year[x] is not None and year[y] is not None and year[x] != year[y]:
            continue
        if len(sums[x]) < len(sums[y]):
            x, y = y, x  # fold the smaller neighbourhood into the larger
        members[x].extend(members.pop(y))
        span[x], year[x] = joint, year[x] if year[x] is not None else year[y]
        del span[y], year[y]
        counts.pop(y)
        for z, s in sums.pop(y).items():
            nb, nc = sums[z], counts[z]
            nb.pop(y)
            c = nc.pop(y)
            if z != x:
                nb[x] = nb.get(x, 0.0) + s
                nc[x] = nc.get(x, 0) + c
                sums[x][z], counts[x][z] = nb[x], nc[x]
        for z in sums[x]:
            m = mean(x, z)
            if m >= min_similarity:
                heapq.heappush(heap, (-m, min(x, z), max(x, z)))
    return {a: min(c) for c in members.values() for a in c}


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def dominant_year(text: str) -> int | None:
    """The year an undated article is most likely about: its most frequent explicit year.

    Without ``published`` this is the only time anchor: two coach firings of one team, or two
    elections in one country, share every name and differ only in the year."""
    counts: dict[int, int] = {}
    for y in _YEAR.findall(text):
        counts[int(y)] = counts.get(int(y), 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    tops = [y for y, n in counts.items() if n == best]
    return max(tops) if len(tops) == 1 else None
