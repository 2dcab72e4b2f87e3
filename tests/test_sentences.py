"""Sentence splitting: datelines stand alone, offsets index the unmodified body."""

import pytest

from crosscheck.models import Article
from crosscheck.nlp.sentences import dateline_end, sentences_of


def _sentences(nlp, body):
    art = Article(article_id="a", body=body)
    doc = nlp(body)
    out = sentences_of(art, doc)
    for s in out:
        assert body[s.char_start:s.char_end] == s.text
    return [s.text for s in out]


@pytest.mark.parametrize("body,dateline", [
    ("KORVEN \u2014 Two rockets hit the town on Sunday.", "KORVEN \u2014"),
    ("LISBON (Reuters) - The central bank raised rates.", "LISBON (Reuters) -"),
    ("SAN JOSE, Calif. (AP) \u2014 A fire destroyed a warehouse.", "SAN JOSE, Calif. (AP) \u2014"),
    ("OSLO, March 3 (AFP) -- Talks collapsed late on Friday.", "OSLO, March 3 (AFP) --"),
    ("Headline here\n\nPORT ELLIS, Marovia (MNA) \u2013 Floods cut the road.\nMore text follows.",
     "PORT ELLIS, Marovia (MNA) \u2013"),
])
def test_dateline_is_its_own_sentence(nlp, body, dateline):
    sents = _sentences(nlp, body)
    assert dateline in sents
    after = sents[sents.index(dateline) + 1]
    assert after[0].isupper()


@pytest.mark.parametrize("line", [
    "COVID-19 cases rose again in the north.",   # a hyphen without spaces
    "NATO - the alliance said it would act.",     # lower case after the dash
    "The UN said so \u2014 again.",                     # not at the start
    "US - China talks failed.",                   # too short to be a place
])
def test_not_a_dateline(line):
    assert dateline_end(line) is None


def test_dateline_does_not_shift_offsets(nlp):
    body = "  VELMOR (TPA) \u2014 A blast shook the port.\nIt was heard far away."
    sents = _sentences(nlp, body)
    assert sents == ["VELMOR (TPA) \u2014", "A blast shook the port.", "It was heard far away."]
