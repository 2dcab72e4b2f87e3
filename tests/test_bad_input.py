"""The bad-input catalogue (docs/bad-input.md): every kind of dirty file, each with its outcome.

Each case writes its bad file into a folder beside a good article, at test time, and checks the
documented outcome: the good article is still read, the bad one is either kept (with the text
or a warning as documented) or skipped with a one-line reason naming it. Command-line cases run
`.venv/bin/crosscheck` and expect exit 2 with one stderr line. One end-to-end run puts one file
of every kind into a folder with the bundled examples and checks report.json's `skipped`.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from crosscheck import config
from crosscheck.ingest import FolderError, check_folder, limits, read_folder
from tests.conftest import EXAMPLES, ROOT

CLI = [str(ROOT / ".venv" / "bin" / "crosscheck")]
GOOD = "---\ntitle: Good\npublished: 2024-02-08\n---\nThree firefighters were injured on Tuesday.\n"
TEXT = "The council said 40 homes were flooded on Monday. "


def _folder(tmp_path: Path, name: str, data: bytes | str) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    target = folder / name
    if isinstance(data, str):
        target.write_text(data, encoding="utf-8")
    else:
        target.write_bytes(data)
    return folder


def _only_skip(res, name: str, words: str):
    """The good article is read; exactly one skip, naming the file, on one line."""
    assert "good" in [a.article_id for a in res.articles]
    assert len(res.skipped) == 1, res.skipped
    (skip,) = res.skipped
    assert name in skip.path
    assert words.lower() in skip.reason.lower(), skip.reason
    assert "\n" not in skip.reason and "\n" not in skip.path
    return skip


def _kept(res, article_id: str):
    assert not res.skipped, res.skipped
    ids = {a.article_id: a for a in res.articles}
    assert set(ids) == {"good", article_id}
    return ids[article_id]


# --- skipped with a reason -----------------------------------------------------------------

SKIPPED = [
    # (case, file name, bytes, words of the reason)
    ("empty file", "empty.md", b"", "empty file"),
    ("whitespace only", "blank.txt", b" \n\t\r\n   \n", "only whitespace"),
    ("binary with NUL bytes", "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("binary without NUL bytes", "noise.txt", bytes(range(1, 32)) * 200, "binary"),
    ("broken YAML front matter", "yaml.md", b"---\ntitle: [unclosed\nsource: x\n---\nBody.\n", "broken YAML front matter at line"),
    ("front matter never closed", "open.md", b"---\ntitle: T\nBody without the closing line.\n", "never closed"),
    ("front matter is a list", "list.md", b"---\n- a\n- b\n---\nBody.\n", "not a mapping"),
    ("front matter is a scalar", "scalar.md", b"---\njust words\n---\nBody.\n", "not a mapping"),
    ("nothing after the front matter", "nobody.md", b"---\ntitle: T\n---\n\n  \n", "no body text"),
    ("JSON that is a list", "list.json", b'[{"text": "A body."}]', "is a list"),
    ("JSON that is a string", "string.json", b'"A body."', "is a string"),
    ("JSON without text", "notext.json", b'{"title": "T"}', "no 'text'"),
    ("JSON text not a string", "numtext.json", b'{"text": 42}', "no 'text'"),
    ("truncated JSON", "cut.json", b'{"title": "T", "text": "A bo', "invalid JSON at line 1"),
    ("JSON nested too deeply", "deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("HTML with no text", "nav.html", b"<html><body><nav><a href='/'>Home</a></nav><script>var x=1;</script></body></html>", "no main text"),
    ("unknown extension", "scan.pdf", b"%PDF-1.4\n", "unknown extension '.pdf'"),
    ("no extension", "README", b"notes", "unknown extension '(none)'"),
    (
        "one enormous line",
        "dump.txt",
        ("word " * (limits.MAX_UNBROKEN_CHARS // 4)).encode(),
        "one enormous line",
    ),
    (
        "body too long for parsing",
        "long.txt",
        (TEXT * (limits.MAX_BODY_CHARS // len(TEXT) + 10)).encode(),
        "body too long",
    ),
]


@pytest.mark.parametrize("case,name,data,words", SKIPPED, ids=[c[0] for c in SKIPPED])
def test_skipped_with_reason(tmp_path, case, name, data, words):
    _only_skip(read_folder(_folder(tmp_path, name, data)), name, words)


def test_very_large_article_50mb(tmp_path):
    """A 50 MB dump is refused from its size alone, before a byte of it is read."""
    folder = _folder(tmp_path, "good2.md", GOOD)
    block = (TEXT * 2000).encode()
    with open(folder / "dump.md", "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    assert (folder / "dump.md").stat().st_size >= 50 * 1024 * 1024 > config.MAX_ARTICLE_BYTES
    res = read_folder(folder)
    assert sorted(a.article_id for a in res.articles) == ["good", "good2"]
    (skip,) = res.skipped
    assert "dump.md" in skip.path and "too large" in skip.reason and "MB limit" in skip.reason


def test_unreadable_file(tmp_path, monkeypatch):
    folder = _folder(tmp_path, "locked.md", GOOD)
    target = folder / "locked.md"
    target.chmod(0)
    if os.geteuid() == 0:  # root reads through permissions: make the read itself fail as it would
        real = Path.read_bytes

        def read_bytes(self):
            if self.name == "locked.md":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _only_skip(read_folder(folder), "locked.md", "unreadable (Permission denied)")


def test_symlink_loop(tmp_path):
    folder = _folder(tmp_path, "good2.txt", "Another good one.")
    os.symlink(folder / "loop-b.md", folder / "loop-a.md")
    os.symlink(folder / "loop-a.md", folder / "loop-b.md")
    res = read_folder(folder)
    assert sorted(a.article_id for a in res.articles) == ["good", "good2"]
    assert sorted(Path(s.path).name for s in res.skipped) == ["loop-a.md", "loop-b.md"]
    assert all(s.reason == "symbolic link loop" for s in res.skipped)


def test_broken_symlink(tmp_path):
    folder = _folder(tmp_path, "good2.txt", "Another good one.")
    os.symlink(tmp_path / "gone.md", folder / "dangling.md")
    res = read_folder(folder)
    (skip,) = res.skipped
    assert "dangling.md" in skip.path and "broken symbolic link" in skip.reason


def test_named_pipe_is_not_read(tmp_path):
    """Reading a FIFO would block the run forever; it is refused from its file type."""
    folder = _folder(tmp_path, "good2.txt", "Another good one.")
    os.mkfifo(folder / "pipe.md")
    res = read_folder(folder)  # returning at all is the main assertion
    (skip,) = res.skipped
    assert "pipe.md" in skip.path and "not a regular file" in skip.reason


def test_duplicate_ids_same_stem_two_extensions(tmp_path):
    folder = _folder(tmp_path, "story.md", "First copy.")
    (folder / "story.txt").write_text("Second copy.")
    res = read_folder(folder)
    assert sorted(a.article_id for a in res.articles) == ["good", "story"]
    assert next(a for a in res.articles if a.article_id == "story").body == "First copy."  # sorted: .md first
    (skip,) = res.skipped
    assert skip.path.endswith("story.txt") and "duplicate article id 'story'" in skip.reason
    assert "story.md" in skip.reason


def test_jsonl_one_bad_line_among_good(tmp_path):
    lines = [
        json.dumps({"id": "k1", "text": "One."}),
        '{"id": "k2", "text": "cut',
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "k1", "text": "duplicate id"}),
        "",
        json.dumps({"id": "k3", "text": "Three.", "published": "2024-02-08"}),
    ]
    folder = _folder(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    res = read_folder(folder)
    assert sorted(a.article_id for a in res.articles) == ["good", "k1", "k3"]
    reasons = {Path(s.path).name: s.reason for s in res.skipped}
    assert set(reasons) == {"feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5"}
    assert "invalid JSON" in reasons["feed.jsonl:2"]
    assert "is a list" in reasons["feed.jsonl:3"]
    assert "no usable 'id'" in reasons["feed.jsonl:4"]
    assert "duplicate" in reasons["feed.jsonl:5"]


def test_jsonl_line_separator_inside_a_string(tmp_path):
    """U+2028 is legal raw inside a JSON string; it must not split the record in two."""
    body = "First part.\u2028Second part with 12 boats."
    folder = _folder(tmp_path, "feed.jsonl", json.dumps({"id": "k1", "text": body}, ensure_ascii=False) + "\n")
    assert _kept(read_folder(folder), "k1").body == body


def test_control_characters_in_file_name_stay_on_one_line(tmp_path):
    folder = _folder(tmp_path, "bad\nname\x1b.pdf", b"x")
    (skip,) = read_folder(folder).skipped
    assert "\n" not in skip.path and "\x1b" not in skip.path and "bad\\nname\\x1b.pdf" in skip.path


# --- kept: text recovered, or a warning -------------------------------------------------------


@pytest.mark.parametrize(
    "case,data",
    [
        ("cp1252", "---\ntitle: Caf\u00e9 fire\n---\nThe mayor\u2019s office said \u20ac40,000 of damage.\n".encode("cp1252")),
        ("latin-1", "---\ntitle: Z\u00fcrich\n---\nIn Z\u00fcrich, 30 people \u00e0 la gare were hurt.\n".encode("latin-1")),
        ("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + "---\ntitle: Caf\u00e9\n---\nThe mayor\u2019s office.\n".encode("utf-16-le")),
        ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + "---\ntitle: Caf\u00e9\n---\nThe mayor\u2019s office.\n".encode("utf-16-be")),
        ("UTF-16 without BOM", "---\ntitle: Caf\u00e9\n---\nThe mayor\u2019s office.\n".encode("utf-16-le")),
        ("UTF-8 with BOM", codecs.BOM_UTF8 + "---\ntitle: Caf\u00e9\n---\nThe mayor\u2019s office.\n".encode("utf-8")),
    ],
)
def test_other_encodings_keep_the_text(tmp_path, case, data):
    art = _kept(read_folder(_folder(tmp_path, "enc.md", data)), "enc")
    assert art.title in ("Caf\u00e9 fire", "Z\u00fcrich", "Caf\u00e9")  # front matter found: BOM gone
    assert "\ufffd" not in art.body and "\x00" not in art.body
    assert ("\u2019" in art.body) or ("\u00e0" in art.body)


def test_download_cut_inside_a_utf8_character(tmp_path):
    cut = "The caf\u00e9 said 40 people were hurt \u2014".encode()[:-1]  # inside the 3-byte dash
    art = _kept(read_folder(_folder(tmp_path, "cut.txt", cut)), "cut")
    assert art.body == "The caf\u00e9 said 40 people were hurt "  # not re-read as cp1252 mojibake


@pytest.mark.parametrize("value", ["yesterday", "2024-02-30", "2024-13-01", "08/02/2024", "[2024, 2]", "{a: 1}"])
def test_malformed_published_keeps_article_with_warning(tmp_path, value):
    folder = _folder(tmp_path, "p.md", f"---\ntitle: T\npublished: {value}\n---\nBody with 3 boats.\n")
    res = read_folder(folder)
    art = _kept(res, "p")
    assert art.published is None
    (warning,) = res.warnings
    assert "p.md" in warning and "published" in warning and "unresolved" in warning and "\n" not in warning


def test_published_in_the_future_is_kept_with_warning(tmp_path):
    folder = _folder(tmp_path, "f.md", "---\npublished: 2999-01-01T10:00:00Z\n---\nBody.\n")
    res = read_folder(folder)
    art = _kept(res, "f")
    assert art.published == "2999-01-01T10:00:00+00:00"
    (warning,) = res.warnings
    assert "f.md" in warning and "in the future" in warning


def test_yaml_alias_bomb_is_not_expanded(tmp_path):
    """Nested aliases are cheap to load but explode when turned into text; metadata must be a scalar."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    front = "\n".join(lines) + "\ntitle: *i\nsource: *h\n"
    res = read_folder(_folder(tmp_path, "bomb.md", f"---\n{front}---\nBody.\n"))
    art = _kept(res, "bomb")
    assert art.title is None and art.source is None


def test_minified_html_on_one_line_is_read(tmp_path):
    para = "<p>" + "A fire destroyed a warehouse on Tuesday night, officials said. " * 40 + "</p>"
    page = "<html><head><title>Fire</title></head><body><article><h1>Fire</h1>" + para * 10 + "</article></body></html>"
    assert "\n" not in page and len(page) > limits.MAX_UNBROKEN_CHARS
    art = _kept(read_folder(_folder(tmp_path, "mini.html", page)), "mini")
    assert "warehouse" in art.body


def test_path_like_ids_are_flattened(tmp_path):
    lines = [json.dumps({"id": i, "text": "Body."}) for i in ("../../x", "/etc/passwd", "a\\b", "new\nline")]
    lines.append(json.dumps({"id": "..", "text": "Body."}))
    res = read_folder(_folder(tmp_path, "feed.jsonl", "\n".join(lines)))
    ids = sorted(a.article_id for a in res.articles)
    assert ids == sorted(["good", ".._.._x", "_etc_passwd", "a_b", "new line"])
    assert all("/" not in i and "\\" not in i and "\n" not in i for i in ids)
    (skip,) = res.skipped
    assert "unusable article id '..'" in skip.reason


def test_empty_and_missing_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert read_folder(empty).articles == []  # a flow over an empty inbox simply has nothing to do
    with pytest.raises(FolderError, match="no article files"):
        check_folder(empty)
    (empty / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(FolderError, match="1 other entries"):
        check_folder(empty)
    with pytest.raises(FolderError, match="no such folder"):
        read_folder(tmp_path / "missing")
    with pytest.raises(FolderError, match="not a folder"):
        read_folder(empty / "notes.pdf")


# --- command line: unusable arguments, exit 2 with one line ------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, env=full_env)


def _one_line_exit_2(proc: subprocess.CompletedProcess, *words: str) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert len(lines) == 1, proc.stderr[-3000:]
    for w in words:
        assert w in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    return lines[0]


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(EXAMPLES / "fire-post.md", folder)
    return folder


@pytest.mark.e2e
def test_cli_missing_folder(tmp_path):
    _one_line_exit_2(_cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")), "nope", "no such folder")


@pytest.mark.e2e
def test_cli_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    _one_line_exit_2(_cli("run", str(tmp_path / "empty"), "--out", str(tmp_path / "out")), "empty", "no article files")


@pytest.mark.e2e
def test_cli_output_folder_not_writable(tmp_path):
    arts = _articles(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    _one_line_exit_2(_cli("run", str(arts), "--out", str(blocker / "out")), "a-file", "output folder")
    if os.geteuid() != 0:  # root writes through permissions; the path case above covers root
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        _one_line_exit_2(_cli("run", str(arts), "--out", str(ro / "out")), "ro")


def _db_case(tmp_path: Path, make) -> tuple[subprocess.CompletedProcess, Path, bytes]:
    arts = _articles(tmp_path)
    db = tmp_path / "store.duckdb"
    make(db)
    before = db.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text('{"stale": true}')  # an old report must not pass for this run
    return _cli("run", str(arts), "--out", str(out), "--db", str(db)), db, before


@pytest.mark.e2e
def test_cli_corrupt_duckdb(tmp_path):
    proc, db, before = _db_case(tmp_path, lambda p: p.write_bytes(os.urandom(64 * 1024)))
    _one_line_exit_2(proc, "store.duckdb", "not a usable DuckDB file")
    assert db.read_bytes() == before


@pytest.mark.e2e
def test_cli_duckdb_from_newer_schema(tmp_path):
    def newer(p: Path) -> None:
        con = duckdb.connect(str(p))
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema_version', '99')")
        con.close()

    proc, db, before = _db_case(tmp_path, newer)
    _one_line_exit_2(proc, "store.duckdb", "newer crosscheck", "v99")
    assert db.read_bytes() == before


# --- one run over a folder holding every kind at once -------------------------------------------

MIXED_SKIPS = {name: words for _, name, data, words in SKIPPED}


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """The bundled examples plus one file of each skipped kind and the recoverable encodings."""
    base = tmp_path_factory.mktemp("mixed")
    folder = base / "articles"
    shutil.copytree(EXAMPLES, folder)
    for _, name, data, _ in SKIPPED:
        (folder / name).write_bytes(data)
    (folder / "w1252.txt").write_bytes("The mayor\u2019s caf\u00e9 reopened.".encode("cp1252"))
    (folder / "wide.txt").write_bytes(codecs.BOM_UTF16_LE + "A wide text about 3 boats.".encode("utf-16-le"))
    (folder / "fire-post.txt").write_text("Same stem as an example: a duplicate id.")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "../../escaped", "text": "Two boats sank."}) + "\n{bad\n")
    os.symlink(folder / "loop2.md", folder / "loop1.md")
    os.symlink(folder / "loop1.md", folder / "loop2.md")
    out = base / "out"
    proc = _cli("run", str(folder), "--out", str(out), timeout=900)
    return proc, folder, out


@pytest.mark.e2e
def test_mixed_folder_reports_every_skip_and_keeps_every_good_article(mixed_run):
    proc, folder, out = mixed_run
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    report = json.loads((out / "report.json").read_text())
    ids = {a["article_id"] for a in report["articles"]}
    examples = {p.stem for p in EXAMPLES.iterdir()}
    assert examples | {"w1252", "wide", ".._.._escaped"} == ids
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    expected = set(MIXED_SKIPS) | {"fire-post.txt", "feed.jsonl:2", "loop1.md", "loop2.md"}
    assert set(skipped) == expected
    for name, words in MIXED_SKIPS.items():
        assert words.lower() in skipped[name].lower(), (name, skipped[name])
    assert "duplicate" in skipped["fire-post.txt"]
    assert all("\n" not in r for r in skipped.values())
    assert not list(folder.parent.glob("escaped*")) and not (folder.parent.parent / "escaped").exists()


@pytest.mark.e2e
def test_mixed_folder_logs_each_skip_on_one_line(mixed_run):
    proc, _, _ = mixed_run
    assert "Traceback" not in proc.stderr
    logged = [ln for ln in proc.stderr.splitlines() if "skipped" in ln]
    for name in MIXED_SKIPS:
        assert any(name in ln for ln in logged), name
