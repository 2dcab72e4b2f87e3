"""Page furniture is stripped at ingest and never becomes a claim; the rest stays byte for byte."""

from __future__ import annotations

import pytest

from crosscheck.ingest.boilerplate import is_furniture, strip_boilerplate


@pytest.mark.parametrize("line", [
    "Page 2 of 5", "(Page 3 of 7)", "Slideshow (12 Images)", "Gallery (4 photos)", "View 9 photos",
    "3 of 14 photos", "1,234 shares", "56 comments", "Comments (45)", "12K views", "Share | Tweet | Email",
    "By Mara Quill", "By Mara Quill and Teo Brandt, Harbour Wire", "Reporting by Ana Vell; Editing by Joss Reed",
    "(Additional reporting by Ana Vell)", "Advertisement", "Read more",
])
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "By noon, 14 boats had burned in the harbour.",
    "By the time firefighters arrived the warehouse had collapsed, officials said.",
    "Five pages of the inquiry report were released on Monday.",
    "The ferry had 1,234 passengers aboard when it listed.",
    "Police shared 12 images of the suspects with reporters.",
])
def test_story_lines_stay(line: str) -> None:
    assert not is_furniture(line)


def test_strip_keeps_the_story_and_drops_counters_inline_and_on_their_own_line() -> None:
    body = ("By Mara Quill\n\nFourteen boats burned in the harbour on Sunday. Slideshow (6 Images) "
            "The fire started at dawn.\nPage 1 of 2\n312 shares\nCrews fought it for nine hours.\n")
    out = strip_boilerplate(body)
    assert out == ("\nFourteen boats burned in the harbour on Sunday. The fire started at dawn.\n"
                   "Crews fought it for nine hours.\n")


def test_no_claim_comes_from_furniture(tmp_path) -> None:
    from crosscheck.ingest import read_folder

    (tmp_path / "a.md").write_text("---\ntitle: Fire\nsource: Harbour Wire\npublished: 2031-05-02\n---\n"
                                   "Slideshow (12 Images)\n\nFourteen boats burned in the harbour.\n2,345 shares\n",
                                   encoding="utf-8")
    (article,) = read_folder(tmp_path).articles
    assert "12 Images" not in article.body and "2,345" not in article.body
    assert article.body.strip() == "Fourteen boats burned in the harbour."
