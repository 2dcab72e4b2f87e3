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
# Two articles are one event with the probability a logistic model gives from what an editor
# compares (lead cosine; shared names, places and people; the same trigger; days between filing
# and between the days they date their event). Its weights and the clustering threshold are
# fitted data, not settings: crosscheck/event_model.json, written by scripts/event_fit.py, says
# what they were fitted on and how they scored on corpora they were not fitted on.
# A name or place used by more than this share of the articles ("Governor", a country in a
# national feed) says little about which event, and its self-join would pair most articles.
# Names in at most EVENT_NAME_KEEP_DF articles are always kept, so a small folder dominated by
# one big story keeps that story's names.
EVENT_MAX_NAME_SHARE = 0.2
EVENT_NAME_KEEP_DF = 100
# Articles filed further apart than this are never compared (and one event's filings span at
# most this): follow-ups, inquiries and donors' conferences come within weeks, and the bound
# keeps the pair join of a 50,000-article store to a sliding window. Within it the gap is
# only evidence, weighed by the model.
EVENT_WINDOW_DAYS = 60.0
# Two articles whose leads both name a single day for their event, further apart than this, are
# never one event whatever else they share (a second fire at one depot, the next election): the
# day a lead gives its own event is the strongest evidence there is, and an average of other
# evidence must not outvote it. Looser dates ("in January", a day deep in the body) are only
# evidence. Not lower: extraction misreads a weekday now and then, and dev2's stories hold
# aftershocks days apart; the model separates incidents closer than this by place and people.
EVENT_MAX_DAYS_APART = 10.0
# The day a thing was said or published is the report's day, not the event's: "the ministry
# said on Saturday", two weeks after the crash, must not date the crash. Date claims whose
# predicate (the verb the subject reader found) is one of these never count as event days.
EVENT_REPORTING_VERBS = ("say", "tell", "announce", "report", "confirm", "add", "state", "publish",
                         "release", "issue", "hand", "update", "write", "declare", "warn", "note")
