"""What a number is about: canonical measures, parts, scopes and the embedded text."""

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
    s = subj(nlp, "In a long statement, officials said 38 people were killed in Kastrin on Sunday.", "38")
    text = subjects.embed_text(s)
    assert text.startswith("dead") and "statement" not in text
