"""Are two actor keys one actor? Spelling variants, transliterations, acronyms, short forms.

Keys come from :func:`crosscheck.nlp.entities.normalise_actor` (lower case, no accents or
apostrophes, words split on anything else, "the"/"of"/"and" dropped). The rules are general
string rules, never a list of names, because the held-out events name actors nobody listed.

Every rule trades recall for precision, and an over-merge hides a real conflict ("Hamas
claimed it" vs "Hezbollah claimed it" must stay two actors), so each has explicit guards:

- words are spelling variants only when they share first letter, last letter and consonant
  skeleton, and differ in a few vowels (see :func:`variant_words`);
- a run of words may be written as one word ("hizb allah" / "hezbollah");
- a single short word may be the initials of several words ("kh" / "kataib hezbollah");
- a shorter name whose every word matches a word of the longer one, in order, is the same
  actor named more briefly ("rusk" / "interior minister halvard rusk");
- a generic reference ("the group", "militants", "he") is never the same as a specific name.
"""

from __future__ import annotations

import re
from functools import lru_cache

_VOWELS = frozenset("aeiouy")
# Words that may sit inside a name without giving it a letter of its initials, or give one:
# "al Qaeda in the Arabian Peninsula" is AQAP, "Islamic State of Iraq and the Levant" ISIL.
_FUNCTION_WORDS = frozenset({"al", "el", "ad", "as", "an", "ash", "at", "in", "for", "on", "to", "de",
                             "du", "la", "le", "des", "der", "den", "van", "von", "bin", "ibn", "a"})
# Nouns and pronouns that refer to an actor without naming it. They say "someone", so they are
# never the same as a named actor: "the group" inside "the Islamic Group" is not a name of it.
GENERIC_WORDS = frozenset({
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "who", "which", "that",
    "this", "these", "those", "someone", "somebody", "unknown",
    "group", "groups", "militant", "militants", "militia", "militias", "organisation", "organization",
    "movement", "faction", "factions", "fighters", "insurgents", "rebels", "gunmen", "attackers",
    "force", "forces", "army", "military", "troops", "government", "authorities", "authority",
    "officials", "official", "police", "company", "firm", "operator", "owner", "spokesman",
    "spokeswoman", "spokesperson", "leader", "leaders", "ministry", "minister", "president",
    "professor", "mayor", "governor", "chief", "commander", "general", "officer", "mr", "mrs", "ms", "dr",
})
# Acronyms are 2 to 6 letters ("KH", "UNRWA"); longer single words are names of their own.
_ACRONYM_LEN = (2, 6)
# Words this short are too often different names a letter apart ("Omar"/"Amar", "Ivan"/"Evan")
# to accept any change of spelling in them.
_MIN_VARIANT_LEN = 5


def _words(key: str) -> list[str]:
    return key.split()


def is_generic(key: str) -> bool:
    """True when no word of the key names anyone: "group", "the militants", "he"."""
    words = _words(key)
    return bool(words) and all(w in GENERIC_WORDS for w in words)


def _is_plain(key: str) -> bool:
    """Keys made by normalise_actor hold only [a-z0-9 ]; anything else (the pronoun-doer
    placeholder) is a marker, equal only to itself."""
    return re.fullmatch(r"[a-z0-9 ]+", key) is not None


def _runs(word: str) -> list[str]:
    """The word as alternating consonant and vowel runs, doubled letters collapsed:
    "hezbollah" -> h, e, zb, o, l, a, h."""
    collapsed = re.sub(r"(.)\1+", r"\1", word)
    return re.findall(r"[aeiouy]+|[^aeiouy]+", collapsed)


@lru_cache(maxsize=65536)
def variant_words(a: str, b: str) -> bool:
    """Two spellings of one word: "hezbollah"/"hizballah", "qaeda"/"qaida", "houthi"/"huthi".

    Transliteration from Arabic, Persian or Russian changes vowels and doubles letters, but
    keeps the consonants, so the rule is: same consonant runs in the same order (doubled
    letters collapsed), vowels free to differ at a cost. Guards, each against a known kind of
    over-merge:

    - both words at least 5 letters: "Omar"/"Amar", "Ivan"/"Evan", "Jon"/"Jan" are different
      names one vowel apart, and short words leave too little to tell spelling from difference;
    - same first letter: "Ellen"/"Allen" are two names, not two spellings;
    - the same vowel positions (a vowel dropped or added is no spelling variant: "Martin" vs
      "Martina", "Daniel" vs "Daniela") and the same final run ("Maria"/"Mario",
      "Roberto"/"Roberta": word endings carry gender and number);
    - a budget of vowel changes that grows with length: a single vowel swapped for another
      costs 1, a change inside a vowel cluster ("ae"/"ai", "ou"/"u", "ei"/"ai") costs 1/2,
      since clusters are how one sound is spelt in different systems; the budget is
      (shorter length - 4) / 2, so "Karen"/"Koren" (cost 1, budget 1/2) stay two names while
      "hezbollah"/"hizballah" (cost 2, budget 2 1/2) is one.
    """
    if a == b:
        return True
    if re.sub(r"(.)\1+", r"\1", a) == re.sub(r"(.)\1+", r"\1", b):
        return min(len(a), len(b)) >= 4  # "shabaab"/"shabab", "mohamed"/"mohammed"
    if min(len(a), len(b)) < _MIN_VARIANT_LEN or a[0] != b[0] or not (a.isalpha() and b.isalpha()):
        return False
    ra, rb = _runs(a), _runs(b)
    if len(ra) != len(rb) or ra[-1] != rb[-1]:
        return False
    cost = 0.0
    for x, y in zip(ra, rb):
        if x == y:
            continue
        if x[0] not in _VOWELS or y[0] not in _VOWELS:
            return False  # a consonant differs: another word
        cost += 0.5 if max(len(x), len(y)) > 1 else 1.0
    return cost <= (min(len(a), len(b)) - 4) / 2


@lru_cache(maxsize=65536)
def is_acronym_of(acro: str, words: tuple[str, ...]) -> bool:
    """"kh" is "kataib hezbollah", "unrwa" "un relief works agency", "aqap" "al qaeda in
    arabian peninsula": each word gives its first letter, a word of up to 3 letters ("UN",
    "EU") may give all of them, and a function word ("al", "in", "de") may give its letter
    or none.

    Guards: 2 to 6 letters and at least two words that each give a letter (one word's first
    letters are an abbreviation, not initials); every content word must give a letter, so
    "is" is not "islamic state iraq". Case is gone from keys, so a short surname could in
    principle read as initials ("lee" of "lara evans eck"); needing one word per letter makes
    that a coincidence of several names in one cluster and one role.
    """
    lo, hi = _ACRONYM_LEN
    if not (lo <= len(acro) <= hi) or not acro.isalpha() or len(words) < 2:
        return False
    if not all(w.isalnum() for w in words):
        return False

    @lru_cache(maxsize=None)
    def match(i: int, j: int, given: int) -> bool:
        if j == len(words):
            return i == len(acro) and given >= 2
        w = words[j]
        options: list[int] = []  # letters this word may give
        if w in _FUNCTION_WORDS:
            options.append(0)
        options.append(1)
        if len(w) <= 3 and w not in _FUNCTION_WORDS and len(w) > 1:
            options.append(len(w))
        for n in options:
            if n == 0:
                if match(i, j + 1, given):
                    return True
            elif acro[i:i + n] == w[:n] and match(i + n, j + 1, given + 1):
                return True
        return False

    return match(0, 0, 0)


def _unit_match(xs: tuple[str, ...], ys: tuple[str, ...]) -> bool:
    """One piece of an alignment: word for word, words joined, or an acronym."""
    if len(xs) == 1 and len(ys) == 1:
        return variant_words(xs[0], ys[0])
    if len(xs) == 1 and len(ys) >= 2 and is_acronym_of(xs[0], ys):
        return True
    if len(ys) == 1 and len(xs) >= 2 and is_acronym_of(ys[0], xs):
        return True
    # "hizb allah" / "hezbollah", "al qaeda" / "alqaeda": one word written as two; the joined
    # word must itself pass the spelling guards, and be long enough not to be a chance join.
    joined_x, joined_y = "".join(xs), "".join(ys)
    return len(joined_x) >= 6 and len(joined_y) >= 6 and variant_words(joined_x, joined_y)


# How many words one piece of an alignment may span on each side ("un relief works agency").
_MAX_SPAN = 6


def _aligns(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` matches, in order, a piece of ``long``; ``long`` may have words
    ``short`` leaves out (a title, a first name)."""
    n, m = len(short), len(long)

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if i == n:
            return True
        if j == m:
            return False
        if go(i, j + 1):  # long's word j is left out
            return True
        for a in range(1, min(_MAX_SPAN, n - i) + 1):
            for b in range(1, min(_MAX_SPAN, m - j) + 1):
                if a > 1 and b > 1:
                    continue  # many-to-many would let any two names align
                if _unit_match(tuple(short[i:i + a]), tuple(long[j:j + b])) and go(i + a, j + b):
                    return True
        return False

    return go(0, 0)


def same_actor(x: str | None, y: str | None) -> bool:
    """Could the two keys name one actor?

    An unstated actor agrees with anything (it cannot contradict). Markers such as the
    pronoun-doer placeholder equal only themselves. A generic reference ("the group") equals
    only the same generic words, never a name. Otherwise the words of one key must align in
    order with the other's by :func:`variant_words`, a join of words, or an acronym; the
    unordered word subset of the earlier rule ("rusk halvard") is kept for exact words.
    Generic words inside a name stay words of the name: "islamic group" is not "islamic
    jihad", which dropping "group" would make a subset.
    """
    if not x or not y:
        return True
    if x == y:
        return True
    if not (_is_plain(x) and _is_plain(y)):
        return False
    if is_generic(x) or is_generic(y):
        return False
    wx, wy = _words(x), _words(y)
    if set(wx) <= set(wy) or set(wy) <= set(wx):
        return True
    return _aligns(wx, wy) or _aligns(wy, wx)
