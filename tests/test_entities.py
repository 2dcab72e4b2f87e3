"""Who did what: role patterns and actor normalisation."""

from crosscheck.nlp.entities import find_entities, normalise_actor


def roles(nlp, text):
    return {(m.entity, m.role) for m in find_entities(nlp(text)[:])}


def test_subject_passive_agent_and_relative_clause(nlp):
    assert ("northern liberation front", "claim attack") in roles(nlp, "The attack was claimed by the Northern Liberation Front.")
    assert any(r == "claim attack" for _, r in roles(nlp, "The Black Crane Brigade, an armed group, claimed responsibility for the rocket attack."))
    assert any(r == "order evacuation" for _, r in roles(nlp, "The mayor, Tomas Reiner, who ordered the evacuation, said most residents had left."))
    assert any(r == "own depot" for _, r in roles(nlp, "The depot, owned by Kessler Logistics, was built in 1990."))


def test_reporting_verbs_are_not_roles(nlp):
    assert roles(nlp, "Reuters said the toll had risen.") == set()


def test_spelling_variants_normalise():
    assert normalise_actor("Kata'ib Hizballah") == normalise_actor("Kataib Hizballah")
    assert normalise_actor("the Northern Liberation Front") == "northern liberation front"


def test_named_holding_keeps_no_object(nlp):
    from crosscheck.nlp import entities as ents

    found = ents.find_entities(nlp("The Northern Ferries Company owns the Marisol Star, according to port records.")[:])
    assert [(m.entity, m.role, m.obj) for m in found] == [("northern ferries company", "own", None)]


def test_in_article_acronym_carries_the_full_name(nlp):
    doc = nlp("The militia Kataib Hezbollah (KH) was blamed for earlier strikes. KH claimed the attack on Tuesday.")
    found = [m for s in doc.sents for m in find_entities(s)]
    assert [(m.text, m.entity, m.role) for m in found] == [("KH", "kataib hezbollah", "claim attack")]


def test_definition_need_not_be_initials(nlp):
    from crosscheck.nlp.entities import acronym_definitions

    doc = nlp("The Islamic State in Iraq and Syria (ISIS) said it carried out the bombing.")
    assert acronym_definitions(doc) == {"isis": "islamic state in iraq syria"}


def test_brackets_that_are_no_definition(nlp):
    from crosscheck.nlp.entities import acronym_definitions

    # a source credit with other letters, a nickname with one capital
    assert acronym_definitions(nlp("Police said Hamas (AFP) claimed the attack.")) == {}
    assert acronym_definitions(nlp("Kimani (Kiki) Smith led the team.")) == {}


def test_generic_names_make_no_claim(nlp):
    assert roles(nlp, "Professor organized the letter.") == set()
    assert roles(nlp, "The Group claimed the attack.") == set()


def test_one_word_name_must_hold_the_letters(nlp):
    from crosscheck.nlp.entities import acronym_definitions

    assert acronym_definitions(nlp("Shares of Nokia (NOK) fell.")) == {"nok": "nokia"}
    assert acronym_definitions(nlp("The course covers Audit, Network and Security (SANS).")) == {}
