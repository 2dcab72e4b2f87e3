"""Who did what: actors in roles (claimed, carried out, declared, ordered, owns...).

An entity claim is an organisation or person named as the agent of a role verb. The role key
is the verb lemma plus its object's head noun ("claim attack", "declare emergency"), so that
"group A claimed the attack" and "group B claimed the attack" meet on the same key and the
actor is the value. Actors are normalised so spelling variants compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Span, Token

_ACTOR_ENTS = {"ORG", "PERSON", "NORP", "GPE"}
_ROLE_VERBS = {
    "claim", "carry", "conduct", "launch", "declare", "announce", "order", "own", "operate",
    "accuse", "blame", "target", "lead", "organise", "organize", "issue", "call", "confirm",
    "report", "fire", "stage", "perpetrate", "orchestrate", "run",
}


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


def _object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd"):
            return child
    for child in verb.children:
        if child.dep_ == "prt":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "on"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def find_entities(sent: Span) -> list[EntityMention]:
    out: list[EntityMention] = []
    for ent in sent.ents:
        if ent.label_ not in _ACTOR_ENTS:
            continue
        root = ent.root
        verb: Token | None = None
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            verb = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.pos_ == "VERB":
            verb = root.head.head  # passive agent: "was claimed by X"
        if verb is None or verb.lemma_.lower() not in _ROLE_VERBS:
            continue
        obj = _object_of(verb)
        obj_lemma = obj.lemma_.lower() if obj is not None else None
        role = verb.lemma_.lower() + (f" {obj_lemma}" if obj_lemma else "")
        out.append(
            EntityMention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                entity=normalise_actor(ent.text),
                role=role,
                predicate=verb.lemma_.lower(),
                obj=obj_lemma,
            )
        )
    return out
