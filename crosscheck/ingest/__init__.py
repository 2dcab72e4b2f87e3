"""Reading a folder of articles in the contract's formats.

Each file becomes zero or more Articles, or a Skip with a one-line reason; a bad file never
stops the others from being read. The catalogue of bad inputs and what happens to each is in
docs/bad-input.md; every entry there has a test in tests/test_bad_input.py.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck import config
from crosscheck.ingest.boilerplate import strip_boilerplate
from crosscheck.ingest import html as html_format
from crosscheck.ingest import jsonfile, markdown
from crosscheck.ingest.decode import IngestError, decode
from crosscheck.ingest.limits import MAX_BODY_CHARS, MAX_UNBROKEN_CHARS
from crosscheck.ingest.meta import future_warning, normalise_published, text_field
from crosscheck.models import Article, Skip

log = logging.getLogger("crosscheck.ingest")

# Ids name rows, anchors and (in other tools) files: at most this long, never a path.
MAX_ID_CHARS = 200
_UNSAFE_ID = re.compile(r"[\x00-\x1f\x7f/\\]")
_UNBROKEN = re.compile(r"[^\n\r.!?\u3002\uff01\uff1f]{%d,}" % (MAX_UNBROKEN_CHARS + 1))


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class FolderError(ValueError):
    """The folder itself is unusable (missing, not a folder, unreadable, no articles): exit 2."""


def one_line(text: str) -> str:
    """File names and reasons are shown on one line: control characters are written escaped."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _entries(folder: Path) -> list[Path]:
    if not folder.exists():
        raise FolderError(f"{one_line(str(folder))}: no such folder")
    if not folder.is_dir():
        raise FolderError(f"{one_line(str(folder))}: not a folder")
    try:
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise FolderError(f"{one_line(str(folder))}: cannot list ({exc.strerror})") from None


def check_folder(folder: Path) -> None:
    """For the command line: a folder holding no file with an article extension is a wrong
    argument (exit 2), while a folder of bad articles still runs and reports every skip."""
    folder = Path(folder)
    entries = [p for p in _entries(folder) if not p.name.startswith(".")]
    if not any(p.suffix.lower() in config.ARTICLE_EXTENSIONS for p in entries):
        kinds = " ".join(config.ARTICLE_EXTENSIONS)
        others = f"; {len(entries)} other entries" if entries else ""
        raise FolderError(f"{one_line(str(folder))}: no article files ({kinds}){others}")


def read_folder(folder: Path) -> IngestResult:
    folder = Path(folder)
    result = IngestResult()
    seen: dict[str, str] = {}
    for path in _entries(folder):
        if path.name.startswith("."):
            continue
        for where, item in _read_entry(path, result):
            if isinstance(item, Skip):
                result.skipped.append(item)
                continue
            if item.article_id in seen:
                result.skipped.append(
                    _skip(where, f"duplicate article id {item.article_id!r} (already read from {seen[item.article_id]})")
                )
            else:
                seen[item.article_id] = one_line(where)
                result.articles.append(item)
    for s in result.skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    return result


def _skip(where: Path | str, reason: str) -> Skip:
    return Skip(one_line(str(where)), one_line(reason))


Item = tuple[str, "Article | Skip"]  # (file, or file:line for a .jsonl record; what was read)


def _read_entry(path: Path, result: IngestResult) -> list[Item]:
    """The last line of defence: whatever a file does, it costs only itself."""
    try:
        return _read_file(path, result)
    except Exception as exc:  # noqa: BLE001 - bad input must never end the run
        log.debug("unexpected failure reading %s", path, exc_info=True)
        detail = (str(exc).splitlines() or [""])[0][:200]
        return [(str(path), _skip(path, f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''})"))]


def _file_problem(path: Path) -> tuple[str | None, bool]:
    """(reason not to read, whether to say so): folders are passed over without a word."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop", True
        if path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)!r})", True
        return f"unreadable ({exc.strerror or exc})", True
    if stat.S_ISDIR(st.st_mode):
        return "folder", False
    if path.suffix.lower() not in config.ARTICLE_EXTENSIONS:
        return f"unknown extension {path.suffix or '(none)'!r}", True
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a named pipe, socket or device)", True
    if st.st_size > config.MAX_ARTICLE_BYTES:
        return f"too large ({st.st_size / 1e6:.1f} MB > {config.MAX_ARTICLE_BYTES / 1e6:.0f} MB limit)", True
    return None, False


def _read_file(path: Path, result: IngestResult) -> list[Item]:
    here = str(path)
    problem, say = _file_problem(path)
    if problem is not None:
        return [(here, _skip(path, problem))] if say else []
    try:
        text = decode(path.read_bytes())
    except IngestError as exc:
        return [(here, _skip(path, str(exc)))]
    except OSError as exc:
        return [(here, _skip(path, f"unreadable ({exc.strerror or exc})"))]
    ext = path.suffix.lower()
    try:
        if ext == ".jsonl":
            return list(_jsonl_articles(path, text, result))
        if ext == ".json":
            obj = jsonfile.parse_object(text)
            return [(here, _article(path, path.stem, obj, jsonfile.body_of(obj), "json", result))]
        if ext in (".html", ".htm"):
            meta, body = html_format.parse(text)
            return [(here, _article(path, path.stem, meta, body, "html", result))]
        meta, body = markdown.parse(text)
        if not body.strip():
            raise IngestError("no body text after the front matter")
        return [(here, _article(path, path.stem, meta, body, ext.lstrip("."), result))]
    except IngestError as exc:
        return [(here, _skip(path, str(exc)))]


def _jsonl_articles(path: Path, text: str, result: IngestResult):
    for lineno, obj in jsonfile.parse_lines(text):
        where = f"{path}:{lineno}"
        if isinstance(obj, IngestError):
            yield where, _skip(where, str(obj))
            continue
        aid = text_field(obj.get("id"))
        if aid is None:
            yield where, _skip(where, "line has no usable 'id'")
            continue
        try:
            yield where, _article(path, aid, obj, jsonfile.body_of(obj), "jsonl", result, where=where)
        except IngestError as exc:
            yield where, _skip(where, str(exc))


def safe_id(raw: str) -> str:
    """Ids come from file names and .jsonl fields: keep them from naming paths or breaking lines."""
    cleaned = _UNSAFE_ID.sub("_", raw).strip()
    if not cleaned or set(cleaned) <= {"."}:
        raise IngestError(f"unusable article id {one_line(raw)!r}")
    if len(cleaned) > MAX_ID_CHARS:
        raise IngestError(f"article id longer than {MAX_ID_CHARS} characters")
    return cleaned


def check_body(body: str) -> None:
    """Refuse bodies that would stall parsing for minutes (see limits.py for the measurements)."""
    if len(body) > MAX_BODY_CHARS:
        raise IngestError(f"body too long ({len(body):,} characters > {MAX_BODY_CHARS:,} limit)")
    m = _UNBROKEN.search(body)
    if m:
        raise IngestError(
            f"one enormous line: {m.end() - m.start():,} characters without a line break or sentence end"
            f" (limit {MAX_UNBROKEN_CHARS:,})"
        )


def _warn(result: IngestResult, message: str) -> None:
    message = one_line(message)
    result.warnings.append(message)
    log.warning(message)


def _article(
    path: Path, raw_id: str, meta: dict[str, Any], body: str, fmt: str, result: IngestResult, where: str | None = None
) -> Article:
    article_id = safe_id(raw_id)
    body = strip_boilerplate(body)  # before storing: offsets point into the stored body
    check_body(body)
    published = meta.get("published")
    pub_text: str | None = None
    if published not in (None, ""):
        try:
            pub_text = normalise_published(published)
        except IngestError as exc:
            _warn(result, f"{where or path}: {exc}; relative dates stay unresolved")
        else:
            ahead = future_warning(pub_text)
            if ahead:
                _warn(result, f"{where or path}: {ahead}")
    return Article(
        article_id=article_id,
        body=body,
        path=str(path),
        format=fmt,
        title=text_field(meta.get("title")),
        source=text_field(meta.get("source")),
        published=pub_text,
        url=text_field(meta.get("url")),
    )
