"""Numeric mentions: hedges, ranges, words, units, and the things that are not quantities."""

import pytest


def one(nums, text):
    ms = nums(text)
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize("text,quote,low,high,hedge", [
    ("More than 40 people were hurt.", "More than 40", 41, None, "more_than"),
    ("At least 34 soldiers were injured.", "At least 34", 34, None, "at_least"),
    ("Nearly 170 homes burned.", "Nearly 170", 153, 170, "nearly"),
    ("About 2,500 people fled.", "About 2,500", 2250, 2750, "about"),
    ("Up to 700 workers will go.", "Up to 700", None, 700, "up_to"),
    ("Fewer than a thousand pandas live wild.", "Fewer than a thousand", None, 999, "fewer_than"),
    ("As many as 300 were held.", "As many as 300", None, 300, "up_to"),
    ("Some 40 cars were hit.", "Some 40", 36, 44, "about"),
    ("His score is 200 or more.", "200 or more", 200, None, "at_least"),
])
def test_hedges(nums, text, quote, low, high, hedge):
    m = one(nums, text)
    assert (m.text, m.low, m.high, m.hedge) == (quote, low, high, hedge)


@pytest.mark.parametrize("text,low,high", [
    ("Between 1,200 and 1,500 homes were lost.", 1200, 1500),
    ("Between 7,000 to 8,000 people marched.", 7000, 8000),
    ("The range is 20-30 cars.", 20, 30),
    ("It hit 20 to 30 villages.", 20, 30),
    ("The hall held at most 100 and at least 20 guests.", 20, 100),
    ("Costs were between 1.2 and 1.5 million.", 1.2e6, 1.5e6),
])
def test_ranges(nums, text, low, high):
    m = one(nums, text)
    assert (m.low, m.high) == (low, high)


def test_two_ranges_that_cannot_both_hold_stay_apart(nums):
    ms = nums("More than 40 and less than 10 are the bounds")
    assert [(m.low, m.high) for m in ms] == [(41, None), (None, 9)]


def test_change_is_two_values(nums):
    ms = nums("The toll rose from 40 to 65 overnight.")
    assert [m.low for m in ms] == [40, 65]


@pytest.mark.parametrize("text,value", [
    ("three", 3), ("twenty-three", 23), ("a dozen", 12), ("two dozen", 24),
    ("one hundred and sixty-one", 161), ("half a million", 5e5), ("1.3 million", 1.3e6),
    ("1,800 million", 1.8e9), ("two hundred and two thousand", 202000),
])
def test_word_forms(nums, text, value):
    m = one(nums, f"They counted {text} in total.")
    assert m.low == m.high == value


def test_vague_plurals(nums):
    assert (one(nums, "Dozens of drones were shot down.").low) == 24
    m = one(nums, "Hundreds of rockets were fired.")
    assert (m.low, m.high, m.hedge) == (200, 999, "hundreds")


@pytest.mark.parametrize("text,value,unit", [
    ("Turnout was 45%.", 45, "percent"), ("Turnout was 45 percent.", 45, "percent"),
    ("Turnout was 45 per cent.", 45, "percent"), ("A $4.3 billion deal.", 4.3e9, "USD"),
    ("It cost £2,000.", 2000, "GBP"), ("It cost €10M.", 1e7, "EUR"),
    ("A 2 km walk.", 2, "km"), ("A walk of 2,000 metres.", 2000, "m"), ("It weighs 10kg.", 10, "kg"),
])
def test_units(nums, text, value, unit):
    m = one(nums, text)
    assert (m.low, m.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "A drone hit Tower 22 near the border.",
    "The F-16 jets flew past.",
    "COVID-19 spread fast.",
    "They cited Resolution 2334 again.",
    "A 45-year-old man was arrested.",
    "John Smith, 45, was arrested.",
    "It happened on Feb. 7, 2024.",
    "The meeting starts at 21:40.",
    "At 2 pm everybody will be gone.",
    "Which one do you prefer?",
    "He finished second in the race.",
    "Call me at (206) 555-1212.",
    "See https://www.test.com/search?q=30%25%2020%",
])
def test_not_quantities(nums, text):
    assert nums(text) == []


def test_bad_input_never_raises(nums):
    for text in ["20/2030 and", "1 '2", "$99(", "($99", "-", "1/0 is not a value"]:
        nums(text)


def test_words_go_on_after_a_comma_or_ampersand(nums):
    m = one(nums, "They counted three million, two hundred & forty ballots.")
    assert (m.text, m.low) == ("three million, two hundred & forty", 3000240)
    # a comma that starts a new number keeps the two apart
    assert [m.low for m in nums("It had three million, two of them new.")] == [3000000, 2]


@pytest.mark.parametrize("text", [
    "He pointed a. 357 caliber revolver at them.",   # a gun's designation
    "He carried a 12-gauge shotgun.",
    "Police told 1010 WINS that the car fled.",      # a radio station's name
    "The number 1/0 is not a valid value.",           # a fraction with no whole
])
def test_designations_are_not_quantities(nums, text):
    assert nums(text) == []


def test_acronym_modifier_still_counts(nums):
    assert [m.low for m in nums("Some 20 US troops and 10 UN peacekeepers died.")][1] == 10


def test_year_span_is_no_count(nums):
    assert nums("We produced nothing in 2013-14.") == []
    assert nums("He coached the team from 1979-90.") == []


@pytest.mark.parametrize("text", [
    "Creighton (25-7) beat Drake 65-53 after a 12-12 tie.",  # scores and records
    "Rahman has gone 4-2-1 since then.",
    "The 81-year old is at home.",                           # an age, hyphen dropped
    "The flaw exists only in version 7 of the browser.",     # a release
])
def test_scores_ages_versions_are_not_quantities(nums, text):
    assert nums(text) == []


def test_hyphen_range_still_a_range(nums):
    m = one(nums, "Some 20-30 people came.")
    assert (m.low, m.high) == (20, 30)


@pytest.mark.parametrize("text,value", [
    ("Officials put the death toll at 9 on Tuesday.", 9),
    ("City officials put the death toll at 9.", 9),
    ("The government raised the toll to 12.", 12),
    ("By evening the toll stood at 30.", 30),
    ("Police put the number of dead at 11.", 11),
])
def test_a_tally_after_at_or_to_is_a_count(nums, text, value):
    m = one(nums, text)
    assert (m.low, m.high) == (value, value)


@pytest.mark.parametrize("text,quote,low,high,hedge", [
    ("There were three-plus hours of talks.", "three-plus hours", 3, None, "more_than"),
    ("The 20-plus officials left.", "20-plus", 21, None, "more_than"),
    ("He spent 40-odd years in jail.", "40-odd years", 36, 44, "about"),
])
def test_plus_and_odd_suffixes_are_hedges(nums, text, quote, low, high, hedge):
    m = one(nums, text)
    assert (m.text, m.low, m.high, m.hedge) == (quote, low, high, hedge)


@pytest.mark.parametrize("text", [
    "Polls close by 10 a.m. on Sunday.",
    "The doors open at 10am.",
    "The bar stays open until 11.30pm tonight.",
    "Shops are open from 9 to 5 on weekdays.",
    "Voting runs between 7 and 10 p.m. local time.",
    "Trains run between 6 and 11 in the evening.",
])
def test_clock_times_are_not_counts(nums, text):
    assert nums(text) == []


def test_a_backwards_span_with_a_noun_is_still_a_count(nums):
    assert [(m.low, m.high) for m in nums("Polls give the party from 9 to 5 seats.")] == [(5, 9)]
    assert [m.low for m in nums("The party's seats fell from 9 to 5.")] == [9, 5]


def test_hours_after_in_or_within_are_durations(nums):
    ms = nums("The river will crest in 24 hours and within 48 hours it recedes.")
    assert [(m.text, m.low, m.unit) for m in ms] == [("24 hours", 24, "h"), ("48 hours", 48, "h")]


@pytest.mark.parametrize("text,pairs", [
    ("Clashes caused 200 million euros ($265.3 million) of damage.",
     [(2e8, "EUR"), (2.653e8, "USD")]),                    # a conversion, not a minus
    ("In all, 1, 300 biologists wrote.", [(1300, None)]),  # a tokenised thousands group
    ("He scored in the first 7 \u00bd minutes.", [(7.5, "min")]),
])
def test_amount_readings(nums, text, pairs):
    assert [(m.low, m.unit) for m in nums(text)] == pairs


@pytest.mark.parametrize("text", [
    "Reid's, 33, acting was praised.",                           # an age after a possessive
    "Fans filled almost two-thirds of the arena.",                # a proportion
    "It hits Internet Explorer 8 and 9, it appears.",             # a list of versions
    "It runs on Windows XP, Vista, 7, 8, and 8.1, both builds.",
    "Seth scored for the Bulldogs (15-17).",                      # a win-loss record
])
def test_more_non_quantities(nums, text):
    assert [m.text for m in nums(text)] == []


def test_a_comma_after_a_hyphenated_measure_is_no_thousands_group(nums):
    assert (260, "lb") in [(m.low, m.unit) for m in nums("The 6-foot-9, 260-pound center scored.")]


@pytest.mark.parametrize("text,quote,value,unit", [
    ("The 6-foot-9 forward scored.", "6-foot-9", 81, "inch"),
    ("The six-foot-nine guard stayed.", "six-foot-nine", 81, "inch"),
    ("The 6-foot-9-inch center left.", "6-foot-9-inch", 81, "inch"),
    ("He is 6 feet 9 inches tall.", "6 feet 9 inches", 81, "inch"),
    ("The race took 3 hours and 20 minutes.", "3 hours and 20 minutes", 200, "min"),
    ("The baby weighed 7 lb 4 oz.", "7 lb 4 oz", 116, "oz"),
])
def test_compound_measures_are_one_amount(nums, text, quote, value, unit):
    m = one(nums, text)
    assert (m.text, m.low, m.high, m.unit) == (quote, value, value, unit)


def test_a_compound_height_is_comparable_with_feet():
    from crosscheck.intervals import NumInterval, overlaps
    assert overlaps(NumInterval(81, 81, "inch"), NumInterval(6.75, 6.75, "ft"))
    assert not overlaps(NumInterval(81, 81, "inch"), NumInterval(82, 82, "inch"))


@pytest.mark.parametrize("text,pairs", [
    ("The wall was 10 feet 14 inches high.", [(10, "ft"), (14, "inch")]),  # 14 in is no part of a foot
    ("He is 6 feet tall, 200 pounds.", [(6, "ft"), (200, "lb")]),
])
def test_not_compounds(nums, text, pairs):
    assert [(m.low, m.unit) for m in nums(text)] == pairs


def test_a_scaled_hyphen_range(nums):
    m = one(nums, "Salaries of 5k-20k were offered.")
    assert (m.text, m.low, m.high) == ("5k-20k", 5000, 20000)
    m = one(nums, "Budgets of $2bn-3bn were set.")
    assert (m.text, m.low, m.high, m.unit) == ("$2bn-3bn", 2e9, 3e9, "USD")
    assert nums("Jets F-16 and F-35 flew.") == []


def test_a_bound_that_looks_like_a_year_after_a_comparison(nums):
    m = one(nums, "The number is above 1000 and below 1500.")
    assert (m.low, m.high) == (1001, 1499)


def test_a_coin_or_note_after_an_article_is_one_of_it(nums):
    m = one(nums, "Oh look, a penny!")
    assert (m.text, m.low, m.unit) == ("a penny", 1, "penny")
    m = one(nums, "It cost him a dollar.")
    assert (m.text, m.low, m.unit) == ("a dollar", 1, "USD")


def test_side_by_side_figures_before_a_unit_are_no_amount(nums):
    assert nums("Closing price 245 23 yen") == []
    # without a unit they stay two numbers; a date neighbour is no number
    assert [m.low for m in nums("423 0000 will be read as two numbers.")][:2] == [423, 0]
    assert [(m.low, m.unit) for m in nums("On March 3 15 people died.")] == [(15, None)]


def test_minutes_from_now_are_a_duration(nums):
    assert [(m.text, m.low, m.unit) for m in nums("The meeting ends in 5 minutes.")] == [("5 minutes", 5, "min")]


@pytest.mark.parametrize("text,quote,value", [
    ("Two thirds of a million people fled.", "Two thirds of a million", 666_666.67),
    ("Two-thirds of a million people fled.", "Two-thirds of a million", 666_666.67),
    ("They walked one third mile to the shore.", "one third mile", 1 / 3),
    ("They walked three-quarters mile to the shore.", "three-quarters mile", 0.75),
])
def test_spaced_and_hyphenated_fractions_read_alike(nums, text, quote, value):
    m = one(nums, text)
    assert m.text == quote
    assert m.low == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize("text,quote,value", [
    ("The plan costs Rs 4,56,789 in all.", "Rs 4,56,789", 456789),          # Indian grouping
    ("Deposits hit 9,87,654.5 rupees.", "9,87,654.5 rupees", 987654.5),
    ("The state spends two lakh rupees a day.", "two lakh rupees", 2e5),
    ("The scheme needs 2.5 lakh crore rupees.", "2.5 lakh crore rupees", 2.5e12),
    ("Loans of four thousand crore were written off.", "four thousand crore", 4e10),
    ("It lost Rs 300 crore.", "Rs 300 crore", 3e9),
])
def test_south_asian_grouping_and_scales(nums, text, quote, value):
    m = one(nums, text)
    assert (m.text, m.low, m.high) == (quote, value, value)


def test_a_crore_after_a_joined_group_does_not_multiply_it_again(nums):
    m = nums("Dues are Rs 7,000 crore and 9 thousand.")[0]
    assert m.low == 70_000_009_000


def test_a_list_of_small_numbers_is_no_indian_grouping(nums):
    assert [m.low for m in nums("Scores were 12,345 and 6,789.")] == [12345, 6789]


@pytest.mark.parametrize("text,quote,value", [
    ("He sold seven million and two thirds of them.", "seven million and two thirds", 7_666_666.67),
    ("It took a billionth of a second.", "a billionth", 1e-9),
    ("It took three thousandths of a second.", "three thousandths", 0.003),
    ("They found a hundred millionths of it.", "a hundred millionths", 1e-4),
    ("He listed two hundred seven fifths.", "two hundred seven fifths", 41.4),
])
def test_fractions_after_written_numbers(nums, text, quote, value):
    m = one(nums, text)
    assert m.text == quote
    assert m.low == pytest.approx(value, rel=1e-6)


def test_an_ordinal_hundredth_is_no_fraction(nums):
    assert nums("She was the hundredth visitor.") == []


@pytest.mark.parametrize("text,quote,value", [
    ("A quarter of a million people marched.", "A quarter of a million", 250000),
    ("A third of a million voters stayed home.", "A third of a million", 1e6 / 3),
    ("Nearly a quarter million homes lost power.", "Nearly a quarter million", 250000),
])
def test_a_fraction_of_a_scale_is_that_fraction(nums, text, quote, value):
    m = one(nums, text)
    assert m.text == quote and m.high == pytest.approx(value)


def test_a_street_block_is_a_place_not_a_count(nums):
    assert nums("Officers were sent to the 2300 block of North Larch Avenue.") == []
    assert one(nums, "The fire destroyed 3 blocks of housing.").low == 3
