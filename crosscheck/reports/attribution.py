"""Whom a claim is attributed to, in the sentence's words: "a fire service spokesman", not "spokesman".

Extraction keeps the attribution as a normalised key (the head word, lower case: "spokesman",
"ministry", a surname), which is what the judge compares. A reader needs the phrase the article
wrote, so the report widens the key back to its noun phrase in the sentence: the words from the
nearest determiner before it ("the health ministry"), or the capitalised words of a name or
title ("Interior Minister Dana Kovel"), and a short "of/for Name" after it ("a spokeswoman for
Saltmere University Hospital"). Display only: the stored key is unchanged.
"""

from __future__ import annotations

import re

_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our"}
_BREAK = re.compile(r"[,;:()\"“”]")
_AFTER = re.compile(r"^\w*(\s+(?:for|of|at)\s+(?:the\s+)?(?:[A-Z][\w'.-]*\s?){1,4})")
MAX_BEFORE = 4


def attribution_text(sentence: str | None, key: str | None) -> str | None:
    """The phrase of ``sentence`` that ``key`` heads, or ``key`` when the sentence lacks it."""
    if not key:
        return None
    if not sentence:
        return key
    m = re.search(r"\b" + re.escape(key) + r"\w*", sentence, re.IGNORECASE)
    if m is None:
        return key
    left = _BREAK.split(sentence[: m.start()])[-1].split()[-MAX_BEFORE:]
    det = max((i for i, w in enumerate(left) if w.lower() in _DETERMINERS), default=None)
    if det is not None:
        before = left[det:]
    else:
        before = []
        for w in reversed(left):
            if not w[:1].isupper():
                break
            before.insert(0, w)
    after = _AFTER.match(sentence[m.start():])
    tail = after.group(1).rstrip() if after else ""
    return " ".join([*before, m.group(0)]) + tail
