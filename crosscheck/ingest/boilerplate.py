"""Page furniture that is not the article: it must never become a claim.

News pages carry counters and credits around the story: "Page 2 of 5", "Slideshow (12
Images)", "1,234 shares", "56 comments", "By Jane Roe, Staff Writer", "Reporting by ...;
Editing by ...". Each holds a number or a name, so left in the body it is read as a figure or
a party ("12 images" against "9 killed" is nonsense, but "Page 2 of 5" next to "five bridges"
is a conflict waiting to happen).

Stripped at ingest, from the body of every format, before the body is stored: the stored body
is the one every sentence and claim offset points into, so offsets stay consistent by
construction. A whole line that is furniture goes; inside a line only the unambiguous
furniture phrases (slideshow and page counters) go, with the space before them.
"""

from __future__ import annotations

import re

# A line that is entirely one of these is furniture (matched on the stripped line, any case).
LINE_PATTERNS: tuple[str, ...] = (
    r"\(?page \d+ of \d+\)?",                                    # Page 2 of 5
    r"(slide ?show|gallery|photos?|images?|pictures?)\s*\(\d+\s*(images?|photos?|pictures?|slides?)\)",
    r"(view|see) (the )?(\d+ )?(photos?|images?|pictures?|gallery|slide ?show)",
    r"\d+ of \d+ (photos?|images?)",
    r"\(?\d[\d,.]*\s*[km]?\s*(shares?|comments?|views?|likes?|retweets?|reactions?)\)?",  # 1,234 shares
    r"(share|shares|comments?|tweet|likes?)\s*\(?\d[\d,.]*[km]?\)?",                      # Comments (45)
    r"(share|tweet|email|print|comment|save)( (this|on|via) \w+)?( \| (share|tweet|email|print|comment|save))*",
    r"[Bb]y [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}(( and|,) [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3})*(,? [\w .'-]{0,40})?",
    r"\(?(additional )?(reporting|writing|editing|compiled|edited|written) by [^\n]{1,160}\)?",
    r"(advertisement|read more|related( stories| articles| coverage)?|story continues below)",
)
# Inside a line, phrases that are furniture wherever they stand.
INLINE_PATTERNS: tuple[str, ...] = (
    r"\s*\b(slide ?show|gallery)\s*\(\d+\s*(images?|photos?|pictures?|slides?)\)",
    r"\s*\(page \d+ of \d+\)",
)

_LINE = re.compile(r"^(?:" + "|".join(LINE_PATTERNS) + r")[.:]?$", re.IGNORECASE)
_LINE_BYLINE = re.compile(LINE_PATTERNS[7] + r"$")  # bylines are matched with their capitals
_INLINE = re.compile("|".join(INLINE_PATTERNS), re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """Whether a whole line (stripped) is page furniture rather than text of the story."""
    text = " ".join(line.split())
    if not text or len(text) > 200:
        return False
    if text.lower().startswith("by "):
        return _LINE_BYLINE.match(text) is not None and len(text.split()) <= 12
    return _LINE.match(text) is not None


def strip_boilerplate(body: str) -> str:
    """The body without furniture lines and phrases; the rest of the text byte for byte."""
    kept = []
    for line in body.splitlines(keepends=True):
        if is_furniture(line):
            continue
        kept.append(_INLINE.sub("", line))
    return "".join(kept)
