"""Event labels: what happened, where and when, in the event's own articles' words.

A reader scanning a report needs to know which event a finding is about; one article's headline
("Rescuers reach cut-off villages as toll rises") says less than "Earthquake in Melkin,
6 May 2031". Each part is the one most of the event's articles share: the trigger as they
write it; the place their leads name most (a name the parser took for a place in one article
and for a person or organisation in another counts in full); the day their leads date the
event, else the earliest filing day. A part nobody gives is left out; with no trigger at all
the earliest article's title stands in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from crosscheck import events
from crosscheck.nlp.event_terms import trigger_lexicon
from crosscheck.store import Store


def _day(iso: str) -> str | None:
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return f"{d.day} {d:%B %Y}"


def _best(parts: list[tuple[str, str, float]]) -> str | None:
    """The surface form of the value with the most weight (ties: the alphabetically first value),
    written the way most of its mentions write it."""
    if not parts:
        return None
    weight: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for value, surface, w in parts:
        weight[value] += w
        forms[value][surface] += 1
    value = min(weight, key=lambda v: (-weight[v], v))
    return min(forms[value], key=lambda f: (-forms[value][f], f))


def compose(what: str | None, where: str | None, when: str | None, fallback: str) -> str:
    """'Earthquake in Melkin, 6 May 2031' from its parts; the fallback leads when the
    articles name no trigger."""
    head = what[:1].upper() + what[1:] if what else fallback
    if where and where.lower() not in head.lower():
        head = f"{head} in {where}"
    return f"{head}, {when}" if when else head


def labels(store: Store, mapping: dict[str, str]) -> dict[str, str]:
    """Event id (the cluster's smallest article id) -> label."""
    rows = store.query("event_label_parts", {"lead_sentences": events.LEAD_SENTENCES})
    titles = dict(store.con.execute("SELECT article_id, coalesce(title, article_id) FROM articles").fetchall())
    lexicon = set(trigger_lexicon().values())
    parts: dict[tuple[str, str], list[tuple[str, str, float]]] = defaultdict(list)
    filed: dict[str, str] = {}
    for aid, part, value, surface, weight in rows.itertuples(index=False):
        if aid not in mapping:
            continue
        if part == "filed":
            filed[aid] = value
        else:
            parts[(mapping[aid], part)].append((value, surface, float(weight)))
    members: dict[str, list[str]] = defaultdict(list)
    for aid, event in sorted(mapping.items()):
        members[event].append(aid)
    out = {}
    for event, ids in members.items():
        first = min(ids, key=lambda a: (filed.get(a) or "9999", a))
        what = _best([p for p in parts[(event, "what")] if p[0] in lexicon])
        places = {v for v, _, _ in parts[(event, "where")]}
        where = _best(parts[(event, "where")] + [p for p in parts[(event, "named")] if p[0] in places])
        day = _best(parts[(event, "when")]) or filed.get(first)
        out[event] = compose(what, where, _day(day) if day else None, titles.get(first, first))
    return out
