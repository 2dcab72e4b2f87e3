"""Are two actor keys one actor? Spelling variants, transliterations, acronyms, short forms.

Keys come from :func:`crosscheck.nlp.entities.normalise_actor` (lower case, no accents or
apostrophes, words split on anything else, "the"/"of"/"and" dropped). The rules are general
string rules, never a list of names, because the held-out events name actors nobody listed.

Every rule trades recall for precision, and an over-merge hides a real conflict ("Hamas
claimed it" vs "Hezbollah claimed it" must stay two actors), so each has explicit guards:

- words are spelling variants only when they share first letter, last letter and consonant
  skeleton, and differ in a few vowels; the only first letters and consonants that may differ
  are those one Arabic letter is romanised with (o/u, e/i, q/k/g, dh/d: see :func:`variant_words`);
- a run of words may be written as one word ("hizb allah" / "hezbollah");
- a single short word may be the initials of several words ("kh" / "kataib hezbollah");
- a shorter name whose every word matches a word of the longer one, in order, is the same
  actor named more briefly ("rusk" / "interior minister halvard rusk"), unless the longer one
  puts a unit word before it ("kataib hezbollah" is not "hezbollah"); a title is dropped
  ("minister rusk"), a given name never is ("anna rusk" is not "halvard rusk");
- an acronym one article defines holds for the articles of its event
  (:func:`shared_definitions`), unless two of them define it differently;
- a generic reference ("the group", "militants", "he") is never the same as a specific name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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
    "ceo", "cfo", "coo", "cto",
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


# One Arabic or Persian vowel romanised two ways: damma as o or u (Osama/Usama, Othman/Uthman),
# kasra as e or i (Ebrahim/Ibrahim, Laden/Ladin). A swap within a pair costs as little as a
# change inside a vowel cluster, and only these pairs may change a word's first letter:
# "Ellen"/"Allen" are two names.
_VOWEL_PAIRS = frozenset({frozenset("ou"), frozenset("ei")})
# Arabic qaf is written q, k or g (Qaddafi/Kadhafi/Gaddafi, Qassem/Kassem). With q on one side
# it is a transliteration; k against g alone is as often two names (Keller/Geller), so that
# swap counts only in a word that shows another romanisation change (see variant_words).
_QAF = frozenset("qkg")
# Consonants a romanisation may mark with a following h (dh/d, kh/k, th/t, gh/g).
_H_MARKED = frozenset("dktg")


def _consonant_cost(x: str, y: str, initial: bool) -> float | None:
    """Cost of two consonant runs being one sound in two romanisations, None if they are not.

    Either the runs differ in one letter of the qaf class (q/k/g), or one has an h the other
    lacks after d, k, t or g ("dh"/"d"). An h is never dropped word-initially: "Dhillon" and
    "Dillon" are two names, while a medial "dh" is how one letter is spelt."""
    if len(x) == len(y):
        diff = [(p, q) for p, q in zip(x, y) if p != q]
        if len(diff) == 1 and set(diff[0]) <= _QAF:
            return 1.0 if "q" not in diff[0] else 0.5
        return None
    if initial:
        return None
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    for i in range(1, len(long_)):
        if long_[i] == "h" and long_[i - 1] in _H_MARKED and long_[:i] + long_[i + 1:] == short:
            return 0.5
    return None


def _first_letters_may_differ(a: str, b: str) -> bool:
    return frozenset((a[0], b[0])) in _VOWEL_PAIRS or {a[0], b[0]} <= _QAF


@lru_cache(maxsize=65536)
def variant_words(a: str, b: str) -> bool:
    """Two spellings of one word: "hezbollah"/"hizballah", "qaeda"/"qaida", "houthi"/"huthi",
    "osama"/"usama", "gaddafi"/"qaddafi"/"kadhafi".

    Transliteration from Arabic, Persian or Russian changes vowels and doubles letters, but
    keeps the consonants, so the rule is: same consonant runs in the same order (doubled
    letters collapsed), vowels free to differ at a cost. Guards, each against a known kind of
    over-merge:

    - both words at least 5 letters: "Omar"/"Amar", "Ivan"/"Evan", "Jon"/"Jan" are different
      names one vowel apart, and short words leave too little to tell spelling from difference;
    - same first letter: "Ellen"/"Allen" are two names, not two spellings; except the vowel
      pairs one Arabic vowel is written with (o/u, e/i: "Osama"/"Usama"), and the letters of
      qaf (q/k/g);
    - consonants may differ only as romanisations of one letter: qaf as q, k or g, and an h
      marking d, k, t or g inside the word ("kadhafi"/"gaddafi"); a k/g swap counts only when
      the word shows another such change, since "Keller"/"Geller" differ in nothing else;
    - the same vowel positions (a vowel dropped or added is no spelling variant: "Martin" vs
      "Martina", "Daniel" vs "Daniela") and the same final run ("Maria"/"Mario",
      "Roberto"/"Roberta": word endings carry gender and number);
    - a budget of changes that grows with length: a single vowel swapped for another
      costs 1, a change inside a vowel cluster ("ae"/"ai", "ou"/"u", "ei"/"ai"), a swap within
      o/u or e/i, a q for k or g, or a marking h costs 1/2, since that is how one sound is
      spelt in different systems; the budget is
      (shorter length - 4) / 2, so "Karen"/"Koren" (cost 1, budget 1/2) stay two names while
      "hezbollah"/"hizballah" (cost 2, budget 2 1/2) is one.
    """
    if a == b:
        return True
    if re.sub(r"(.)\1+", r"\1", a) == re.sub(r"(.)\1+", r"\1", b):
        return min(len(a), len(b)) >= 4  # "shabaab"/"shabab", "mohamed"/"mohammed"
    if min(len(a), len(b)) < _MIN_VARIANT_LEN or not (a.isalpha() and b.isalpha()):
        return False
    if a[0] != b[0] and not _first_letters_may_differ(a, b):
        return False
    ra, rb = _runs(a), _runs(b)
    if len(ra) != len(rb) or ra[-1] != rb[-1]:
        return False
    cost, consonant_changes, kg_swap = 0.0, 0, False
    for pos, (x, y) in enumerate(zip(ra, rb)):
        if x == y:
            continue
        if (x[0] in _VOWELS) != (y[0] in _VOWELS):
            return False
        if x[0] in _VOWELS:
            pair = len(x) == len(y) == 1 and frozenset((x, y)) in _VOWEL_PAIRS
            cost += 0.5 if max(len(x), len(y)) > 1 or pair else 1.0
            continue
        step = _consonant_cost(x, y, pos == 0)
        if step is None:
            return False  # a consonant differs: another word
        cost += step
        consonant_changes += 1
        kg_swap = kg_swap or step == 1.0
    if kg_swap and consonant_changes < 2:
        return False  # "keller"/"geller": a k/g swap and nothing else is two names
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

# Titles and offices written before a person's name ("Interior Minister Halvard Rusk",
# "commission chair Ilya Brandt", "Mr Rusk"): a name with its title is the same person as
# without it, so a leading run that ends in a title is no part of the name.
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "minister", "president", "premier", "chancellor", "professor", "mayor",
    "governor", "chief", "commander", "general", "colonel", "captain", "officer", "spokesman", "spokeswoman",
    "spokesperson", "chair", "chairman", "chairwoman", "chairperson", "secretary", "director", "ambassador",
    "envoy", "senator", "judge", "sheikh", "king", "queen", "prince",
})
# Nouns that name a kind of armed or political unit, in English and as usually romanised from
# Arabic, Persian and Urdu: before another group's name they make a group of its own
# ("Kataib Hezbollah", "Hezbollah Brigades" in English, is not Hezbollah; "Jaish al-Adl",
# "Liwa Fatemiyoun"). So a bare name never matches a longer one that puts such a word before it.
_UNIT_WORDS = frozenset({
    "brigade", "brigades", "battalion", "battalions", "army", "front", "wing", "corps", "regiment", "legion",
    "kataib", "katibat", "liwa", "saraya", "jaish", "jaysh", "jabhat", "asaib", "lashkar", "sipah", "ansar",
})


def _is_unit_word(word: str) -> bool:
    return word in _UNIT_WORDS or len(word) >= _MIN_VARIANT_LEN and any(
        variant_words(word, u) for u in _UNIT_WORDS if len(u) >= _MIN_VARIANT_LEN)


def _without_title(words: list[str]) -> list[str]:
    """The name without the title run before it: "interior minister halvard rusk" ->
    "halvard rusk", "mr rusk" -> "rusk". Only up to the last title word of a leading run, and
    never the whole key, so a given name is never taken away ("anna rusk" stays)."""
    last = max((i for i, w in enumerate(words) if w in TITLE_WORDS), default=-1)
    return words[last + 1:] if 0 <= last < len(words) - 1 else words


def _leading_ok(leading: list[str]) -> bool:
    """Words of the longer name before the first word the shorter one matches may be left out
    (a first name: "rusk" / "halvard rusk"), unless one of them names a unit of its own."""
    return not any(_is_unit_word(w) for w in leading)


def _aligns(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` matches, in order, a piece of ``long``; ``long`` may have words
    ``short`` leaves out (a title, a first name), but not a unit word before the match."""
    n, m = len(short), len(long)

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if i == n:
            return True
        if j == m:
            return False
        if go(i, j + 1):  # long's word j is left out
            return True
        return any(go(i + a, j + b) for a, b in _pieces(short, long, i, j))

    def starts_at(j: int) -> bool:
        return any(go(a, j + b) for a, b in _pieces(short, long, 0, j))

    return any(starts_at(j) and _leading_ok(long[:j]) for j in range(m))


def _pieces(short: list[str], long: list[str], i: int, j: int) -> list[tuple[int, int]]:
    """Sizes (a, b) of the pieces short[i:i+a] / long[j:j+b] that match as one unit."""
    out = []
    for a in range(1, min(_MAX_SPAN, len(short) - i) + 1):
        for b in range(1, min(_MAX_SPAN, len(long) - j) + 1):
            if a > 1 and b > 1:
                continue  # many-to-many would let any two names align
            if _unit_match(tuple(short[i:i + a]), tuple(long[j:j + b])):
                out.append((a, b))
    return out


def _subset(short: list[str], long: list[str]) -> bool:
    """The same words in any order ("rusk halvard"), with no unit word before the first of them."""
    if not set(short) <= set(long):
        return False
    first = min(i for i, w in enumerate(long) if w in set(short))
    return _leading_ok(long[:first])


def same_actor(x: str | None, y: str | None) -> bool:
    """Could the two keys name one actor?

    An unstated actor agrees with anything (it cannot contradict). Markers such as the
    pronoun-doer placeholder equal only themselves. A generic reference ("the group") equals
    only the same generic words, never a name. Otherwise a title before a name is dropped
    ("Minister Rusk" is "Halvard Rusk"; a given name is never dropped, so "Anna Rusk" is not),
    and the words of one key must align in order with the other's by :func:`variant_words`, a
    join of words, or an acronym; the unordered word subset of the earlier rule ("rusk
    halvard") is kept for exact words. The longer name may have words the shorter leaves out
    (a first name), but not a unit word before them: "Kataib Hezbollah" is not "Hezbollah".
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
    wx, wy = _without_title(_words(x)), _without_title(_words(y))
    if wx == wy:
        return True
    return _subset(wx, wy) or _subset(wy, wx) or _aligns(wx, wy) or _aligns(wy, wx)


def shared_definitions(per_article: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """The acronym definitions of articles compared together, as acronym key -> full name key.

    An article defines an acronym once ("Kataib Hezbollah (KH)") and other articles of the same
    event may write only "KH"; the initials rule links those by itself, but an acronym that is
    no set of initials ("People's Protection Units (YPG)", a ticker) is known only through the
    definition. Guard: an acronym two articles define as different actors ("PA" as an
    authority in one, a news agency in another) is dropped, as either reading may be wrong.
    """
    found: dict[str, str] = {}
    clashing: set[str] = set()
    for defs in per_article:
        for acro, full in sorted(defs.items()):
            if acro in found and not same_actor(found[acro], full):
                clashing.add(acro)
            found.setdefault(acro, full)
    return {acro: full for acro, full in found.items() if acro not in clashing}


def expand_acronym(key: str | None, definitions: Mapping[str, str]) -> str | None:
    """The full name key an acronym key stands for, or the key itself."""
    if not key or " " in key:
        return key
    return definitions.get(key, key)
