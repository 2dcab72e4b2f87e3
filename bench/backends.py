"""Embedding backends side by side: torch (reference), ONNX fp32, ONNX int8.

Speed is sentences a second on generated news sentences (batch 64, 2 warm-up batches). The
dev-set F1 is the real test of a backend; cosine to the torch vectors is its proxy here, with
the share of sentence pairs that land on the other side of the alignment floor
(``config.ALIGN_MIN_SIMILARITY``) because that is the decision the vectors feed.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench import corpus


def sentences(n: int, seed: int = 3) -> list[str]:
    out: list[str] = []
    for art in corpus.generate(max(10, n // 8), seed=seed):
        body = art.text.split("---\n", 2)[-1]
        out += [s for s in re.split(r"(?<=[.!?\"])\s+", body) if len(s) > 20]
    return out[:n]


def _speed(encode, texts: list[str]) -> tuple[np.ndarray, float]:
    encode(texts[:128])
    t = time.perf_counter()
    vecs = np.asarray(encode(texts), dtype=np.float32)
    return vecs, round(len(texts) / (time.perf_counter() - t), 1)


def _agreement(ref: np.ndarray, vecs: np.ndarray, floor: float) -> dict[str, float]:
    cos = (ref * vecs).sum(axis=1)
    a, b = ref @ ref.T, vecs @ vecs.T
    iu = np.triu_indices(len(ref), 1)
    flips = float(np.mean((a[iu] >= floor) != (b[iu] >= floor)))
    above = a[iu] >= floor
    return {"cosine_mean": round(float(cos.mean()), 5), "cosine_min": round(float(cos.min()), 5),
            "pair_flips": round(flips, 6), "pairs_above_floor_kept": round(float(np.mean(b[iu][above] >= floor)), 4)
            if above.any() else None}


def run(work: Path, sample: int = 2000) -> dict[str, Any]:
    from crosscheck import config, embed

    texts = sentences(sample)
    path = embed.model_dir()
    embed.verify_weights(path)
    out: dict[str, Any] = {"sentences": len(texts), "batch": config.EMBED_BATCH}
    torch_model = embed._torch_model(path)
    ref, out["torch_per_s"] = _speed(
        lambda t: torch_model.encode(t, batch_size=config.EMBED_BATCH, normalize_embeddings=True,
                                     show_progress_bar=False), texts)
    try:
        fp32 = embed.OnnxEncoder(path, embed.onnx_file(path))
    except ImportError as exc:
        out["onnx"] = f"not installed ({exc})"
        return out
    vecs, speed = _speed(fp32.encode, texts)
    out["onnx_fp32"] = {"per_s": speed, **_agreement(ref, vecs, config.ALIGN_MIN_SIMILARITY)}
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        work.mkdir(parents=True, exist_ok=True)
        q = work / "model_int8.onnx"
        quantize_dynamic(str(embed.onnx_file(path)), str(q), weight_type=QuantType.QInt8)
        vecs, speed = _speed(embed.OnnxEncoder(path, q).encode, texts)
        out["onnx_int8"] = {"per_s": speed, **_agreement(ref, vecs, config.ALIGN_MIN_SIMILARITY)}
    except ImportError as exc:
        out["onnx_int8"] = f"not measured ({exc})"
    out["active"] = embed.backend_name()
    return out
