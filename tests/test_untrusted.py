"""Article text and ids are untrusted: they never run as script or link in the reports, never
name a path outside the output folder, and a run opens no network connection.

One real run (module fixture) over articles carrying the payloads, with every socket to a
non-loopback address refused and recorded by a ``sitecustomize`` written at test time (loopback
stays open: the ephemeral Prefect API is a local server the run starts itself).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.e2e

CLI = str(ROOT / ".venv" / "bin" / "crosscheck")
SCRIPT = "<script>window.__crosscheck_pwned=1</script>"
LINK = "[click here](javascript:alert(1))"
IMG = '<img src=x onerror="alert(2)">'
PAYLOAD = f" {SCRIPT} {LINK} {IMG}"

NO_NETWORK = textwrap.dedent(
    """
    import errno, ipaddress, os, socket

    _LOG = os.environ["CROSSCHECK_TEST_NET_LOG"]


    def _local(host):
        if host in ("localhost", "", None):
            return True
        try:
            return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False


    def _refuse(what):
        with open(_LOG, "a") as fh:
            fh.write(f"{os.getpid()} {what}\\n")
        raise OSError(errno.ENETUNREACH, f"network blocked by test: {what}")


    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(f"connect {address!r}")
        return _connect(self, address)


    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(f"connect_ex {address!r}")
        return _connect_ex(self, address)


    _getaddrinfo = socket.getaddrinfo


    def getaddrinfo(host, *args, **kwargs):
        if not _local(host if not isinstance(host, bytes) else host.decode()):
            _refuse(f"resolve {host!r}")
        return _getaddrinfo(host, *args, **kwargs)


    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
    """
)


def _inject(text: str, sentence_start: str) -> str:
    """Put the payload inside the sentence that carries a conflicting claim, before its end."""
    i = text.index(sentence_start)
    j = text.index(".", i)
    return text[:j] + PAYLOAD + text[j:]


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    work = base / "a" / "b"  # "../../x" from here would land in base/x
    articles = work / "articles"
    articles.mkdir(parents=True)
    herald = (EXAMPLES / "fire-herald.md").read_text(encoding="utf-8")
    post = (EXAMPLES / "fire-post.md").read_text(encoding="utf-8")
    herald = herald.replace('title: "', f'title: "{SCRIPT.replace(chr(34), "")} ', 1)
    (articles / "fire-herald.md").write_text(_inject(herald, "Three firefighters"), encoding="utf-8")
    (articles / "fire-post.md").write_text(_inject(post, "Two firefighters"), encoding="utf-8")
    shutil.copy(EXAMPLES / "ferry-courier.md", articles)
    records = [
        {"id": "../../x", "text": "Four boats sank in the harbour on Monday, the coastguard said."},
        {"id": "/tmp/abs-escape", "text": "Five boats sank in the harbour on Monday."},
        {"id": "..\\..\\win", "text": "Six boats sank in the harbour on Monday."},
    ]
    (articles / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = work / "out"
    hook = base / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(NO_NETWORK)
    net_log = base / "net.log"
    net_log.write_text("")
    rest = os.environ.get("PYTHONPATH")
    env = {
        **os.environ,
        "PYTHONPATH": str(hook) + (os.pathsep + rest if rest else ""),
        "CROSSCHECK_TEST_NET_LOG": str(net_log),
    }
    before = _tree(base)
    proc = subprocess.run([CLI, "run", str(articles), "--out", str(out)], capture_output=True, text=True,
                          timeout=900, env=env, cwd=work)
    return {"proc": proc, "base": base, "out": out, "before": before, "net_log": net_log}


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_run_succeeds_offline(hostile_run):
    proc = hostile_run["proc"]
    assert proc.returncode in (0, 1), proc.stderr[-3000:]


def test_no_network_connection(hostile_run):
    attempts = _text(hostile_run["net_log"]).splitlines()
    assert attempts == [], attempts[:10]


def test_hook_really_blocks(tmp_path):
    """The guard itself: without this, an empty log would prove nothing."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(NO_NETWORK)
    log = tmp_path / "net.log"
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept OSError as e:\n    print(e)"
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(hook), "CROSSCHECK_TEST_NET_LOG": str(log)}, timeout=60)
    assert "network blocked by test" in proc.stdout
    assert "192.0.2.1" in _text(log)


def test_ids_never_escape_the_output_folder(hostile_run):
    base, out = hostile_run["base"], hostile_run["out"]
    new = _tree(base) - hostile_run["before"]
    outside = [p for p in new if not p.startswith(str(out.relative_to(base)))]
    assert outside == []
    assert not Path("/tmp/abs-escape").exists()
    report = json.loads(_text(out / "report.json"))
    ids = {a["article_id"] for a in report["articles"]}
    assert {".._.._x", "_tmp_abs-escape", ".._.._win"} <= ids
    assert all("/" not in i and "\\" not in i for i in ids)


def test_payload_reached_the_report(hostile_run):
    """Guard for the escaping tests: the hostile text is really in what gets rendered."""
    report = json.loads(_text(hostile_run["out"] / "report.json"))
    sentences = [c["sentence"] for d in report["discrepancies"] for c in d["claims"]]
    titles = [a["title"] or "" for a in report["articles"]]
    assert any(SCRIPT in s for s in sentences), sentences
    assert any("<script>" in t for t in titles)


def test_html_report_has_no_live_payload(hostile_run):
    html = _text(hostile_run["out"] / "report.html")
    assert "__crosscheck_pwned" in html  # the text is shown...
    assert "<script>window.__crosscheck_pwned" not in html  # ...but never as a script
    assert not re.search(r"<img[^>]*onerror", html, re.I)
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", html, re.I)


def test_markdown_report_has_no_live_payload(hostile_run):
    md = _text(hostile_run["out"] / "report.md")
    assert "__crosscheck_pwned" in md.replace("\\", "")  # shown, with markdown escapes
    assert "<script>window.__crosscheck_pwned" not in md
    assert not re.search(r"<img[^>]*onerror", md, re.I)
    assert "](javascript:" not in md


def test_data_docs_have_no_live_payload(hostile_run):
    pages = list((hostile_run["out"]).rglob("*.html"))
    assert pages
    for page in pages:
        text = _text(page)
        assert "<script>window.__crosscheck_pwned" not in text, page
        assert not re.search(r"<img[^>]*onerror", text, re.I), page
