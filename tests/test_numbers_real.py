"""Numeric mentions in running newswire: figures that are no claims (ages, records, phone
numbers, addresses, names) and measures that are no counts."""

import pytest


@pytest.mark.parametrize("text", [
    '"We will see," said Kemal, 52, a baker from the old town.',   # an untagged name
    "Police said Harlow, now 17, fired the first shot.",
    "The suspects, Ortega, 22 and Brandt, 19, were held.",
    "At 61, she is the oldest member of the crew.",
    "A 3-day-old calf was found.",
])
def test_ages_are_not_counts(nums, text):
    assert nums(text) == []


def test_numbers_between_commas_after_places_stay_counts(nums):
    assert [m.low for m in nums("In Lagos, 45, and in Accra, 30, were hurt.")] == [45, 30]


@pytest.mark.parametrize("text", [
    "The Hawks went 41-37 last year and now have a 12-20 mark.",   # record nouns
    "They recovered from a 5-19 start.",
    "His record stands at 301-309 (.493).",                         # a winning percentage
    "On the next drive, the 9-11 Falcons punted.",                  # a team after its record
    "The team finished over .500 for once.",
])
def test_win_loss_records_are_not_ranges(nums, text):
    assert nums(text) == []


def test_a_range_before_a_counted_noun_stays_a_range(nums):
    m = nums("The 20-30 migrants reached the shore.")[0]
    assert (m.low, m.high) == (20, 30)


@pytest.mark.parametrize("text", [
    "For tickets call Jane Doe at 482-3917.",                        # a phone number
    "The shop at 310 E. Grand Ave. was closed.",                    # an address
    "The shop at 41 North Pine Street was closed.",
    "The show aired on a live ITV Two broadcast.",                  # a channel name
    "He wore number 23 for the club.",                              # a shirt number
    'The "zero day" hole lets attackers in.',                       # a term, not days
    "2019 Open Championship results are in.",                       # a year naming an event
])
def test_identifiers_are_not_quantities(nums, text):
    assert nums(text) == []


def test_a_round_hyphen_range_is_no_phone_number(nums):
    m = nums("Between rounds, 250-1500 fans waited.")[0]
    assert (m.low, m.high) == (250, 1500)


def test_a_capitalised_number_after_a_time_is_a_count(nums):
    assert [m.low for m in nums("MONDAY, 9:10 AM Three men were charged.")] == [3]


@pytest.mark.parametrize("text,quote,value,unit", [
    ("They agreed a 10-day truce.", "10-day", 10, "day"),
    ("He got a six-week ban.", "six-week", 6, "week"),
    ("He slid half a mile downhill.", "half a mile", 0.5, "mile"),
])
def test_hyphenated_and_half_measures_keep_their_unit(nums, text, quote, value, unit):
    m = nums(text)[0]
    assert (m.text, m.low, m.high, m.unit) == (quote, value, value, unit)


@pytest.mark.parametrize("text,low,unit", [
    ("Aftershocks of magnitude over 4.0 followed.", 4.0, None),     # decimals: a measure
    ("The rig logged over 7 pb\u22121 of collisions.", 7, "pb^-1"),  # a unit with a power
    ("The decay rate is above 2 s^-1 here.", 2, "s^-1"),
])
def test_open_bounds_of_measures_stay_at_the_value(nums, text, low, unit):
    m = nums(text)[0]
    assert (m.low, m.high, m.unit) == (low, None, unit)


def test_a_count_keeps_the_next_integer(nums):
    m = nums("More than 5 F-16 jets flew past.")[0]
    assert (m.low, m.high) == (6, None)


@pytest.mark.parametrize("text,pairs", [
    ("She will repay $3000 over 4 years.", [(3000, "USD"), (4, "year")]),
    ("Prices rose 12% over 5 years.", [(12, "percent"), (5, "year")]),
])
def test_over_a_period_is_no_hedge(nums, text, pairs):
    ms = nums(text)
    assert [(m.low, m.unit) for m in ms] == pairs
    assert all(m.high == m.low for m in ms)


def test_over_before_a_duration_alone_is_more_than(nums):
    m = nums("He was held for over 3 years.")[0]
    assert (m.low, m.high, m.hedge) == (3, None, "more_than")


@pytest.mark.parametrize("text", [
    "They went 7-9 in his last season.",              # a record after a verb of standing
    "The Hawks were falling to 3-12.",
    "The club has a record of 11-6 so far.",
    "He sank a hook shot over three defenders.",       # "over" as a place: the count stays
])
def test_more_records_and_places(nums, text):
    assert [m.hedge for m in nums(text) if m.hedge == "range"] == []
    assert all(m.low == m.high for m in nums(text))


def test_a_verb_before_a_range_of_counted_things_keeps_the_range(nums):
    m = nums("They moved 40-60 tanks to the border.")[0]
    assert (m.low, m.high) == (40, 60)


def test_over_before_a_count_is_still_more_than(nums):
    m = nums("The blast killed over 100 people.")[0]
    assert (m.low, m.high) == (101, None)


@pytest.mark.parametrize("text", [
    "He was seen on county route 12 at dawn.",        # a road
    "Day four of the strike began quietly.",          # a position in a sequence
    "She knows a thing or two about boats.",          # an idiom
    "He improved a bit after the break.",             # "a bit" is no unit
    "He lost a foot-race to the winger.",             # a unit inside a compound noun
])
def test_designations_positions_and_idioms(nums, text):
    assert nums(text) == []


@pytest.mark.parametrize("text,quote,value,unit", [
    ("The loss was put at two-million dollars.", "two-million dollars", 2e6, "USD"),
    ("The hearing lasted an hour and a half.", "an hour and a half", 1.5, "h"),
    ("They hiked three miles and a half.", "three miles and a half", 3.5, "mile"),
])
def test_joined_written_amounts(nums, text, quote, value, unit):
    m = nums(text)[0]
    assert (m.text, m.low, m.high, m.unit) == (quote, value, value, unit)


def test_an_amount_in_brackets_after_a_name_is_no_minus(nums):
    ms = nums("It got grants from the Transport Office ($4.1 million) last year.")
    assert [(m.low, m.unit) for m in ms] == [(4.1e6, "USD")]
    assert [m.low for m in nums("Net income was ($12.50).")] == [-12.5]
