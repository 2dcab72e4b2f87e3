"""Clustering articles into events, so claims are never paired across different events.

A newsroom's folder mixes stories, and stories of one type look alike: two earthquakes'
leads embed close together. Two articles are one event when their leads (title and opening
sentences) embed close *and* they share rare names (places, people, organisations): names
are what tell one earthquake from another. Clusters are built by average linkage, not single
link, so one follow-up story that mentions two events cannot chain them into one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def names_of(text: str) -> set[str]:
    """Capitalised words that are not sentence-initial: a cheap, language-light name detector."""
    names: set[str] = set()
    for m in _WORD.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if m.start() == 0 or re.search(r"[.!?\"“\n]\s?$", before):
            continue
        w = m.group().lower().strip("'’-")
        w = re.sub(r"['’]s$", "", w)
        if len(w) > 2 and w not in _NOT_NAMES:
            names.add(w)
    return names


def names_frame(bodies: dict[str, str]) -> pd.DataFrame:
    rows = [(aid, n) for aid, text in bodies.items() for n in sorted(names_of(text))]
    return pd.DataFrame(rows, columns=["article_id", "name"]).astype(str)


def cluster(
    article_ids: Iterable[str], similarities: Iterable[tuple[str, str, float]], min_similarity: float
) -> dict[str, str]:
    """Average-linkage clusters: article id -> event id (the smallest article id in its cluster).

    Two clusters merge while the mean similarity over all their article pairs reaches
    ``min_similarity``; missing pairs count as 0.
    """
    ids = sorted(set(article_ids))
    sim: dict[tuple[str, str], float] = {}
    for a, b, s in similarities:
        sim[(a, b) if a < b else (b, a)] = float(s)
    clusters: list[list[str]] = [[a] for a in ids]

    def link(x: list[str], y: list[str]) -> float:
        total = sum(sim.get((a, b) if a < b else (b, a), 0.0) for a in x for b in y)
        return total / (len(x) * len(y))

    while len(clusters) > 1:
        best, pair = min_similarity, None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                s = link(clusters[i], clusters[j])
                if s >= best:
                    best, pair = s, (i, j)
        if pair is None:
            break
        i, j = pair
        clusters[i] = clusters[i] + clusters[j]
        del clusters[j]
    return {a: min(c) for c in clusters for a in c}


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


def time_compatible(a: tuple[str | None, int | None], b: tuple[str | None, int | None], max_days: float) -> bool:
    """Whether two articles can report one event: published within ``max_days`` of each other,
    or (when either lacks ``published``) the same dominant year. Unknown is compatible."""
    import datetime as dt

    (pa, ya), (pb, yb) = a, b
    if pa and pb:
        try:
            da = dt.datetime.fromisoformat(pa[:10])
            db = dt.datetime.fromisoformat(pb[:10])
        except ValueError:
            return True
        return abs((da - db).days) <= max_days
    return ya is None or yb is None or ya == yb
