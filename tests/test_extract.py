"""Claims read from whole sentences: what a date dates, who did it, and depths."""

import pytest

from crosscheck.models import Article
from crosscheck.nlp import extract, sentences, subjects

WED = "2025-03-12T16:00:00+00:00"  # a Wednesday afternoon


def _claims(nlp, body, published=WED):
    art = Article(article_id="x", body=body, published=published)
    doc = nlp(body)
    return extract.extract_claims(art, doc, sentences.sentences_of(art, doc))


def _date(nlp, body, quote):
    found = [c for c in _claims(nlp, body) if c.kind == "date" and c.quote == quote]
    assert len(found) == 1, [(c.quote, c.subject) for c in _claims(nlp, body) if c.kind == "date"]
    return found[0]


def _scopes(c):
    return (c.scope or "").split("; ")


@pytest.mark.parametrize("body,quote", [
    ("Twelve passengers drowned when the barge sank, the harbour police said on Monday.", "Monday"),
    ("The regional governor told reporters on Tuesday that the road would reopen.", "Tuesday"),
    ("The fire brigade confirmed on Monday that four workers were missing.", "Monday"),
])
def test_a_date_of_saying_dates_a_statement(nlp, body, quote):
    assert extract.STATEMENT in _scopes(_date(nlp, body, quote))


@pytest.mark.parametrize("body,quote", [
    ("The electoral board announced the final results on Tuesday.", "Tuesday"),
    ("The first case of the infection was confirmed on Monday in a village clinic.", "Monday"),
    ("A landslide buried the village on Monday, the harbour police said.", "Monday"),
])
def test_an_announcement_or_a_happening_stays_dated(nlp, body, quote):
    assert extract.STATEMENT not in _scopes(_date(nlp, body, quote))


def test_a_verbs_date_keeps_who_did_it(nlp):
    shares = _date(nlp, "Shares in the operator dropped 6 per cent in early trading on Tuesday.", "Tuesday")
    assert (shares.counted, shares.grp) == ("drop", "share")
    # a relative clause: the noun it hangs on did the act
    body = "Engineers inspected the section of the bridge deck which dropped on Sunday."
    deck = _date(nlp, body, "Sunday")
    assert (deck.counted, deck.grp) == ("drop", "deck")


def test_a_transitive_verbs_date_is_told_apart_by_its_object(nlp):
    """Two wordings of one doer ("the ministry", "the authorities") date one act; the thing
    acted on tells two acts of one verb apart."""
    one = _date(nlp, "The health ministry declared an emergency in the district on Tuesday.", "Tuesday")
    two = _date(nlp, "The authorities declared the emergency on Monday.", "Monday")
    three = _date(nlp, "The emergency was declared on Monday.", "Monday")
    other = _date(nlp, "The authorities declared a curfew on Monday.", "Monday")
    assert one.grp == two.grp == three.grp == "emergency" and other.grp == "curfew"


def _numeric(nlp, body, quote):
    found = [c for c in _claims(nlp, body) if c.kind == "numeric" and c.quote == quote]
    assert len(found) == 1, [(c.quote, c.counted) for c in _claims(nlp, body) if c.kind == "numeric"]
    return found[0]


@pytest.mark.parametrize("body,quote", [
    ("The tunnel roof gave way 450 metres below ground during the night shift.", "450 metres"),
    ("Engineers said the shaft flooded at a depth of 300 metres.", "300 metres"),
    ("The cave divers were trapped about 90 metres underground.", "about 90 metres"),
    ("The wreck lies 40 metres below the surface of the lake.", "40 metres"),
])
def test_a_length_marked_as_a_depth_measures_depth(nlp, body, quote):
    assert _numeric(nlp, body, quote).counted == subjects.DEPTH


@pytest.mark.parametrize("body,quote", [
    ("The quarry lies 12 kilometres from the nearest town.", "12 kilometres"),
    ("The convoy drove 40 kilometres down the valley road.", "40 kilometres"),
])
def test_a_distance_is_not_a_depth(nlp, body, quote):
    assert _numeric(nlp, body, quote).counted != subjects.DEPTH


def test_the_day_of_a_state_is_no_event_date(nlp):
    road = _date(nlp, "The road was icy on Friday morning, residents said.", "Friday")
    crash = _date(nlp, "The lorry overturned on Friday morning.", "Friday")
    assert extract.STATE in _scopes(road) and extract.STATE not in _scopes(crash)
