"""Number words: "three", "twenty-three", "one hundred and six", "a dozen", "half a million".

Written by hand rather than taken from text2num-style libraries because the finder needs more
than a value: it needs to know *where a number stops* inside running text ("3 hundred and
2 hundred" is two numbers, "two hundred and two thousand" is one), to mix digits with scale
words ("1.2 million", "3 hundred and 21"), and to leave ordinals alone ("second", "tenth" are
positions, not counts). The grammar is the usual one: small numbers accumulate below a
hundred, "hundred" multiplies the current group, a scale word (thousand, million...) closes the
group into the total. South Asian "crore" may also stack on a smaller scale ("three lakh
crore" = 3e12, "twelve thousand crore"), multiplying the whole figure before it.
"""

from __future__ import annotations

from dataclasses import dataclass

SMALL: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
HUNDRED = {"hundred": 100}
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
    "mln": 1e6, "bln": 1e9, "tln": 1e12, "bn": 1e9, "mn": 1e6, "tn": 1e12, "mil": 1e6,
}
CRORE = 1e7
DOZEN = {"dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12, "dozs": 12}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}


def ordinal_value(words: list[str]) -> int | None:
    """"twenty fourth" -> 24, "thirty-first" -> 31, "ninth" -> 9; None if not an ordinal."""
    ws = [w.lower() for w in words if w not in ("-",)]
    if len(ws) == 1:
        return ORDINALS.get(ws[0])
    if len(ws) == 2 and ws[0] in TENS and ws[1] in ORDINALS and ORDINALS[ws[1]] < 10:
        return TENS[ws[0]] + ORDINALS[ws[1]]
    return None


def small_value(word: str) -> int | None:
    """Value of one cardinal word below a hundred (incl. "twenty-three"), else None."""
    w = word.lower()
    if w in SMALL:
        return SMALL[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:
        a, _, b = w.partition("-")
        if a in TENS and b in SMALL and 0 < SMALL[b] < 10:
            return TENS[a] + SMALL[b]
    return None


@dataclass
class Part:
    """One lexical piece of a number: a small value (word or digits), a multiplier, or glue."""

    kind: str          # "small" | "digits" | "hundred" | "scale" | "dozen" | "and" | "a" | "half" | "point" | "hyphen"
    value: float
    index: int         # position in the caller's piece list


def compose(parts: list[Part]) -> tuple[float, int] | None:
    """Longest valid number at the start of ``parts``: (value, number of parts used).

    Returns None when the first part cannot start a number.
    """
    total = 0.0
    cur: float | None = None
    last = ""            # kind of the last consumed part
    last_small = 0.0     # the last small group added (for "two dozen" after a hundred)
    best: tuple[float, int] | None = None
    scale_cap = float("inf")  # next scale word must be below the last one
    top_scale = 0.0           # largest scale word used so far
    i = 0
    n = len(parts)

    def record(k: int) -> None:
        nonlocal best
        best = (total + (cur or 0.0), k)

    while i < n:
        p = parts[i]
        k = p.kind
        if k in ("small", "digits"):
            if cur is None:
                if last in ("scale",) and p.value >= scale_cap:
                    break
                if last == "digits" or (last == "small" and k == "digits"):
                    break
                cur = p.value
                last_small = p.value
            elif last == "small" and k == "small" and cur % 100 >= 20 and cur % 10 == 0 and p.value < 10 and p.value > 0:
                cur += p.value  # "fifty two", "twenty one"
                last_small += p.value
            elif last in ("hundred", "and_h") and cur % 100 == 0 and p.value < 100:
                cur += p.value
                last_small = p.value
            else:
                break
            last = k
            i += 1
            record(i)
            continue
        if k == "hyphen":
            # only inside "fifty - two"
            if last == "small" and cur is not None and cur % 10 == 0 and 20 <= cur % 100 and i + 1 < n \
                    and parts[i + 1].kind == "small" and 0 < parts[i + 1].value < 10:
                i += 1
                continue
            break
        if k == "hundred":
            if cur is None or last not in ("small", "digits") or cur >= 100 and last != "digits":
                if cur is None and last == "a":
                    cur = 1.0
                else:
                    break
            cur *= 100
            last = "hundred"
            i += 1
            record(i)
            continue
        if k == "scale":
            if p.value == CRORE and top_scale < CRORE and (total or cur):
                # "three lakh crore", "twelve thousand crore": South Asian usage stacks
                # crore on a smaller scale, multiplying the whole figure before it
                total = (total + (cur or 0.0)) * p.value
                cur = None
                scale_cap = top_scale = p.value
                last = "scale"
                i += 1
                record(i)
                continue
            if cur is None:
                if last == "a":
                    cur = 1.0
                else:
                    break
            if p.value >= scale_cap or last == "scale":
                break
            total += cur * p.value
            cur = None
            scale_cap = p.value
            top_scale = max(top_scale, p.value)
            last = "scale"
            i += 1
            record(i)
            continue
        if k == "dozen":
            if cur is None and last == "a":
                cur = 12.0
            elif cur is not None and last in ("small", "digits"):
                cur = cur - last_small + last_small * 12
            else:
                break
            last = "dozen"
            i += 1
            record(i)
            continue
        if k == "and":
            # "and" joins only a smaller group after a hundred or a scale word
            if last in ("hundred", "scale") and i + 1 < n and parts[i + 1].kind in ("small", "digits"):
                nxt = parts[i + 1].value
                if last == "hundred" and nxt >= 100:
                    break
                if last == "scale" and nxt >= scale_cap:
                    break
                # a following multiplier of the same or larger size means two numbers
                j = i + 2
                while j < n and parts[j].kind in ("small", "hyphen"):
                    j += 1
                if j < n and parts[j].kind == "hundred" and last == "hundred":
                    break
                if j < n and parts[j].kind == "scale" and parts[j].value >= scale_cap:
                    break
                if nxt == 0:
                    break
                if last == "hundred":
                    last = "and_h"
                i += 1
                continue
            break
        if k == "a":
            if cur is None and total == 0 and i + 1 < n and parts[i + 1].kind in ("hundred", "scale", "dozen"):
                last = "a"
                i += 1
                continue
            break
        break
    return best
