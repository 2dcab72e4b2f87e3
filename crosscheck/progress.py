"""Stage progress: rich bars on a terminal, plain lines in logs and CI.

A person at a terminal wants to see that parsing or embedding is moving; a CI log wants a
line per stage, not a redraw every 100 ms.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator, Protocol


class Progress(Protocol):
    def stage(self, name: str, total: int | None) -> "StageBar": ...


class StageBar(Protocol):
    def advance(self, n: int = 1) -> None: ...


class _PlainBar:
    def __init__(self, name: str, total: int | None, out) -> None:
        self.name, self.total, self.done, self.out = name, total, 0, out

    def advance(self, n: int = 1) -> None:
        self.done += n


class PlainProgress:
    """One line when each stage ends: '<stage>: <done>/<total>'."""

    def __init__(self, out=None, quiet: bool = False) -> None:
        self.out = out or sys.stderr
        self.quiet = quiet

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator[_PlainBar]:
        bar = _PlainBar(name, total, self.out)
        yield bar
        if not self.quiet:
            shown = f"{bar.done}/{total}" if total is not None else str(bar.done)
            print(f"crosscheck: {name}: {shown}", file=self.out, flush=True)


class RichProgress:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description:<18}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )

    @contextmanager
    def stage(self, name: str, total: int | None) -> Iterator["_RichBar"]:
        with self._progress:
            task = self._progress.add_task(name, total=total)
            bar = _RichBar(self._progress, task)
            yield bar
            if total is None:
                self._progress.update(task, total=bar.done)


class _RichBar:
    def __init__(self, progress, task) -> None:
        self.progress, self.task, self.done = progress, task, 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        self.progress.advance(self.task, n)


def default_progress(quiet: bool = False) -> PlainProgress | RichProgress:
    if not quiet and sys.stderr.isatty():
        return RichProgress()
    return PlainProgress(quiet=quiet)


_CURRENT: list[PlainProgress | RichProgress] = []


def set_progress(progress: PlainProgress | RichProgress) -> None:
    """The CLI picks the reporter; stages running under the flow look it up here."""
    _CURRENT[:] = [progress]


def current_progress() -> PlainProgress | RichProgress:
    return _CURRENT[0] if _CURRENT else PlainProgress(quiet=True)
