"""The typed claim frame, read from invented sentences (crosscheck/nlp/frames.py)."""

import pytest

from crosscheck.nlp import extract, frames


def _frames(parse, body, published="2025-04-13T09:00:00+00:00"):
    article, doc, sents = parse(body, published)
    return {(c.kind, c.value_text): c.frame for c in extract.extract_claims(article, doc, sents)}


def test_a_toll_is_a_casualty_measure_counted_in_people(parse):
    f = _frames(parse, "Floods in the delta killed 14 people on Friday.")[("numeric", "14")]
    assert f.measure == "dead" and f.measure_class == "dead" and f.dimension == "count" and f.value_base == 14
    assert "N" in f.context.split() and "14" not in f.context.split()


def test_lengths_are_compared_in_base_units(parse):
    f = _frames(parse, "The cargo ship is 220 metres long.")[("numeric", "220 metres")]
    assert f.dimension == "length" and f.value_base == pytest.approx(220.0)


def test_another_instance_of_the_event_type_is_marked(parse):
    got = _frames(parse, "A second tremor hit the valley on Sunday, injuring nine villagers. "
                         "The first quake injured 30 people.")
    assert got[("numeric", "nine")].other_incident
    assert not got[("numeric", "30")].other_incident


def test_the_first_figure_of_a_measure_is_the_articles_headline(parse):
    got = _frames(parse, "The blast killed 12 workers. Officials later said 15 people had died.")
    first, later = got[("numeric", "12")], got[("numeric", "15")]
    assert first.first_of_measure and not later.first_of_measure
    assert first.measure_count == later.measure_count == 2


def test_a_clock_time_in_a_named_zone_is_marked(parse):
    got = _frames(parse, "The ferry sank at 03:20 GMT on Saturday.")
    assert any(f.zone_stated for (kind, _), f in got.items() if kind == "date")


def test_the_day_a_sentence_dates_is_carried_by_its_figures(parse):
    got = _frames(parse, "On Friday the storm destroyed 40 homes.")
    assert got[("numeric", "40")].sentence_day == "2025-04-11"


def test_scope_labels_become_typed_flags():
    assert frames.scope_flags("in 2019")["background"]
    assert frames.scope_flags("statement")["statement"]
    assert frames.scope_flags("part; one day: monday")["part"]
    assert frames.scope_flags("part; one day: monday")["one_day"]
    assert frames.scope_flags("unit conversion")["restated"]
    assert not any(frames.scope_flags(None).values())
    assert frames.period_of("over three day") == "three day" and frames.period_of("part") is None


def test_figures_that_name_nothing_and_things_counted_by_a_verb(parse):
    got = _frames(parse, "The convoy stopped 10 km from the coast. Police said three rifles were seized "
                         "and 20 people were hurt.")
    assert got[("numeric", "10 km")].unnamed
    assert got[("numeric", "three")].counts_things and not got[("numeric", "three")].unnamed
    assert not got[("numeric", "20")].counts_things


def test_a_page_stamp_glued_to_a_headline_is_no_event_date(parse):
    article, doc, sents = parse("Ferry operator cuts winter routes Updated on 18 May 2031 The operator said "
                                "on Monday it would cut three routes.")
    dates = {c.value_text: c for c in extract.extract_claims(article, doc, sents) if c.kind == "date"}
    assert dates["18 May 2031"].frame.statement
    assert not dates["Monday"].frame.statement


def test_the_date_of_a_page_stamp_between_headline_and_story_is_no_event_date(parse):
    article, doc, sents = parse("Boxer keeps his belts in sixth round July 08, 2031 Marek Voss stopped his rival "
                                "on Saturday.", published="2031-07-09T10:00:00+00:00")
    dates = {c.value_text: c for c in extract.extract_claims(article, doc, sents) if c.kind == "date"}
    assert dates["July 08, 2031"].frame.statement
    assert not dates["Saturday"].frame.statement and dates["Saturday"].low_date == "2031-07-05"
