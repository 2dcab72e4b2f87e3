"""Ingest: every contract format, ids from file stems, bad files skipped with a reason."""

from __future__ import annotations

import json

import pytest

from crosscheck.ingest import FolderError, read_folder


def test_markdown_front_matter(tmp_path):
    (tmp_path / "a1.md").write_text(
        '---\ntitle: "T"\nsource: S\npublished: 2024-02-08T10:00:00\nurl: http://x\n---\nBody text here.\n'
    )
    res = read_folder(tmp_path)
    (art,) = res.articles
    assert art.article_id == "a1"
    assert art.title == "T" and art.source == "S" and art.url == "http://x"
    assert art.published == "2024-02-08T10:00:00+00:00"  # no zone means UTC
    assert art.body == "Body text here.\n"


def test_txt_without_front_matter(tmp_path):
    (tmp_path / "plain.txt").write_text("Just a body.")
    (art,) = read_folder(tmp_path).articles
    assert art.body == "Just a body." and art.published is None


def test_json_and_jsonl(tmp_path):
    (tmp_path / "j1.json").write_text(json.dumps({"body": "One.", "title": "J"}))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "k1", "text": "Two."}) + "\n{broken\n" + json.dumps({"id": "k2", "text": "Three."}) + "\n"
    )
    res = read_folder(tmp_path)
    assert sorted(a.article_id for a in res.articles) == ["j1", "k1", "k2"]
    assert len(res.skipped) == 1 and "feed.jsonl:2" in res.skipped[0].path


def test_html_main_text(tmp_path):
    page = (
        "<html><head><title>Fire in town</title></head><body><nav>Home | News</nav><article>"
        "<h1>Fire in town</h1><p>" + "A fire destroyed a warehouse on Tuesday night, officials said. " * 5 +
        "</p><p>Three firefighters were injured when the roof collapsed during the blaze.</p></article></body></html>"
    )
    (tmp_path / "h1.html").write_text(page)
    (art,) = read_folder(tmp_path).articles
    assert "Three firefighters were injured" in art.body
    assert "Home | News" not in art.body


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.md", b"", "empty"),
        ("bin.md", b"\x00\x01\x02binary", "binary"),
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody\n", "YAML"),
        ("list.json", b"[1, 2]", "list"),
        ("notext.json", b'{"title": "x"}', "text"),
        ("x.pdf", b"%PDF", "extension"),
    ],
)
def test_bad_files_are_skipped_with_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text("A good article.")
    res = read_folder(tmp_path)
    assert [a.article_id for a in res.articles] == ["good"]
    (skip,) = res.skipped
    assert name in skip.path and reason.lower() in skip.reason.lower()
    assert "\n" not in skip.reason


def test_cp1252_text_is_kept(tmp_path):
    (tmp_path / "w.txt").write_bytes("The mayor’s office said café owners were hit.".encode("cp1252"))
    (art,) = read_folder(tmp_path).articles
    assert "café" in art.body


def test_malformed_published_keeps_article(tmp_path):
    (tmp_path / "p.md").write_text("---\npublished: 2024-02-30\n---\nBody.\n")
    res = read_folder(tmp_path)
    assert res.articles[0].published is None
    assert res.warnings and "2024-02-30" in res.warnings[0]


def test_duplicate_ids(tmp_path):
    (tmp_path / "d.md").write_text("One.")
    (tmp_path / "d.txt").write_text("Two.")
    res = read_folder(tmp_path)
    assert len(res.articles) == 1 and "duplicate" in res.skipped[0].reason


def test_missing_folder(tmp_path):
    with pytest.raises(FolderError):
        read_folder(tmp_path / "nope")
