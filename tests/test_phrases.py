"""Readable subjects are phrases of the claim's own sentence (invented sentences)."""

from __future__ import annotations

import re

import pytest

from crosscheck.models import Article
from crosscheck.nlp import sentences
from crosscheck.nlp.extract import extract_claims


def _subjects(body: str) -> dict[str, str]:
    article = Article(article_id="x", body=body, title="t", published="2031-05-06T10:00:00+00:00", source="s")
    out = {}
    for art, doc in sentences.parse_articles([article]):
        for c in extract_claims(art, doc, sentences.sentences_of(art, doc)):
            out[c.quote] = c.subject
    return out


@pytest.mark.parametrize(("body", "quote", "subject"), [
    ("About 5,200 U.S. troops remain in Iraq, the ministry said on Monday.", "About 5,200", "U.S. troops in Iraq"),
    ("At least 44 people were killed in the bombing in Marvale, state television reported.", "At least 44",
     "people killed in the bombing in Marvale"),
    ("The government declared three days of mourning after the flood.", "three days", "days of mourning declared"),
    ("The Red Lantern Front claimed the attack on the checkpoint.", "The Red Lantern Front",
     "claimed the attack on the checkpoint"),
    ("Brightwater Lines, which owns the ferry, said it was cooperating.", "Brightwater Lines", "owns the ferry"),
    ("The storm struck the coast early on Friday, flooding 300 homes.", "early on Friday", "storm struck the coast"),
    ("The number of people killed by the floods has climbed to 14, officials said.", "14",
     "people killed by the floods"),
    ("Turnout was 61 percent, the commission said.", "61 percent", "turnout"),
    ("The quake struck at a depth of about 18 kilometres.", "about 18 kilometres", "depth"),
    ("The death toll from Monday's bombing at the market climbed to 87 on Tuesday.", "87",
     "death toll from bombing at the market"),
    ("Only 88 of the victims had been identified by Sunday night, officials said.", "88", "victims identified"),
    ("About 7,900 people living near the unstable slope may have to move.", "About 7,900",
     "people living near the unstable slope"),
    ("The block had 16 entrances, the emergency service said.", "16", "block had entrances"),
    ("The crash happened at 9:03 a.m. local time, or 7:03 p.m. Saturday on the East Coast.",
     "7:03 p.m. Saturday", "crash happened"),
    ("The search was expected to end on Friday.", "Friday", "search expected to end"),
])
def test_subject_is_a_phrase_of_the_sentence(body: str, quote: str, subject: str) -> None:
    got = _subjects(body)
    assert got[quote] == subject
    words = set(re.findall(r"[a-z0-9]+", body.lower()))
    assert all(w in words for w in re.findall(r"[a-z0-9]+", got[quote].lower()))
