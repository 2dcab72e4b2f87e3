"""Shared fixtures: the model and spaCy load once per test session; paths to bundled data."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Every test session gets its own Prefect home: the temporary servers and artifacts of one
# session never mix with another's (or with the user's ~/.prefect).
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="crosscheck-test-prefect-"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from crosscheck.nlp.sentences import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def model():
    from crosscheck.embed import load_model

    return load_model()


@pytest.fixture
def store(tmp_path):
    from crosscheck.store import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture
def examples_copy(tmp_path) -> Path:
    dst = tmp_path / "articles"
    shutil.copytree(EXAMPLES, dst)
    return dst


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present (the shared evaluation data sits beside the checkout)")
    return SHARED


@pytest.fixture
def parse(nlp):
    """Parse a text as an article body: returns (article, doc, sentences)."""
    from crosscheck.models import Article
    from crosscheck.nlp.sentences import sentences_of

    def _parse(body: str, published: str | None = "2025-04-13T09:00:00+00:00", article_id: str = "t1"):
        article = Article(article_id=article_id, body=body, published=published)
        doc = nlp(body)
        return article, doc, sentences_of(article, doc)

    return _parse


@pytest.fixture(scope="session")
def nums(nlp):
    """Numeric mentions of a text, sentence by sentence; each one's offsets checked."""
    from crosscheck.nlp.numbers import find_numbers

    def run(text: str):
        doc = nlp(text)
        out = []
        for s in doc.sents:
            for m in find_numbers(s):
                assert doc.text[m.start:m.end] == m.text
                out.append(m)
        return out

    return run
