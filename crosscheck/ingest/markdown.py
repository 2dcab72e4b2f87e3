"""`.md` / `.txt` articles: optional YAML front matter, then the body."""

from __future__ import annotations

import re
from typing import Any

import yaml

from crosscheck.ingest.decode import IngestError


# libyaml's parser where PyYAML was built with it: ~5x faster on front matter, which matters when
# every run re-reads a large folder to find what changed (issue 8's incremental run).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringDateLoader(_SafeLoader):
    """YAML without timestamp typing: `published` stays text, so an impossible date such as
    2024-02-30 becomes a clear warning from our own parser instead of a YAML exception."""


_StringDateLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def parse(text: str) -> tuple[dict[str, Any], str]:
    """Split front matter from body. The body is what claim offsets point into."""
    m = _FRONT.match(text)
    if not m:
        if text.startswith("---\n") or text.startswith("---\r\n"):
            raise IngestError("front matter opened with '---' but never closed")
        return {}, text
    try:
        meta = yaml.load(m.group(1), Loader=_StringDateLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise IngestError(f"broken YAML front matter{where}") from None
    except RecursionError:
        raise IngestError("YAML front matter nested too deeply") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError("front matter is not a mapping of keys to values")
    return meta, text[m.end():]
