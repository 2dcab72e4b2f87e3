"""Limits that keep one pathological article from stalling a whole run.

Measured on 2 cores (spaCy small + the claim finders): ordinary news text costs ~1 s per
10,000 characters, but one "sentence" without any sentence end costs quadratically (20,000
characters ~9 s, 50,000 ~52 s) because the subject finder walks the whole dependency tree for
every number in it. A real sentence is a few hundred characters; a stretch of thousands without
a full stop or a line break is a dump, a minified file or a missing-newline export.
"""

from __future__ import annotations

# Longest stretch of text without a line break or a sentence end (. ! ?) that is still read.
MAX_UNBROKEN_CHARS = 10_000

# Longest body, in characters, that is still parsed (~1 min of extraction). Long-form
# journalism stays far below this; bigger bodies are whole-site dumps or concatenated feeds.
MAX_BODY_CHARS = 300_000

# Share of control characters (other than tab, newline, carriage return, form feed) above which
# decoded bytes are treated as binary rather than text: real text has essentially none.
MAX_CONTROL_SHARE = 0.01
