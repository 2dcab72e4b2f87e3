"""What an article's event is, read once at extraction from the parse extraction already made.

An editor tells two earthquakes apart by where and when they struck and who speaks about them,
and joins a follow-up weeks later to its story by the same place and the same thing happening.
This module reads those signals from the spaCy doc (no second parse): the places (GPE, LOC,
FAC entities), the people and organisations (PERSON, ORG), the trigger (what the lead says
happened, from a small lexicon in event_triggers.json, else the lead's main verb) and the
dateline the text opens with. The event stage (sql/event_pair_features.sql) compares them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from crosscheck.models import Sentence
from crosscheck.nlp import dateline as datelines

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NAME_LABELS = {"PERSON": "person", "ORG": "org"}
# Leading words that vary between outlets writing the same name.
_DROP = re.compile(r"^(?:the|a|an)\s+|['\u2019]s$", re.IGNORECASE)
LEAD_SENTENCES = 2


@dataclass
class EventSignals:
    """Per article: the terms (kind, key, as written, weight, whether the lead has it) and the
    dateline the text gives for its filing."""

    terms: list[tuple[str, str, str, float, bool]] = field(default_factory=list)
    dateline: str | None = None
    published_from_text: str | None = None  # ISO day the dateline names
    dateline_span: tuple[int, int] | None = None  # its offsets in the body


@cache
def trigger_lexicon() -> dict[str, str]:
    """Word (lemma) -> trigger group, from event_triggers.json."""
    data = json.loads((Path(__file__).with_name("event_triggers.json")).read_text(encoding="utf-8"))
    return {w: group for group, words in data.items() if not group.startswith("_") for w in words}


def _key(text: str) -> str:
    return " ".join(_DROP.sub("", text.strip()).lower().split())


def _lead_spans(doc: Doc, sentences: list[Sentence], n: int) -> list[Span]:
    spans = []
    for s in sentences[:n]:
        span = doc.char_span(s.char_start, s.char_end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


# Groups that name what an event did, not what it was (see event_triggers.json).
CONSEQUENCES = frozenset({"death", "injury"})


def trigger_of(title_words: list[str], lead: list[Span]) -> tuple[str, str] | None:
    """(group, noun to name it by) of what the lead says happened: the first lexicon word of the
    title, else of the lead sentences, else the lead's main verb (its own lemma as the group).
    A word of a consequence group ("kills", "dead") gives way to any other group's word in the
    title or lead: "missile strike kills 12" is a strike. The noun is the lead's own when the
    parse calls it one ("blast", "quake"); otherwise (a verb, an adjective, an unparsed title
    word) the group's name ("explosion", "death")."""
    lexicon = trigger_lexicon()
    found: list[tuple[str, str]] = []
    for word in title_words:
        w = word.lower().strip(".,;:'\"\u2019")
        for form in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
            if form in lexicon:
                found.append((lexicon[form], lexicon[form]))
                break
    for span in lead:
        for tok in span:
            if tok.pos_ in ("NOUN", "VERB", "PROPN") and tok.lemma_.lower() in lexicon:
                group = lexicon[tok.lemma_.lower()]
                found.append((group, tok.lemma_.lower() if tok.pos_ == "NOUN" else group))
    if found:
        return next((f for f in found if f[0] not in CONSEQUENCES), found[0])
    for span in lead:
        root = span.root
        if root.pos_ == "VERB" and root.lemma_.isalpha():
            return root.lemma_.lower(), root.lemma_.lower()
    return None


def read_signals(title: str | None, body: str, doc: Doc, sentences: list[Sentence],
                 year: int | None) -> EventSignals:
    """The event signals of one parsed article (``year``: the year a short dateline lacks)."""
    lead = _lead_spans(doc, sentences, LEAD_SENTENCES)
    lead_end = lead[-1].end_char if lead else 0
    counts: Counter[tuple[str, str]] = Counter()
    surface: dict[tuple[str, str], str] = {}
    in_lead: set[tuple[str, str]] = set()
    for ent in doc.ents:
        kind = "place" if ent.label_ in _PLACE_LABELS else _NAME_LABELS.get(ent.label_)
        if kind is None:
            continue
        key = _key(ent.text)
        if len(key) < 2 or not any(c.isalpha() for c in key):
            continue
        if kind == "person":
            key = key.split()[-1]  # "President Ana Ruiz" and "Ruiz" are one person to a reader
        counts[(kind, key)] += 1
        surface.setdefault((kind, key), _DROP.sub("", ent.text.strip()))
        if ent.start_char < lead_end:
            in_lead.add((kind, key))
    terms = [(kind, key, surface[(kind, key)], float(n), (kind, key) in in_lead)
             for (kind, key), n in sorted(counts.items())]
    trigger = trigger_of((title or "").split(), lead)
    if trigger is not None:
        terms.append(("trigger", trigger[0], trigger[1], 1.0, True))
    line = datelines.read_dateline(body, year)
    if line is None:
        return EventSignals(terms)
    return EventSignals(terms, line.text, line.date.isoformat(), (line.start, line.end))
