"""Who did what: actors in roles (claimed, carried out, declared, ordered, owns, announced
the results...).

An entity claim is an organisation or person named as the agent of a role verb. The role key
is the verb lemma plus its object's head noun ("claim attack", "declare emergency"), so that
"group A claimed the attack" and "group B claimed the attack" meet on the same key and the
actor is the value. Actors are normalised so spelling variants compare equal.

The name is often not where the parser hangs the verb: "the Redwing group, which claimed the
attack", "a group calling itself Redwing claimed", "owned by the state company Voltmark". The
doer is then the kind noun or the described noun next to the name, and the name gives the key
(without the lower-case kind noun, so "the Redwing group" and "the Redwing gang" are one actor).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosscheck.nlp.aliases import TITLE_WORDS, is_acronym_of, is_generic

_ACTOR_ENTS = {"ORG", "PERSON", "NORP", "GPE"}
# Roles that one actor holds at a time, so two different actors in them contradict each other:
# who carried out or claimed an attack, who owns or runs a site, who declared or ordered a
# measure. Verbs like "said", "confirmed" or "accused" are left out on purpose: many actors can
# confirm one toll or accuse one government, and naming two of them is no contradiction.
_ROLE_VERBS = {
    "claim", "carry", "conduct", "launch", "perpetrate", "orchestrate", "stage", "declare", "order",
    "own", "operate", "organise", "organize", "lead",
}
# Agent nouns that state a role without a verb ("X, the depot's owner").
_AGENT_NOUNS = {"owner": "own", "operator": "operate", "organiser": "organise", "organizer": "organize",
                "perpetrator": "perpetrate", "leader": "lead"}
# Objects that stand for the thing they are about: "claimed responsibility for the attack"
# claims the attack.
_PROXY_OBJECTS = {"responsibility", "credit"}
# Object key of a proper-noun object: a name says which thing, not what kind of thing.
_NAMED = "<named>"
# Head nouns that only mean something with their of-complement ("state of emergency").
_OF_HEADS = {"state"}

# Announcing a count: one official reads out an election's results, so two different people
# named as the one who did contradict each other. Many verbs say it ("announced", "read out",
# "unveiled", "published", "released", "presented", "declared"); they share one predicate so
# that the articles meet. Only with an object that is a count's outcome: announcing a
# ceasefire, an inquiry or a resignation is done by many. A death toll is left out on purpose:
# a ministry, a governor and rescuers each give the toll as it rises, and naming two of them
# is no contradiction.
_ANNOUNCE = "announce"
_ANNOUNCE_VERBS = {"announce", "unveil", "publish", "release", "present", "declare", "issue"}
# Verbs that announce only with their particle: "read out the results", not "read the results".
_ANNOUNCE_PHRASAL = {("read", "out"), ("read", "aloud"), ("give", "out")}
_OUTCOME_NOUNS = {"result": "result", "figure": "result", "count": "result", "tally": "result",
                  "outcome": "result", "number": "result", "return": "result"}
# An early count is another count than the final one: who announced it is another role.
_PARTIAL_WORDS = {"partial", "preliminary", "provisional", "initial", "early", "first", "interim", "unofficial"}
# Pronouns that stand for a noun said before, with the number of that noun.
_PLURAL_PRONOUNS = {"them", "they", "these", "those"}
_SINGULAR_PRONOUNS = {"it", "this"}
_RELATIVE_PRONOUNS = {"which", "that"}
# Nouns that say what kind of actor a name is. Written in lower case next to a name ("the
# Redwing group", "the Redwing ransomware gang", "the state power company Voltmark", "an armed
# group, the Silent Dawn Movement") they are no part of the name, and the parser hangs the
# sentence's verb on them rather than on the name, so the name's role is read through them.
# Capitalised, they are words of the name ("the Islamic Group") and stay in its key.
_KIND_NOUNS = {
    "group", "gang", "brigade", "movement", "network", "collective", "front", "faction", "cell",
    "militia", "organisation", "organization", "outfit", "syndicate", "cartel", "crew", "ring",
    "coalition", "alliance", "company", "firm", "operator", "corporation", "conglomerate",
    "consortium", "subsidiary", "carrier", "producer", "contractor", "insurer", "utility",
}
# Verbs that give a name to the noun they describe ("a group calling itself X", "a gang known
# as X", "a collective called X"): the noun does what the sentence says, the name says who.
_NAMING_VERBS = {"call", "know", "name", "dub", "style", "brand"}
# Where a name sits under a naming verb: its complement ("calling itself X", "called X").
_NAMING_DEPS = {"oprd", "attr", "dobj", "xcomp"}


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity: str  # normalised key
    role: str
    predicate: str
    obj: str | None


def normalise_actor(name: str) -> str:
    """A comparison key for spelling variants: accents, apostrophes, hyphens, 'the', case."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’`]", "", text.lower())
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w not in ("the", "of", "and")]
    return " ".join(words)


# "Kataib Hezbollah (KH)", "UN Relief and Works Agency (UNRWA)", "Nokia (NOK)": a short capitalised
# token in brackets right after a name. At least two capitals, so "(Kiki)" or "(Toronto)" after a
# name is a nickname or a place, not a definition.
_ACRONYM_TOKEN = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,7}$")
_DEFINITIONS_KEY = "crosscheck_acronym_definitions"


# Words that join the parts of one name ("Islamic State in Iraq and Syria").
_NAME_JOINERS = {"of", "and", "the", "in", "for", "on", "al", "de", "&"}


def _names_before(doc: Doc, i: int) -> list[Span]:
    """Names that end right before token ``i``, longest first: proper nouns, joined by the
    small words names contain, each candidate starting on a proper noun. The tagger often
    splits a long name at "in" or "and" ("The Islamic State" / "Iraq" / "Syria"), so the
    definition is matched against every start and the guard picks."""
    starts: list[int] = []
    left = i
    while left - 1 >= 0:
        prev = doc[left - 1]
        if prev.pos_ == "PROPN" or prev.is_upper and prev.is_alpha:
            starts.append(left - 1)
        elif not (prev.lower_ in _NAME_JOINERS and left - 2 >= 0 and doc[left - 2].pos_ == "PROPN"):
            break
        left -= 1
    return [doc[st:i] for st in reversed(starts)]


def _in_order(letters: str, word: str) -> bool:
    """Every letter of ``letters`` occurs in ``word`` in order ("nok" in "nokia")."""
    rest = iter(word)
    return all(ch in rest for ch in letters)


def acronym_definitions(doc: Doc) -> dict[str, str]:
    """Acronyms the article defines, as acronym key -> full name key.

    A definition lets an article's later "KH claimed the attack" carry the full name's key, so
    it meets "Kataib Hezbollah" in another article even when the letters are not the name's
    initials ("Islamic State in Iraq and Syria (ISIS)" has an "in" the initials rule may skip,
    a ticker "Nokia (NOK)" is no initials at all). Guards: the acronym is the name's initials,
    or starts with its first letter (and, for a one-word name, takes its letters from it in
    order), so a bracketed source credit ("Hamas (AFP)"), a nickname, or the last word of a
    list spelt out before an acronym ("..., Audit, Network, Security (SANS)") is not taken
    for a definition. Read once per document and kept on it.
    """
    cached = doc.user_data.get(_DEFINITIONS_KEY)
    if cached is not None:
        return cached
    found: dict[str, str] = {}
    for tok in doc[:-2]:
        if tok.text != "(" or doc[tok.i + 2].text != ")" or not _ACRONYM_TOKEN.match(doc[tok.i + 1].text):
            continue
        acro = normalise_actor(doc[tok.i + 1].text)
        fulls = [normalise_actor(n.text) for n in _names_before(doc, tok.i)]
        fulls = [f for f in fulls if f and not is_generic(f) and (" " in f or len(f) > len(acro))]
        best = next((f for f in fulls if is_acronym_of(acro, tuple(f.split()))), None) \
            or next((f for f in fulls if f[0] == acro[0] and (" " in f or _in_order(acro, f))), None)
        if best is not None:
            found.setdefault(acro, best)
    doc.user_data[_DEFINITIONS_KEY] = found
    return found


def actor_key(text: str, doc: Doc | None = None) -> str:
    """The comparison key of a mention: its normalised name, or the full name an acronym
    stands for where the article defines it."""
    key = normalise_actor(text)
    if doc is not None and key and " " not in key:
        return acronym_definitions(doc).get(key, key)
    return key


def _pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass"):
            return child
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "the depot, owned by X", "the X-owned depot": the participle modifies its object
    return _pobj(verb, ("for", "on"))


def _object_key(obj: Token | None) -> str | None:
    if obj is None:
        return None
    if obj.lemma_.lower() in _PROXY_OBJECTS:
        target = _pobj(obj, ("for",)) or _pobj(obj.head, ("for",))
        if target is not None:
            obj = target
    if obj.pos_ == "PROPN":
        return _NAMED
    key = obj.lemma_.lower()
    if key in _OF_HEADS:
        of = _pobj(obj, ("of",))
        if of is not None:
            key += f" of {of.lemma_.lower()}"
    return key


def _role_verbs(root: Token) -> list[Token]:
    """Verbs an actor name is attached to: relative clause, subject, passive agent, and the
    participle of a hyphenated compound ("the X-owned depot"). The subject of a passive verb
    is what was done, not the doer: in "the ferry is owned by X" the ferry owns nothing."""
    found = [c for c in root.children  # "X, who ordered the evacuation"
             if c.dep_ == "relcl" and any(d.dep_ == "nsubj" and d.lower_ in ("who", "which", "that") for d in c.children)]
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        found.append(root.head)
    if root.dep_ in ("pobj", "pcomp") and root.head.lower_ == "by" and root.head.head.pos_ == "VERB":
        found.append(root.head.head)  # passive agent: "was claimed by X", "owned by X"
    if _hyphenated_participle(root):
        found.append(root.head)
    return found


def _hyphenated_participle(root: Token) -> bool:
    """ "X-owned", "X-operated": the name joined by a hyphen to the participle right after it."""
    doc, i = root.doc, root.i
    return (i + 2 < len(doc) and doc[i + 1].text == "-" and root.head.i == i + 2
            and root.head.tag_ == "VBN" and root.head.dep_ in ("amod", "acl"))


def _kind_head(root: Token) -> Token | None:
    """The lower-case kind noun a name is a modifier of ("the Redwing [ransomware] group") or
    in apposition to ("the state company Voltmark", "an armed group, the X Movement")."""
    tok = root
    while tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head is not tok:
        tok = tok.head
    if tok is root and root.dep_ == "appos":
        tok = root.head
    if tok is not root and tok.pos_ == "NOUN" and tok.is_lower and tok.lemma_.lower() in _KIND_NOUNS:
        return tok
    return None


def _named_noun(root: Token) -> Token | None:
    """The noun a naming verb gives the name to: "a group calling itself X", "a gang that calls
    itself X", "a collective known as X". Where the parser made the naming verb the object of
    "by" ("claimed by a collective known as X"), the verb itself stands in the "by" phrase."""
    if root.dep_ in _NAMING_DEPS:
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "as":
        verb = root.head.head
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        return verb
    return None


def _actor_tokens(root: Token) -> list[Token]:
    """Tokens that stand for the actor a name names: the name's own root, then the noun a
    kind word or a naming verb attaches it to."""
    extra = _kind_head(root) or _named_noun(root)
    return [root] + ([extra] if extra is not None else [])


def _passive_verb_of_by(root: Token) -> Token | None:
    """The passive verb a "by X" phrase belongs to when the parser hung it on a noun before it:
    "were announced at a news conference by chair X" attaches "by" to "conference". The climb
    goes up through prepositions and their nouns only, and stops at the first verb, which must
    be passive ("the party led by X" stays with "led")."""
    if root.dep_ != "pobj" or root.head.lower_ != "by" or root.head.head.pos_ == "VERB":
        return None
    tok = root.head.head
    while tok.pos_ in ("NOUN", "PROPN", "ADP") and tok.dep_ in ("pobj", "prep") and tok.head is not tok:
        tok = tok.head
    if tok.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return tok
    return None


def _participles(verb: Token) -> list[Token]:
    """Participle clauses without a subject of their own, whose doer is the verb's subject:
    "Reading them out, the chair insisted ..."."""
    return [c for c in verb.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(d.dep_.startswith("nsubj") for d in c.children)]


def _announcing_verbs(root: Token) -> list[Token]:
    """Verbs whose doer the name is, read more widely than for other roles: through an
    apposition ("the deputy chair, X, read them out"), a participle clause, and the "by"
    phrase of a passive verb that the parser attached to a noun."""
    heads = [root] + ([root.head] if root.dep_ == "appos" else [])
    found = [v for h in heads for v in _role_verbs(h)]
    passive = _passive_verb_of_by(root)
    if passive is not None:
        found.append(passive)
    # only where the name is the verb's subject: a relative clause's doer is "who", not the name
    subject_verbs = [v for v in found if v.dep_ != "relcl" and any(c.dep_ == "nsubj" for c in v.children)]
    return found + [p for v in subject_verbs for p in _participles(v)]


def _is_announcing(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in _ANNOUNCE_VERBS or any(
        c.dep_ in ("prt", "advmod") and (lemma, c.lower_) in _ANNOUNCE_PHRASAL for c in verb.children)


def _antecedent(pron: Token) -> Token | None:
    """The noun a pronoun object stands for: a relative pronoun's noun ("the results, which
    were read out"), or a noun of the same number that is a subject or object earlier in the
    sentence or, failing that, in the sentence before ("The results were announced on Monday.
    Reading them out, ...")."""
    word = pron.lower_
    if word in _RELATIVE_PRONOUNS:
        verb = pron.head
        return verb.head if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" else None
    if word not in _PLURAL_PRONOUNS and word not in _SINGULAR_PRONOUNS:
        return None
    tag = "NNS" if word in _PLURAL_PRONOUNS else "NN"
    sent = pron.sent
    before = [t for t in pron.doc[sent.start:pron.i] if t.tag_ == tag and t.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if before:
        return before[-1]
    if sent.start == 0:
        return None
    prev = pron.doc[sent.start - 1].sent
    return next((t for t in prev if t.tag_ == tag and t.dep_ in ("nsubj", "nsubjpass", "dobj")), None)


def _announced_key(verb: Token) -> str | None:
    """The object key of an announcing verb: "result" for a count's outcome however it is
    written ("results", "figures", "tally", a pronoun standing for one), "partial result" for
    an early count; None for anything else."""
    obj = _object_of(verb)
    if obj is not None and obj.pos_ == "PRON":
        obj = _antecedent(obj)
    if obj is None or obj.lemma_.lower() not in _OUTCOME_NOUNS:
        return None
    compounds = [c.lemma_.lower() for c in obj.children if c.dep_ == "compound"]
    if compounds:
        return " ".join(compounds + [obj.lemma_.lower()])  # "casualty figures" is a toll, not a result
    key = _OUTCOME_NOUNS[obj.lemma_.lower()]
    partial = any(c.dep_ == "amod" and c.lemma_.lower() in _PARTIAL_WORDS for c in obj.children)
    return f"partial {key}" if partial else key


def _is_person(ent: Span) -> bool:
    """A person's name: tagged so, or with a title before it or in apposition ("board chair
    X", "X, the deputy chair"), as the tagger often takes an unfamiliar name for an ORG."""
    if ent.label_ == "PERSON":
        return True
    if ent.label_ not in ("ORG", ""):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    heads = [c for c in ent.root.children if c.dep_ == "appos"] + ([ent.root.head] if ent.root.dep_ == "appos" else [])
    return any(t is not None and t.lower_ in TITLE_WORDS for t in [before, *heads])


def _announcement(ent: Span) -> str | None:
    """The announcing role of a person's name, or None. Only people: an institution
    publishes results through its officials, so "the commission published the results" and
    "its chair read them out" name no rivals."""
    if not _is_person(ent):
        return None
    for verb in _announcing_verbs(ent.root):
        if _is_announcing(verb):
            key = _announced_key(verb)
            if key is not None:
                return key
    return None


def _agent_noun(root: Token) -> tuple[str, Token | None] | None:
    """"X, the depot's owner" / "the depot's owner, X": role from an agent noun in apposition."""
    cands = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        cands.append(root.head)
    for noun in cands:
        verb = _AGENT_NOUNS.get(noun.lemma_.lower())
        if verb:
            obj = next((c for c in noun.children if c.dep_ == "poss"), None) or _pobj(noun, ("of",))
            return verb, obj
    return None


# Roles about holding a thing (a site, a vessel): the thing is usually the event's one site,
# named in one article ("owns the Marisol Star") and described in another ("owns the ferry").
_HOLDING = {"own", "operate"}


def _name_spans(sent: Span) -> list[Span]:
    """Actor names: the tagger's entities, plus proper-noun phrases it left untagged.

    The statistical tagger reads a name differently in a long article than in its sentence
    alone ("Marrick Chemicals, which owns the depot" is an ORG alone, nothing in context);
    the parse still marks the phrase as proper nouns, and a role verb then makes it an actor.
    An acronym ("VELA claimed the attack") is a name too, though not title-cased; the tagger
    reads one it does not know as a common noun, which counts where the article defines it.
    """
    spans = [e for e in sent.ents if e.label_ in _ACTOR_ENTS]
    tagged = {t.i for e in sent.ents for t in e}
    for tok in sent:
        if not (tok.pos_ == "PROPN" or _defined_acronym(tok)) or tok.i in tagged:
            continue
        if tok.dep_ == "compound" and (tok.head.pos_ == "PROPN" or _kind_head(tok) is None):
            continue  # inside a longer name, or a modifier ("the Brellmouth hospital"); "the X group" is a name
        left = tok.i
        while left - 1 >= sent.start and sent.doc[left - 1].pos_ == "PROPN" and sent.doc[left - 1].dep_ == "compound" \
                and sent.doc[left - 1].i not in tagged:
            left -= 1
        if tok.i - left + 1 >= 2 or tok.is_title and not tok.is_sent_start or _is_acronym(tok):
            spans.append(sent.doc[left: tok.i + 1])
    return spans


def _is_acronym(tok: Token) -> bool:
    return tok.is_upper and _ACRONYM_TOKEN.match(tok.text) is not None


def _defined_acronym(tok: Token) -> bool:
    return _is_acronym(tok) and normalise_actor(tok.text) in acronym_definitions(tok.doc)


def _is_role_verb(verb: Token) -> bool:
    """A verb of a role; "carry" only with its particle ("carried out the attack"), as a ship
    or a lorry that carried its passengers did no deed."""
    lemma = verb.lemma_.lower()
    if lemma == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in _ROLE_VERBS


def _name_text(ent: Span) -> str:
    """The name without the lower-case words a tagger may take into its span: a description
    before it ("state coal company Voltmark") or a kind noun after it ("Redwing group"), so
    that "the Redwing group" and "the Redwing gang" give one key. Short particles of
    names ("al", "de", "bin", "van") stay."""
    toks = list(ent)
    while toks and toks[0].is_lower and (toks[0].pos_ == "DET" or toks[0].pos_ in ("NOUN", "ADJ") and len(toks[0]) > 3):
        toks.pop(0)
    while toks and toks[-1].is_lower and toks[-1].pos_ == "NOUN":
        toks.pop()
    if not toks:
        return ent.text
    return ent.doc[toks[0].i: toks[-1].i + 1].text


def _is_definite(noun: Token) -> bool:
    """A noun phrase about one known thing: "the mine", "its ferry", "the mine's" (as a
    possessor), with no number; "a 30 per cent stake" or "two ferries" is some holding among
    others, kept apart by its noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ != "of":
        return False  # "operated on the patient" holds nothing; "the owner of the mine" does
    if any(c.dep_ == "nummod" or c.like_num for c in noun.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in noun.children)


def find_entities(sent: Span) -> list[EntityMention]:
    out: list[EntityMention] = []
    for ent in _name_spans(sent):
        key = actor_key(_name_text(ent), sent.doc)
        if not key or is_generic(key):
            continue  # "the Group", "Professor": names no one, so it can neither agree nor differ
        actors = _actor_tokens(ent.root)
        verb = next((v for r in actors for v in _role_verbs(r) if _is_role_verb(v)), None)
        announced = _announcement(ent)
        held: Token | None = None
        if announced is not None:
            predicate, obj = _ANNOUNCE, announced
        elif verb is not None:
            held = _object_of(verb)
            predicate, obj = verb.lemma_.lower(), _object_key(held)
        else:
            agent = next((a for r in actors if (a := _agent_noun(r)) is not None), None)
            if agent is None:
                continue
            held = agent[1]
            predicate, obj = agent[0], _object_key(held)
        if obj is None:
            continue  # "X claimed" alone says too little to be compared
        if obj == _NAMED and predicate not in _HOLDING:
            continue  # "X claimed Mosul": a named object without a holding verb is no role
        # A named holding ("owns the Marisol Star") keeps no object: it meets any holding of
        # the same verb in the event (see sql/candidate_pairs.sql), the judge decides. So does
        # the holding of a thing the story already knows ("owns the mine", "the pit's owner"):
        # articles call the one site by different nouns (pit, mine, colliery; ferry, vessel).
        site = obj == _NAMED or predicate in _HOLDING and held is not None and _is_definite(held)
        role = predicate if site else f"{predicate} {obj}"
        obj = None if obj == _NAMED else obj
        out.append(
            EntityMention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                entity=key,
                role=role,
                predicate=predicate,
                obj=obj,
            )
        )
    return out
