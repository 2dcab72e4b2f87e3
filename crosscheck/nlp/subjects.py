"""What a number or a date is about, read from the dependency parse.

A value alone says nothing: "3" killed and "3" bridges closed are different claims. The
subject is the counted thing (head noun), the predicate (governing verb), and the modifiers
that separate subjects (place, group, scope). They are kept as structured fields for the
judge, and joined into a short subject phrase that the aligner embeds, so that "three
killed" and "five killed" embed alike and the judge, not the embedding, decides between them.

``measure`` is the canonical thing being counted. News writes one toll many ways ("38 people
were killed", "the death toll rose to 51", "14 are known to have died"); a small lexicon of
general news quantities (deaths, injuries, missing, evacuated...) maps the verbs and nouns of
each way to one key. Anything outside the lexicon keeps its own noun ("rockets", "bridges"),
so the lexicon only merges, it never invents a subject.

``scope`` carries what makes one figure incomparable with another of the same measure:
a part of a larger count ("nine of them"), a partial count ("partial results"), a duration
("over three days" vs "in 24 hours"), another event ("in 2019", "a separate attack"), an
increment ("another four died" after a toll), the whole of a ratio ("21 of 35 passes"), one
day of a series ("Saturday's protests"), a clock reading ("12 seconds left"), the size of each
of a kind ("three-point plays"), a figure of what would or may happen ("could rise to 100"),
one day's work of a longer effort ("recovered nine bodies on Monday"), one crew's share of a
total ("his crew took eleven survivors aboard"), a state rather than an event ("fourteen
survivors remain in hospital") and a second site ("At the neighbouring colliery, 44 ...").
On real newswire these were the commonest false alarms: figures of one article that look alike
but are not the figure another article reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

_PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside", "around", "throughout"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}

# Verb and noun lemmas of common news measures -> one canonical key. Deaths, injuries and
# the like are what tolls are made of and are written in many forms; merging them is what
# lets "the death toll rose to 51" meet "38 people were killed".
_MEASURES: dict[str, str] = {}
for _key, _words in {
    "dead": "kill die dead death fatality toll body perish drown",
    "injured": "injure wound hurt injury injured wounded casualty",
    "missing": "missing",
    "evacuated": "evacuate evacuee",
    "displaced": "displace homeless",
    "arrested": "arrest detain",
    "rescued": "rescue survivor",
    "escaped": "escape flee",
    "aboard": "aboard carry",
    "margin": "margin lead",
}.items():
    for _w in _words.split():
        _MEASURES[_w] = _key

# Verbs that name a measure only when what they count are persons: "saved 198 people" is a
# rescue, "saved $4 million" is not.
_PERSON_VERBS = {"save": "rescued"}
# Where a rescue takes people: "brought 27 miners to the surface", "pulled alive from the
# rubble", "brought ashore". Moving persons to one of these is a rescue, whatever the verb.
_RESCUE_GOALS = {"surface", "safety", "shore", "ashore", "alive", "land"}
_RESCUE_MOVES = {"bring", "pull", "lift", "carry", "winch", "airlift", "haul", "take"}

# How each canonical measure reads in a report.
_READABLE = {"dead": "people killed", "injured": "people injured", "missing": "people missing",
             "evacuated": "people evacuated", "displaced": "people displaced", "arrested": "people arrested",
             "rescued": "people rescued", "escaped": "people escaped", "aboard": "people aboard", "margin": "margin"}

# Nouns that only say "some humans": the predicate, not the noun, tells what is counted.
_PERSON_NOUNS = set(
    "people person other whom them they those civilian soldier resident child adult man woman "
    "worker victim passenger student officer police fighter militant member citizen patient "
    "villager migrant refugee tourist employee staff guard inmate prisoner hostage captive "
    "fugitive detainee escapee pupil pilgrim crew nurse doctor teenager youth infant baby "
    "girl boy".split()
)
# Words that mark a group of persons apart from the whole ("civilians" vs "soldiers").
_GROUP_NOUNS = _PERSON_NOUNS - {"people", "person", "other", "whom", "them", "they", "those"}

# Verbs that carry a count into a noun subject: "the toll rose to 51", "put the toll at 9".
# Of those, the verbs whose object has the value: "put the toll at 9", "bringing the death
# toll to 24", "pushing the number of dead to 40"; and the verbs by which an authority revises
# a tally it keeps ("raised the toll to 40", "lowered it to 75 from 88", "revised the figure").
_OBJECT_LINKS = {"put", "estimate", "place", "bring", "push", "raise", "lower", "revise", "cut", "take",
                 "update", "increase"}
_LINK_VERBS = {"rise", "climb", "reach", "stand", "put", "bring", "push", "increase", "jump", "grow", "hit",
               "be", "remain", "total", "exceed", "surpass", "top", "number", "double", "fall",
               "drop", "estimate", "place", "raise", "lower", "revise", "cut", "take", "update"}
# What happened to counted things (homes, bridges, buildings): "two bridges brought down" and
# "three bridges swept away" are one measure, "homes flooded" and "homes destroyed" are two.
_FATES: dict[str, str] = {}
for _key, _words in {
    "destroyed": "destroy sweep bring flatten level raze demolish wreck collapse topple",
    "damaged": "damage",
    "flooded": "flood inundate submerge",
}.items():
    for _w in _words.split():
        _FATES[_w] = _key
# Nouns that are units of a count, not its subject: in "the margin was 30,000 votes" the
# margin is what is measured, votes only what it is measured in.
_UNIT_NOUNS = {"vote", "ballot", "percent", "point", "dollar", "euro", "pound", "unit"}
# Nouns that only frame a count ("the number of people killed"): the subject is inside them.
_FRAME_NOUNS = {"number", "total", "tally", "count", "figure"}
_TIME_NOUNS = {"hour", "day", "week", "month", "year", "night", "minute", "weekend", "decade"}
# Not "another" alone: "another 63 were injured" often means besides the dead, not more
# injured. "Another" marks an increment only after the same measure was already counted
# (see _increment).
_ADDITIONAL = {"more", "additional", "further"}
_SEVERITY = {"seriously", "critically", "severely", "badly", "gravely", "slightly", "lightly", "fatally"}
_PARTIAL_WORDS = {"partial", "incomplete"}
_OTHER_EVENT_WORDS = {"separate", "unrelated", "previous", "earlier", "last"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Subject:
    counted: str | None
    predicate: str | None
    place: str | None
    grp: str | None
    scope: str | None
    measure: str | None = None
    phrase: str | None = None  # the readable subject, e.g. "civilians killed in Galtby"
    agent: str | None = None  # a named doer whose figure it is ("Corrigan threw for 364 yards")

    def text(self) -> str:
        if self.phrase:
            return self.phrase
        parts = [self.grp, self.counted, self.predicate]
        if self.place:
            parts.append(f"in {self.place}")
        if self.scope:
            parts.append(self.scope)
        return " ".join(p for p in parts if p) or "value"


def tokens_in(sent: Span, start: int, end: int) -> list[Token]:
    return [t for t in sent if t.idx >= start and t.idx + len(t.text) <= end]


def _compound(tok: Token) -> str:
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i < tok.i]
    return " ".join([m.lemma_.lower() for m in mods] + [tok.lemma_.lower()])


def _verb_above(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux":
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _place_of(*heads: Token | None) -> str | None:
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (pobj.ent_type_ in _PLACE_ENTS or pobj.pos_ == "PROPN"):
                        return _compound(pobj)
                    if pobj.dep_ == "pobj" and _fronted(child) and _named_site(pobj):
                        return _named_site(pobj)
    # A fronted place phrase on the clause ("In Ferrow, 11 people died").
    return None


def _fronted(prep: Token) -> bool:
    """A phrase that opens its sentence and is set off by a comma ("At the X colliery, ...")."""
    last = max(t.i for t in prep.subtree)
    doc = prep.doc
    return prep.i == prep.sent.start and last + 1 < len(doc) and doc[last + 1].text == ","


def _named_site(noun: Token) -> str | None:
    """A common noun of a site named by a proper-name modifier: "the Ostrel colliery", "the
    Harlow plant". Only for a fronted place phrase, which sets the scene of its clause; inside
    a clause "in the X disaster" names an event, not a place."""
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([c.lower_ for c in names] + [noun.lemma_.lower()]) if names else None


def _duration_of(*heads: Token | None) -> str | None:
    """A time span the figure is measured over ("over three days", "in 24 hours")."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            # Not "for": "fought the blaze for nine hours" says how long, not over what window
            # the figure was counted.
            if child.dep_ == "prep" and child.lower_ in ("in", "over", "within", "during"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in _TIME_NOUNS and any(
                    c.like_num or c.dep_ == "nummod" for c in pobj.children
                ):
                    num = next(c for c in pobj.children if c.like_num or c.dep_ == "nummod")
                    return f"over {num.lower_} {pobj.lemma_.lower()}"
    return None


# Periods a running total is counted over: "404 yards this season", "finished his third
# season with 404 yards", "his career high". A total over a season or a career is not the
# figure of one game, one day or one event.
_PERIODS = {"season", "career", "campaign", "year-to-date"}


def _period_of(*heads: Token | None) -> str | None:
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            cands = [child] + ([c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [])
            for c in cands:
                if c.lemma_.lower() in _PERIODS and c.dep_ in ("dobj", "pobj", "npadvmod", "compound", "amod", "nsubj"):
                    return f"over the {c.lemma_.lower()}"
    return None


_CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "start", "beginning", "outbreak", "war"}


def _running_since(*heads: Token | None) -> str | None:
    """"the number of miners killed there since January", "200 killed since the start of the
    war": a running total over a period, not the count of one event. A day or an event noun
    after "since" ("since Friday", "since the attack") counts from the event itself and is
    left alone."""
    for head in heads:
        if head is None:
            continue
        for t in head.subtree:
            if t.lower_ != "since" or t.dep_ != "prep":
                continue
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.lower_ in _CALENDAR_WORDS or re.fullmatch(r"(19|20)\d\d", obj.text)):
                return f"since {obj.text}"
    return None


# Phrasal verbs whose sense is another measure's verb: "300 inmates broke out" escaped.
_PHRASAL_SENSES = {("break", "out"): "escape"}


def _verb_sense(verb: Token) -> str:
    """A verb's lemma, or the lemma of what its phrasal form means."""
    lem = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "prt" and (lem, c.lower_) in _PHRASAL_SENSES:
            return _PHRASAL_SENSES[(lem, c.lower_)]
    return lem


_CAPACITY_HEADS = {"license", "licence", "design", "build", "able", "allow", "permit", "certify",
                   "rate", "equip", "capable", "enough"}


def _capacity(verb: Token | None) -> bool:
    """"licensed to carry 250 passengers", "can seat 400", "designed to hold 1,200": what a
    vehicle or place may hold, not how many it held."""
    if verb is None or verb.lemma_.lower() not in ("carry", "hold", "seat", "accommodate", "take"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
        return True
    return verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in _CAPACITY_HEADS


def _on_board(*heads: Token | None) -> bool:
    """"41 passengers on board", "with 46 people aboard": the count of those carried."""
    for head in heads:
        if head is None:
            continue
        for c in head.children:
            if c.lower_ in ("aboard", "onboard") and c.dep_ in ("advmod", "prep", "prt", "acomp"):
                return True
            if c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "board" for g in c.children):
                return True
    return False


def _measure_of(lemmas: list[str]) -> str | None:
    for lem in lemmas:
        if lem in _MEASURES:
            return _MEASURES[lem]
    return None


def _of_complement(tok: Token) -> Token | None:
    """The noun after "of"; a gerund counts as one ("days of mourning" parses mourning as a verb
    in some sentences and as a noun in others)."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.tag_ == "VBG")), None)


def _word(tok: Token) -> str:
    """A comparison key for a noun: its lemma, but a gerund keeps its -ing form, so "mourning"
    read as a noun and as a verb give one key."""
    low = tok.lower_
    return low if low.endswith("ing") and len(low) > 5 else tok.lemma_.lower()


def _link_subject(head: Token) -> Token | None:
    """For "rose to 51" / "put the toll at 9" / "turnout was 61 percent": the noun that has the value."""
    cur = head
    if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
        cur = cur.head.head
    elif cur.dep_ in ("attr", "dobj", "npadvmod", "oprd", "acomp"):
        cur = cur.head
    else:
        return None
    if cur.pos_ not in ("VERB", "AUX") or cur.lemma_.lower() not in _LINK_VERBS:
        return None
    tally = _misparsed_tally(cur)
    if tally is not None:
        return tally
    deps = ("dobj", "nsubjpass", "nsubj") if cur.lemma_.lower() in _OBJECT_LINKS else ("nsubj", "nsubjpass", "dobj")
    # Common nouns first: a dateline ("DUNMERE — The death toll ...") parses as a second subject.
    for pos in ("NOUN", "PROPN"):
        for dep in deps:
            n = next((c for c in cur.children if c.dep_ == dep and c.i != head.i and c.pos_ == pos), None)
            if n is not None and not n.like_num:
                return n
    return None


def _misparsed_tally(verb: Token) -> Token | None:
    """"The number of people confirmed dead in the sinking of the ferry X rose to 31": a long
    tally noun phrase makes the parser take "confirmed" for the main verb and hang "rose" on a
    later noun ("X rose"). A link verb in a subordinate clause whose sentence opens with a
    tally noun as the main subject still gives its value to that tally, not to the nearer noun."""
    if verb.dep_ not in ("relcl", "advcl", "acl"):
        return None
    root = verb.sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
                 and c.lemma_.lower() in _FRAME_NOUNS | {"toll"} and c.i not in {t.i for t in verb.subtree}), None)


def _person_measure(noun: Token | None, verbs: list[Token]) -> str | None:
    """Verbs that name a measure only of persons: "saved 198 people", "brought 27 miners to
    the surface alive". "Brought" alone is no rescue ("brought down two bridges"), but
    persons moved to safety, the surface or ashore are persons rescued."""
    if noun is None or noun.pos_ not in ("NOUN", "PRON") or not counts_persons(noun.lemma_.lower()):
        return None
    for v in verbs[:1]:
        lem = v.lemma_.lower()
        if lem in _PERSON_VERBS:
            return _PERSON_VERBS[lem]
        if lem in _RESCUE_MOVES and not any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children):
            # the goal hangs on the verb ("ashore", "alive") or on its preposition ("to safety")
            near = {v.i} | {p.i for p in v.children}
            if any(c.lower_ in _RESCUE_GOALS and c.head.i in near for c in v.subtree):
                return "rescued"
    return None


def _compound_names_measure(noun: Token) -> bool:
    """A noun modifier is the measure only on a noun that is itself a tally ("death toll",
    "casualty figures"). On another noun it only says what kind the thing is: "rescue teams"
    and "rescue workers" are teams and workers, not persons rescued."""
    lem = noun.lemma_.lower()
    return lem in _MEASURES or lem in _FRAME_NOUNS


def _partitive(head: Token, inside: set[int]) -> bool:
    """"nine of them", "29 of the dead", "34 of whom": a part of a larger count."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i not in inside:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            # "of the dead", "of those hurt", "of whom", "of my children", "of their men"
            if pobj is not None and (pobj.pos_ == "PRON" or any(d.lower_ in ("the", "these", "those") or d.dep_ == "poss"
                                                                 for d in pobj.children)
                                     or pobj.lower_ in ("whom", "which")):
                return True
    return False


def _hyphenated_kind(counted: Token | None) -> Token | None:
    """The noun a hyphenated unit phrase describes: "a 30-point lead", "a three-point play",
    "a 5,000-vote margin". The unit ("point", "vote") only says what the size is measured in;
    the thing is the noun it modifies."""
    if counted is None or counted.lemma_.lower() not in _UNIT_NOUNS or counted.dep_ not in ("compound", "amod"):
        return None
    owner = counted.head
    if owner.pos_ != "NOUN" or owner.i <= counted.i or counted.i == 0 or counted.doc[counted.i - 1].text != "-":
        return None
    return owner


def _ratio_base(toks: list[Token]) -> bool:
    """The whole of an "N of M" ratio: "completed 21 of 35 passes", "won 14 of its last 19
    games". M counts the attempts or the games of a stretch, not the thing N counts, and is
    a different figure from any plain count of the same noun ("won 40 games")."""
    doc = toks[0].doc
    j = toks[0].i - 1
    # skip the determiners and adjectives of the whole: "of their next 23", "of its last 19"
    while j >= 0 and toks[0].i - j <= 3 and doc[j].pos_ in ("DET", "ADJ", "PRON") and doc[j].lower_ != "of":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].like_num


def _increment(sent: Span, toks: list[Token], counted: Token | None, measure: str | None) -> bool:
    """"Another four people died", "another two bombs fell": an increment over a count the
    article already gave, so not the whole toll. Only when the same measure was counted
    before: "nine were killed; another 63 were injured" counts the injured for the first
    time and "another" only means besides the dead."""
    inside = {t.i for t in toks}
    owners = inside | ({counted.i} if counted is not None else set())
    if not any(t.lower_ == "another" and t.head.i in owners and t.i not in inside for t in sent):
        return False
    before = sent.doc[: toks[0].i]
    noun = counted.lemma_.lower() if counted is not None else None
    # a person noun ("people") says nothing of the measure; a thing ("bombs") does
    thing = noun if noun is not None and noun not in _PERSON_NOUNS else None
    for t in before:
        lem = t.lemma_.lower()
        if measure is not None and _MEASURES.get(lem) == measure or thing is not None and lem == thing:
            return True
    return False


# Days a multi-day series is counted by: "Saturday's protests", "last night's clashes".
_DAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
              "today", "tonight", "night", "weekend"}


def _one_day_of_series(sent: Span, verb: Token | None, counted: Token | None) -> str | None:
    """A figure of one day of a series: "86 arrests over the course of Saturday's protests".
    A plural event noun owned by a day names one day of several (protests, riots, clashes
    over a week); the running total of the series is another, larger figure. A singular one
    ("Sunday's quake") is the event itself and gets no scope."""
    anchors = [t for t in (verb, counted) if t is not None]
    for t in sent:
        if t.dep_ != "poss" or t.lower_ not in _DAY_NAMES:
            continue
        owner = t.head
        if owner.tag_ == "NNS" and owner.lemma_.lower() not in _TIME_NOUNS and any(a in owner.ancestors for a in anchors):
            # the day stays in the scope: two days' figures are not one figure either
            return f"{t.lower_}'s {owner.lower_}"
    return None


_MODALS = {"would", "could", "might", "may", "should"}


def _hypothetical(verb: Token | None) -> bool:
    """A figure of what may or would happen, not of what did: "would be stopped in a round or
    two", "even if one or two jurors voted against it", "the toll could rise to 100". Such a
    figure is a guess or a condition and no report of fact contradicts it. The modal or the
    "if" must govern the figure's own clause or one above it: "40 were killed, and some of the
    injured may yet die" keeps the 40 a fact."""
    cur = verb
    for _ in range(6):
        if cur is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _MODALS or c.dep_ == "mark" and c.lower_ in ("if", "unless")
               for c in cur.children):
            return True
        # stop at a clause of its own (a conjoined or reported clause states its own fact)
        if cur.dep_ not in ("advcl", "xcomp", "pcomp", "pobj", "prep", "acl", "relcl") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _time_left(counted: Token | None) -> bool:
    """"With 12 seconds left", "31 seconds remaining": a reading of a clock at one moment,
    different at every moment a report describes, so never the same figure as another."""
    if counted is None or counted.lemma_.lower() not in _TIME_NOUNS | {"second"}:
        return False
    return any(c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in ("leave", "remain") for c in counted.children)


def _other_event(sent: Span, verb: Token | None, published_year: int | None) -> str | None:
    """A clause about another event: a year other than the article's, or "a separate attack"."""
    text = sent.text
    for t in sent:
        # "In 2004 a tsunami killed 170,000": a bare year as the clause's time says the figure
        # is of that year, never of the day the report is about, even when the article names
        # no other year (an undated article would otherwise take it for its own).
        if (_YEAR.fullmatch(t.text) and t.dep_ == "pobj" and t.head.lower_ == "in"
                and not any(c.dep_ in ("compound", "nummod", "npadvmod") for c in t.children)):
            return f"in {t.text}"
    for y in _YEAR.findall(text):
        # Undated text (no `published`): any year named marks a figure of that year, since a
        # report rarely names its own year and background ("the 2004 tsunami") always does.
        if published_year is None or int(y) != published_year:
            return f"in {y}"
    if any(t.lower_ in ("separate", "unrelated") for t in sent):
        return "separate event"
    return None


# Measures that many crews add up to: one boat's or one team's share is not the whole count.
_SHARED_MEASURES = {"rescued", "evacuated"}


def _share_of_one(verb: Token | None, measure: str | None) -> bool:
    """"His crew had taken eleven survivors aboard", "a fishing boat picked up nine": rescues
    are made by many crews, and a figure credited to one of them (a doer with a possessive or
    an indefinite article) is its share, not the number rescued."""
    if verb is None or measure not in _SHARED_MEASURES:
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is None or doer.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one")
               or c.dep_ == "nummod" and c.lower_ == "one" for c in doer.children)


_STATE_VERBS = {"remain", "stay", "be", "lie"}


def _state_not_event(verb: Token | None, measure: str | None, noun: Token | None) -> bool:
    """"Fourteen survivors remain in hospital": how many rescued people are somewhere now, a
    state that shrinks as they leave, not how many were rescued. Only a state with a place
    ("in hospital", "at the shelter"): "12 people remain missing" is the missing count itself."""
    if verb is None or noun is None or measure not in _SHARED_MEASURES or verb.lemma_.lower() not in _STATE_VERBS:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i == noun.i for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at", "under") for c in verb.children) and not any(
        c.dep_ in ("acomp", "oprd") for c in verb.children)


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"}


def _day_token(tok: Token) -> Token | None:
    """The weekday a time phrase names: "Monday", "Monday evening", "Sunday night"."""
    if tok.lower_ in _WEEKDAYS:
        return tok
    return next((c for c in tok.children if c.dep_ == "compound" and c.lower_ in _WEEKDAYS), None)


def _single_day(verb: Token | None, verb_names_measure: bool = False) -> str | None:
    """"Divers recovered nine bodies on Monday", "On Monday alone, 96 operations were
    postponed": the work of one day of a longer effort, not the running total ("since
    Friday", "so far"), which is another, larger figure. "Alone" on the day always marks it;
    otherwise the day must date the figure's own verb, and not a verb of the event itself
    ("were killed on Sunday", "rescued 190 people on Sunday": a verb that names the measure
    dates the event it counts) nor a running total ("rose to 51 on Sunday"). "Recovered nine
    bodies on Monday" names the day's work, not the deaths."""
    if verb is None:
        return None
    lem = verb.lemma_.lower()
    for c in verb.children:
        day = None
        if c.dep_ == "prep" and c.lower_ in ("on", "during"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            day = _day_token(pobj) if pobj is not None else None
            alone = pobj is not None and any(a.lower_ == "alone" for a in (*c.children, *pobj.children))
        elif c.dep_ == "npadvmod":
            day = _day_token(c)
            alone = any(a.lower_ == "alone" for a in c.children)
        if day is None:
            continue
        if alone or (lem not in _LINK_VERBS and lem not in _OCCUR and lem not in _MEASURES
                     and not verb_names_measure):
            return f"one day: {day.lower_}"
    return None


# Modifiers of a place that name a site other than the one the report is about.
_OTHER_SITE = {"neighbouring", "neighboring", "nearby", "adjacent", "another", "other"}


def _other_site(*heads: Token | None) -> bool:
    """"At the neighbouring colliery, 44 miners were brought out": a figure of a second site,
    not of the one the article is about, even when the site's name is lost. Only a fronted
    phrase, which sets the scene of the clause: "diverted to hospitals in neighbouring
    regions" names where things went, not where the figure was counted."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and _fronted(child):
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                if pobj is not None and any(m.lower_ in _OTHER_SITE for m in pobj.children if m.dep_ in ("amod", "det", "compound")):
                    return True
    return False


# The measure of a length given as a depth: a site has one depth, so unlike a bare distance
# (from any of several places) it names what it measures (the judge compares depths).
DEPTH = "depth"
# Nouns of a dimension a length is given for ("at a depth of 580 metres").
_DIMENSIONS = {"depth", "height", "altitude", "width", "length"}
# Words a length says depth with: "600 metres underground", "620 metres below ground".
_DEPTH_WORDS = {"underground", "deep", "beneath", "below", "down", "under"}
_LENGTH_NOUNS = {"metre", "meter", "kilometre", "kilometer", "foot", "feet", "mile", "yard", "km", "m", "ft"}


def _dimension_of(counted: Token | None) -> str | None:
    """What a length measures: "at a depth of 580 metres" and "600 metres underground" both
    give a depth, whatever the verb ("collapsed", "gave way"); "down" in "brought down" is no
    depth, so the depth word must govern the length."""
    if counted is None or counted.lemma_.lower() not in _LENGTH_NOUNS:
        return None
    up = counted.head
    if counted.dep_ == "pobj" and up.lower_ == "of" and up.head.lemma_.lower() in _DIMENSIONS:
        return up.head.lemma_.lower()
    if counted.dep_ in ("npadvmod", "nmod", "advmod", "dobj") and up.lower_ in _DEPTH_WORDS:
        return DEPTH
    return None


def subject_of(sent: Span, start: int, end: int, published_year: int | None = None) -> Subject:
    """Subject of the value at [start, end) in ``sent`` (offsets into the doc text)."""
    toks = tokens_in(sent, start, end)
    if not toks:
        return Subject(None, None, None, None, None)
    inside = {t.i for t in toks}
    # The mention's syntactic head: the token whose head lies outside the mention.
    head = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    counted: Token | None = None
    if head.head.i not in inside and head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in (
        "nummod", "amod", "quantmod", "compound", "det"
    ):
        counted = head.head
    elif head.pos_ in ("NOUN",) and not head.like_num and head.lemma_.lower() not in ("percent", "%"):
        counted = head
    part = _partitive(head, inside)
    if counted is None:
        of = _of_complement(head)
        if of is not None and not part:
            counted = of
    linked = _link_subject(head) if counted is None or counted.i in inside else None
    kind_of = _hyphenated_kind(counted)
    if kind_of is not None:
        counted = kind_of  # "a 30-point lead" measures the lead, "a three-point play" is a play
    if counted is not None and counted.lemma_.lower() in _UNIT_NOUNS:
        linked = _link_subject(counted) or (counted.head.head if counted.dep_ == "pobj" and counted.head.lower_ == "of"
                                            and counted.head.head.pos_ == "NOUN" else None)
        if linked is not None:
            counted = None
    frame_verbs: list[Token] = []
    for _ in range(2):  # "the number of people killed": look inside the frame noun
        frame = counted if counted is not None else linked
        if frame is not None and frame.lemma_.lower() in _FRAME_NOUNS and _of_complement(frame) is not None:
            inner = _of_complement(frame)
            # "the number of people reported missing" hangs "reported" on the tally; a long one
            # is misparsed with "confirmed" as the main verb of "the number": either way the
            # complement ("missing", "dead") says what the people are
            frame_verbs.extend(c for c in frame.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
            if frame.dep_ in ("nsubj", "nsubjpass") and frame.head.pos_ == "VERB":
                frame_verbs.append(frame.head)
            if counted is not None:
                counted = inner
            else:
                linked = inner
    verb = _verb_above(counted or head)
    # "people killed": a participle modifying the counted noun is the predicate.
    if counted is not None:
        part_verb = next((c for c in counted.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if part_verb is not None:
            verb = part_verb
    # Lemmas that may name the measure, nearest first: counted noun, linked noun ("toll") with
    # its compounds and of-complement, then the verb chain ("known to have died").
    lemmas: list[str] = []
    for noun in (counted, linked):
        if noun is None:
            continue
        lemmas.extend(c.lemma_.lower() for c in noun.lefts if c.dep_ in ("compound", "amod") and not _hyphenated(c)
                      and (c.dep_ == "amod" or _compound_names_measure(noun)))
        lemmas.append(noun.lemma_.lower())
        of = _of_complement(noun)
        if of is not None:
            lemmas.append(of.lemma_.lower())
        for acl in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
            # "people reported missing", "people confirmed dead": the complement is the measure
            lemmas.append(acl.lemma_.lower())
            lemmas.extend(c.lemma_.lower() for c in acl.children if c.dep_ in ("oprd", "acomp"))
    for fv in frame_verbs:
        lemmas.extend(c.lemma_.lower() for c in fv.children if c.dep_ in ("oprd", "acomp"))
    verbs: list[Token] = []
    cur = verb
    while cur is not None and len(verbs) < 4:
        verbs.append(cur)
        # into "known to have died", not into a clause with a doer of its own ("the jurors
        # asked how many people Nichols would have to kill": the jurors killed nobody)
        cur = next((c for c in cur.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                    and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)), None)
    noun_part = len(lemmas) if counted is not None and _is_thing(counted) else None
    lemmas.extend(_verb_sense(v) for v in verbs)
    if verb is not None:
        lemmas.extend(c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "attr", "oprd"))
    if _on_board(verb, counted):
        lemmas.append("aboard")  # "had 41 passengers on board": after the verb, so "killed" wins
    # A counted thing that is not a person ("a 6.1 magnitude quake injures dozens") is what
    # the figure measures: the verb's toll belongs to another number of the sentence.
    measure = _measure_of(lemmas[:noun_part] if noun_part is not None else lemmas)
    verb_names_measure = False
    if measure is None and noun_part is None:
        measure = _person_measure(counted or linked, verbs)
        verb_names_measure = measure is not None
    dimension = _dimension_of(counted)
    if dimension is not None:
        measure = dimension
    noun = counted if counted is not None else linked
    noun_lemma = noun.lemma_.lower() if noun is not None else None
    grp = None
    if counted is not None:
        adj = [c for c in counted.lefts if c.dep_ == "amod" and c.i not in inside]
        grp = " ".join(a.lemma_.lower() for a in adj) or None
    if noun_lemma in _GROUP_NOUNS:
        grp = " ".join(p for p in (grp, noun_lemma) if p)
    severe = next((c.lower_ for v in verbs[:1] for c in v.children if c.dep_ == "advmod" and c.lower_ in _SEVERITY), None)
    if measure is None:
        if noun_lemma is not None and noun_lemma not in _PERSON_NOUNS:
            of = _of_complement(noun) if noun is not None else None
            measure = noun_lemma + (f" of {_word(of)}" if of is not None and (of.pos_ == "NOUN" or of.tag_ == "VBG") else "")
            fate = next((_FATES[v.lemma_.lower()] for v in verbs if v.lemma_.lower() in _FATES), None)
            if fate:
                measure += f" {fate}"
        else:
            measure = " ".join(p for p in ("people" if noun_lemma else None, verbs[0].lemma_.lower() if verbs else None) if p) or None
    scopes = []
    if part:
        scopes.append("part")
    if severe:
        scopes.append(severe)  # "30 people seriously injured" are a part of the injured
    if counted is not None and any(c.lower_ in _ADDITIONAL for c in counted.lefts if c.i not in inside) or any(
            t.lower_ in _ADDITIONAL and t.dep_ in ("amod", "advmod", "det") and t.head.i in inside and t.i not in inside
            for t in sent):
        scopes.append("additional")  # "three more bodies", "four more people died": an increment
    elif _increment(sent, toks, counted, measure):
        scopes.append("additional")
    if kind_of is not None and _measure_of([kind_of.lemma_.lower()]) is None:
        scopes.append("size of each")  # "two three-point plays": the 3 is no count of plays
    if _ratio_base(toks):
        scopes.append("ratio base")
    day = _one_day_of_series(sent, verb, counted)
    if day:
        scopes.append(f"one day of several: {day}")
    if _time_left(counted):
        scopes.append("time left")
    if any(t.lemma_.lower() in _PARTIAL_WORDS for t in sent) or re.search(r"\b\d+(\.\d+)? (percent|%) of (the )?(ballots|votes|precincts)", sent.text):
        scopes.append("partial count")
    dur = _duration_of(verb, counted)
    if dur:
        scopes.append(dur)
    period = _period_of(verb, counted, *[a for a in (counted or head).ancestors if a.pos_ == "VERB"][:2])
    if period:
        scopes.append(period)
    since = _running_since(verb, counted)
    if since:
        scopes.append(since)
    other = _other_event(sent, verb, published_year)
    if other:
        scopes.append(other)
    if _hypothetical(verb):
        scopes.append("hypothetical")
    if _capacity(verb):
        scopes.append("capacity")
    # a depth or a height is the same on every day; only counts of a day's work are scoped
    one_day = _single_day(verb, verb_names_measure) if dimension is None else None
    if one_day:
        scopes.append(one_day)
    if _share_of_one(verb, measure):
        scopes.append("one rescuer's share")
    if _state_not_event(verb, measure, noun):
        scopes.append("still there, not the total")
    if _other_site(verb, counted):
        scopes.append("another site")
    place = _place_of(verb, counted) or _fronted_place(sent, verb)
    phrase_parts = [grp if grp and grp != noun_lemma else None,
                    _readable(noun) if noun is not None else None,
                    verbs[0].lemma_.lower() if verbs and verbs[0].lemma_.lower() not in _LINK_VERBS else None]
    phrase = " ".join(p for p in phrase_parts if p) or (measure or "value")
    if measure in _READABLE:
        phrase = _READABLE[measure] if not grp else f"{grp} {_READABLE[measure].split(' ', 1)[-1]}"
    elif dimension is not None:
        phrase = dimension
    if place:
        phrase += f" in {place}"
    if scopes:
        phrase += " (" + ", ".join(scopes) + ")"
    predicate = verbs[0].lemma_.lower() if verbs else None
    if measure not in LEXICON_MEASURES:
        predicate = _owning_noun(counted, inside) or predicate
    if dimension is not None:
        predicate = None  # a depth is the place's, whichever verb says what happened there
    return Subject(
        agent=_agent_of(verb, counted, linked),
        counted=noun_lemma,
        predicate=predicate,
        place=place,
        grp=grp,
        scope="; ".join(scopes) or None,
        measure=measure,
        phrase=phrase,
    )


# Person nouns outside the list are recognised by their agent suffix (firefighter, protester,
# journalist, fisherman, civilian, employee), so a toll verb still names what they suffered.
_PERSON_SUFFIXES = ("er", "or", "ist", "man", "men", "ian", "ee", "ant", "ent")
# The measures of the lexicon: tolls and the like, written with many verbs and nouns.
LEXICON_MEASURES = frozenset(_READABLE)
# Spans of time and repetitions ("shot seven times" / "arrested four times"): the verb says
# what was counted.
TIME_MEASURES = frozenset(_TIME_NOUNS | {"time"})
_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
PRONOUN_DOER = "<someone named elsewhere>"
_NOT_AGENTS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def counts_persons(measure: str | None) -> bool:
    """A measure that counts people ("firefighters", "jurors"): what they did is written with
    many verbs for one crew ("150 firefighters fought the blaze" / "120 were sent")."""
    word = (measure or "").split(" ")[0]
    return word in _PERSON_NOUNS or word.endswith(_PERSON_SUFFIXES)


def _hyphenated(tok: Token) -> bool:
    """Part of a hyphenated modifier ("pro-death jurors", "anti-war protesters"): an opinion
    or a kind, not what happened to the people counted."""
    doc = tok.doc
    return any(0 <= j < len(doc) and doc[j].text == "-" for j in (tok.i - 1, tok.i + 1))


def _is_thing(noun: Token) -> bool:
    """A common noun for a thing, not persons: its own word, not the verb, is the measure."""
    lem = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.ent_type_ == "NORP" or lem in _PERSON_NOUNS or lem in _MEASURES:
        return False
    if lem in _FRAME_NOUNS or lem in _UNIT_NOUNS:
        return False
    return not lem.endswith(_PERSON_SUFFIXES)


def _agent_of(verb: Token | None, counted: Token | None, linked: Token | None = None) -> str | None:
    """The named doer a figure belongs to: "Corrigan threw for 364 yards", "Pellman, who
    completed 28 passes", "Whitlock's 20 points". Two players' yards, two companies'
    profits, two candidates' votes are different figures however alike the sentences are."""
    from crosscheck.nlp.entities import actor_key

    cand: Token | None = None
    if counted is not None:
        cand = next((c for c in counted.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
    if cand is None and verb is not None:
        doer_verb = verb
        # "He finished with 269 yards and caught 29 passes": a conjoined verb shares the doer
        while doer_verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in doer_verb.children):
            doer_verb = doer_verb.head
        cand = next((c for c in doer_verb.children if c.dep_ == "nsubj"), None)
        if cand is not None and cand.lower_ in ("who", "which", "that") and doer_verb.dep_ == "relcl":
            cand = doer_verb.head
    if cand is not None and cand.lower_ in _PERSON_PRONOUNS:
        # "He had 793 yards", "his 14 points": someone named elsewhere, so not comparable with
        # another figure unless both name the same doer (the judge reads this key)
        return PRONOUN_DOER
    if cand is None or cand.pos_ != "PROPN" or cand.ent_type_ in _NOT_AGENTS:
        return None
    if any(n is not None and cand.i == n.i for n in (counted, linked)):
        return None  # the counted thing itself ("Turnout was 58.6 percent"), not a doer
    words = [c.text for c in cand.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [cand.text]
    return actor_key(" ".join(words), cand.doc) or None


def _owning_noun(counted: Token | None, inside: set[int]) -> str | None:
    """"a recount in four districts": things counted inside a noun's phrase are said of that
    noun, whatever verb the clause has ("ordered a recount in four districts" and "the recount
    in six districts changed ..." both count the districts of the recount). Without this the
    two clauses' verbs would read as two different things done to the districts."""
    if counted is None or counted.dep_ != "pobj" or counted.head.lower_ in ("of",):
        return None
    owner = counted.head.head
    if counted.head.dep_ != "prep" or owner.pos_ != "NOUN" or owner.i in inside:
        return None
    return owner.lemma_.lower()


def _readable(noun: Token) -> str:
    text = _compound(noun)
    of = _of_complement(noun)
    if of is not None:
        text += f" of {_compound(of) if of.pos_ != 'VERB' else _word(of)}"
    return text


def _fronted_place(sent: Span, verb: Token | None) -> str | None:
    """"In Ferrow, ..., 11 people died": a place phrase on the clause's root."""
    if verb is None:
        return None
    root = verb
    while root.dep_ in ("conj", "xcomp", "ccomp") and root.head is not root:
        root = root.head
    return _place_of(root) if root is not verb else None


def masked_context(sent: Span, start: int, end: int, mask: str = "N", window: int = 6) -> str:
    """A short window of the sentence around the value, value masked.

    Kept narrow: the near words (counted noun, verb) decide what a value is about; far parts
    of long sentences talk about other things and would pull unrelated claims together.
    """
    toks = list(sent)
    idx = [i for i, t in enumerate(toks) if t.idx >= start and t.idx < end]
    if not idx:
        return sent.text
    lo, hi = max(0, idx[0] - window), min(len(toks), idx[-1] + 1 + window)
    words: list[str] = []
    for i in range(lo, hi):
        if idx[0] <= i <= idx[-1]:
            if i == idx[0]:
                words.append(mask)
            continue
        words.append(toks[i].text)
    return " ".join(words)


_REPORT_VERBS = {"say", "tell", "report", "estimate", "put", "measure", "announce", "confirm", "claim",
                 "record", "count", "give", "register", "calculate", "assess", "state", "add"}


def attribution_of(sent: Span, start: int) -> str | None:
    """The source a figure is attributed to: "according to X", or the subject of a reporting
    verb above it ("police put the crowd at 8,000", "organisers said it drew 50,000")."""
    tok = next((t for t in sent if t.idx >= start), None)
    if tok is None:
        return None
    cur: Token | None = tok
    for _ in range(10):
        if cur is None:
            break
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in _REPORT_VERBS:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ not in ("PRON",):
                return _source_text(subj)
        if cur.head is cur:
            break
        cur = cur.head
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _source_text(pobj)
    return None


def _source_text(tok: Token) -> str:
    words = [t.lemma_.lower() for t in tok.subtree
             if t.dep_ in ("compound", "amod") and t.head is tok or t is tok]
    return " ".join(words)


# Verbs and nouns of an event happening: a date attached to any of them dates the event
# itself, while "the toll rose on Saturday" dates an update and "announced on Wednesday" an
# announcement, which must not be compared with the day the event happened.
_OCCUR = set(
    "strike hit attack explode explosion blast burst flood flooding erupt eruption occur happen "
    "quake earthquake tremor fire blaze crash collapse barrage shelling bombing shooting storm "
    "land landslide derail derailment sink capsize overturn ambush raid assault detonate detonation rip tear".split()
)


def dated_event(sent: Span, start: int, end: int) -> str | None:
    """What a date dates: the noun or verb the date phrase attaches to ("quake strike",
    "rocket attack", "result announce")."""
    toks = tokens_in(sent, start, end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    owner = possessed_event(sent, toks)
    if owner is not None:
        return _compound(owner)
    cur = head
    # Climb through prepositions and time nouns ("before dawn on Sunday", "Thursday evening")
    # to what the date phrase modifies.
    for _ in range(6):
        if cur.head is cur:
            break
        up = cur.head
        if up.i in inside or up.dep_ in ("prep", "case") or up.pos_ == "ADP" or up.lemma_.lower() in _DAY_PARTS:
            cur = up
            continue
        if cur.i in inside or cur.pos_ == "ADP" or cur.lemma_.lower() in _DAY_PARTS:
            cur = up
        break
    if cur.pos_ == "NOUN" and (cur.lemma_.lower() in _OCCUR or cur.dep_ in ("ROOT",)):
        return _compound(cur)
    if cur.pos_ == "NOUN" and head.dep_ in ("nummod", "nmod", "compound", "amod") and head.head.i == cur.i:
        # "the 2 June presidential runoff": a date modifying a noun dates that noun, not the
        # verb of the clause ("results of the 2 June runoff were announced on Wednesday")
        return _compound(cur)
    verb = _verb_above(cur)
    if verb is None:
        return _compound(cur) if cur.pos_ == "NOUN" else None
    noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if (noun is None and verb.lemma_.lower() not in _OCCUR and verb.dep_ in ("ccomp", "xcomp")
            and verb.head.lemma_.lower() in _OCCUR):
        # A place name misread as a clause ("struck the Brenholt highlands yesterday" parses
        # "highlands" as a verb): the date belongs to the event verb above it.
        verb = verb.head
        noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    lemma = verb.lemma_.lower()
    if _collapse_phrase(verb):
        lemma = "collapse"
    if lemma in _MAKE_PUBLIC:
        # "results were announced", "published the final results": one act of making a thing
        # public, whatever the verb; the thing made public is what is dated
        thing = noun or next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        return f"{thing.lemma_.lower()} announce" if thing is not None else lemma
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "place" for c in verb.children):
        lemma = "occur"  # "the blast took place at 7:37": the event happening, like "occurred"
    parts = ([noun.lemma_.lower()] if noun is not None else []) + [lemma]
    return " ".join(parts)


_MAKE_PUBLIC = {"announce", "publish", "release", "unveil", "proclaim", "issue"}
# Phrasal verbs that mean "collapse": "the roof fell in", "the tunnel caved in", "the bridge
# gave way". Without the particle, "fell" is any fall ("shares fell 8 percent").
_COLLAPSE_PARTICLES = {"fall": {"in", "down"}, "cave": {"in"}}


def _collapse_phrase(verb: Token) -> bool:
    lem = verb.lemma_.lower()
    if lem == "give":
        return any(c.dep_ in ("dobj", "advmod", "npadvmod") and c.lower_ == "way" for c in verb.children)
    parts = _COLLAPSE_PARTICLES.get(lem)
    if not parts:
        return False
    # "in" after the verb is a particle, or a preposition with no object of its own
    return any(c.lower_ in parts and (c.dep_ == "prt" or c.dep_ == "prep" and not any(True for _ in c.children))
               for c in verb.children if c.i > verb.i)


def possessed_event(sent: Span, toks: list[Token]) -> Token | None:
    """"since Tuesday's rocket attack": a date in the possessive names the day of the noun it
    owns, whatever the clause around it says ("since" belongs to the clause, not the attack)."""
    last = toks[-1]
    nxt = sent.doc[last.i + 1] if last.i + 1 < len(sent.doc) else None
    if nxt is None or nxt.lower_ not in ("'s", "’s") or nxt.i >= sent.end:
        return None
    owner = last.head if last.dep_ == "poss" else nxt.head if nxt.head.pos_ == "NOUN" else None
    if owner is None or owner.pos_ != "NOUN" or owner.i <= last.i:
        return None
    return owner


_DAY_PARTS = {"morning", "afternoon", "evening", "night", "dawn", "dusk", "midnight", "noon", "midday",
              "overnight", "hour", "time"}


def event_key(dated: str | None) -> str | None:
    """"occurred" for any phrase naming the event happening, else the phrase's last word."""
    if not dated:
        return None
    words = dated.split()
    if any(w in _OCCUR for w in words):
        return "occurred"
    if len(words) == 2 and words[1] == "announce":
        return dated  # "result announce": what was made public matters, not only that it was
    return words[-1]


def other_event_scope(scope: str | None) -> str | None:
    """Of a numeric scope, the part that also separates dates: another event (a year, "separate")."""
    if not scope:
        return None
    kept = [s for s in scope.split("; ") if s.startswith("in ") or s == "separate event"]
    return "; ".join(kept) or None


def embed_text(subj: Subject, unit: str | None = None) -> str:
    """The claim-centred text the aligner embeds: the canonical measure, then the readable
    subject. No sentence words beyond the subject: the rest of a sentence (a town's name, a
    quote) is about other things and pulls unrelated claims together."""
    head = subj.measure or subj.counted or "value"
    parts = [head]
    if subj.phrase and subj.phrase != head:
        parts.append(subj.phrase)
    if unit and unit not in " ".join(parts):
        parts.append(f"in {unit}")
    return ": ".join(parts)
