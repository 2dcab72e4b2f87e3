"""RSS/Atom sources: a feed and its pages served from 127.0.0.1, read through the flow's tasks.

The server misbehaves on purpose: one page is missing (404: skipped at once), one fails once
with 503 (retried by the Prefect task, then read), one is a PDF (skipped), one never answers in
time (timeout: a transient error).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crosscheck.ingest import feed as feeds
from crosscheck.ingest.decode import IngestError
from crosscheck.sources import SourceError, parse_source

PARAGRAPHS = {
    "bridge": [
        "The Harlow river bridge was closed to traffic on Tuesday after inspectors found cracks in two of its support piers, the regional transport authority said.",
        "Engineers estimated that repairs would take at least six weeks and cost about 4 million euros, according to a statement released in the afternoon.",
        "Around 18,000 vehicles cross the bridge every day. Commuters were advised to use the ring road, which the authority said would add twenty minutes to most journeys.",
        "The bridge, opened in 1974, was last inspected in the spring. Local councillors called for an independent review of the inspection schedule.",
    ],
    "storm": [
        "A storm brought down power lines across the northern valleys overnight, leaving some 12,000 homes without electricity on Wednesday morning, the grid operator said.",
        "Crews had restored power to about half of the affected households by noon, and the operator expected the rest to be reconnected before the weekend.",
        "Wind gusts of up to 110 kilometres per hour were recorded at the Kessel weather station, the national weather service reported.",
        "Two schools in the valley stayed closed for the day, and regional trains ran with delays of up to an hour because of fallen trees on the line.",
    ],
}


def _page(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>\n{body}</article>"
        f"<footer>Copyright Valley Courier. All rights reserved.</footer></body></html>"
    ).encode("utf-8")


def _rss(base: str) -> bytes:
    items = [
        ("Bridge closed after cracks found", f"{base}/news/bridge-closed.html", "Tue, 08 Apr 2025 16:30:00 +0200"),
        ("Storm cuts power to thousands", f"{base}/news/storm-power.html", "Wed, 09 Apr 2025 09:15:00 +0200"),
        ("Missing story", f"{base}/news/gone.html", "Wed, 09 Apr 2025 10:00:00 +0200"),
        ("A report as PDF", f"{base}/files/report.pdf", "Wed, 09 Apr 2025 11:00:00 +0200"),
        ("Storm cuts power to thousands (dup)", f"{base}/news/storm-power.html", "Wed, 09 Apr 2025 09:15:00 +0200"),
    ]
    xml = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>{d}</pubDate></item>"
        for t, link, d in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Valley Courier</title>"
        f"<link>{base}/</link><description>News</description>{xml}</channel></rss>"
    ).encode("utf-8")


def _atom(base: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Valley Wire</title><id>urn:valley-wire</id><updated>2025-04-09T08:00:00Z</updated>"
        f"<entry><title>Bridge shut</title><id>urn:wire:1</id><link href='{base}/news/bridge-closed.html'/>"
        "<updated>2025-04-08T15:00:00+01:00</updated></entry>"
        "</feed>"
    ).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        n = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/feed.xml":
            self._send(200, "application/rss+xml", _rss(base))
        elif self.path == "/flaky-feed.xml" and n == 1:
            self._send(503, "text/plain", b"busy")
        elif self.path == "/flaky-feed.xml":
            self._send(200, "application/rss+xml", _rss(base))
        elif self.path == "/news/bridge-closed.html":
            self._send(200, "text/html; charset=utf-8", _page("Bridge closed after cracks found", PARAGRAPHS["bridge"]))
        elif self.path == "/news/storm-power.html" and n == 1:
            self._send(503, "text/plain", b"try again")
        elif self.path == "/news/storm-power.html":
            self._send(200, "text/html; charset=utf-8", _page("Storm cuts power to thousands", PARAGRAPHS["storm"]))
        elif self.path == "/files/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 not html")
        elif self.path == "/slow.html":
            time.sleep(2)
            self._send(200, "text/html", _page("Slow", PARAGRAPHS["bridge"]))
        elif self.path == "/not-a-feed.xml":
            self._send(200, "text/html", b"<html><body><p>Hello</p></body></html>")
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture
def site():
    _Handler.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_parse_source_kinds(tmp_path, site):
    (tmp_path / "dir").mkdir()
    (tmp_path / "saved").write_bytes(_atom(site))  # no suffix: recognised by its root element
    (tmp_path / "notes.txt").write_text("hello")
    assert parse_source(tmp_path / "dir").kind == "folder"
    assert parse_source(tmp_path / "saved").kind == "feed"
    assert parse_source(f"{site}/feed.xml").kind == "feed"
    with pytest.raises(SourceError, match="notes.txt: not a folder"):
        parse_source(tmp_path / "notes.txt")
    with pytest.raises(SourceError, match="no such folder or feed file"):
        parse_source(tmp_path / "missing")
    with pytest.raises(SourceError, match="scheme 'ftp'"):
        parse_source("ftp://example.org/feed.xml")


def test_read_feed_items_dates_and_duplicates(site):
    got = feeds.read_feed(parse_source(f"{site}/feed.xml"))
    links = [i.link for i in got.items]
    assert links == [f"{site}/news/bridge-closed.html", f"{site}/news/storm-power.html",
                     f"{site}/news/gone.html", f"{site}/files/report.pdf"]
    first = got.items[0]
    assert first.title == "Bridge closed after cracks found"
    assert first.source == "Valley Courier"
    assert first.published == "2025-04-08T16:30:00+02:00"  # the feed's own offset is kept
    assert len({feeds.article_id_for(i) for i in got.items}) == 4


def test_atom_file_feed(tmp_path, site):
    path = tmp_path / "wire.atom"
    path.write_bytes(_atom(site))
    got = feeds.read_feed(parse_source(path))
    assert [(i.title, i.published, i.source) for i in got.items] == [
        ("Bridge shut", "2025-04-08T15:00:00+01:00", "Valley Wire")]
    article = feeds.fetch_article(got.items[0])
    assert article.format == "feed" and article.url == f"{site}/news/bridge-closed.html"
    assert "support piers" in article.body
    assert "Copyright" not in article.body and "Home" not in article.body


def test_fetch_errors_are_transient_or_permanent(site):
    with pytest.raises(IngestError, match="HTTP 404"):
        feeds.fetch_article(feeds.FeedItem(key="k", link=f"{site}/news/gone.html"))
    with pytest.raises(IngestError, match="application/pdf, not HTML"):
        feeds.fetch_article(feeds.FeedItem(key="k", link=f"{site}/files/report.pdf"))
    with pytest.raises(feeds.FetchError, match="HTTP 503"):
        feeds.fetch_article(feeds.FeedItem(key="k", link=f"{site}/news/storm-power.html"))
    with pytest.raises(feeds.FetchError, match="timed out"):
        feeds.fetch_article(feeds.FeedItem(key="k", link=f"{site}/slow.html"), timeout=0.3)
    with pytest.raises(IngestError, match="not an RSS/Atom feed"):
        feeds.read_feed(parse_source(f"{site}/not-a-feed.xml"))


def test_flow_reads_feed_with_retries_and_skips(site):
    """Through the flow's tasks: the 503 page is retried and read, the 404 and the PDF are
    skipped with their reasons, the duplicate item is read once."""
    from prefect import flow

    from flows.check_flow import read_source

    @flow
    def read(spec: str):
        return read_source(parse_source(spec))

    result = read(f"{site}/flaky-feed.xml")
    titles = sorted(a.title for a in result.articles)
    assert titles == ["Bridge closed after cracks found", "Storm cuts power to thousands"]
    storm = next(a for a in result.articles if a.title.startswith("Storm"))
    assert "12,000 homes" in storm.body and storm.published == "2025-04-09T09:15:00+02:00"
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in result.skipped}
    assert reasons == {"gone.html": "HTTP 404 Not Found", "report.pdf": "page is application/pdf, not HTML"}
    assert _Handler.hits["/flaky-feed.xml"] == 2  # the feed itself was retried too
    assert _Handler.hits["/news/storm-power.html"] == 2
