"""Look at the outputs as a person would: report.html and Data Docs in headless Chromium.

Chromium runs with every host name unresolvable, so a page that still needed a CDN would come
out unstyled and the Data Docs index would list nothing: that is what these tests catch.
Screenshots are saved under the test's tmp output (and copied to $CROSSCHECK_SCREENSHOTS
when set) for a human to look at.
"""

from __future__ import annotations

import html as htmllib
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHROMIUM = pathlib.Path("/usr/bin/chromium")
TIMEOUT = 90


def _load(name: str):
    """Import a sibling test module by path (works whether or not tests/ is a package)."""
    spec = importlib.util.spec_from_file_location(f"_crosscheck_{name}", ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def chromium() -> pathlib.Path:
    if not CHROMIUM.exists():
        script = ROOT / "scripts" / "install_chromium.sh"
        try:
            subprocess.run(["bash", str(script)], timeout=600, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            pass
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed and scripts/install_chromium.sh could not install it "
                    "(needs root and the Debian package registry)")
    return CHROMIUM


def _run(chromium: pathlib.Path, tmp: pathlib.Path, url: str, *extra: str) -> str:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [
        str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: every host name fails
        "--allow-file-access-from-files", "--virtual-time-budget=8000",
        *extra, url,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom(chromium: pathlib.Path, tmp: pathlib.Path, page: pathlib.Path) -> str:
    return _run(chromium, tmp, page.as_uri(), "--dump-dom")


def screenshot(chromium: pathlib.Path, tmp: pathlib.Path, page: pathlib.Path, name: str,
               size: str = "1300,1800") -> pathlib.Path:
    shots = tmp / "screenshots"
    shots.mkdir(exist_ok=True)
    out = shots / f"{name}.png"
    _run(chromium, tmp, page.as_uri(), f"--screenshot={out}", f"--window-size={size}")
    assert out.is_file() and out.stat().st_size > 10_000
    keep = os.environ.get("CROSSCHECK_SCREENSHOTS")
    if keep:
        pathlib.Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy2(out, pathlib.Path(keep) / out.name)
    return out


# A probe appended to a copy of a page (beside it, so relative links resolve): after the page's
# own scripts ran, it writes what the browser computed into the DOM, which --dump-dom prints.
PROBE = """
<script>
window.addEventListener('load', function () { setTimeout(function () {
  var q = function (s) { return document.querySelector(s); };
  var cs = function (s, p) { var e = q(s); return e ? getComputedStyle(e)[p] : null; };
  var rows = Array.prototype.map.call(
    document.querySelectorAll('table[data-toggle="table"] tbody tr, .bootstrap-table tbody tr'),
    function (tr) { return tr.innerText; });
  var out = {
    jquery: typeof window.jQuery, bootstrapTable: !!(window.jQuery && jQuery.fn.bootstrapTable),
    bodyFont: cs('body', 'fontFamily'), navbarDisplay: cs('.navbar', 'display'),
    cardBorder: cs('.card', 'borderTopStyle'), tableCollapse: cs('table', 'borderCollapse'),
    faFont: cs('.fas, .fa', 'fontFamily'), rows: rows,
    fontsOk: document.fonts ? document.fonts.status : null,
    external: Array.prototype.filter.call(document.querySelectorAll('[src],[href]'), function (e) {
      var u = e.getAttribute('src') || ''; if (e.tagName === 'LINK') u = e.getAttribute('href');
      return /^https?:/.test(u); }).map(function (e) { return e.outerHTML.slice(0, 120); })
  };
  var pre = document.createElement('pre'); pre.id = 'crosscheck-probe';
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
}, 500); });
</script>
"""


def probe(chromium: pathlib.Path, tmp: pathlib.Path, page: pathlib.Path) -> dict:
    copy = page.with_name("probe-" + page.name)
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                    encoding="utf-8")
    dom = dump_dom(chromium, tmp, copy)
    m = re.search(r'<pre id="crosscheck-probe">(.*?)</pre>', dom, re.S)
    assert m, dom[-3000:]
    return json.loads(htmllib.unescape(m.group(1)))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """OUT as a run leaves it: Data Docs from the checkpoint, report.html beside them."""
    from checks import run_checkpoint
    from crosscheck.reports.html import render_html

    out = tmp_path_factory.mktemp("out")
    con = _load("test_checks").make_store()
    outcome = run_checkpoint(con, "run-1", out)
    report = _load("test_reports").sample_report()
    report["data_docs"] = str(outcome.data_docs_index)
    (out / "report.html").write_text(render_html(report), encoding="utf-8")
    (out / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return out


def test_report_html_shows_every_finding_with_its_subject_and_quotes(chromium, outputs, tmp_path) -> None:
    report = json.loads((outputs / "report.json").read_text(encoding="utf-8"))
    page = outputs / "report.html"
    dom = dump_dom(chromium, tmp_path, page)
    for f in report["findings"]:
        block = dom.split(f'data-finding-id="{f["id"]}"', 1)[1].split("</article>", 1)[0]
        assert f'<span class="subject">{htmllib.escape(f["subject"], quote=False)}</span>' in block
        for claim in f["values"]:
            assert f'<mark class="quote">{htmllib.escape(claim["quote"], quote=False)}</mark>' in block
        for d in f["discrepancies"]:
            assert f'data-discrepancy-id="{d}"' in block  # each pair is named under its finding
    assert "<script>alert" not in dom  # the article's markup stayed text
    assert dom.count("<svg") == len(report["findings"])
    link = re.search(r'<a href="([^"]+)" id="data-docs-link"', dom).group(1)
    assert (outputs / link).resolve() == (outputs / "data_docs" / "index.html").resolve()
    shot = screenshot(chromium, tmp_path, page, "report", "1300,2400")
    print(f"\nscreenshot: {shot}")


def test_data_docs_index_lists_the_run_offline(chromium, outputs, tmp_path) -> None:
    index = outputs / "data_docs" / "index.html"
    got = probe(chromium, tmp_path, index)
    assert got["jquery"] == "function" and got["bootstrapTable"] is True, got
    assert got["external"] == [], got
    rows = [r for r in got["rows"] if "run-1" in r]
    suites = {"crosscheck-inputs", "crosscheck-sentences", "crosscheck-claims",
              "crosscheck-discrepancies", "crosscheck-consistency"}
    assert len(rows) == len(suites), got["rows"]
    assert all(any(s in r for s in suites) for r in rows)
    assert got["navbarDisplay"] == "flex", got  # Bootstrap 4's navbar; unstyled it is block
    shot = screenshot(chromium, tmp_path, index, "data-docs-index")
    print(f"\nscreenshot: {shot}")


def test_data_docs_validation_page_is_styled(chromium, outputs, tmp_path) -> None:
    pages = sorted((outputs / "data_docs" / "validations").rglob("*.html"))
    page = next(p for p in pages if "consistency" in str(p) and not p.name.startswith("probe-"))
    got = probe(chromium, tmp_path, page)
    assert got["jquery"] == "function" and got["bootstrapTable"] is True, got
    assert got["external"] == [], got
    assert got["navbarDisplay"] == "flex" and got["cardBorder"] == "solid", got
    assert got["tableCollapse"] == "collapse", got
    assert got["faFont"] and "Font Awesome" in got["faFont"], got
    dom = dump_dom(chromium, tmp_path, page)
    for quote in ("25 people", "More than 40 people", "At least 30 people", "on Tuesday"):
        assert quote in dom  # the failed expectation shows the pairs' quotes
    shot = screenshot(chromium, tmp_path, page, "data-docs-consistency", "1300,2200")
    print(f"\nscreenshot: {shot}")
