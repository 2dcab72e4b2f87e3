"""`.json` (one object) and `.jsonl` (one object a line, each with its own `id`) articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crosscheck.ingest.decode import IngestError


def parse_object(text: str, unit: str = "file") -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})") from None
    except RecursionError:
        raise IngestError("JSON nested too deeply to be an article") from None
    if not isinstance(obj, dict):
        raise IngestError(f"JSON is a {_json_type(obj)}, expected one object per {unit}")
    return obj


def _json_type(obj: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(type(obj), "null")


def parse_lines(text: str) -> Iterator[tuple[int, dict[str, Any] | IngestError]]:
    """Yield (line number, object or the error for that line): one bad line loses only itself.

    Lines end at "\\n" only: ``str.splitlines`` would also cut at U+2028 and other separators
    that JSON allows raw inside strings, breaking good records in two.
    """
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield n, parse_object(line, "line")
        except IngestError as exc:
            yield n, exc


def body_of(obj: dict[str, Any]) -> str:
    for key in ("text", "body"):
        body = obj.get(key)
        if isinstance(body, str) and body.strip():
            return body
    raise IngestError("no 'text' (or 'body') string")
