"""Event clustering: average linkage, names, time anchors."""

from crosscheck import events


def test_average_linkage_does_not_chain_two_events_through_one_article():
    sims = [("a", "b", 0.9), ("c", "d", 0.9), ("b", "c", 0.7)]
    m = events.cluster("abcd", sims, 0.6)
    assert m["a"] == m["b"] and m["c"] == m["d"] and m["a"] != m["c"]


def test_single_articles_stay_apart_below_the_floor():
    m = events.cluster(["x", "y"], [("x", "y", 0.3)], 0.6)
    assert m["x"] != m["y"]


def test_names_skip_sentence_starts_and_calendar_words():
    names = events.names_of("The quake hit Kastrin on Sunday. Rescuers reached Orlendal.")
    assert {"kastrin", "orlendal"} <= names and "sunday" not in names and "rescuers" not in names


def test_time_anchor_separates_years_and_distant_publication():
    assert events.dominant_year("fired in 2008 ... 2008 season, unlike 2005") == 2008
    assert not events.time_compatible((None, 2005), (None, 2008), 10)
    assert events.time_compatible((None, None), (None, 2008), 10)
    assert not events.time_compatible(("2024-01-01", None), ("2024-03-01", None), 10)
    assert events.time_compatible(("2024-01-01", 2019), ("2024-01-03", 2024), 10)
