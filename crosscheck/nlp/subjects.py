"""What a number or a date is about, read from the dependency parse.

A value alone says nothing: "3" killed and "3" bridges closed are different claims. The
subject is the counted thing (head noun), the predicate (governing verb), and the modifiers
that separate subjects (place, group, scope). They are kept as structured fields for the judge
and joined into the text the aligner embeds, with the value masked so that "three killed" and
"five killed" embed alike and the judge, not the embedding, decides between them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

_PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside", "around", "throughout", "on"}
_SCOPE_PREPS = {"since", "during", "over", "until", "through", "by"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Subject:
    counted: str | None
    predicate: str | None
    place: str | None
    grp: str | None
    scope: str | None

    def text(self) -> str:
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
    return None


def _scope_of(*heads: Token | None) -> str | None:
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _SCOPE_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return f"{child.lower_} {_compound(pobj)}"
    return None


def subject_of(sent: Span, start: int, end: int) -> Subject:
    """Subject of the value at [start, end) in ``sent`` (offsets into the doc text)."""
    toks = tokens_in(sent, start, end)
    if not toks:
        return Subject(None, None, None, None, None)
    inside = {t.i for t in toks}
    # The mention's syntactic head: the token whose head lies outside the mention.
    head = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    counted: Token | None = None
    if head.head.i not in inside and head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nummod", "amod", "quantmod", "compound", "det"):
        counted = head.head
    elif head.pos_ in ("NOUN",) and not head.like_num:
        counted = head
    else:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            counted = next((c for c in of.children if c.dep_ == "pobj"), None)
    verb = _verb_above(counted or head)
    # "people killed": a participle modifying the counted noun is the predicate.
    if counted is not None:
        part = next((c for c in counted.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if part is not None:
            verb = part
    grp = None
    if counted is not None:
        adj = [c for c in counted.lefts if c.dep_ == "amod" and c.i not in inside]
        grp = " ".join(a.lemma_.lower() for a in adj) or None
    return Subject(
        counted=counted.lemma_.lower() if counted is not None else None,
        predicate=verb.lemma_.lower() if verb is not None else None,
        place=_place_of(verb, counted),
        grp=grp,
        scope=_scope_of(verb, counted),
    )


def masked_context(sent: Span, start: int, end: int, mask: str = "N", window: int = 12) -> str:
    """Claim-centred text for embedding: a window of the sentence around the value, value masked.

    The window keeps the local subject words (counted noun, verb, place) that decide what the
    value is about, and drops far parts of long sentences that talk about other things.
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
