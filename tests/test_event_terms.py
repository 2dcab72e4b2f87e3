"""What an article's event is, read from the parse: trigger, places and people (invented text)."""

from __future__ import annotations

from crosscheck.models import Sentence
from crosscheck.nlp import event_terms


def _signals(nlp, title: str, body: str):
    doc = nlp(body)
    sents = [Sentence("t", i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)]
    return event_terms.read_signals(title, body, doc, sents, 2030)


def _terms(sig, kind: str) -> set[str]:
    return {term for k, term, *_ in sig.terms if k == kind}


def test_what_happened_is_the_event_not_its_toll(nlp):
    sig = _signals(nlp, "Rocket attack kills 12 in Vellan", "A rocket slammed into a market in Vellan on Monday, killing 12.")
    assert _terms(sig, "trigger") == {"strike"}


def test_a_lexicon_noun_of_the_lead_names_the_trigger(nlp):
    sig = _signals(nlp, "", "A blast tore through a fuel depot near Arkady Bay on Sunday night, officials said.")
    trigger = [(term, surface) for k, term, surface, *_ in sig.terms if k == "trigger"]
    assert trigger == [("explosion", "blast")]


def test_without_a_lexicon_word_the_lead_verb_is_the_trigger(nlp):
    sig = _signals(nlp, "", "The council of Dunmere approved a new harbour budget on Tuesday.")
    assert _terms(sig, "trigger") == {"approve"}


def test_places_and_people_with_counts_and_lead_flags(nlp):
    body = ("Floods swept through London on Friday, Mayor Sadiq Khan said.\n\n"
            "Police in London closed roads. Later, Khan visited Paris.")
    sig = _signals(nlp, "", body)
    rows = {(k, term): (tf, lead) for k, term, _s, tf, lead in sig.terms}
    assert rows[("place", "london")] == (2.0, True)
    assert ("person", "khan") in rows and rows[("place", "paris")][1] is False


def test_a_dateline_is_kept_with_its_offsets(nlp):
    body = "VELLAN, June 3, 2030 (Coast Wire) - A ferry ran aground off Vellan on Sunday."
    sig = _signals(nlp, "", body)
    assert sig.published_from_text == "2030-06-03" and sig.dateline_span[0] == 0
    assert body[slice(*sig.dateline_span)].startswith("VELLAN, June 3, 2030")
