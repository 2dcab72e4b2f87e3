"""Thresholds and limits, each with the reason for its value.

Everything tunable lives here so a calibration run changes one file, and so the reason for a
number is next to it rather than buried in the stage that uses it.
"""

from __future__ import annotations

import os

# --- ingest -------------------------------------------------------------------------------
# A news article is a few kB; 5 MB is already a book. Larger files are dumps or mistakes and
# would stall spaCy for minutes, so they are skipped with a reason instead.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_EXTENSIONS = (".md", ".txt", ".json", ".jsonl", ".html", ".htm")

# --- embeddings ---------------------------------------------------------------------------
MODEL_NAME = "all-MiniLM-L6-v2"
# sha256 of the official sentence-transformers/all-MiniLM-L6-v2 model.safetensors: the
# packaged weights are checked against it before use instead of being trusted.
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# Batch 64 measured best on 2 cores; larger batches pad short claims to long ones.
EMBED_BATCH = 64
TORCH_THREADS = max(1, os.cpu_count() or 1)

# --- alignment ----------------------------------------------------------------------------
# Numeric and date claims are paired by the fitted match model (crosscheck/match.py): its
# probability that two claims speak of one thing. Pairs below ALIGN_MIN_MATCH are not kept at
# all; they are far below any threshold a report uses (crosscheck/data/match_weights.json holds
# each kind's default, fitted for precision), and keeping them would only fill the store.
ALIGN_MIN_MATCH = 0.1
# Who-did-what claims have no value to mask and keep a structured score: the cosine of their
# subject texts plus agreement. The same dated event or the same role is nearly decisive, since
# their texts ("when the quake struck" / "when the rocket attack") vary more than counts.
ALIGN_W_EVENT = 0.5
ALIGN_W_PLACE = 0.4
ALIGN_W_GROUP = 0.3
# Floor on the combined entity score: precision stayed 1.00 and recall flat from 0.50 to 0.70
# on the dev set (mutual best matching already removes look-alikes); 0.6 sits in the middle.
ALIGN_MIN_SIMILARITY = float(os.environ.get("CROSSCHECK_ALIGN_MIN", "0.6"))

# --- judgement ----------------------------------------------------------------------------
# Relative gap between two figures (see crosscheck.intervals.gap) from which a conflict is
# high / medium severity; below MEDIUM it is low. 20 % is where a reader's picture changes
# (38 vs 51 dead); under 5 % it is a detail (15 vs 17 hurt is ~12 %: medium).
SEVERITY_HIGH_GAP = 0.2
SEVERITY_MEDIUM_GAP = 0.05
# A pairing less sure than this is never high severity, however large the gap: the reader
# should check that the two figures are one before calling them a contradiction.
SEVERITY_HIGH_CONFIDENCE = 0.7
# Dates wider than this many days (a month, a year, "from 1979-90") are background, never
# the date of the reported event: news dates its event to the day ("on Saturday", "9 March"),
# and a weekend or "last week" spans up to a week. On ecbplus every flagged month/year pair
# was a different event (a career, an earlier quake), so they are not compared.
DATE_MAX_SPAN_DAYS = 7
# Articles published this far apart give a later figure that supersedes an earlier one:
# a wire update cycle is a few hours, so six hours separates updates from simultaneous reports.
SUPERSEDE_AFTER_HOURS = 6.0

# --- events -------------------------------------------------------------------------------
# Two articles are one event when their lead embeddings are close and they share rare names.
# The score is lead cosine + EVENT_W_NAMES x the tf-idf cosine of capitalised names.
# Measured on ecbplus (two events of one type per topic): leads of different events of one
# type reach cosine 0.6-0.77, so the cosine alone cannot separate them, while their name
# overlap stays near 0.05 against 0.15-0.5 within one event. The floor therefore sits above
# any cosine (1.0) so that no pair merges without shared names, and the names weigh twice
# the cosine. Grid over dev + ecbplus (weight 1-3 x floor 0.6-1.2): 2.0 / 1.0 keeps every dev
# event whole (5 of 5) with the fewest ecbplus mixes; floor 0.8 or weight 1.0 splits a dev event.
EVENT_W_NAMES = 2.0
EVENT_MIN_SIMILARITY = float(os.environ.get("CROSSCHECK_EVENT_MIN", "1.0"))
# Pairs scoring below this are not returned by SQL and count as 0 in average linkage: the
# clustering then touches only the sparse pairs that can matter (unrelated leads embed at
# 0.0-0.4), which keeps it O(E log E). Dropping a weak pair only makes a merge harder.
EVENT_PAIR_FLOOR = 0.5
# A name used by more than this share of the articles ("Governor", a country in a national
# feed) says little about which event, and its self-join would pair most articles. Names in
# at most EVENT_NAME_KEEP_DF articles are always kept, so a small folder dominated by one
# big story keeps that story's names.
EVENT_MAX_NAME_SHARE = 0.2
EVENT_NAME_KEEP_DF = 100
# Follow-ups of one event appear within days; a story two weeks later about the "same" thing
# (a second fire at one depot, the next election) is another event.
EVENT_MAX_DAYS_APART = 10.0
