"""Clustering articles into events, so claims are never paired across different events.

A newsroom's folder mixes stories. Two articles belong to one event when their leads (title
and opening sentences) embed close together; clusters are the connected components of that
graph (single link), which keeps follow-up stories with shifted headlines in their event.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosscheck.models import Sentence, sha256

LEAD_SENTENCES = 2


def lead_text(title: str | None, sentences: list[Sentence]) -> str:
    parts = [title or ""] + [s.text for s in sentences[:LEAD_SENTENCES]]
    return " ".join(p for p in parts if p).strip()


def lead_hash(text: str) -> str:
    return sha256(text)


def cluster(article_ids: Iterable[str], similar_pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Connected components: article id -> event id (the smallest article id in its cluster)."""
    parent: dict[str, str] = {a: a for a in article_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in similar_pairs:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in parent}
