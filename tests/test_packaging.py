"""The wheel's package list: a plain `pip install .` must ship every module, template and SQL file.

pyproject.toml lists its packages by hand (sql/ is mapped into the wheel as crosscheck/_sql,
which package discovery cannot do), so a new sub-package that is not added there would be
missing from an installed copy while every test in a checkout still passes. These checks
read the list against the tree.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = ("crosscheck", "flows", "checks")


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _dirs_with_files() -> set[str]:
    """Every folder under the top-level packages that holds a module or a data file."""
    found = set()
    for top in TOP:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(".".join(path.parent.relative_to(ROOT).parts))
    return found


def test_every_folder_of_code_or_data_is_a_listed_package() -> None:
    listed = set(_setuptools()["packages"])
    missing = _dirs_with_files() - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_listed_packages_exist() -> None:
    mapped = _setuptools().get("package-dir", {})
    for name in _setuptools()["packages"]:
        folder = ROOT / mapped.get(name, name.replace(".", "/"))
        assert folder.is_dir(), name


def test_sql_folder_is_shipped_where_the_loader_looks() -> None:
    from crosscheck import sqlfiles

    assert _setuptools()["package-dir"]["crosscheck._sql"] == "sql"
    assert "crosscheck._sql" in _setuptools()["packages"]
    patterns = _setuptools()["package-data"]["*"]
    assert "*.sql" in patterns and "*.j2" in patterns
    # the loader's fallback for an installed copy is the folder the wheel maps sql/ to
    assert '_HERE / "_sql"' in Path(sqlfiles.__file__).read_text(encoding="utf-8")
    assert (ROOT / "sql" / "schema.sql").is_file()
