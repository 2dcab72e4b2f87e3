"""What a number is about: canonical measures, parts, scopes and the embedded text."""

import pytest

from crosscheck.nlp import subjects


def subj(nlp, text, value, year=2024):
    doc = nlp(text)
    i = text.index(value)
    return subjects.subject_of(doc[:], i, i + len(value), year)


def test_one_toll_written_many_ways_has_one_measure(nlp):
    assert subj(nlp, "Officials said 38 people were killed.", "38").measure == "dead"
    assert subj(nlp, "The death toll has risen to 51, officials said.", "51").measure == "dead"
    assert subj(nlp, "The number of people killed in the floods has climbed to 14.", "14").measure == "dead"
    assert subj(nlp, "Another 63 were injured.", "63").measure == "injured"


def test_parts_years_and_groups_are_kept_apart(nlp):
    assert "part" in (subj(nlp, "More than 60 were injured, and nine of them remain in critical condition.", "nine").scope or "")
    assert "in 2010" in (subj(nlp, "The valley last flooded in 2010, when floods killed 19 people.", "19").scope or "")
    assert subj(nlp, "The shelling killed three soldiers.", "three").grp == "soldier"


def test_margin_is_measured_in_votes_not_votes_themselves(nlp):
    assert subj(nlp, "His final margin was fewer than 30,000 votes.", "fewer than 30,000").measure == "margin"


def test_embed_text_is_the_subject_not_the_sentence(nlp):
    s = subj(nlp, "In a long statement, officials said 38 people were killed in Dunmere on Sunday.", "38")
    text = subjects.embed_text(s)
    assert text.startswith("dead") and "statement" not in text


def test_a_thing_counted_is_not_the_verbs_toll(nlp):
    s = subj(nlp, "A powerful 6.1 magnitude earthquake injures dozens in the province.", "6.1")
    assert s.measure != "injured"
    assert subj(nlp, "Three firefighters were injured when the roof collapsed.", "Three").measure == "injured"


def test_named_doer_of_a_figure(nlp):
    assert subj(nlp, "Peyton Corrigan threw for 364 yards on Sunday.", "364 yards").agent == "peyton corrigan"
    assert subj(nlp, "Pellman, who completed 28 passes for 329 yards, ran for two yards.", "28").agent == "pellman"
    assert subj(nlp, "Officials said 38 people were killed.", "38").agent is None


def test_gerund_of_complement_and_durations(nlp):
    a = subj(nlp, "Governor Alina Brask declared three days of mourning across the province.", "three days")
    b = subj(nlp, "Governor Alina Brask declared five days of mourning in the province on Sunday.", "five days")
    assert a.measure == b.measure == "day of mourning"
    fought = subj(nlp, "About 150 firefighters fought the blaze for nine hours.", "About 150")
    assert fought.scope is None


def test_undated_text_scopes_any_named_year(nlp):
    s = subj(nlp, "In 2004 a massive tremor sparked a tsunami that killed 170,000 people.", "170,000", year=None)
    assert "in 2004" in (s.scope or "")


def test_dated_event_reads_possessive_and_misparsed_place(nlp):
    doc = nlp("In the days since Tuesday's rocket attack, the streets have emptied.")
    i = doc.text.index("since Tuesday")
    assert subjects.dated_event(doc[:], i, i + len("since Tuesday")) == "rocket attack"


def test_taking_place_is_the_event_happening(nlp):
    doc = nlp("The explosion took place on Tuesday near the harbour.")
    i = doc.text.index("on Tuesday")
    dated = subjects.dated_event(doc[:], i, i + len("on Tuesday"))
    assert dated == "explosion occur" and subjects.event_key(dated) == "occurred"


def _claims(nlp, body, published=None):
    from crosscheck.models import Article
    from crosscheck.nlp import extract, sentences

    art = Article(article_id="x", body=body, published=published)
    doc = nlp(body)
    return extract.extract_claims(art, doc, sentences.sentences_of(art, doc))


def test_conversions_stamps_and_background_years_are_scoped(nlp):
    body = ("The quake struck on 2 July 2013 at a depth of 10 kilometres (6.2 miles). "
            "Updated: July 02, 2013 15:50 IST. "
            "In 2004 a tsunami killed 170,000 people in the province.")
    by_quote = {c.quote: c for c in _claims(nlp, body)}
    assert "unit conversion" in (by_quote["6.2 miles"].scope or "")
    assert "unit conversion" not in (by_quote["10 kilometres"].scope or "")
    assert "in 2004" in (by_quote["170,000"].scope or "")
    stamp = next(c for c in by_quote.values() if c.kind == "date" and "15:50" in c.quote)
    assert "publication" in (stamp.scope or "")


def test_increments_severity_and_periods_are_scoped(nlp):
    assert "additional" in (subj(nlp, "Three more bodies were recovered from the rubble.", "Three").scope or "")
    assert subj(nlp, "Another 63 were injured.", "63").scope is None
    assert "seriously" in (subj(nlp, "There are around 30 people seriously injured.", "around 30").scope or "")
    assert subj(nlp, "More than 60 people were injured.", "More than 60").scope is None
    season = subj(nlp, "He finished his third season with 404 yards rushing.", "404 yards")
    assert "over the season" in (season.scope or "")


def test_things_counted_inside_a_noun_phrase_are_said_of_that_noun(nlp):
    a = subj(nlp, "The commission ordered a recount in four districts where observers reported irregularities.", "four")
    b = subj(nlp, "The recount in six districts, completed overnight, changed fewer than 2,000 votes.", "six")
    assert a.predicate == b.predicate == "recount"
    assert subj(nlp, "Police said 24 rockets were fired at the town.", "24").predicate == "fire"


def test_a_bare_year_of_the_clause_scopes_the_figure_even_as_the_own_year(nlp):
    s = subj(nlp, "In 2004 a massive tremor sparked a tsunami that killed 170,000 people.", "170,000", year=2004)
    assert "in 2004" in (s.scope or "")
    assert subj(nlp, "Officials said 38 people were killed on Sunday.", "38", year=2004).scope is None


def _scope(nlp, text, value):
    """Scope of the value in a multi-sentence text (the sentence holding it, the doc around it)."""
    doc = nlp(text)
    i = text.index(value)
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
    return subjects.subject_of(sent, i, i + len(value), 2024).scope or ""


def test_another_is_an_increment_only_after_the_same_measure(nlp):
    text = "The blast killed nine people in the market. Another four people died in hospital on Monday."
    assert "additional" in _scope(nlp, text, "four")
    assert "additional" in _scope(nlp, "Two bombs hit the camp. Another three bombs fell near the road.", "three")
    # first count of the injured: "another" only means besides the dead
    assert "additional" not in _scope(nlp, "The blast killed nine people. Another 63 were injured.", "63")


def test_the_whole_of_a_ratio_is_not_a_plain_count(nlp):
    assert "ratio base" in (subj(nlp, "Rask completed 21 of 35 passes for 240 yards.", "35").scope or "")
    assert "ratio base" in (subj(nlp, "The team won 14 of its last 19 games.", "19").scope or "")
    assert subj(nlp, "The team won 40 games last year.", "40").scope is None


def test_possessive_partitive_is_a_part(nlp):
    assert "part" in (subj(nlp, "Three of their men were wounded.", "Three").scope or "")


def test_one_day_of_a_series_is_scoped_but_a_single_event_is_not(nlp):
    s = subj(nlp, "Police said they made 86 arrests over the course of Saturday's protests.", "86")
    assert "one day of several" in (s.scope or "")
    assert subj(nlp, "Sunday's quake killed 38 people.", "38").scope is None


def test_clock_readings_are_scoped(nlp):
    assert "time left" in (subj(nlp, "With 12 seconds left, the kicker missed.", "12 seconds").scope or "")
    assert "time left" not in (subj(nlp, "The match was stopped for 12 minutes.", "12 minutes").scope or "")


def test_hypothetical_figures_are_scoped_but_facts_beside_a_modal_are_not(nlp):
    assert "hypothetical" in (subj(nlp, "Officials warned the toll could rise to 100.", "100").scope or "")
    assert "hypothetical" in (subj(nlp, "Judges may rule even if one or two jurors voted against it.", "one").scope or "")
    fact = subj(nlp, "It has killed 40 people, and some of those who were injured may yet die.", "40")
    assert fact.scope is None


def test_a_hyphenated_unit_describes_the_noun_it_modifies(nlp):
    assert subj(nlp, "The Hawks built a 30-point lead before the break.", "30").measure == "margin"
    play = subj(nlp, "Ferrant scored two three-point plays in the first half.", "three")
    assert play.measure == "play" and "size of each" in (play.scope or "")
    assert subj(nlp, "Ferrant scored 23 points in the first half.", "23").measure == "point"


def test_a_share_credited_to_one_crew_is_not_the_rescued_total(nlp):
    # rescues are made by many crews: one boat's or one crew's figure is its share
    assert "share" in (subj(nlp, "Her crew pulled six survivors from the water.", "six").scope or "")
    assert "share" in (subj(nlp, "A fishing boat had picked up nine survivors before dawn.", "nine").scope or "")
    assert subj(nlp, "The coast guard rescued 150 people.", "150").scope is None


def test_survivors_still_in_hospital_are_a_state_not_the_rescue(nlp):
    s = subj(nlp, "Eight survivors are still in hospital.", "Eight")
    assert s.measure == "rescued" and "still there" in (s.scope or "")
    assert subj(nlp, "A total of 240 survivors were brought ashore.", "240").scope is None


def test_one_days_work_is_not_the_running_total(nlp):
    assert subj(nlp, "Search teams recovered seven bodies on Tuesday.", "seven").scope == "one day: tuesday"
    assert subj(nlp, "On Friday alone, 80 flights were cancelled.", "80").scope == "one day: friday"
    assert subj(nlp, "Some 300 flights have been cancelled since Wednesday.", "300").scope is None
    # a verb that names the measure dates the event itself; a running total is dated as a whole
    assert subj(nlp, "Thirty people were killed on Sunday when the bridge collapsed.", "Thirty").scope is None
    assert subj(nlp, "The coast guard rescued 190 people on Sunday.", "190").scope is None
    assert subj(nlp, "The death toll rose to 51 on Sunday.", "51").scope is None


def test_a_kind_modifier_is_not_the_measure(nlp):
    assert subj(nlp, "Nine rescue teams were sent to the valley.", "Nine").measure != "rescued"
    assert subj(nlp, "Twelve rescue workers were injured.", "Twelve").measure == "injured"
    assert subj(nlp, "The casualty figures rose to 40.", "40").measure == "injured"


def test_persons_saved_or_brought_to_safety_are_rescued(nlp):
    assert subj(nlp, "Volunteers saved 85 people from the flood.", "85").measure == "rescued"
    assert subj(nlp, "Firefighters brought 12 workers to the surface alive.", "12").measure == "rescued"
    assert subj(nlp, "The storm brought down two bridges.", "two").measure == "bridge destroyed"
    assert subj(nlp, "The firm saved $4 million last year.", "$4 million").measure != "rescued"


def test_a_long_tally_phrase_keeps_its_people(nlp):
    s = subj(nlp, "The number of people confirmed dead after the storm rose to 12 on Friday.", "12")
    assert s.measure == "dead"
    assert subj(nlp, "The number of people reported missing has risen to 40.", "40").measure == "missing"


def test_a_fronted_site_is_the_figures_place(nlp):
    s = subj(nlp, "At the nearby Tarrow mine, 30 workers were evacuated.", "30")
    assert s.place == "tarrow mine" and "another site" in (s.scope or "")
    # a destination inside the clause is where things went, not another site of the figure
    assert subj(nlp, "More than 50 trucks were sent to depots in neighbouring towns.", "More than 50").scope is None


def test_a_length_below_ground_is_a_depth(nlp):
    a = subj(nlp, "The tunnel flooded 400 metres underground.", "400 metres")
    b = subj(nlp, "The cave collapsed at a depth of 380 metres.", "380 metres")
    c = subj(nlp, "The shaft gave way 410 metres below ground on Sunday.", "410 metres")
    assert a.measure == b.measure == c.measure == "depth"
    assert a.predicate is b.predicate is c.predicate is None and c.scope is None


def test_statement_days_and_phrasal_collapses(nlp):
    def dated(text, value):
        doc = nlp(text)
        i = text.index(value)
        return subjects.dated_event(doc[:], i, i + len(value))

    # the day of a statement dates the saying (extract scopes it as a statement, never compared)
    assert subjects.event_key(dated("The flooding is expected to ease, the minister said on Monday.", "Monday")) == "say"
    assert subjects.event_key(dated("The roof of the old tunnel caved in on Sunday.", "Sunday")) == "occurred"
    assert subjects.event_key(dated("Shares in the airline fell 3 percent on Monday.", "Monday")) == "fall"


@pytest.mark.parametrize("a,qa,b,qb,measure", [
    ("Four guards were killed in the assault.", "Four", "Five guards died in the assault.", "Five", "dead"),
    ("Some 40 inmates escaped overnight.", "Some 40", "Nearly 60 inmates fled overnight.", "Nearly 60", "escaped"),
    ("Some 40 inmates escaped overnight.", "Some 40", "Nearly 60 inmates broke out overnight.", "Nearly 60", "escaped"),
    ("Three hostages were injured.", "Three", "Two hostages were wounded.", "Two", "injured"),
])
def test_persons_named_by_their_role_are_counted_by_the_verb(nlp, a, qa, b, qb, measure):
    """"guards were killed" and "guards died" both count dead people: for a word naming persons,
    the verb says what is counted, as it does for "people"."""
    assert subj(nlp, a, qa).measure == subj(nlp, b, qb).measure == measure


@pytest.mark.parametrize("text,value", [
    ("A woman died in hospital on Saturday, bringing the death toll from the crash to 24.", "24"),
    ("Shelling overnight pushed the number of dead to 40.", "40"),
])
def test_a_toll_brought_to_a_value_is_the_toll(nlp, text, value):
    assert subj(nlp, text, value).measure == "dead"


@pytest.mark.parametrize("text,value,scope", [
    ("Shelling brought the number of people killed since October to 120.", "120", "since October"),
    ("More than 200 people have been killed since the start of the war.", "More than 200", "since start"),
    ("At least 40 people have died since Friday.", "At least 40", None),  # counted from the event
    ("Nine people have died since the attack.", "Nine", None),
])
def test_a_running_total_since_a_month_is_no_single_events_count(nlp, text, value, scope):
    assert subj(nlp, text, value).scope == scope


@pytest.mark.parametrize("text,value,measure", [
    ("The coach was carrying 46 passengers when it left the road.", "46", "aboard"),
    ("The coach had 41 passengers on board.", "41", "aboard"),
    ("The ferry sank with 120 people aboard.", "120", "aboard"),
    ("Twelve passengers on board were killed.", "Twelve", "dead"),  # the verb says what happened
    ("The truck was carrying 20 tonnes of grain.", "20", "tonne of grain"),  # a load, not people
])
def test_people_carried_are_counted_as_aboard(nlp, text, value, measure):
    assert subj(nlp, text, value).measure == measure


@pytest.mark.parametrize("text,value", [
    ("The ferry was licensed to carry 250 passengers.", "250"),
    ("The stadium can seat 40,000 people.", "40,000"),
])
def test_what_a_vessel_may_hold_is_its_capacity(nlp, text, value):
    assert "capacity" in (subj(nlp, text, value).scope or "")
