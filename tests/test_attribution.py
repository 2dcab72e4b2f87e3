"""Attributions widened to the sentence's noun phrase (invented sentences)."""

from __future__ import annotations

import pytest

from crosscheck.reports.attribution import attribution_text


@pytest.mark.parametrize(("sentence", "key", "expected"), [
    ("Nine boats burned, a harbour police spokesman said.", "spokesman", "a harbour police spokesman"),
    ("The toll reached 12, the health ministry said on Monday.", "ministry", "the health ministry"),
    ("The toll reached 12, a spokeswoman for Corrin General Hospital said.", "spokeswoman",
     "a spokeswoman for Corrin General Hospital"),
    ("Twelve died, Harbour Master Ilse Varga told reporters.", "varga", "Harbour Master Ilse Varga"),
    ("At least 40 were hurt, organisers said.", "organiser", "organisers"),
    ("Nothing here names the source.", "ministry", "ministry"),
])
def test_attribution_text(sentence: str, key: str, expected: str) -> None:
    assert attribution_text(sentence, key) == expected


def test_no_key_is_none() -> None:
    assert attribution_text("Any sentence.", None) is None
