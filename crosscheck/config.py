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
# Cosine similarity of claim-centred texts below which two claims are never the same subject.
# Low on purpose: the structured subject agreement in the judge does the fine separation.
ALIGN_MIN_SIMILARITY = float(os.environ.get("CROSSCHECK_ALIGN_MIN", "0.55"))

# --- events -------------------------------------------------------------------------------
# Cosine of title+lead embeddings above which two articles are about the same event.
EVENT_MIN_SIMILARITY = float(os.environ.get("CROSSCHECK_EVENT_MIN", "0.55"))
