"""Locate and read the SQL files in ``sql/``.

SQL lives in files, one purpose each, so it can be read, reviewed and run in the DuckDB shell
on its own. In a source checkout (editable install) the folder sits beside the package; in a
wheel it is installed as ``crosscheck/_sql``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def sql_dir() -> Path:
    for cand in (_HERE.parent / "sql", _HERE / "_sql"):
        if (cand / "schema.sql").is_file():
            return cand
    raise FileNotFoundError("crosscheck's sql/ folder is missing from this installation")


@cache
def read_sql(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    return (sql_dir() / f"{name}.sql").read_text(encoding="utf-8")
