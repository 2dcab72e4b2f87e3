"""Who did what: role patterns and actor normalisation."""

from crosscheck.nlp.entities import find_entities, normalise_actor


def roles(nlp, text):
    return {(m.entity, m.role) for m in find_entities(nlp(text)[:])}


def test_subject_passive_agent_and_relative_clause(nlp):
    assert ("northern liberation front", "claim attack") in roles(nlp, "The attack was claimed by the Northern Liberation Front.")
    assert any(r == "claim attack" for _, r in roles(nlp, "The Black Crane Brigade, an armed group, claimed responsibility for the rocket attack."))
    assert any(r == "order evacuation" for _, r in roles(nlp, "The mayor, Tomas Reiner, who ordered the evacuation, said most residents had left."))
    assert any(r == "own" for _, r in roles(nlp, "The depot, owned by Kessler Logistics, was built in 1990."))


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


def doc_roles(nlp, text):
    return {(m.entity, m.role) for s in nlp(text).sents for m in find_entities(s)}


def test_announcing_verbs_share_one_role(nlp):
    assert doc_roles(nlp, "Board chair Marta Villen read out the tally on Monday.") == {("marta villen", "announce result")}
    assert doc_roles(nlp, "Marta Villen unveiled the final results.") == {("marta villen", "announce result")}
    assert ("marta villen", "announce result") in doc_roles(
        nlp, "The figures were announced at a press briefing by board chair Marta Villen, who said the count was fair.")


def test_pronoun_object_stands_for_the_previous_sentence(nlp):
    text = ("The final results of the vote were announced on Monday. "
            "Reading them out, the board's deputy chair, Joran Pekk, said the count had been fair.")
    assert doc_roles(nlp, text) == {("joran pekk", "announce result")}
    # the pronoun must agree in number with the noun it stands for
    text = ("The final results of the vote were announced on Monday. "
            "Reading it out, the board's deputy chair, Joran Pekk, said the count had been fair.")
    assert doc_roles(nlp, text) == set()
    # and the noun must be a count's outcome
    text = "A ceasefire was agreed on Monday. Announcing it, the envoy, Joran Pekk, said both sides had signed."
    assert doc_roles(nlp, text) == set()


def test_announcing_guards(nlp):
    assert doc_roles(nlp, "Marta Villen read the results twice.") == set()  # "read" needs "out"
    assert doc_roles(nlp, "Marta Villen announced a ceasefire on Monday.") == set()  # many announce those
    assert doc_roles(nlp, "The Electoral Board published the final results.") == set()  # an institution
    assert doc_roles(nlp, "Meridian Polling published the final results.") == set()
    assert doc_roles(nlp, "Board chair Marta Villen announced the preliminary results.") == {
        ("marta villen", "announce partial result")}  # an early count is another count
    assert doc_roles(nlp, "Marta Villen released the casualty figures.") == {("marta villen", "announce casualty figure")}


def test_misattached_by_phrase_climbs_to_the_first_verb(nlp):
    found = doc_roles(nlp, "The results were announced at noon by a spokesman for the party led by Marta Villen.")
    assert ("marta villen", "announce result") not in found


def test_name_beside_a_kind_noun_is_the_doer(nlp):
    # a lower-case kind noun after the name, with or without a relative clause
    assert doc_roles(nlp, "The Redwing group, which claimed the attack, has struck before.") == {("redwing", "claim attack")}
    assert doc_roles(nlp, "The Black Heron gang claimed the attack in a post on its website.") == {
        ("black heron", "claim attack")}
    assert doc_roles(nlp, "The Redwing ransomware group claimed the attack.") == {("redwing", "claim attack")}
    # a description before the name, in apposition
    assert doc_roles(nlp, "An armed group, the Silent Dawn Movement, claimed the bombing.") == {
        ("silent dawn movement", "claim bombing")}


def test_kind_noun_is_no_part_of_the_key(nlp):
    # one actor with two kind nouns meets itself; a capitalised kind word stays in the name
    a = doc_roles(nlp, "The Redwing group claimed the attack.")
    b = doc_roles(nlp, "The Redwing gang claimed the attack.")
    assert a == b == {("redwing", "claim attack")}
    assert doc_roles(nlp, "The Redwing Group claimed the attack.") == {("redwing group", "claim attack")}


def test_naming_verbs_give_the_noun_its_name(nlp):
    assert doc_roles(nlp, "A group calling itself Redwing claimed responsibility on Monday for the attack.") == {
        ("redwing", "claim attack")}
    assert doc_roles(nlp, "A gang that calls itself Quillback claimed the intrusion on Sunday.") == {
        ("quillback", "claim intrusion")}
    assert doc_roles(nlp, "The attack was claimed by a hacking collective known as Emberfall.") == {
        ("emberfall", "claim attack")}


def test_holdings_of_the_known_site(nlp):
    # articles call one site by different nouns: a definite held thing keeps no object key
    assert doc_roles(nlp, "The quarry is owned by Tarsen Stone.") == {("tarsen stone", "own")}
    assert doc_roles(nlp, "Tarsen Stone, the pit's owner, said the site was safe.") == {("tarsen stone", "own")}
    assert doc_roles(nlp, "The plant is owned by the state power company Voltmark, which leases it out.") == {
        ("voltmark", "own")}
    assert doc_roles(nlp, "The Tarsen-owned refinery was closed.") == {("tarsen", "own")}
    # a share or a number of things is some holding among others
    assert doc_roles(nlp, "Tarsen Stone owns a 30 per cent stake in the quarry.") == {("tarsen stone", "own stake")}
    assert doc_roles(nlp, "Tarsen Stone owns two quarries in the region.") == {("tarsen stone", "own quarry")}


def test_passive_subject_and_plain_carrying_are_no_doers(nlp):
    # the thing owned owns nothing; a ship that carried passengers carried out nothing
    assert doc_roles(nlp, "The Marisol, a ten-year-old vessel, is owned by Kestor Lines.") == {("kestor lines", "own")}
    assert doc_roles(nlp, "The Marisol Star carried 300 passengers and crew.") == set()
    assert doc_roles(nlp, "The Silent Dawn Movement carried out the bombing.") == {("silent dawn movement", "carry bombing")}
