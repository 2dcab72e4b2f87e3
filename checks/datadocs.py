"""Make GX Data Docs work offline: local copies of their CDN assets, and no logo beacon.

As shipped, every Data Docs page loads jQuery, Bootstrap, bootstrap-table, popper.js,
bootstrap-datepicker, Vega and Font Awesome from CDNs, and the index page builds its list of
validations with that JavaScript, so offline it is an unstyled page listing nothing. The top
bar also loads GX's logo from S3 with the data-context id appended (a usage beacon).

``scripts/vendor_assets.sh`` fetches the exact npm packages once at set-up into a cache;
:func:`make_offline` copies the files the pages use into ``data_docs/vendor/`` and rewrites
each CDN link to a relative path, so the site works from ``file://`` and can be zipped and
shared. When an asset is missing from the cache the site is still built: its link is left as
it was (so it still works online) and a warning is logged.
"""

from __future__ import annotations

import logging
import os
import pathlib
import re
import shutil
import sys
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Asset:
    """One CDN URL found in GX's templates and the npm package file that replaces it."""

    url: str
    package: str  # name@version, the cache's directory (see scripts/vendor_assets.sh)
    path: str  # the file inside the package
    also: tuple[str, ...] = ()  # directories the file refers to (fonts), copied alongside


ASSETS: tuple[Asset, ...] = (
    Asset("https://code.jquery.com/jquery-3.7.1.min.js", "jquery@3.7.1", "dist/jquery.min.js"),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js",
        "popper.js@1.12.9",
        "dist/umd/popper.min.js",
    ),
    Asset(
        "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css",
        "bootstrap@4.3.1",
        "dist/css/bootstrap.min.css",
    ),
    Asset(
        "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js",
        "bootstrap@4.3.1",
        "dist/js/bootstrap.min.js",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css",
        "bootstrap-table@1.19.1",
        "dist/bootstrap-table.min.css",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js",
        "bootstrap-table@1.19.1",
        "dist/bootstrap-table.min.js",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/"
        "bootstrap-table-filter-control.min.js",
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    ),
    # GX's pages name the 1.19.0 stylesheet of the extension; 1.19.1's is the same file set.
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
        "bootstrap-table-filter-control.css",
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.css",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
        "bootstrap-table-filter-control.min.css",
        "bootstrap-table@1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/"
        "bootstrap-datepicker.min.css",
        "bootstrap-datepicker@1.9.0",
        "dist/css/bootstrap-datepicker.min.css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/"
        "bootstrap-datepicker.min.js",
        "bootstrap-datepicker@1.9.0",
        "dist/js/bootstrap-datepicker.min.js",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/"
        "bootstrap-prefers-dark.css",
        "@forevolve/bootstrap-dark@1.1.0",
        "dist/css/bootstrap-prefers-dark.css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css",
        "@fortawesome/fontawesome-free@6.6.0",
        "css/all.min.css",
        also=("webfonts",),
    ),
    # GX asks for the newest 5.x/5.x/6.x; these are the exact versions the cache holds.
    Asset("https://cdn.jsdelivr.net/npm/vega@5", "vega@5.33.1", "build/vega.min.js"),
    Asset(
        "https://cdn.jsdelivr.net/npm/vega-lite@5", "vega-lite@5.23.0", "build/vega-lite.min.js"
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/vega-embed@6",
        "vega-embed@6.29.0",
        "build/vega-embed.min.js",
    ),
)

# The S3 logo with the data-context id in its query string; replaced by GX's own local copy.
_BEACON = re.compile(r"""https://great-expectations-web-assets\.s3[^"'\s]*?/([\w.-]+\.png)[^"'\s]*""")
# A tag attribute that only makes sense for a cross-origin CDN copy; from file:// it blocks
# the load (the browser refuses a CORS check against a local file).
_CORS_ATTRS = re.compile(r"""\s+(?:integrity|crossorigin)="[^"]*"|\s+crossorigin(?=[\s>/])""")
_TAG_WITH_URL = re.compile(r"""<(?:script|link)\b[^>]*?(?:src|href)="(https?://[^"]+)"[^>]*>""")


def vendor_cache() -> pathlib.Path:
    """Where scripts/vendor_assets.sh put the packages.

    ``CROSSCHECK_VENDOR_DIR`` wins; then the running virtualenv's ``share/crosscheck/vendor``
    (the set-up's default); then the checkout's ``.venv`` (tests run from another interpreter).
    """
    env = os.environ.get("CROSSCHECK_VENDOR_DIR")
    if env:
        return pathlib.Path(env)
    candidates = [
        pathlib.Path(sys.prefix) / "share" / "crosscheck" / "vendor",
        pathlib.Path(__file__).resolve().parents[1] / ".venv" / "share" / "crosscheck" / "vendor",
    ]
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[0]


def make_offline(site_dir: pathlib.Path, cache: pathlib.Path | None = None) -> list[str]:
    """Vendor the assets into ``site_dir/vendor`` and rewrite every page; return missing URLs."""
    site_dir = pathlib.Path(site_dir)
    cache = cache or vendor_cache()
    vendor = site_dir / "vendor"
    available: dict[str, str] = {}  # url -> path relative to site_dir
    missing: list[str] = []
    for asset in ASSETS:
        src = cache / asset.package / asset.path
        if not src.is_file():
            missing.append(asset.url)
            continue
        rel = pathlib.PurePosixPath("vendor", asset.package, asset.path)
        dest = site_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
        for extra in asset.also:
            extra_src = cache / asset.package / extra
            if extra_src.is_dir():
                shutil.copytree(extra_src, vendor / asset.package / extra, dirs_exist_ok=True)
        available[asset.url] = str(rel)
    if missing:
        log.warning(
            "Data Docs: %d asset(s) not in the vendor cache %s (run scripts/vendor_assets.sh); "
            "those pages load them from the CDN and are unstyled offline: %s",
            len(missing),
            cache,
            ", ".join(missing),
        )
    for page in site_dir.rglob("*.html"):
        if vendor in page.parents:
            continue
        _rewrite_page(page, site_dir, available)
    return missing


def _rewrite_page(page: pathlib.Path, site_dir: pathlib.Path, available: dict[str, str]) -> None:
    html = page.read_text(encoding="utf-8")
    up = os.path.relpath(site_dir, page.parent).replace(os.sep, "/")
    prefix = "" if up == "." else up + "/"

    def local(url: str) -> str | None:
        rel = available.get(url)
        return prefix + rel if rel else None

    def tag(match: re.Match[str]) -> str:
        text, url = match.group(0), match.group(1)
        target = local(url)
        if target is None:
            return text
        return _CORS_ATTRS.sub("", text.replace(url, target))

    html = _TAG_WITH_URL.sub(tag, html)
    html = _BEACON.sub(lambda m: f"{prefix}static/images/{m.group(1)}", html)
    page.write_text(html, encoding="utf-8")
