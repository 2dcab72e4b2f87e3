"""Numeric mentions as intervals: "more than 40" -> [41, None], "$4.3 billion" -> 4.3e9 USD.

The finder works on a small lexicon of pieces (digit groups, number words, symbols) taken
from the sentence text, so that offsets are exact and a mention can span the whole hedged
expression ("between 1,200 and 1,500", "no more than 50 and no less than 20"). spaCy supplies
what text alone cannot: part of speech ("one" as a pronoun is no count), entities (a number
inside a name, an age after a person) and lemmas (verbs of change: "rose from 40 to 65" is a
before and an after value, not a range).

Quantities keep the magnitude of the unit the article states: "4,000 km" is low = high = 4000
with unit "km", "2,000 metres" is 2000 with unit "m". :func:`crosscheck.intervals.to_base`
converts both to metres when two claims are compared, so they are comparable without
rewriting what the article said. Scale words are not units and are always applied
("1.3 million" = 1,300,000; "1,800 million" = 1.8e9; "$4.3bn" = 4.3e9 USD).

Hedges follow the contract (see :func:`crosscheck.intervals.widen`): counts are integers, so
"more than 40" is low 41; measured quantities and money keep the stated bound. A figure is a
measure, not a count, when it has a unit, when it is written with decimals ("a magnitude over
5.0") or when a symbol with a power follows it ("over 5 fb\u22121").

Digit grouping: Western ("1,234,567"), spaced ("1 234 567") and South Asian ("12,34,567"),
with the scale words lakh and crore ("1.5 lakh crore" = 1.5e12).

Not quantities (never reported): numbers inside date and clock-time expressions, identifiers
and names ("F-16", "COVID-19", "Tower 22", "Resolution 2334", "state route 94", "BBC One"),
ages ("a 45-year-old", "Smith, 45,", "At 55, he"), ordinals and positions ("Day six"), phone
numbers, street addresses, sports scores and win-loss records ("won 3-1", "a 38-44 mark",
".500").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosscheck.intervals import VAGUE_PLURALS, widen
from crosscheck.nlp import dates, numwords

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None
    hedge: str | None
    value: float | None


# --------------------------------------------------------------------------- lexing

_LEX = re.compile(
    r"(?P<num>(?<![\d,])\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d]|,\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"
    r"|\d{1,3}(?:, 000)+(?![\d])"
    r"|(?<![\d,.\-])(?<!\d, )\d{1,3}, \d{3}(?!\d|,\s?\d|\s+(?:and|or|&)\s+\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?!\d|,\d)"
    r"|\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<word>[A-Za-z]+(?:'[A-Za-z]+)?)"
    r"|(?P<frac>[\u00bc-\u00be\u2150-\u215e])"
    r"|(?P<sym>\S)"
)
_UNICODE_FRAC = {"\u00bc": 0.25, "\u00bd": 0.5, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3,
                 "\u2155": 0.2, "\u215b": 0.125}


@dataclass
class Lex:
    start: int      # offset in the sentence text
    end: int
    kind: str       # num | word | frac | sym
    text: str
    low: str        # lower-cased text
    space: bool     # whitespace before this piece


def _lex(text: str) -> list[Lex]:
    out: list[Lex] = []
    prev_end = 0
    for m in _LEX.finditer(text):
        kind = m.lastgroup or "sym"
        s = m.group()
        out.append(Lex(m.start(), m.end(), kind, s, s.lower(), m.start() > prev_end or not out))
        prev_end = m.end()
    return out


def _num_value(s: str) -> float:
    return float(re.sub(r"[,\s\u00a0\u202f]", "", s))


# --------------------------------------------------------------------------- lexicons

def _phrases(*items: str) -> list[list[str]]:
    return sorted((p.split() for p in items), key=len, reverse=True)


# prefix hedge phrase -> normalised hedge
_PREFIX: dict[str, str] = {}
for _h, _ps in {
    "more_than": ["more than", "greater than", "larger than", "bigger than", "higher than",
                  "over", "above", "exceeding", "exceed", "exceeds", "exceeded", "surpass",
                  "surpassing", "surpassed", "in excess of", "upwards of", "north of",
                  "well over", "well above", "more then"],
    "at_least": ["at least", "no less than", "no fewer than", "not less than", "not fewer than",
                 "a minimum of", "minimum of", "more than or equal to", "greater than or equal to",
                 "greater or equal than", "bigger or equal than", "higher or equal than",
                 "larger or equal than", "more or equal than", "equal to or more than",
                 "equal to or greater than", "at least or equal to", "equal or more than",
                 "equal or greater than"],
    "fewer_than": ["fewer than", "less than", "lower than", "smaller than", "below", "under",
                   "well under", "well below", "less then"],
    "up_to": ["up to", "as many as", "as much as", "at most", "no more than", "not more than",
              "a maximum of", "maximum of", "less than or equal to", "less or equal than",
              "smaller or equal than", "lower or equal than", "equal to or less than",
              "equal to or fewer than", "fewer than or equal to", "smaller than or equal to",
              "up to and including"],
    "about": ["about", "around", "some", "roughly", "approximately", "approx", "circa", "ca",
              "an estimated", "estimated", "in the region of", "on the order of", "more or less",
              "in the neighbourhood of", "in the neighborhood of", "somewhere around", "round about"],
    "nearly": ["nearly", "almost", "close to", "just shy of", "nigh on", "not quite"],
    "just_under": ["just under", "just below", "slightly less than", "slightly fewer than",
                   "a little under", "a little less than", "just less than", "just fewer than"],
    "just_over": ["just over", "just above", "slightly more than", "a little over",
                  "a little more than", "just more than"],
    "exact": ["exactly", "precisely", "equal to", "equals", "equaling to", "equalling to",
              "equaling", "equalling", "a total of", "totalling", "totaling"],
}.items():
    for _p in _ps:
        _PREFIX[_p] = _h
_PREFIX_SEQ = _phrases(*_PREFIX)

_SUFFIX: dict[str, str] = {}
for _h, _ps in {
    "at_least": ["or more", "and more", "or greater", "or higher", "or above", "and above",
                 "and over", "or over", "and up", "or greater than", "or more than",
                 "and upwards", "or larger", "or bigger"],
    "up_to": ["or less", "or fewer", "and less", "and fewer", "or lower", "or below",
              "and below", "and under", "or under", "or less than", "or fewer than",
              "or smaller"],
    "about": ["or so", "odd"],
}.items():
    for _p in _ps:
        _SUFFIX[_p] = _h
_SUFFIX_SEQ = _phrases(*_SUFFIX)

_CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD",
    "hk$": "HKD", "rs": "INR", "inr": "INR", "₹": "INR", "chf": "CHF", "cny": "CNY", "rmb": "CNY",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "₽": "RUB", "rub": "RUB", "₩": "KRW", "₪": "ILS",
    "nis": "ILS", "zar": "ZAR", "r$": "BRL", "mxn": "MXN", "nz$": "NZD",
}
_CURRENCY_WORD = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF",
    "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "pesos": "MXN", "peso": "MXN", "shekel": "ILS", "shekels": "ILS", "won": "KRW",
    "rand": "ZAR", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK",
    "sterling": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "us dollars": "USD", "u.s. dollars": "USD", "cents": "cent", "cent": "cent",
    "pence": "pence", "dimes": "dime", "dime": "dime", "pennies": "penny", "penny": "penny",
    "dinars": "dinar", "dirhams": "AED", "riyals": "SAR", "lira": "TRY", "liras": "TRY",
}
_CURRENCY_AFTER_SYMBOL = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}

# unit phrases (lower case) -> normalised unit
_UNITS_CI: dict[str, str] = {}
for _u, _ps in {
    "percent": ["percent", "per cent", "percentage", "percents", "pct", "per-cent", "%"],
    "percentage_point": ["percentage points", "percentage point", "points percentage"],
    "km": ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
    "m": ["metre", "metres", "meter", "meters", "mtr"],
    "cm": ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
    "mm": ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    "nm": ["nanometre", "nanometres", "nanometer", "nanometers"],
    "mile": ["mile", "miles", "mi"],
    "nmi": ["nautical miles", "nautical mile"],
    "ft": ["ft", "feet", "foot"],
    "yd": ["yard", "yards", "yd", "yds"],
    "inch": ["inch", "inches"],
    "kg": ["kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"],
    "g": ["gram", "grams", "gramme", "grammes"],
    "mg": ["mg", "milligram", "milligrams"],
    "t": ["tonne", "tonnes", "metric tons", "metric ton", "ton", "tons", "t"],
    "lb": ["lb", "lbs", "pound", "pounds"],
    "oz": ["oz", "ounce", "ounces"],
    "L": ["litre", "litres", "liter", "liters", "l"],
    "ml": ["ml", "millilitre", "millilitres", "milliliter", "milliliters"],
    "cl": ["cl", "centilitre", "centilitres", "centiliter", "centiliters"],
    "gal": ["gallon", "gallons", "gal"],
    "bbl": ["barrel", "barrels", "bbl"],
    "cup": ["cup", "cups"],
    "tbsp": ["tbsp", "tablespoon", "tablespoons"],
    "km2": ["km2", "sq km", "square kilometres", "square kilometers", "square kilometre",
            "square kilometer", "km^2", "km squared", "kilometres squared"],
    "mi2": ["sq mi", "square miles", "square mile", "sq miles"],
    "m2": ["m2", "sq m", "square metres", "square meters", "square metre", "square meter"],
    "ft2": ["sq ft", "square feet", "square foot"],
    "km3": ["km3", "km^3", "cubic kilometres", "cubic kilometers", "km cubed"],
    "ha": ["ha", "hectare", "hectares"],
    "acre": ["acre", "acres"],
    "degC": ["degrees celsius", "degree celsius", "°c", "degrees c", "deg c", "celsius",
             "degrees centigrade", "° c"],
    "degF": ["degrees fahrenheit", "degree fahrenheit", "°f", "degrees f", "fahrenheit", "° f"],
    "deg": ["degrees", "degree", "°"],
    "km/h": ["km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour", "km per hour"],
    "mph": ["mph", "miles per hour", "miles an hour"],
    "kn": ["knots", "knot"],
    "s": ["second", "seconds", "sec", "secs"],
    "min": ["minute", "minutes", "mins"],
    "h": ["hour", "hours", "hrs", "hr"],
    "day": ["day", "days", "nights", "night"],
    "week": ["week", "weeks", "weeks'"],
    "month": ["month", "months"],
    "year": ["year", "years", "yrs"],
    "decade": ["decade", "decades"],
    "century": ["century", "centuries"],
    "times": ["times"],
}.items():
    for _p in _ps:
        _UNITS_CI[_p] = _u
# case-sensitive symbols (SI prefixes differ only by case)
_UNITS_CS = {
    "MW": "MW", "GW": "GW", "kW": "kW", "KW": "kW", "W": "W", "kWh": "kWh", "MWh": "MWh",
    "GWh": "GWh", "TWh": "TWh", "Wh": "Wh", "GB": "GB", "MB": "MB", "TB": "TB", "KB": "KB",
    "GHz": "GHz", "MHz": "MHz", "kHz": "kHz", "Hz": "Hz", "eV": "eV", "TeV": "TeV",
    "GeV": "GeV", "MeV": "MeV", "keV": "keV", "kV": "kV", "V": "V", "mA": "mA", "Ma": "Ma",
    "Ga": "Ga", "mGy": "mGy", "Gy": "Gy", "Js": "J s", "J": "J", "kJ": "kJ", "MJ": "MJ",
    "cds": "cd s", "tpd": "t/day", "bpd": "bbl/day", "m": "m", "L": "L", "ppm": "ppm",
    "Mt": "Mt", "Gt": "Gt", "mb": "mbar", "hPa": "hPa", "kPa": "kPa",
}
_UNIT_WORDS_CS = ["exabytes", "exabyte", "petabytes", "terabytes", "gigabytes", "megabytes",
                  "bytes", "byte", "bits", "bit", "megawatts", "gigawatts", "kilowatts", "watts",
                  "megawatt", "gigawatt", "kilowatt", "watt", "volts", "calories", "kcal",
                  "joules", "hertz", "decibels", "db", "carats", "karats"]
for _w in _UNIT_WORDS_CS:
    _UNITS_CI.setdefault(_w, _w.rstrip("s") if _w.endswith("s") and len(_w) > 4 else _w)
_UNIT_SEQ = _phrases(*_UNITS_CI)

# attached scale suffixes: "10k", "$4.3bn", "€10M", "1.2b", "2mil", "US$ 1MM"
_SCALE_SUFFIX = {"k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "mm": 1e6, "bn": 1e9, "b": 1e9,
                 "B": 1e9, "bln": 1e9, "T": 1e12, "tn": 1e12, "tln": 1e12, "mil": 1e6,
                 "mln": 1e6, "m": 1e6, "mn": 1e6, "Bn": 1e9, "BN": 1e9, "G": 1e9}
# which attached suffixes are scales only next to money (else units: 10m = ten metres)
_SCALE_ONLY_MONEY = {"m", "mm", "G"}

_VAGUE = {"dozens": "dozens", "scores": "scores", "hundreds": "hundreds",
          "thousands": "thousands", "millions": "millions", "billions": "billions",
          "tens": "tens"}

_CHANGE_LEMMAS = {
    "rise", "fall", "increase", "decrease", "drop", "grow", "climb", "jump", "reduce", "raise",
    "cut", "change", "go", "slip", "slide", "surge", "soar", "plunge", "decline", "revise",
    "lift", "lower", "boost", "shrink", "expand", "swell", "edge", "tumble", "sink", "rocket",
    "double", "triple", "halve", "move", "up", "upgrade", "downgrade", "narrow", "widen", "ease",
    "rebound", "recover", "dip", "spike", "balloon", "shift", "push", "bring", "hike", "slash",
}
_SCORE_LEMMAS = {"win", "beat", "defeat", "lose", "draw", "lead", "score", "victory", "trail",
                 "tie", "loss", "thrash", "edge", "rout", "match", "game", "final", "set"}
_STREET = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
           "drive", "dr", "way", "place", "pl", "court", "ct", "square", "sq", "terrace",
           "highway", "hwy", "parkway", "pkwy", "circle", "crescent", "close"}
# lower-case words naming the thing a number identifies: "version 7", "state route 94"
_DESIGNATION_WORDS = {"version", "versions", "v", "ver", "number", "route", "highway", "interstate",
                      "flight", "gate", "platform", "exit", "channel", "pier", "terminal"}
_NAME_BEFORE_EXCLUDE = {"No", "Nos", "Number", "Page", "Vol", "Chapter", "Article", "Section",
                        "Room", "Flight", "Route", "Tower", "Resolution", "Gate", "Unit",
                        "Building", "Level", "Block", "Pier", "Platform", "Highway",
                        "Interstate", "Bus", "Lot", "Apartment", "Apt", "Suite", "Floor",
                        "Act", "Bill", "Law", "Rule", "Paragraph", "Amendment", "Clause",
                        "Day", "Week", "Round", "Game", "Stage", "Phase", "Lap", "Leg", "Episode",
                        "Season", "Part", "Grade", "Channel", "Exit", "Terminal"}


# --------------------------------------------------------------------------- parsing helpers

@dataclass
class _Core:
    i: int              # first lexeme index of the number (after currency)
    j: int              # one past the last lexeme
    value: float
    digits: bool        # written with digits
    scale: float        # scale applied (1 if none)
    vague: str | None = None  # "dozens", "hundreds"... when the core is a vague plural


def _match_seq(lx: list[Lex], i: int, seqs: list[list[str]], allow_attached: bool = True) -> int:
    """Length (in lexemes) of the longest phrase in ``seqs`` starting at lx[i]; 0 if none."""
    for seq in seqs:
        n = len(seq)
        if i + n > len(lx):
            continue
        ok = True
        for k, w in enumerate(seq):
            if lx[i + k].low != w:
                ok = False
                break
        if ok:
            return n
    return 0


def _match_seq_back(lx: list[Lex], j: int, seqs: list[list[str]]) -> tuple[int, list[str]] | None:
    """Phrase in ``seqs`` ending just before lexeme j: (length, phrase)."""
    for seq in seqs:
        n = len(seq)
        if j - n < 0:
            continue
        if all(lx[j - n + k].low == w for k, w in enumerate(seq)):
            return n, seq
    return None


def _parts_from(lx: list[Lex], i: int) -> list[numwords.Part]:
    """Number pieces from lexeme i on, stopping at the first piece that cannot be one."""
    parts: list[numwords.Part] = []
    k = i
    while k < len(lx) and len(parts) < 40:
        x = lx[k]
        w = x.low
        if parts and x.kind == "num" and not x.space and lx[k - 1].kind == "num":
            break
        if x.kind == "num":
            if parts and parts[-1].kind in ("digits",):
                break
            parts.append(numwords.Part("digits", _num_value(x.text), k))
        elif x.kind == "word":
            v = numwords.small_value(w)
            if v is not None:
                parts.append(numwords.Part("small", v, k))
            elif w in numwords.HUNDRED:
                parts.append(numwords.Part("hundred", 100, k))
            elif w in ("thousand", "million", "billion", "trillion", "lakh", "crore", "lakhs",
                       "crores"):
                parts.append(numwords.Part("scale", numwords.SCALES[w], k))
            elif w in ("bn", "bln", "mln", "tln", "tn", "mn", "mil") and parts and parts[-1].kind == "digits":
                parts.append(numwords.Part("scale", numwords.SCALES[w], k))
            elif w in numwords.DOZEN:
                parts.append(numwords.Part("dozen", 12, k))
            elif w == "and":
                if k + 2 < len(lx) and lx[k + 2].low in _FRACTIONS and (lx[k + 1].low in ("a", "an") or numwords.small_value(lx[k + 1].low) is not None):
                    break  # "two million and three fifths": the fraction joins later
                parts.append(numwords.Part("and", 0, k))
            elif w in ("a", "an") and not parts:
                parts.append(numwords.Part("a", 0, k))
            else:
                break
        elif x.text in ("-", "\u2013") and parts and parts[-1].kind == "small":
            if not x.space and k + 1 < len(lx) and not lx[k + 1].space and lx[k + 1].low in (
                    "hundred", "thousand", "million", "billion", "trillion"):
                k += 1
                continue  # "one-million dollars": the hyphen only ties the scale on
            parts.append(numwords.Part("hyphen", 0, k))
        elif x.text == "&" and parts and parts[-1].kind in ("hundred", "scale"):
            parts.append(numwords.Part("and", 0, k))
        elif x.text == "," and parts and parts[-1].kind == "scale" and k + 2 < len(lx) \
                and lx[k + 1].kind == "word" and numwords.small_value(lx[k + 1].low) is not None \
                and lx[k + 2].low in ("hundred", "thousand"):
            pass  # "three million, two hundred": a written-out number goes on after the comma
        else:
            break
        k += 1
    return parts


def _proportion(lx: list[Lex], i: int, frac: int, value: float) -> _Core:
    """A number word then a fraction word ("two thirds", "three-quarters"): a proportion, or a
    quantity when a scale follows ("two thirds of a million") or a unit does ("one third
    mile"); a bare proportion without either is dropped, as it counts nothing."""
    f = value / _FRACTIONS[lx[frac].low]
    k = frac + 1
    if k + 1 < len(lx) and lx[k].low == "of" and lx[k + 1].low in ("a", "an"):
        k += 2
    if k < len(lx) and lx[k].low in ("million", "billion", "trillion", "thousand"):
        s = numwords.SCALES[lx[k].low]
        return _Core(i, k + 1, f * s, False, s)
    if frac + 1 < len(lx) and _UNITS_CI.get(lx[frac + 1].low):
        return _Core(i, frac + 1, f, False, 1)
    return _Core(i, frac + 1, f, False, 1, vague="__drop__")


def _core_at(lx: list[Lex], i: int) -> _Core | None:
    """A number starting exactly at lexeme i (digits, words, mixed, with scale words)."""
    if i >= len(lx):
        return None
    x = lx[i]
    # "half a million", "half a dozen"
    if x.low == "half" and i + 2 < len(lx) and lx[i + 1].low in ("a", "an"):
        w = lx[i + 2].low
        if w in ("million", "billion", "trillion", "thousand", "hundred"):
            v = 0.5 * (numwords.SCALES.get(w) or 100)
            return _Core(i, i + 3, v, False, numwords.SCALES.get(w, 100))
        if w == "dozen":
            return _Core(i, i + 3, 6, False, 1)
        if w in _UNITS_CI and w not in ("t", "l", "in", "m"):
            return _Core(i, i + 2, 0.5, False, 1)  # "half a kilometre", "half an hour"
    if x.low in ("a", "an") and i + 1 < len(lx) and lx[i + 1].low in ("half", "third", "quarter"):
        # "a quarter of a million", "a third of a billion", "a quarter million": the fraction of
        # the scale, not the scale itself
        k = i + 2
        if k + 1 < len(lx) and lx[k].low == "of" and lx[k + 1].low in ("a", "an"):
            k += 2
        if k < len(lx) and lx[k].low in ("million", "billion", "trillion", "thousand"):
            sc = numwords.SCALES[lx[k].low]
            return _Core(i, k + 1, sc / _FRACTIONS[lx[i + 1].low], False, sc)
    if x.low in ("half", "quarter") and i + 1 < len(lx) and lx[i + 1].low in ("million", "billion", "trillion", "thousand"):
        sc = numwords.SCALES[lx[i + 1].low]
        return _Core(i, i + 2, (0.5 if x.low == "half" else 0.25) * sc, False, sc)
    if x.low in ("a", "an") and i + 1 < len(lx) and lx[i + 1].low in _SCALE_FRACTIONS:
        den = _SCALE_FRACTIONS[lx[i + 1].low]
        if den >= 1e6 or (i + 2 < len(lx) and lx[i + 2].low == "of"):
            return _Core(i, i + 2, 1 / den, False, 1)  # "a millionth", "a hundredth of"
    if x.low in ("a", "an") and i + 1 < len(lx) and lx[i + 1].kind == "word":
        u = _UNITS_CI.get(lx[i + 1].low) or _CURRENCY_WORD.get(lx[i + 1].low)
        if u and _and_a_part(lx, i + 2):
            return _Core(i, i + 1, 1, False, 1)  # "an hour and a half", "a mile and a quarter"
        if lx[i + 1].low in ("bit", "bits") or _unit_in_compound_noun(lx, i + 2):
            return None  # "a bit better", "a foot-race"
        if u and u not in ("percent", "percentage_point", "year", "month", "week", "day", "h", "min", "s", "times", "decade", "century", "deg", "t", "L", "in", "mile") or lx[i + 1].low in ("mile", "gallon", "litre", "liter", "penny", "kilometre", "kilometer"):
            return _Core(i, i + 1, 1, False, 1)
    if x.kind == "frac":
        return _Core(i, i + 1, _UNICODE_FRAC.get(x.text, 0.5), True, 1)
    if x.kind not in ("num", "word"):
        return None
    # vague plurals: "dozens", "hundreds of thousands", "tens of thousands", "scores of"
    if x.low in _VAGUE:
        return _vague_at(lx, i)
    parts = _parts_from(lx, i)
    if not parts:
        return None
    res = numwords.compose(parts)
    if res is None:
        return None
    value, used = res
    j = parts[used - 1].index + 1
    digits = any(p.kind == "digits" for p in parts[:used])
    if j < len(lx) and lx[j].low in _SCALE_FRACTIONS and not digits and (
            value == 1 or lx[j].low.endswith("s")):
        # "three thousandths", "a hundred trillionths": a count of a scale's parts ("the two
        # millionth visitor" is an ordinal)
        return _Core(i, j + 1, value / _SCALE_FRACTIONS[lx[j].low], False, 1)
    scale = 1.0
    for p in parts[:used]:
        if p.kind == "scale":
            scale = p.value
    # "five and a half million", "two and a half", "3 million and a quarter", "one-half"
    if j + 2 < len(lx) and lx[j].low == "and" and lx[j + 2].low in _FRACTIONS and (
            lx[j + 1].low in ("a", "an") or numwords.small_value(lx[j + 1].low) is not None):
        num_ = numwords.small_value(lx[j + 1].low) or 1
        f = num_ / _FRACTIONS[lx[j + 2].low]
        if j + 3 < len(lx) and lx[j + 3].low in ("million", "billion", "trillion", "thousand"):
            s = numwords.SCALES[lx[j + 3].low]
            if value >= s:
                return _Core(i, j + 4, value + f * s, digits, scale)
            return _Core(i, j + 4, (value + f) * s, digits, s)
        return _Core(i, j + 3, value + f * scale, digits, scale)
    if j < len(lx) and lx[j].low in _FRACTIONS and not digits and used > 2 and lx[j].low.endswith("s"):
        # "two hundred three fifths": a plural fraction word divides the whole figure
        return _Core(i, j + 1, value / _FRACTIONS[lx[j].low], False, 1)
    if j < len(lx) and lx[j].low in _FRACTIONS and not digits and used <= 2:
        # "two thirds", "one sixth": a proportion, unless of a scale ("two thirds of a million")
        return _proportion(lx, i, j, value)
    if j + 1 < len(lx) and lx[j].text == "-" and lx[j + 1].low in ("half", "quarter", "third") and not digits and value == 1:
        return _Core(i, j + 2, 1 / _FRACTIONS[lx[j + 1].low], False, 1)
    if j + 1 < len(lx) and lx[j].text == "-" and not lx[j].space and lx[j + 1].low in _FRACTIONS and not digits and used <= 2:
        # "two-thirds", "three-quarters": a proportion like the spaced form, not a count of 2
        return _proportion(lx, i, j + 1, value)
    # decimals in words: "two hundred point zero three", "five point five"
    if not digits and j + 1 < len(lx) and lx[j].low == "point":
        k = j + 1
        ds = ""
        if k + 2 < len(lx) and lx[k].low in numwords.TENS and lx[k + 1].text == "-" and lx[k + 2].low in numwords.SMALL:
            ds = str(numwords.TENS[lx[k].low] + numwords.SMALL[lx[k + 2].low])
            k += 3
        elif k < len(lx) and lx[k].low in numwords.TENS:
            ds = str(numwords.TENS[lx[k].low])
            k += 1
        else:
            while k < len(lx) and lx[k].low in numwords.SMALL and numwords.SMALL[lx[k].low] < 10:
                ds += str(numwords.SMALL[lx[k].low])
                k += 1
            if k < len(lx) and lx[k].low in ("eleven", "twelve") and not ds:
                ds = str(numwords.SMALL[lx[k].low])
                k += 1
        if ds:
            return _Core(i, k, value + float("0." + ds), False, 1)
    # "7 \u00bd minutes": a whole number and a fraction sign
    if digits and used == 1 and j < len(lx) and lx[j].kind == "frac" and value == int(value):
        return _Core(i, j + 1, value + _UNICODE_FRAC.get(lx[j].text, 0.5), True, 1)
    # digit fraction after a whole number: "2 1/2"
    if digits and used == 1 and j + 2 < len(lx) and lx[j].kind == "num" and lx[j].space \
            and lx[j + 1].text == "/" and lx[j + 2].kind == "num" and not lx[j + 1].space and not lx[j + 2].space:
        num, den = _num_value(lx[j].text), _num_value(lx[j + 2].text)
        if den and num < den:
            return _Core(i, j + 3, value + num / den, True, 1)
    return _Core(i, j, value, digits, scale)


def _and_a_part(lx: list[Lex], j: int) -> float:
    """"and a half" / "and a quarter" at lexeme j: the part it adds (0 if none)."""
    if j + 2 < len(lx) and lx[j].low == "and" and lx[j + 1].low in ("a", "an") \
            and lx[j + 2].low in ("half", "quarter"):
        return 0.5 if lx[j + 2].low == "half" else 0.25
    return 0.0


def _unit_in_compound_noun(lx: list[Lex], j: int) -> bool:
    """"a foot-race", "a pound-shop": a unit word hyphened to a noun is part of that noun,
    unlike a unit hyphened to a dimension ("a mile-long queue")."""
    return j + 1 < len(lx) and lx[j].text == "-" and not lx[j].space and not lx[j + 1].space \
        and lx[j + 1].kind == "word" and lx[j + 1].low not in (
            "long", "high", "wide", "deep", "tall", "thick", "away", "round")


def _vague_at(lx: list[Lex], i: int) -> _Core | None:
    w = lx[i].low
    j = i + 1
    key = w
    # "tens of thousands", "hundreds of millions", "hundreds of thousands"
    if j + 1 < len(lx) and lx[j].low == "of" and lx[j + 1].low in ("thousands", "millions", "billions"):
        key = f"{w}_of_{lx[j + 1].low}"
        j += 2
    if key == "tens" or key not in VAGUE_PLURALS:
        return None
    if key == "scores" and not (j < len(lx) and lx[j].low == "of"):
        return None  # "he scores" is a verb
    lo, _ = VAGUE_PLURALS[key]
    return _Core(i, j, lo, False, 1, vague=key)


def _attached_scale(lx: list[Lex], c: _Core, money: bool) -> _Core:
    """Apply an attached scale suffix ("10k", "4.3bn", "€10M") or a spaced "1,674.5 million"."""
    j = c.j
    if j < len(lx) and c.digits and lx[j].kind == "word" and c.scale == 1:
        t = lx[j].text
        attached = not lx[j].space
        if t in _SCALE_SUFFIX and (attached or t in ("k", "K", "bn", "mln", "bln")):
            if t in _SCALE_ONLY_MONEY and not money:
                return c
            # the suffix must end the word: "10km" is not 10k + m
            nxt = lx[j + 1] if j + 1 < len(lx) else None
            if nxt is not None and not nxt.space and nxt.kind in ("word", "num"):
                return c
            s = _SCALE_SUFFIX[t]
            return _Core(c.i, j + 1, c.value * s, True, s)
    return c


def _unit_at(lx: list[Lex], j: int, text: str) -> tuple[str | None, int]:
    """A unit right after lexeme j-1: (unit, lexemes used)."""
    if j >= len(lx):
        return None, 0
    x = lx[j]
    if x.text == "-" and not x.space and j + 1 < len(lx) and not lx[j + 1].space and lx[j + 1].kind == "word":
        u, n = _unit_at(lx, j + 1, text)
        if u and u not in ("percent", "times"):
            return u, n + 1
        return None, 0
    # case-sensitive symbols must be attached or follow a single space
    if x.kind == "word" and x.text in _UNITS_CS:
        nxt = lx[j + 1] if j + 1 < len(lx) else None
        if nxt is None or nxt.space or nxt.kind not in ("word",):
            if x.text == "m" and x.space:
                pass  # "5 m" is metres but "5 m people" is not: fall through to CI table
            elif x.text in ("V", "W", "J") and x.space:
                return None, 0
            else:
                u = _UNITS_CS[x.text]
                # "m" followed by "^2"/"2": square metres
                return u, 1
    n = _match_seq(lx, j, _UNIT_SEQ)
    if n:
        phrase = " ".join(l.low for l in lx[j:j + n])
        u = _UNITS_CI[phrase]
        if u in ("km", "m") and j + n + 1 < len(lx) and lx[j + n].text == "^" and lx[j + n + 1].text in ("2", "3"):
            return u + lx[j + n + 1].text, n + 2
        if u in ("km", "m") and j + n < len(lx) and lx[j + n].kind == "num" and lx[j + n].text in ("2", "3") and not lx[j + n].space:
            return u + lx[j + n].text, n + 1
        if phrase in ("t", "l", "mi", "ha", "ft", "yd", "ton", "tons", "kilo", "kilos") and x.space and phrase in ("t", "l"):
            # a lone "t"/"l" after a space is a unit only before punctuation or a noun
            nxt = lx[j + 1] if j + 1 < len(lx) else None
            if nxt is not None and nxt.kind == "word" and nxt.low in ("be", "is", "are", "was"):
                return None, 0
        if phrase == "%" and x.space and False:
            return None, 0
        return u, n
    # "in" as inches: only right after digits and before punctuation/end or an adjective
    if x.low == "in" and j > 0 and lx[j - 1].kind in ("num",):
        nxt = lx[j + 1] if j + 1 < len(lx) else None
        if nxt is None or (nxt.kind == "sym" and nxt.text in ".,;)") or nxt.low in (
                "thick", "long", "wide", "tall", "deep", "high", "across", "diameter"):
            return "inch", 1
    return _unit_with_power(lx, j)


def _unit_with_power(lx: list[Lex], j: int) -> tuple[str | None, int]:
    """A unit symbol not in the tables but written with a power ("5 fb\u22121", "3 s^-1"):
    the power marks a measure, never a counted noun. Lower-case symbols only,
    so names like "F-16" stay out."""
    n = len(lx)
    x = lx[j]
    if x.kind != "word" or len(x.text) > 4 or not x.text.islower() or j + 2 >= n:
        return None, 0
    k = j + 1
    if lx[k].space or lx[k].text not in ("^", "\u2212", "-"):
        return None, 0
    minus = lx[k].text != "^"
    if lx[k].text == "^" and lx[k + 1].text in ("-", "\u2212") and not lx[k + 1].space:
        k, minus = k + 1, True
    p = lx[k + 1] if k + 1 < n else None
    if p is None or p.kind != "num" or p.space or len(p.text) != 1:
        return None, 0
    if k + 2 < n and not lx[k + 2].space and lx[k + 2].kind in ("word", "num"):
        return None, 0
    if lx[j + 1].text == "-" and p.text not in ("1", "2", "3"):
        return None, 0
    return f"{x.text}^{'-' if minus else ''}{p.text}", k + 2 - j


def _currency_before(lx: list[Lex], i: int) -> tuple[str | None, int]:
    """Currency symbol/code ending right before lexeme i: (ISO code, lexemes used)."""
    if i == 0:
        return None, 0
    # two-piece symbols: "US$", "C$", "HK$"
    if i >= 2 and lx[i - 1].text == "$" and lx[i - 2].kind == "word" and not lx[i - 1].space:
        code = _CURRENCY_PREFIX.get(lx[i - 2].low + "$")
        if code:
            return code, 2
    p = lx[i - 1]
    if p.low in _CURRENCY_PREFIX and (p.kind == "sym" or p.text.isupper() or p.low == "rs"):
        if p.kind == "word" and p.text.isupper() and not lx[i].space and False:
            return None, 0
        return _CURRENCY_PREFIX[p.low], 1
    return None, 0


def _currency_after(lx: list[Lex], j: int, has_scale: bool) -> tuple[str | None, int]:
    if j >= len(lx):
        return None, 0
    x = lx[j]
    if x.kind == "sym" and x.text in _CURRENCY_AFTER_SYMBOL:
        return _CURRENCY_AFTER_SYMBOL[x.text], 1
    if x.kind == "word":
        if x.low in ("pounds", "pound", "quid"):
            if j + 1 < len(lx) and lx[j + 1].low == "sterling":
                return "GBP", 2
            return ("GBP", 1) if has_scale or x.low == "quid" else (None, 0)
        two = f"{x.low} {lx[j + 1].low}" if j + 1 < len(lx) else ""
        if two in _CURRENCY_WORD:
            return _CURRENCY_WORD[two], 2
        if x.low in _CURRENCY_WORD:
            return _CURRENCY_WORD[x.low], 1
        if x.text in ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "SEK", "NOK", "INR", "CAD", "AUD", "RUB", "ILS"):
            return x.text, 1
    return None, 0


# --------------------------------------------------------------------------- token access

class _Tokens:
    """Character offset (in the sentence) -> spaCy token."""

    def __init__(self, span: Span) -> None:
        self.span = span
        self.base = span.start_char
        self.toks = list(span)
        self.starts = [t.idx - self.base for t in self.toks]

    def at(self, off: int) -> Token | None:
        k = bisect.bisect_right(self.starts, off) - 1
        if 0 <= k < len(self.toks):
            t = self.toks[k]
            if t.idx - self.base <= off < t.idx - self.base + len(t.text):
                return t
        return None

    def before(self, off: int) -> Token | None:
        k = bisect.bisect_left(self.starts, off) - 1
        return self.toks[k] if 0 <= k < len(self.toks) else None


# --------------------------------------------------------------------------- mention building

@dataclass
class _Q:
    """A quantity under construction (lexeme indices; bounds as stated)."""

    i: int                 # first lexeme (incl. hedge / currency)
    j: int                 # one past last lexeme
    low: float | None
    high: float | None
    unit: str | None
    hedge: str | None
    value: float | None
    integer: bool
    core_i: int
    core_j: int


def _hedged(c: _Core, hedge: str | None, measure: bool) -> tuple[float | None, float | None]:
    """Bounds of a hedged core; ``measure``: a measured amount (a unit, or a figure written with
    decimals), whose open bounds stay at the value instead of moving to the next integer."""
    integer = not measure and c.value == int(c.value)
    if c.vague:
        lo, hi = VAGUE_PLURALS[c.vague]
        if hedge in ("more_than", "at_least", "just_over"):
            return lo, None
        if hedge in ("up_to", "fewer_than", "just_under"):
            return None, hi
        return lo, hi
    return widen(c.value, hedge, integer=integer)


def _prefix_hedge(lx: list[Lex], i: int) -> tuple[str | None, int]:
    m = _match_seq_back(lx, i, _PREFIX_SEQ)
    if not m:
        return None, 0
    n, seq = m
    phrase = " ".join(seq)
    h = _PREFIX[phrase]
    # "some" before a vague plural or a unitless word is a determiner
    if phrase in ("some", "about", "around", "over", "under", "above", "below") and i - n - 1 >= 0:
        prev = lx[i - n - 1].low
        if phrase == "over" and prev in ("all", "taken", "turned", "handed", "game", "pulled"):
            return None, 0
        if phrase in ("about", "around") and prev in ("talked", "talk", "talks", "talking", "care", "cares", "worried", "thinking", "think", "know", "knew", "how", "what"):
            return None, 0
        if phrase in ("under", "over", "below", "above") and prev in ("the", "ages", "aged", "children", "people", "kids", "those", "anyone", "men", "women"):
            if prev in ("aged", "ages"):
                return None, 0
    return h, n


def _suffix_hedge(lx: list[Lex], j: int) -> tuple[str | None, int]:
    n = _match_seq(lx, j, _SUFFIX_SEQ)
    if not n:
        # "40-odd" is a round figure; "20-plus" / "three-plus" says the count passed it
        if j + 1 < len(lx) and lx[j].text == "-" and not lx[j].space and not lx[j + 1].space:
            if lx[j + 1].low == "odd":
                return "about", 2
            if lx[j + 1].low == "plus":
                return "more_than", 2
        if j < len(lx) and lx[j].text == "+" and not lx[j].space:
            return "at_least", 1
        return None, 0
    phrase = " ".join(l.low for l in lx[j:j + n])
    h = _SUFFIX[phrase]
    if phrase == "odd" and lx[j].space:
        return None, 0
    if phrase.endswith(" than"):
        # "200 or greater than 190": the "than" belongs to the next number
        if j + n < len(lx) and (lx[j + n].kind == "num" or numwords.small_value(lx[j + n].low) is not None):
            return None, 0
    else:
        # "5000 or more than 4500" / "200 or greater than 190"
        if j + n < len(lx) and lx[j + n].low == "than":
            if j + n + 1 < len(lx) and (lx[j + n + 1].kind == "num" or numwords.small_value(lx[j + n + 1].low) is not None):
                return None, 0
            return h, n + 1
    return h, n


def _or_equal(lx: list[Lex], j: int) -> int:
    """'or equal', 'or equal to', 'or equal to it' after a strict hedge -> lexemes used."""
    if j + 1 < len(lx) and lx[j].low == "or" and lx[j + 1].low in ("equal", "equals"):
        k = j + 2
        if k < len(lx) and lx[k].low == "to":
            if k + 1 < len(lx) and (lx[k + 1].kind == "num" or numwords.small_value(lx[k + 1].low) is not None):
                return 0
            k += 1
            if k < len(lx) and lx[k].low in ("it", "that", "this"):
                pass  # not part of the quote (upstream leaves it out)
        return k - j
    return 0


def find_numbers(span: Span) -> list[NumberMention]:
    """Numeric mentions in one sentence, as intervals, in text order."""


    text = span.text
    base = span.start_char
    lx = _lex(text)
    if not any(x.kind in ("num", "frac") or numwords.small_value(x.low) is not None
               or x.low in _VAGUE or x.low in ("dozen", "half", "hundred", "thousand", "million")
               or x.low in _SCALE_FRACTIONS
               or (x.low in ("a", "an") and k + 1 < len(lx) and lx[k + 1].low in _CURRENCY_WORD)
               for k, x in enumerate(lx)):
        return []
    blocked = dates.blocked_spans(span)
    toks = _Tokens(span)
    found: list[_Q] = []
    i = 0
    n = len(lx)
    while i < n:
        q = _quantity_at(lx, i, text, toks, blocked)
        if q is None:
            i += 1
            continue
        found.append(q)
        i = max(q.j, i + 1)
    found = [q for q in _merge_two_sided(lx, found) if q.hedge != "__drop__"]
    out: list[NumberMention] = []
    for q in found:
        s, e = lx[q.i].start, lx[q.j - 1].end
        out.append(NumberMention(base + s, base + e, text[s:e], _clean(q.low), _clean(q.high),
                                 q.unit, q.hedge, _clean(q.value)))
    return out


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v)
    if abs(v - r) < 1e-9 * max(1.0, abs(v)) and (r != 0 or abs(v) < 1e-15):  # keep "a trillionth"
        return float(r)
    return float(f"{v:.12g}")


def _blocked(lx: list[Lex], i: int, j: int, blocked: list[tuple[int, int]]) -> bool:
    s, e = lx[i].start, lx[j - 1].end
    return any(a < e and s < b for a, b in blocked)


def _is_non_quantity(lx: list[Lex], c: _Core, text: str, toks: _Tokens, money: bool, unit: str | None,
                     range_end: bool = False) -> bool:
    """Names, identifiers, ages, ordinals, pronoun "one", addresses: not quantities.
    ``range_end``: c is the second end of "5k-20k", whose hyphen follows a scale suffix, not
    the letters of an identifier."""
    first, last = lx[c.i], lx[c.j - 1]
    s, e = first.start, last.end
    before = text[:s]
    after = text[e:]
    if range_end:
        before = re.sub(r"(?<=\d)[A-Za-z]{1,3}-$", "0-", before)
    # glued to letters or an identifier hyphen: "F-16", "COVID-19", "i7", "MP3", "5G", "3D"
    if not money and (re.search(r"[A-Za-z]$", before) or re.search(r"\b[A-Z][A-Za-z0-9]*-$", before)):
        return True
    if re.match(r"-?[A-Za-z]", after) and c.digits and unit is None:
        # "F-16s", "3D", "4x4": letters glued after digits that are not a unit/scale
        m = re.match(r"-?([A-Za-z]+)", after)
        suf = m.group(1) if m else ""
        if suf.lower() not in ("st", "nd", "rd", "th") and not re.match(r"-(year|month|week|day|hour|minute|odd|plus)\b", after, re.I):
            return True
    if c.digits and unit is None and not money and re.fullmatch(r"\.\d{3}", first.text) and c.j - c.i == 1:
        return True  # ".454", "over .500": a winning percentage or batting average
    if re.match(r"(st|nd|rd|th)\b", after, re.I) and c.digits:
        return True  # ordinal
    if re.match(r"-[A-Za-z]", after) and re.match(r"-(year|yr|month|week|day)s?[- ]old", after, re.I):
        return True  # "45-year-old"
    if re.search(r"\b(aged|age|ages)\s*$", before, re.I):
        return True
    if re.match(r"[\d]", after[:1]) or re.search(r"(\d|\d\+|\^|[A-Za-z][-\u2212]|\d/)$", before):
        return True
    nxt = re.match(r"[\s-]*([A-Za-z]+)", after)
    if c.digits and unit is None and not money and nxt:
        w = nxt.group(1)
        if w.lower() in ("caliber", "calibre", "gauge", "bore"):
            return True  # ".357 caliber", "12-gauge": a gun's designation, not a count
        if len(w) >= 2 and w.isupper() and w.lower() not in _CURRENCY_PREFIX and w not in _UNITS_CS:
            nt = toks.at(e + nxt.start(1))
            if nt is not None and nt.dep_ != "compound" and nt.pos_ in ("PROPN", "NOUN"):
                return True  # "1010 WINS": a name (radio station), unlike "20 US troops"
    t = toks.at(s)
    prev = toks.before(s)
    if t is not None:
        # "one" as pronoun / noun ("which one", "the one", "one of them")
        if first.low == "one" and c.j - c.i == 1:
            if t.pos_ not in ("NUM",) or re.match(r"\s+(of|another|by)\b", after):
                return True
            if prev is not None and prev.lower_ in ("no", "the", "this", "that", "which", "every", "each", "any", "some", "little", "last", "next", "other"):
                return True
        if not c.digits and prev is not None and prev.text in _NAME_BEFORE_EXCLUDE \
                and text[prev.idx - toks.base + len(prev.text):s] == " ":
            return True  # "Day six of the revolt", "Round three": a position, not a count
        if first.low == "two" and re.search(r"\bthing or $", before):
            return True  # "a thing or two": an idiom
        # a capitalised number word right after a name: "BBC One", "Air Force One" (a title-case
        # headline verb, "Quake Kills Two", is no name)
        if not c.digits and first.text.istitle() and prev is not None and prev.pos_ == "PROPN" \
                and (prev.ent_type_ in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT")
                     or (prev.text.isupper() and len(prev.text) > 1 and prev.lower_ not in ("am", "pm"))) \
                and text[prev.idx - toks.base + len(prev.text):s] == " ":
            return True
        # a number word used as a noun in a name ("Formula One", "the Big Four")
        if not c.digits and t.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW") and t.ent_iob_ != "B" and prev is not None and prev.is_title:
            return True
    if prev is not None and c.digits and not money and unit is None:
        # "Tower 22", "Resolution 2334", "Voyager 2": a capitalised name word right before
        gap = text[prev.idx - toks.base + len(prev.text):s]
        if gap in (" ", "\u00a0") and prev.text[:1].isupper() and prev.text.isalpha():
            is_start = prev.i == toks.span.start or prev.is_sent_start
            if prev.text in _NAME_BEFORE_EXCLUDE or (prev.pos_ == "PROPN" and not is_start
                                                     and prev.ent_type_ not in ("DATE", "MONEY", "CARDINAL", "QUANTITY", "PERCENT")
                                                     and prev.lower_ not in _CURRENCY_PREFIX
                                                     and prev.lower_ not in dates.MONTH_WORDS):
                return True
        # "No. 5", "#3"
        if re.search(r"(\bNo\.|\bNos\.|#)\s*$", before):
            return True
        if prev.lower_ in _DESIGNATION_WORDS and gap in (" ", "\u00a0", ""):
            return True  # "version 7 of Internet Explorer": a release, not a count
    # "IE6, 7, 8 and 9", "Windows XP, Vista, 7": further members of a list of designations
    if c.digits and unit is None and not money and _DESIGNATION_LIST.search(before):
        nt = toks.at(e + len(after) - len(after.lstrip())) if after.strip() else None
        if nt is None or nt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return True
    # street address: "123 Main Street"
    if c.digits and unit is None and not money and c.j - c.i == 1 and re.fullmatch(r"(?:19|20)\d\d", first.text):
        nm = re.match(r" ([A-Z][A-Za-z]+)", after)
        nt = toks.at(e + 1) if nm else None
        if nt is not None and nt.pos_ == "PROPN" and nt.ent_type_ not in ("NORP", "GPE"):
            return True  # "2013 MVC Tournament results": a year naming an event
    if c.digits and (_STREET_AFTER.match(after) or _BLOCK_OF.match(after)):
        return True
    if c.digits and unit is None and not money and _age_aside(before, after, c, lx, toks, prev):
        return True
    if first.low == "zero" and re.match(r"[\s-]day\b(?!s)", after, re.I):
        return True  # a "zero-day" flaw: a term for an unpatched hole, not a count of days
    return False


# "123 Main Street", "200 W. American Blvd.", "10 North Elm St"
_STREET_AFTER = re.compile(
    r"\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?[A-Z][a-z]+(\s+[A-Z][a-z]+)?\s+"
    r"(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Court|Terrace|Highway)\b")
# "the 1400 block of Elm Street": US police usage locating a scene by the hundreds of its
# house numbers; a place, not a count of blocks
_BLOCK_OF = re.compile(r"\s+block\s+of\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?[A-Z]")
_KIN = {"man", "woman", "boy", "girl", "son", "daughter", "wife", "husband", "mother", "father"}


def _age_aside(before: str, after: str, c: _Core, lx: list[Lex], toks: _Tokens, prev: Token | None) -> bool:
    """Ages set off by commas: "Maral, 45, an Ashgabat resident", "Timmons, now 16, was",
    "Lopez, 20 and Carrasquillo, 19", and a clause-opening "At 55, he ...". A whole number
    of a person's years, right after a name or a word for a person."""
    if c.value != int(c.value) or not 0 < c.value < 120 or _written_decimal(lx, c):
        return False
    if re.match(r"\s*,\s+(?:he|she|they|i|we)\b", after, re.I) and re.search(r"(?:^|[.;:!?\"]\s*)at\s+$", before, re.I):
        return True  # "At 55, he is the same age as ..."
    m = re.search(r"[,(]\s*(?:(?:now|then|aged|age)\s+)?$", before)
    if not m or not re.match(r"\s*[,)]|\s+and\s+[A-Z]", after):
        return False
    owner = toks.before(m.start())
    if owner is not None and owner.lower_ in ("'s", "\u2019s", "'"):
        owner = toks.before(owner.idx - toks.base)  # "Reid's, 33, acting": the owner is the person
    if owner is None:
        return False
    if owner.ent_type_ == "PERSON" or owner.lower_ in _KIN:
        return True
    pair = re.search(r"\b([A-Z][a-z]+), \d{1,3},? and [A-Z][a-z]+, $", before)
    if pair is not None:
        # "Ortega, 22 and Brandt, 19,": the second of a pair of ages, whatever the tagger made
        # of the second name
        first_owner = toks.at(pair.start(1))
        return first_owner is not None and first_owner.ent_type_ == "PERSON"
    # an unrecognised name: a capitalised word that is no place or organisation
    return owner.pos_ in ("PROPN", "NOUN") and owner.is_title and owner.ent_type_ not in (
        "GPE", "LOC", "NORP", "FAC", "DATE", "EVENT")


def _juxtaposed(lx: list[Lex], c: _Core, ncur: int, blocked: list[tuple[int, int]], text: str,
                has_unit: bool) -> bool:
    """"245 23 yen": two digit numbers side by side with only a space between them (no
    thousands grouping joins them) and a unit after the second: which figure the unit counts
    (245 yen? 23 yen? a garbled 24,523?) cannot be told, so neither is an amount. Without a unit
    they stay two numbers ("423 0000 are two numbers"); a neighbour inside a date ("on March 3
    15 people died") is no number."""
    if not c.digits:
        return False
    n = len(lx)
    nxt = lx[c.j] if c.j < n else None
    if not has_unit and nxt is not None and nxt.kind == "num" and nxt.space \
            and not _blocked(lx, c.j, c.j + 1, blocked):
        c2 = _core_at(lx, c.j)
        if c2 is not None and c2.j - c2.i == 1 and (
                _unit_at(lx, c2.j, text)[0] is not None or _currency_after(lx, c2.j, False)[0] is not None):
            return True
    i = c.i - ncur
    if has_unit and ncur == 0 and i > 0 and lx[i].space and lx[i - 1].kind == "num" \
            and c.j - c.i == 1 and not _blocked(lx, i - 1, i, blocked):
        return True
    return False


_LIST_NUM = r"\d+(?:\.\d+)?"
_LIST_SEP = r"(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)"
_DESIGNATION_LIST = re.compile(
    rf"(?:\b[A-Za-z]*[A-Z][A-Za-z]*{_LIST_NUM}|(?<=\S\s)[A-Z][a-z]+ {_LIST_NUM}"
    rf"|\b[A-Z][A-Za-z]+(?:\s*,\s*[A-Z][A-Za-z]+)+)"
    rf"(?:{_LIST_SEP}{_LIST_NUM})*{_LIST_SEP}$")


def _record_in_brackets(lx: list[Lex], q: _Q, toks: _Tokens) -> bool:
    """"the Bulldogs (15-17)": a win-loss record in brackets after a name, not a range."""
    if q.i < 1 or q.j >= len(lx) or q.j - q.i != 3:
        return False
    if lx[q.i - 1].text != "(" or lx[q.j].text != ")" or lx[q.i + 1].text not in ("-", "\u2013"):
        return False
    prev = toks.before(lx[q.i - 1].start)
    return prev is not None and prev.pos_ == "PROPN"


_RECORD_NOUNS = {"record", "records", "mark", "start", "finish", "run", "lead", "win", "victory",
                 "loss", "defeat", "deficit", "margin", "tie", "halftime", "scoreline"}


_RECORD_VERBS = {"go", "finish", "fall", "drop", "improve", "move", "slump", "wind", "sit"}


def _win_loss_record(lx: list[Lex], q: _Q, toks: _Tokens) -> bool:
    """"a 38-44 mark", "an 18-30 start", "122-147 (.454)", "the 15-17 Bulldogs": a hyphen pair
    that names a score or a win-loss record (a record noun, a winning percentage in brackets,
    or a team name after it), not a range of counts."""
    if q.j - q.i != 3 or lx[q.i + 1].text not in ("-", "\u2013") or q.j >= len(lx):
        return False
    nxt = lx[q.j]
    if nxt.low in _RECORD_NOUNS:
        return True
    if nxt.text == "(" and q.j + 1 < len(lx) and re.fullmatch(r"\.\d{3}", lx[q.j + 1].text):
        return True
    k = q.i - 1
    if k >= 1 and lx[k].low in ("of", "at") and lx[k - 1].low in _RECORD_NOUNS:
        return True  # "a record of 9-14"
    while k >= 0 and lx[k].low in ("to", "at", "up", "just"):
        k -= 1
    if k >= 0:
        t = toks.at(lx[k].start)
        after = toks.at(nxt.start)
        counted = after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
        if t is not None and t.pos_ in ("VERB", "AUX") and t.lemma_ in _RECORD_VERBS and not counted:
            return True  # "went 5-11 in", "fell to 15-17." ("moved 20-30 tanks" is a range)
    if q.i > 0 and lx[q.i - 1].low == "the" and nxt.kind == "word" and nxt.text.istitle():
        t = toks.at(nxt.start)
        return t is not None and t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE")
    return False


def _phone_like(lx: list[Lex], k: int) -> bool:
    """"745-4811": three digits, a hyphen and four digits not ending in a zero is the local part
    of a phone number; a range written like it ("250-1500") has round ends."""
    a, b = lx[k - 1], lx[k + 1]
    return bool(re.fullmatch(r"\d{3}", a.text) and re.fullmatch(r"\d{4}", b.text)
                and not b.text.endswith("0") and not lx[k].space)


def _score_like(lx: list[Lex], c: _Core) -> bool:
    """"won 65-53", "a 12-12 tie", "went 4-2-1": digits glued by hyphens that do not make a range
    (the range builder has already declined) are a score or a record, not counts."""
    j = c.j
    after = j + 1 < len(lx) and lx[j].text in ("-", "\u2013") and not lx[j].space and lx[j + 1].kind == "num" and not lx[j + 1].space
    i = c.i
    before = i >= 2 and lx[i - 1].text in ("-", "\u2013") and not lx[i - 1].space and not lx[i].space and lx[i - 2].kind == "num"
    return bool(after or before)


def _quantity_at(lx: list[Lex], i: int, text: str, toks: _Tokens, blocked: list[tuple[int, int]]) -> _Q | None:
    core = _core_at(lx, i)
    if core is None:
        return None
    if core.vague == "__drop__":
        return _Q(core.i, core.j, None, None, None, "__drop__", None, False, core.i, core.j)
    cur, ncur = _currency_before(lx, core.i)
    money = cur is not None
    core = _attached_scale(lx, core, money or _next_is_money(lx, core.j))
    if _blocked(lx, core.i, core.j, blocked):
        return None
    # a bare "a"/"an" never stands alone; "a hundred" etc. are fine (compose needs a multiplier)
    unit, nunit = _unit_at(lx, core.j, text)
    if unit is None:
        cur2, ncur2 = _currency_after(lx, core.j, core.scale > 1)
        if cur2:
            if not money:
                cur, money = cur2, True
            nunit = ncur2
    if _is_non_quantity(lx, core, text, toks, money, unit):
        return None
    if _juxtaposed(lx, core, ncur, blocked, text, unit is not None or money):
        return None
    # negative sign: "-9.2", "$-99.99", "minus five", "negative ten"
    sign = 1.0
    start_i = core.i - ncur
    if core.i > 0 and lx[core.i - 1].text in ("-", "\u2212") and not lx[core.i].space and core.digits:
        k = core.i - 1
        if k == 0 or lx[k].space or lx[k - 1].text in ("(", "$", "€", "£", "[") or (ncur == 0 and lx[k - 1].text in ("$",)):
            if k == 0 or lx[k - 1].kind != "num":
                sign = -1.0
                start_i = min(start_i, k)
                if ncur == 0:
                    c0, n0 = _currency_before(lx, k)
                    if c0:
                        cur, money, start_i = c0, True, k - n0
    elif core.i > 0 and lx[core.i - 1].low in ("minus", "negative"):
        sign = -1.0
        start_i = core.i - 1
    elif money and ncur and core.i - ncur - 1 >= 0 and lx[core.i - ncur - 1].text in ("-", "\u2212") and not lx[core.i - ncur].space:
        sign = -1.0
        start_i = core.i - ncur - 1
    value = sign * core.value
    j = core.j + nunit
    if unit is None and money:
        unit = cur
    part = _and_a_part(lx, j) if unit is not None and not money and value == int(value) else 0.0
    if part:
        # "a mile and a half", "two hours and a quarter": one amount
        value, j = value + part, j + 3
        core = _Core(core.i, core.j, value, core.digits, core.scale)
    comp = _compound_at(lx, j, unit, text) if unit in _COMPOUND and sign > 0 and not part else None
    if comp is not None:
        # "6-foot-9", "3 hours 20 minutes": one measure in the smaller unit
        unit, v2, j = comp[0], comp[1], comp[2]
        value = value * comp[3] + v2
        core = _Core(core.i, core.j, value, core.digits, core.scale)
    # "-15€": currency symbol after the number
    # accounting negative "($99.99)"
    if money and start_i > 0 and lx[start_i - 1].text == "(" and j < len(lx) and lx[j].text == ")" and sign > 0 \
            and not _amount_before(text[:lx[start_i - 1].start]) and _states_a_figure(lx, start_i - 1, toks):
        value, start_i, j = -value, start_i - 1, j + 1
        core = _Core(core.i, core.j, value, core.digits, core.scale)
    # fractions without a unit are proportions ("1/40"): drop; with a unit they are amounts
    if core.j < len(lx) and lx[core.j].text == "/" and not lx[core.j].space and core.digits and core.j + 1 < len(lx) and lx[core.j + 1].kind == "num":
        den = _num_value(lx[core.j + 1].text)
        u2, nu2 = _unit_at(lx, core.j + 2, text)
        if den and u2 and not core.vague:
            value = value / den
            unit, j = u2, core.j + 2 + nu2
            core = _Core(core.i, core.j + 2, value, True, 1)
        else:
            return None
    # percent after a range end is handled by the range builder; here a single quantity
    core = _Core(core.i, core.j, value if sign > 0 or value < 0 else value, core.digits, core.scale, core.vague)
    sign = 1.0
    hedge, nh = _prefix_hedge(lx, start_i)
    if hedge == "more_than" and _over_not_more_than(lx, start_i, nh, toks, unit):
        hedge, nh = None, 0
    qi = start_i - nh
    # range?
    rng = _range_from(lx, qi if hedge is None else start_i, core, value, unit, money, cur, j, text, toks, blocked)
    if rng is not None:
        if unit is None and not money and rng.unit is None and (
                _clock_range(lx, rng, text, toks) or _record_in_brackets(lx, rng, toks)
                or _win_loss_record(lx, rng, toks)):
            return _Q(rng.i, rng.j, None, None, None, "__drop__", None, False, rng.i, rng.j)
        if hedge == "about" or hedge == "exact":  # "about 20~100": the range already says it
            rng.i = qi
        elif hedge is not None:
            pass
        return rng
    if core.digits and unit is None and not money and _score_like(lx, core):
        return None
    if unit is None and not money and _clock_text(text[lx[core.i].start:lx[core.j - 1].end]) \
            and _clock_follows(text[lx[core.j - 1].end:], True):
        return None  # "between 7 and 10 p.m.": the first end of a clock-time span
    # "a magnitude over 5.0": a figure written with decimals is a measure, not a count
    measure = unit is not None or (core.scale == 1 and _written_decimal(lx, core))
    sh, ns = _suffix_hedge(lx, j)
    if sh is not None and (hedge is None or hedge in ("about", "exact")):
        hedge_eff = sh
        lo, hi = _hedged(core if sign > 0 else _Core(core.i, core.j, value, core.digits, core.scale, core.vague), hedge_eff, measure)
        if hedge == "about" and sh in ("at_least", "up_to"):
            a_lo, a_hi = _hedged(core, "about", measure)
            lo, hi = (a_lo, None) if sh == "at_least" else (None, a_hi)
        j += ns
        if unit is None and ns == 2 and lx[j - 2].text == "-":
            # "three-plus hours", "40-odd years": the unit follows the hedge
            u3, nu3 = _unit_at(lx, j, text)
            if u3 is not None:
                unit, j = u3, j + nu3
                lo, hi = _hedged(core, sh, True)
        return _Q(qi, j, lo, hi, unit, sh, value, False, core.i, core.j)
    if hedge in ("more_than", "fewer_than"):
        ne = _or_equal(lx, j)
        if ne:
            hedge = "at_least" if hedge == "more_than" else "up_to"
            j += ne
    if hedge == "exact":
        hedge = None
    c = core if sign > 0 else _Core(core.i, core.j, value, core.digits, core.scale, core.vague)
    lo, hi = _hedged(c, hedge, measure)
    if c.vague:
        return _Q(qi, j, lo, hi, unit, hedge or c.vague, None, True, core.i, core.j)
    # "a" alone was not a number; a bare word "one" must be a NUM (checked above)
    return _Q(qi, j, lo, hi, unit, hedge, value, False, core.i, core.j)


_TIME_UNITS = {"s", "min", "h", "day", "week", "month", "year", "decade", "century"}
_AMOUNT_WORDS = {"thousand", "million", "billion", "trillion", "bn", "percent", "cent", "points"}


def _over_not_more_than(lx: list[Lex], i: int, nh: int, toks: _Tokens, unit: str | None) -> bool:
    """"earn $2000 over 3 years", "repaid over 30 years", "a shot over two defenders": "over"
    names a period or a place, not "more than". Told by an amount right before a period, or by
    the parser attaching "over" to a verb or noun (prep) rather than to the number (quantmod)."""
    if nh != 1 or lx[i - 1].low != "over" or i < 2:
        return False
    p = lx[i - 2]
    if unit in _TIME_UNITS and (p.kind == "num" or p.text == "%" or p.low in _AMOUNT_WORDS
                                or p.low in _CURRENCY_WORD or p.low in _UNITS_CI):
        return True
    t = toks.at(lx[i - 1].start)
    return t is not None and t.dep_ == "prep"


def _written_decimal(lx: list[Lex], c: _Core) -> bool:
    return any(x.kind == "num" and "." in x.text for x in lx[c.i:c.j])


# a larger unit -> (the next smaller unit, how many of it make one): "6 feet 9 inches"
_COMPOUND: dict[str, tuple[str, int]] = {
    "ft": ("inch", 12), "h": ("min", 60), "min": ("s", 60), "lb": ("oz", 16),
}


def _compound_at(lx: list[Lex], j: int, unit: str | None, text: str) -> tuple[str, float, int, int] | None:
    """A second, smaller measure right after a first one: "6 feet 9 inches", "3 hours and 20
    minutes", "2 lb 3 oz", and the height forms "6-foot-9", "six-foot-nine", "6-foot-9-inch".
    Read as one amount in the smaller unit (81 inches), since a reporter's "6-foot-9" is one
    height, not a count of 6 and a count of 9. The smaller part must be below one larger unit
    ("6 feet 14 inches" is no compound). Returns (unit, smaller value, end lexeme, factor)."""
    if unit is None or unit not in _COMPOUND:
        return None
    small, factor = _COMPOUND[unit]
    n = len(lx)
    k = j
    hyphen = k < n and lx[k].text == "-" and not lx[k].space and k + 1 < n and not lx[k + 1].space
    if hyphen:
        k += 1
    elif k < n and lx[k].low == "and":
        k += 1
    elif k < n and lx[k].text == ",":
        return None
    c = _core_at(lx, k)
    if c is None or c.vague or c.scale != 1 or not (0 <= c.value < factor):
        return None
    if c.j < n and lx[c.j].text in (".", "/") and not lx[c.j].space:
        return None
    u2, nu2 = _unit_at(lx, c.j, text)
    if u2 is None and c.j < n and lx[c.j].text == "-" and not lx[c.j].space:
        u2, nu2 = _unit_at(lx, c.j + 1, text)
        nu2 = nu2 + 1 if u2 else 0
    if u2 == small:
        return small, c.value, c.j + nu2, factor
    if u2 is None and hyphen and unit == "ft":
        # "6-foot-9": the inches go unnamed in a height
        nxt = lx[c.j] if c.j < n else None
        if nxt is None or nxt.space or nxt.kind == "sym":
            return small, c.value, c.j, factor
    return None


_AMOUNT_END = re.compile(
    r"(?:\d|\b(?:thousand|million|billion|trillion|bn|m|k)|\b(?:%s))\s*$" % "|".join(
        sorted((re.escape(w) for w in _CURRENCY_WORD), key=len, reverse=True)), re.I)


def _states_a_figure(lx: list[Lex], k: int, toks: _Tokens) -> bool:
    """Brackets at k read as an accounting minus only where a figure is stated ("revenue is
    ($99.99)", "Net: ($4m)"); after a name they are an aside ("grants from the Energy
    Department ($9.3 million)")."""
    if k == 0:
        return True
    p = lx[k - 1]
    if p.kind == "sym":
        return p.text in (":", "=")
    t = toks.at(p.start)
    return t is None or t.pos_ in ("AUX", "VERB")


def _amount_before(before: str) -> bool:
    """Text ending in an amount: "200 million euros ($265.3 million)" gives the same sum in a
    second currency, so the brackets are a conversion, not an accounting minus."""
    return bool(_AMOUNT_END.search(before) or re.search(r"\b[A-Z]{3}\s*$", before))


def _next_is_money(lx: list[Lex], j: int) -> bool:
    if j < len(lx) and lx[j].kind == "word":
        t = lx[j].text
        if t in _SCALE_SUFFIX and j + 1 < len(lx):
            return _currency_after(lx, j + 1, True)[0] is not None
    return False


_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "sevenths": 7,
              "eighths": 8, "ninths": 9, "tenths": 10}

# fractions named after a power of ten; the singular forms are also ordinals ("the
# hundredth visitor"), so they count as a fraction only after a number or before "of"
_SCALE_FRACTIONS = {f"{w}th{s}": v for w, v in (("hundred", 1e2), ("thousand", 1e3),
                                               ("million", 1e6), ("billion", 1e9),
                                               ("trillion", 1e12)) for s in ("", "s")}

_RANGE_WORDS = {"to", "through", "thru", "till", "until", "and"}


def _range_from(lx: list[Lex], qi: int, a: _Core, a_val: float, a_unit: str | None, money: bool,
                cur: str | None, j: int, text: str, toks: _Tokens, blocked: list[tuple[int, int]]) -> _Q | None:
    """'A to B', 'between A and B', 'from A to B', 'A-B', 'A~B' -> a closed range."""
    n = len(lx)
    k = j
    # "8- to 16-meter": a dangling hyphen after the first number
    if k < n and lx[k].text == "-" and not lx[k].space and k + 1 < n and lx[k + 1].low == "to":
        k += 1
    if k >= n:
        return None
    sep = lx[k]
    prev_word = lx[qi - 1].low if qi - 1 >= 0 else ""
    between = prev_word == "between"
    frm = prev_word == "from"
    if sep.text in ("-", "\u2013", "\u2014", "~") or sep.low in ("to", "through", "thru", "till", "until") or (sep.low == "and" and between):
        pass
    else:
        return None
    if sep.low == "and" and not between:
        return None
    if sep.low in ("till", "until") and not frm:
        return None
    hyphen = sep.text in ("-", "\u2013", "\u2014", "~")
    if hyphen and (a.vague or not a.digits):
        return None
    if hyphen and sep.space != (k + 1 < n and lx[k + 1].space):
        return None  # "20 -30" is not a range
    b_i = k + 1
    # currency before B: "$1 million to $2 million"
    bcur, nb = (None, 0)
    if b_i < n and lx[b_i].text in ("$", "€", "£") or (b_i + 1 < n and lx[b_i + 1].text == "$"):
        for t in (1, 2):
            if b_i + t < n:
                c2, n2 = _currency_before(lx, b_i + t)
                if c2:
                    bcur, nb = c2, t
                    break
    b_sign = 1.0
    if b_i + nb < n and lx[b_i + nb].text in ("-", "\u2212") and not hyphen:
        b_sign, nb = -1.0, nb + 1
    elif hyphen and b_i < n and lx[b_i].text in ("-", "\u2212") and not lx[b_i].space:
        return None
    b = _core_at(lx, b_i + nb)
    if b is None or b.vague:
        return None
    if hyphen and not b.digits:
        return None
    b = _attached_scale(lx, b, money or bcur is not None or _next_is_money(lx, b.j))
    if _blocked(lx, b.i, b.j, blocked):
        return None
    b_unit, nbu = _unit_at(lx, b.j, text)
    scaled_a = hyphen and a.scale > 1 and k > 0 and lx[k - 1].text in _SCALE_SUFFIX
    if _is_non_quantity(lx, b, text, toks, money or bcur is not None, b_unit, range_end=scaled_a):
        return None
    bj = b.j + nbu
    if b_unit is None and bcur is None and not money:
        c3, n3 = _currency_after(lx, b.j, b.scale > 1)
        if c3:
            bcur, bj = c3, b.j + n3
    unit = a_unit or b_unit or (bcur if bcur else None)
    if a_unit and b_unit and a_unit != b_unit:
        return None
    if money and bcur and cur and bcur != cur:
        return None
    lo_v = a_val
    hi_v = b_sign * b.value
    # scale sharing: "between 1.2 and 1.5 million", "5 to 10 percent"
    if b.scale > 1 and a.scale == 1 and a_val * b.scale <= hi_v * 1.0001 and a_val < b.value / b.scale * 1.0001 + 1e-9:
        lo_v = a_val * b.scale
    if lo_v > hi_v:
        if hyphen:
            return None  # "3-1": a score or a code, not a range
        # "from 50 to 30" after a verb of change is a before/after pair, not a range
        if _change_before(lx, qi, toks):
            return None
        lo_v, hi_v = hi_v, lo_v
    elif frm and _change_before(lx, qi, toks):
        return None
    if lo_v == hi_v and hyphen:
        return None
    if hyphen and _phone_like(lx, k):
        return None
    start = qi - 1 if (between or frm) else qi
    rng = _Q(start, bj, lo_v, hi_v, unit, "range", None, False, a.i, b.j)
    return rng


_CLOCK_MARK = re.compile(
    r"\s*(?:[ap]\.?\s?m\b\.?|o['\u2019]clock\b|in\s+the\s+(?:morning|afternoon|evening)\b|at\s+night\b"
    r"|tonight\b|this\s+(?:morning|afternoon|evening)\b|local\s+time\b)", re.I)
_CLOCK_ZONE = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|IST|JST)\b")
_CLOCK_JOIN = re.compile(r"\s*(?:-|\u2013|to|till|until|through|and|or)\s+(?P<n>\d{1,2}(?:[.:]\d\d)?)(?![\d,])", re.I)


def _clock_value(v: float) -> bool:
    """A number that can be read on a clock face: 0-24 whole hours, or h.mm with mm < 60."""
    if v < 0 or v > 24:
        return False
    frac = round((v - int(v)) * 100, 6)
    return frac == int(frac) and frac < 60


def _clock_text(s: str) -> bool:
    """Digits or words as written on a clock: "10", "11.30", "ten" ("2.1" is no time of day)."""
    if re.fullmatch(r"\d{1,2}(?:[.:]\d\d)?", s):
        return _clock_value(float(s.replace(":", ".")))
    v = numwords.small_value(s)
    return v is not None and 0 < v <= 12


def _clock_follows(after: str, joined: bool) -> bool:
    """Text right after a number marks it as a clock reading ("5 p.m.", "8 in the morning",
    "10 GMT"); with ``joined``, also the first end of a span whose second end is one ("7 and
    10 p.m.", "9-11am")."""
    if _CLOCK_MARK.match(after) or _CLOCK_ZONE.match(after):
        return True
    if joined:
        m = _CLOCK_JOIN.match(after)
        if m and _clock_value(float(m.group("n").replace(":", "."))):
            rest = after[m.end():]
            return bool(_CLOCK_MARK.match(rest) or _CLOCK_ZONE.match(rest))
    return False


def _clock_range(lx: list[Lex], q: _Q, text: str, toks: _Tokens) -> bool:
    """A range of unitless numbers that is a span of clock time: "between 6 and 11 in the
    evening", or "from 9 to 5" - a from/to span that runs backwards can only be the clock
    wrapping round (a fall would have a verb of change, read before this), unless its second
    end counts a noun ("from 9 to 5 seats")."""
    if q.low is None or q.high is None or not (_clock_value(q.low) and _clock_value(q.high)):
        return False
    end = lx[q.j - 1].end
    if _clock_follows(text[end:], False):
        return True
    if q.i >= len(lx) or lx[q.i].low not in ("from",) or q.core_i >= len(lx):
        return False
    first = _core_at(lx, q.core_i)
    if first is None or first.value <= q.low or first.value > 12 or q.high > 12:
        return False  # not written high-to-low, or past the twelve-hour face
    nxt = toks.at(end + len(text[end:]) - len(text[end:].lstrip()))
    return not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"))


def _change_before(lx: list[Lex], qi: int, toks: _Tokens) -> bool:
    """A verb of change before 'from': 'rose from 40 to 65'."""
    k = qi - 1
    if k >= 0 and lx[k].low == "from":
        k -= 1
    for back in range(0, 4):
        if k - back < 0:
            break
        t = toks.at(lx[k - back].start)
        if t is not None and t.lemma_.lower() in _CHANGE_LEMMAS and t.pos_ in ("VERB", "AUX", "NOUN", "ADP", "ADV"):
            return True
        if lx[k - back].low in ("rose", "fell", "increased", "decreased", "reduced", "dropped", "grew", "climbed", "jumped", "changed", "raised", "cut"):
            return True
    return False


def _merge_two_sided(lx: list[Lex], qs: list[_Q]) -> list[_Q]:
    """'at most 100 and at least 20' -> [20, 100]: one lower and one upper bound joined by
    'and'/'but' describe one interval, unless they cannot both hold ('more than 40 and less
    than 10' are two ranges)."""
    out: list[_Q] = []
    k = 0
    while k < len(qs):
        q = qs[k]
        if k + 1 < len(qs):
            r = qs[k + 1]
            glue = [x.low for x in lx[q.j:r.i]]
            if glue in (["and"], ["but"], [",", "and"], [",", "but"], [","]) and q.unit == r.unit:
                one_lo = q.low is not None and q.high is None
                one_hi = q.high is not None and q.low is None
                two_lo = r.low is not None and r.high is None
                two_hi = r.high is not None and r.low is None
                lo = hi = None
                if one_lo and two_hi:
                    lo, hi = q.low, r.high
                elif one_hi and two_lo:
                    lo, hi = r.low, q.high
                if lo is not None and hi is not None and lo <= hi:
                    out.append(_Q(q.i, r.j, lo, hi, q.unit, "range", None, False, q.core_i, r.core_j))
                    k += 2
                    continue
        out.append(q)
        k += 1
    return out
