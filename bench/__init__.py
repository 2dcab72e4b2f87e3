"""crosscheck's benchmark: ``python -m bench`` (or ``make bench``).

It is a script, not a timed test: timings depend on the machine and on what else runs on it,
so results are written to ``bench/results.json`` and ``BENCHMARKS.md`` with the machine, the
versions and the load average next to every number, instead of being asserted.
"""
