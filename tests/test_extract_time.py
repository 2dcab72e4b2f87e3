"""Times of day stated in a sentence with no day: dated by the article, or not at all."""

import pytest

from crosscheck.models import Article
from crosscheck.nlp import extract, sentences

THU = "2024-02-08T14:00:00+00:00"  # a Thursday afternoon


def _claims(nlp, body, published=THU):
    art = Article(article_id="x", body=body, published=published)
    doc = nlp(body)
    return extract.extract_claims(art, doc, sentences.sentences_of(art, doc))


def _times(nlp, body, published=THU):
    return [c for c in _claims(nlp, body, published) if c.counted == extract.TIME_OF_DAY]


def _one_time(nlp, body, published=THU):
    ts = _times(nlp, body, published)
    assert len(ts) == 1, [(c.quote, c.low_date) for c in ts]
    return ts[0]


@pytest.mark.parametrize("body,quote,low,high,source", [
    ("A gas explosion tore through a bakery in Dunmore on Tuesday evening. Two people were hurt. "
     "The blast, at about 21:40 local time, shattered windows along the street.",
     "at about 21:40 local time", "2024-02-06T21:25", "2024-02-06T21:55", "Tuesday"),
    ("Mourners gathered for the victims of last Monday's explosion at the mill. "
     "The blast, shortly after 7:30pm, came as the night shift arrived.",
     "shortly after 7:30pm", "2024-01-29T19:30", "2024-01-29T19:59", "last Monday"),
])
def test_a_time_takes_the_day_of_its_event_from_a_sentence_before(nlp, body, quote, low, high, source):
    c = _one_time(nlp, body)
    assert (c.quote, c.low_date, c.high_date) == (quote, low, high)
    assert body[c.char_start:c.char_end] == quote
    assert c.extra["day_from"] == source and c.extra["granularity"] == "minute"
    assert "blast" in c.subject.lower()  # the readable subject names what the time dates


def test_the_day_claim_stays_and_the_time_is_compared_only_with_times(nlp):
    body = ("A gas explosion tore through a bakery on Tuesday evening. "
            "The blast, at about 21:40, shattered windows.")
    days = [c for c in _claims(nlp, body) if c.kind == "date" and c.counted == extract.OCCURRED]
    assert [c.quote for c in days] == ["Tuesday"]
    assert _one_time(nlp, body).counted != days[0].counted


def test_a_day_of_another_happening_lends_the_time_nothing(nlp):
    # Saturday dates the toll's rise, and a story that dates things days back is a follow-up
    body = ("The death toll rose to 12 on Saturday, officials said. "
            "The blast, at around 9:40pm, flattened two warehouses.")
    assert _times(nlp, body, "2024-02-12T09:00:00+00:00") == []


def test_two_days_of_the_event_before_the_time_are_ambiguous(nlp):
    body = ("A fire broke out at the depot on Monday. A second fire hit the depot on Tuesday. "
            "The blaze, at about 03:20, destroyed a crane.")
    assert _times(nlp, body) == []


def test_the_day_must_be_a_few_sentences_before(nlp):
    filler = " ".join(f"Crews worked in sector {n} of the site." for n in "ABCD")
    body = f"A fire broke out at the depot on Monday. {filler} The blaze, at about 03:20, destroyed a crane."
    assert _times(nlp, body) == []


@pytest.mark.parametrize("body", [
    # a plan, not a happening
    "A fire broke out at the depot on Monday. A memorial meeting is at 3pm.",
    # inside a quotation
    'A fire broke out at the depot on Monday. "The fire at 9pm was the worst I saw," he said.',
    # an end point, not when it happened
    "A fire broke out at the depot on Monday. The fire was under control by 6:40 a.m.",
    # one of several happenings
    "A bomb exploded in the market on Monday. Three other explosions followed at 3pm.",
    # "at 7:30" may be morning or evening
    "A fire broke out at the depot on Monday. The blaze, at 7:30, destroyed a crane.",
])
def test_times_that_are_not_the_events_time_of_day(nlp, body):
    assert _times(nlp, body) == []


def test_a_time_in_another_zone_is_kept_apart_from_local_times(nlp):
    body = "A fire broke out at the depot on Monday. The blaze began at 16:50 GMT."
    c = _one_time(nlp, body)
    assert (c.low_date, c.high_date) == ("2024-02-05T16:50", "2024-02-05T16:50")
    assert "time zone GMT" in (c.scope or "")


def test_without_published_a_relative_day_leaves_the_time_unresolved(nlp):
    body = "A fire broke out at the depot on Monday. The blaze, at about 03:20, destroyed a crane."
    c = _one_time(nlp, body, None)
    assert (c.low_date, c.high_date, c.extra["resolved"]) == (None, None, False)


def test_an_absolute_day_dates_the_time_without_published(nlp):
    body = "A fire broke out at the depot on 5 February 2024. The blaze, at about 03:20, destroyed a crane."
    c = _one_time(nlp, body, None)
    assert (c.low_date, c.high_date) == ("2024-02-05T03:05", "2024-02-05T03:35")


def test_a_story_naming_no_day_reports_the_last_one(nlp):
    # published the next morning: "at around 9:40pm" was last night
    body = ("Nine people were killed in the explosion, officials said this morning. "
            "The blast, at around 9:40pm, destroyed two warehouses.")
    c = _one_time(nlp, body, "2024-10-18T09:30:00+02:00")
    assert (c.low_date, c.high_date, c.extra["day_from"]) == ("2024-10-17T21:25", "2024-10-17T21:55", "published")
    c = _one_time(nlp, body.replace("9:40pm", "8:15am"), "2024-10-18T09:30:00+02:00")
    assert c.low_date == "2024-10-18T08:00"  # earlier the same morning


@pytest.mark.parametrize("published", [None, "2024-10-18"])
def test_no_last_day_without_a_publication_time(nlp, published):
    body = "The blast, at around 9:40pm, destroyed two warehouses."
    assert _times(nlp, body, published) == []


@pytest.mark.parametrize("body,stamp", [
    ("Tuesday, August 6, 2024 Fire destroyed the old mill in Dunmore early this morning.", True),
    ("August 6, 2024 - Fire destroyed the old mill in Dunmore.", True),
    ("Fire destroyed the old mill in Dunmore on Tuesday, August 6, 2024.", False),
    ("Tuesday was calm. Fire destroyed the old mill in Dunmore.", False),  # no year: prose
])
def test_a_full_date_opening_the_body_is_its_dateline(nlp, body, stamp):
    (c,) = [c for c in _claims(nlp, body) if c.kind == "date" and c.quote.startswith(("Tuesday", "August"))]
    assert ("publication" in (c.scope or "")) is stamp, (c.quote, c.scope)
