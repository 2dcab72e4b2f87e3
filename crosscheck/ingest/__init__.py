"""Reading a folder of articles in the contract's formats.

Each file becomes zero or more Articles, or a Skip with a one-line reason; a bad file never
stops the others from being read.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosscheck import config
from crosscheck.ingest import html as html_format
from crosscheck.ingest import jsonfile, markdown
from crosscheck.ingest.decode import IngestError, decode
from crosscheck.ingest.meta import normalise_published, text_field
from crosscheck.models import Article, Skip

log = logging.getLogger("crosscheck.ingest")


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class FolderError(ValueError):
    """The folder itself is unusable (missing, not a folder, unreadable): exit 2."""


def read_folder(folder: Path) -> IngestResult:
    folder = Path(folder)
    if not folder.exists():
        raise FolderError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise FolderError(f"{folder}: not a folder")
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise FolderError(f"{folder}: cannot list ({exc.strerror})") from None
    result = IngestResult()
    seen: dict[str, str] = {}
    for path in entries:
        if path.name.startswith("."):
            continue
        if path.is_dir():
            continue
        if path.suffix.lower() not in config.ARTICLE_EXTENSIONS:
            result.skipped.append(Skip(str(path), f"unknown extension {path.suffix or '(none)'!r}"))
            continue
        for item in _read_file(path, result):
            if isinstance(item, Skip):
                result.skipped.append(item)
            elif item.article_id in seen:
                result.skipped.append(
                    Skip(str(path), f"duplicate article id {item.article_id!r} (already read from {seen[item.article_id]})")
                )
            else:
                seen[item.article_id] = str(path)
                result.articles.append(item)
    for s in result.skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    return result


def _read_file(path: Path, result: IngestResult) -> list[Article | Skip]:
    try:
        size = path.stat().st_size
        if size > config.MAX_ARTICLE_BYTES:
            return [Skip(str(path), f"too large ({size / 1e6:.1f} MB > {config.MAX_ARTICLE_BYTES / 1e6:.0f} MB limit)")]
        text = decode(path.read_bytes())
    except IngestError as exc:
        return [Skip(str(path), str(exc))]
    except OSError as exc:
        return [Skip(str(path), f"unreadable ({exc.strerror or exc})")]
    ext = path.suffix.lower()
    try:
        if ext == ".jsonl":
            return list(_jsonl_articles(path, text, result))
        if ext == ".json":
            obj = jsonfile.parse_object(text)
            return [_article(path, path.stem, obj, jsonfile.body_of(obj), "json", result)]
        if ext in (".html", ".htm"):
            meta, body = html_format.parse(text)
            return [_article(path, path.stem, meta, body, "html", result)]
        meta, body = markdown.parse(text)
        if not body.strip():
            raise IngestError("no body text after the front matter")
        return [_article(path, path.stem, meta, body, ext.lstrip("."), result)]
    except IngestError as exc:
        return [Skip(str(path), str(exc))]


def _jsonl_articles(path: Path, text: str, result: IngestResult):
    for lineno, obj in jsonfile.parse_lines(text):
        where = f"{path}:{lineno}"
        if isinstance(obj, IngestError):
            yield Skip(where, str(obj))
            continue
        aid = text_field(obj.get("id"))
        if aid is None:
            yield Skip(where, "line has no 'id'")
            continue
        try:
            yield _article(path, aid, obj, jsonfile.body_of(obj), "jsonl", result, where=where)
        except IngestError as exc:
            yield Skip(where, str(exc))


def _safe_id(raw: str) -> str:
    """Ids come from file names and .jsonl fields: keep them from naming paths."""
    cleaned = raw.replace(os.sep, "_").replace("/", "_").replace("\\", "_").strip()
    if cleaned in ("", ".", ".."):
        raise IngestError(f"unusable article id {raw!r}")
    return cleaned


def _article(
    path: Path, raw_id: str, meta: dict[str, Any], body: str, fmt: str, result: IngestResult, where: str | None = None
) -> Article:
    published = meta.get("published")
    pub_text: str | None = None
    if published not in (None, ""):
        try:
            pub_text = normalise_published(published)
        except IngestError as exc:
            msg = f"{where or path}: {exc}; relative dates stay unresolved"
            result.warnings.append(msg)
            log.warning(msg)
    return Article(
        article_id=_safe_id(raw_id),
        body=body,
        path=str(path),
        format=fmt,
        title=text_field(meta.get("title")),
        source=text_field(meta.get("source")),
        published=pub_text,
        url=text_field(meta.get("url")),
    )
