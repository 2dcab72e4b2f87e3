"""RSS/Atom feeds: the feed lists items, each item's page is fetched and read like an .html file.

A newsroom's wire and partner feeds carry a title, a date and a link, rarely the full story, so
the article is the linked page, reduced to its main text by trafilatura (the same reader as
``.html`` files). feedparser reads RSS 0.9x/1.0/2.0 and Atom alike and survives sloppy XML.

Errors come in two kinds so the flow can treat them differently: a ``FetchError`` is transient
(timeout, refused connection, 5xx, 429) and worth a retry, which the Prefect task that calls
this does; an ``IngestError`` is permanent (404, not HTML, no main text) and the item is
skipped with its one-line reason at once. Nothing here imports Prefect.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser

from crosscheck import __version__ as _version
from crosscheck import config
from crosscheck.ingest.boilerplate import strip_boilerplate
from crosscheck.ingest import html as html_format
from crosscheck.ingest.decode import IngestError, decode
from crosscheck.ingest.meta import normalise_published, text_field
from crosscheck.models import Article, Skip
from crosscheck.sources import Source

# A slow server must not hold a scheduled run: connect + each read give up after this long.
FETCH_TIMEOUT_S = 20.0
# A feed document is a list of items; anything much larger than this is not a news feed.
MAX_FEED_BYTES = 10 * 1024 * 1024
USER_AGENT = f"crosscheck/{_version} (+feed reader)"
_TRANSIENT_HTTP = {408, 425, 429, 500, 502, 503, 504}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(RuntimeError):
    """A transient failure (network, timeout, 5xx): the caller may retry."""


@dataclass(frozen=True)
class FeedItem:
    """One feed entry, as much as the feed says about it; the page fills in the rest."""

    key: str  # the entry's link, or its id when it has no link: what identifies it across runs
    link: str | None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    content_html: str | None = None  # full text some feeds carry inline (content:encoded)


@dataclass
class FeedRead:
    items: list[FeedItem] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def fetch_bytes(url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = config.MAX_ARTICLE_BYTES,
                accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> tuple[bytes, str]:
    """GET url -> (body, content type). FetchError if worth retrying, IngestError if not."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
            ctype = resp.headers.get_content_type() or ""
            body = resp.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in _TRANSIENT_HTTP:
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        raise IngestError(f"HTTP {exc.code} {exc.reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        raise FetchError(f"{url}: {reason}") from None
    except (ConnectionError, OSError) as exc:
        raise FetchError(f"{url}: {exc}") from None
    if len(body) > max_bytes:
        raise IngestError(f"too large (> {max_bytes / 1e6:.0f} MB limit)")
    return body, ctype


def read_feed(source: Source, timeout: float = FETCH_TIMEOUT_S) -> FeedRead:
    """The feed's items in feed order, duplicates (same link) dropped.

    Raises FetchError when the feed URL cannot be fetched now, IngestError when the document
    is not a feed at all (both name the source)."""
    if source.is_url:
        data, _ = fetch_bytes(source.location, timeout, MAX_FEED_BYTES,
                              accept="application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
        base = source.location
    else:
        path = Path(source.location)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(f"{path}: unreadable ({exc.strerror or exc})") from None
        base = path.resolve().as_uri()
    parsed = feedparser.parse(data, response_headers={"content-location": base})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or str(parsed.get("bozo_exception") or "")
        raise IngestError(f"{source.location}: not an RSS/Atom feed" + (f" ({why.splitlines()[0][:80]})" if why else ""))
    result = FeedRead()
    feed_title = text_field(parsed.feed.get("title"))
    seen: set[str] = set()
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source.location}#item{n}"
        link = entry.get("link")
        if link:
            link = urljoin(base, link)
            if urlparse(link).scheme not in ("http", "https"):
                result.skipped.append(Skip(where, f"item link {link[:80]!r} is not http(s)"))
                continue
        content = _inline_content(entry)
        key = link or entry.get("id")
        if not key:
            result.skipped.append(Skip(where, "item has neither a link nor an id"))
            continue
        if not link and not content:
            result.skipped.append(Skip(where, "item has no link and no content"))
            continue
        if key in seen:
            continue
        seen.add(key)
        published, warning = _published(entry)
        if warning:
            result.warnings.append(f"{where}: {warning}")
        result.items.append(
            FeedItem(key=key, link=link, title=text_field(entry.get("title")), published=published,
                     source=feed_title, content_html=content)
        )
    return result


def article_id_for(item: FeedItem) -> str:
    """Readable and stable: the link's last path segment plus a short hash of the whole key,
    so two feeds' 'index.html' never collide and a re-fetched item keeps its id."""
    path = urlparse(item.key).path if item.link else item.key
    stem = Path(path.rstrip("/")).stem or urlparse(item.key).netloc or "item"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()[:60] or "item"
    return f"{slug}-{hashlib.sha256(item.key.encode('utf-8')).hexdigest()[:8]}"


def fetch_article(item: FeedItem, timeout: float = FETCH_TIMEOUT_S) -> Article:
    """The item's page as an Article. FetchError: retry later; IngestError: skip the item."""
    if item.link:
        data, ctype = fetch_bytes(item.link, timeout)
        if ctype and not ctype.startswith(_HTML_TYPES):
            raise IngestError(f"page is {ctype}, not HTML")
        html = decode(data)
    else:
        html = item.content_html or ""
    meta, body = html_format.parse(html)
    published = item.published
    if published is None and meta.get("published"):
        try:
            published = normalise_published(meta["published"])
        except IngestError:
            published = None
    return Article(
        article_id=article_id_for(item),
        body=strip_boilerplate(body),
        path=item.link or item.key,
        format="feed",
        title=item.title or text_field(meta.get("title")),
        source=item.source or text_field(meta.get("source")),
        published=published,
        url=item.link or text_field(meta.get("url")),
    )


def _inline_content(entry) -> str | None:
    """Full text when the feed carries it (content:encoded / atom:content), not the teaser."""
    for c in entry.get("content") or []:
        value = c.get("value")
        if value and len(value) > 400:
            return value
    return None


def _published(entry) -> tuple[str | None, str | None]:
    """The entry's date, keeping its own UTC offset (RFC 822 in RSS, ISO 8601 in Atom)."""
    raw = entry.get("published") or entry.get("updated") or entry.get("dc_date")
    if not raw:
        return None, None
    raw = str(raw).strip()
    stamp: dt.datetime | None = None
    try:
        stamp = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            stamp = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            if parsed:
                stamp = dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc)
    if stamp is None:
        return None, f"date {raw[:40]!r} not understood; relative dates stay unresolved"
    return normalise_published(stamp), None
