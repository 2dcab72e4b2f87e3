"""Readable subjects made of the sentence's own words: "U.S. troops in Iraq", not "troop have in iraq".

The subject reader (:mod:`crosscheck.nlp.subjects`) keys a claim by lemmas ("people kill",
"date of earthquake strike", "who own") so that alignment and the judge can compare claims; a
reader of the report needs the words the article wrote. This module rebuilds the phrase from
the dependency parse of the sentence around the claim's character offsets: the counted noun
with its modifiers, the verb as written, and one place or object phrase.

Why only the sentence's words: a subject that reads like the article can be checked against it
at a glance, and nothing is invented. When the parse gives nothing usable the caller's lemma
subject stands (``fallback``). ``Claim.subject`` is only shown, never compared, so this can
change without touching alignment or judging.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosscheck.nlp.subjects import Subject

# Verbs that only report or frame a figure ("officials said 12 died", "the toll stood at 12"):
# the phrase names what was counted, not the saying.
_REPORTING = {"say", "tell", "report", "state", "add", "confirm", "announce", "put", "estimate", "give",
              "be", "have", "stand", "remain", "reach", "rise", "climb", "jump", "increase", "grow",
              "bring", "push", "raise", "top", "exceed", "surpass", "hit", "include", "number"}
# Modifiers of a noun kept in the phrase (adjectives, compounds, possessors, numbers as words).
_KEEP_MODS = {"amod", "compound", "poss", "nmod", "npadvmod", "case"}
_PLACE_PREPS = {"in", "at", "near", "from", "on", "across", "inside", "outside", "aboard", "of", "by"}
MAX_WORDS = 9


def _in(tok: Token, start: int, end: int) -> bool:
    return tok.idx >= start and tok.idx + len(tok.text) <= end


def _quote_tokens(span: Span, start: int, end: int) -> list[Token]:
    return [t for t in span if _in(t, start, end)]


def _head_of(toks: list[Token]) -> Token | None:
    """The quote's token whose head lies outside the quote (its syntactic head)."""
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[-1] if toks else None


def _noun_phrase(noun: Token, skip: set[int]) -> list[Token]:
    """The noun with the modifiers left of it that are not the figure itself."""
    mods = [c for c in noun.lefts if c.dep_ in _KEEP_MODS and c.i not in skip and c.like_num is False]
    words: list[Token] = []
    for m in mods:
        words.extend(t for t in m.subtree if t.i not in skip and not t.like_num)
    dets = [c for c in noun.lefts if c.dep_ == "det" and c.lower_ not in ("a", "an") and c.i not in skip]
    keep = [d for d in dets if all(d.i < w.i for w in words)] if words else dets
    of = _of_phrase(noun, skip)
    return sorted(set(words) | set(keep) | {noun}, key=lambda t: t.i) + of


def _of_phrase(noun: Token, skip: set[int]) -> list[Token]:
    """"days of mourning", "owner of the ferry": a short "of" complement belongs to the noun."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None or obj.i in skip or obj.like_num:
                return []
            left = [t for t in obj.subtree if t.i <= obj.i and t.i not in skip and not t.like_num]
            if len(left) <= 3:
                return [child] + sorted(left, key=lambda t: t.i)
    return []


_CUT = ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl")


def _prep_phrase(head: Token, skip: set[int], limit: int = 4) -> list[Token]:
    """One place-like prepositional phrase under ``head`` ("in the bombing", "in Iraq"); never a
    date or time ("on Saturday" is the claim's when, not its subject)."""
    for child in head.rights:
        if child.dep_ in ("prep", "agent") and child.lower_ in _PLACE_PREPS and child.lower_ != "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ in ("DATE", "TIME") or obj.i in skip:
                continue
            cut: set[int] = set()
            for t in obj.subtree:
                if t.dep_ in _CUT and t.i != obj.i:
                    cut |= {x.i for x in t.subtree}
            full = [t for t in obj.subtree if t.i not in cut and t.i not in skip and not t.like_num
                    and t.ent_type_ not in ("DATE", "TIME")]
            kept = {t.i for t in full}
            full = [t for t in full if not (t.dep_ == "case" and t.head.i not in kept)]  # "Monday's" cut: no "'s"
            if len(full) > limit:
                full = [t for t in full if t.i <= obj.i]
            if any(t.i in skip for t in obj.subtree if t.i <= obj.i) or not 1 <= len(full) <= limit:
                continue
            return _trim_det([child] + sorted(full, key=lambda t: t.i))
    return []


def _trim_det(toks: list[Token]) -> list[Token]:
    return [t for t in toks if not (t.pos_ == "DET" and t.lower_ in ("a", "an"))]


def _verb_above(tok: Token) -> Token | None:
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux":
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _text(toks: list[Token]) -> str:
    out = ""
    seen: set[int] = set()
    for t in toks:
        if t.i in seen:
            continue
        seen.add(t.i)
        if out and not (t.text.startswith("'") or t.text in (",", ".", "%")):
            out += " "
        # a word opening the sentence keeps its capital only when it is a name
        out += t.text.lower() if t.i == t.sent.start and t.pos_ != "PROPN" and not t.text.isupper() else t.text
    return out.strip(" ,")


def _finish(toks: list[Token], fallback: str) -> str:
    toks = [t for t in toks if not t.is_punct or t.text == "'s"]
    if not toks or all(t.pos_ in ("DET", "ADP", "PRON", "AUX", "PART") for t in toks):
        return fallback
    while toks and toks[0].pos_ in ("DET", "ADP", "CCONJ", "PART"):
        toks = toks[1:]  # "the U.S. troops" reads as a heading without its article
    toks = toks[:MAX_WORDS]
    while toks and toks[-1].pos_ in ("DET", "ADP", "CCONJ", "PART"):
        toks = toks[:-1]  # a phrase cut short ends on a word, not on "of the"
    if not toks:
        return fallback
    return _text(toks) or fallback


# Nouns that only frame a count ("the number of people killed"): what is counted is inside them.
_FRAMES = {"number", "total", "tally", "count", "figure", "dozen", "hundred", "thousand", "score"}
# Nouns that are the figure's unit, not what it measures ("turnout was 61 percent").
_UNITS = {"percent", "per", "cent", "kilometre", "kilometer", "km", "mile", "metre", "meter", "m", "vote",
          "ballot", "point", "dollar", "euro", "pound", "tonne", "ton", "kilogram", "kg", "hectare",
          "degree", "foot", "feet", "inch", "yard", "acre", "litre", "liter", "gallon", "percentage"}


def _unframed(noun: Token, skip: set[int]) -> Token:
    """"the number of people" -> "people"."""
    if noun.lemma_.lower() in _FRAMES:
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in child.children if c.dep_ == "pobj" and c.i not in skip), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return noun


def _measured(noun: Token, verb: Token | None, skip: set[int]) -> Token:
    """For a unit noun, what it measures: "a depth of 10 kilometres" -> depth; "turnout was 61
    percent" -> turnout."""
    if noun.lemma_.lower() not in _UNITS:
        return noun
    if noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    if verb is not None:
        sub = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip
                    and c.pos_ in ("NOUN", "PROPN")), None)
        if sub is not None:
            return sub
    return noun


def _own_participle(noun: Token) -> Token | None:
    """"people killed in the blast", "people living near the slope": the participle that hangs
    from the counted noun."""
    return next((c for c in noun.rights if c.dep_ == "acl" and c.pos_ == "VERB" and c.tag_ in ("VBN", "VBG")), None)


def _partitive(tok: Token, skip: set[int]) -> Token | None:
    """"38 of the 67 people", "88 of the victims": the noun a figure takes its part of."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def _subject_of(verb: Token, skip: set[int]) -> Token | None:
    """The verb's subject as a noun: a noun, an adjective used as one ("the first struck"), or
    the noun a number takes its part of ("88 of the victims were identified"); never a pronoun."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.pos_ == "NUM" or c.i in skip:
            part = _partitive(c, skip)
            if part is not None and part.i not in skip:
                return part
            continue
        if c.pos_ in ("NOUN", "PROPN", "ADJ"):
            return c
    return None


def numeric_phrase(span: Span, start: int, end: int, subj: Subject, fallback: str) -> str:
    """What a figure counts, in the sentence's words: "people killed in the bombing"."""
    toks = _quote_tokens(span, start, end)
    head = _head_of(toks)
    if head is None:
        return fallback
    skip = {t.i for t in toks}
    noun: Token | None = None
    # "44 people", "dozens of people": the counted noun inside or right above the figure
    nouns_in = [t for t in toks if t.pos_ in ("NOUN", "PROPN") and not t.like_num]
    if nouns_in:
        noun = nouns_in[-1]
    elif head.dep_ in ("nummod", "quantmod", "amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
        noun = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        noun = head.head.head  # "a toll of 12"
    elif _partitive(head, skip) is not None:
        noun = _partitive(head, skip)  # "killing 38 of the 67 people aboard"
    if noun is not None:
        noun = _unframed(noun, set())
    verb = _verb_above(noun if noun is not None else head)
    if noun is not None:
        measured = _measured(noun, verb, skip)
        if measured is not noun:
            noun, verb = measured, None  # "a depth of 18 kilometres": the depth, not the verb it hangs from
    if noun is None and verb is not None:
        # "the toll rose to 12", "the number of people killed rose to 14": the verb's subject
        sub = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.pos_ in ("NOUN", "PROPN") and c.i not in skip), None)
        if sub is not None:
            noun = _unframed(sub, skip)
            if noun is not sub:
                verb = _own_participle(noun) or verb
    if noun is None:
        if verb is None or verb.lemma_.lower() in _REPORTING:
            return fallback
        return _finish([verb] + _prep_phrase(verb, skip), fallback)  # "Nine were killed": "killed"
    own = _own_participle(noun)
    if own is not None:
        verb = own
    if noun.lemma_.lower() in _UNITS:
        verb = None  # "40 kilometres from the town": a distance, not what the clause's verb did
    parts = _noun_phrase(noun, skip)
    if verb is not None and verb.lemma_.lower() == "have" and noun.head.i == verb.i and noun.dep_ == "dobj":
        owner = _subject_of(verb, skip)  # "the block had 16 entrances": block had entrances
        if owner is not None:
            parts = _noun_phrase(owner, skip) + [verb] + parts
    if verb is not None and verb.lemma_.lower() not in _REPORTING and verb.i not in skip:
        # "flooding 300 homes" keeps its order; "people living near the slope" reads noun first
        parts = [verb] + parts if verb.tag_ == "VBG" and verb is not own else parts + [verb]
    place: list[Token] = []
    for anchor in (verb, noun):
        if anchor is not None:
            place = _prep_phrase(anchor, skip | {t.i for t in parts})
            if place:
                break
    return _finish(parts + place, fallback)


def date_phrase(span: Span, start: int, end: int, fallback: str) -> str:
    """What a date dates, in the sentence's words: "the earthquake struck", "results announced"."""
    toks = _quote_tokens(span, start, end)
    head = _head_of(toks)
    if head is None:
        return fallback
    skip = {t.i for t in toks}
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head  # "at 9:03 local time, or 7:03 on the coast": what the first one dates
    verb = _verb_above(head.head if head.dep_ in ("pobj", "npadvmod", "nummod", "compound") else head)
    if head.dep_ == "pobj":
        verb = _verb_above(head.head.head)
    if verb is None or verb.lemma_.lower() in ("say", "tell", "report"):
        # "the attack on Tuesday": the noun the date phrase hangs from
        noun = head.head.head if head.dep_ == "pobj" else head.head
        if noun.pos_ == "NOUN" and noun.i not in skip:
            return _finish(_noun_phrase(noun, skip), fallback)
        return fallback
    sub = _subject_of(verb, skip)
    obj = next((c for c in verb.children if c.dep_ in ("dobj",) and c.i not in skip
                and c.pos_ in ("NOUN", "PROPN")), None)
    parts: list[Token] = []
    if sub is None and verb.dep_ == "xcomp":
        # "the search was expected to end on Friday": the subject of the verb it completes
        sub = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip
                    and c.pos_ in ("NOUN", "PROPN")), None)
        if sub is not None:
            to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
            parts += _noun_phrase(sub, skip) + [verb.head] + to
            sub = None
    if sub is not None:
        parts += _noun_phrase(sub, skip)
    parts.append(verb)
    if obj is not None:
        parts += _noun_phrase(obj, skip)
    if sub is None and obj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        parts = _noun_phrase(verb.head, skip) + parts  # "the quake, which struck at 04:17"
    return _finish(parts, fallback)


def entity_phrase(span: Span, start: int, end: int, fallback: str) -> str:
    """What a named party did, in the sentence's words: "claimed the attack", "owns the depot"."""
    toks = _quote_tokens(span, start, end)
    head = _head_of(toks)
    if head is None:
        return fallback
    skip = {t.i for t in toks}
    if head.dep_ in ("appos", "compound") and head.head.dep_ == "pobj" and head.head.head.lower_ == "by":
        head = head.head  # "announced by commission chair X": the agent is the title and name
        skip = skip | {t.i for t in head.subtree}
    if head.dep_ == "pobj" and head.head.lower_ == "by":  # "the depot, owned by X": passive agent
        verb = _verb_above(head.head.head)  # "announced at a news conference by X" may hang "by" on the noun
        if verb is not None and verb.pos_ == "VERB" and verb.tag_ == "VBN":
            noun = verb.head if verb.dep_ in ("acl", "relcl") else next(
                (c for c in verb.children if c.dep_ == "nsubjpass"), None)
            parts = [verb] + (_noun_phrase(noun, skip) if noun is not None and noun.i not in skip else [])
            return _finish(parts, fallback)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":  # "the owner, X"
        return _finish(_noun_phrase(head.head, skip) + _prep_phrase(head.head, skip), fallback)
    verb = _verb_above(head)
    if verb is None:
        return fallback
    # "X, which owns the depot": the relative clause's verb
    rel = next((c for c in head.children if c.dep_ == "relcl"), None)
    if rel is not None and verb.i != rel.i and head.dep_ in ("nsubj", "nsubjpass"):
        verb = rel
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i not in skip), None)
    parts = [verb]
    if obj is not None:
        parts += _noun_phrase(obj, skip) + _prep_phrase(obj, skip, limit=3)
    else:
        parts += _prep_phrase(verb, skip, limit=3)
    return _finish(parts, fallback)
