"""`.json` (one object) and `.jsonl` (one object a line, each with its own `id`) articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from crosscheck.ingest.decode import IngestError


def parse_object(text: str) -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise IngestError(f"JSON is a {type(obj).__name__}, expected one object per file")
    return obj


def parse_lines(text: str) -> Iterator[tuple[int, dict[str, Any] | IngestError]]:
    """Yield (line number, object or the error for that line): one bad line loses only itself."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield n, parse_object(line)
        except IngestError as exc:
            yield n, exc


def body_of(obj: dict[str, Any]) -> str:
    body = obj.get("text", obj.get("body"))
    if not isinstance(body, str) or not body.strip():
        raise IngestError("no 'text' (or 'body') string")
    return body
