"""The embedding model: verified weights, unit vectors, both backends agree, cached texts."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from crosscheck import config, embed

TEXTS = [
    "Eleven people were killed when the ferry overturned on Lake Corven on Saturday.",
    "More than 80 passengers were on board when the ferry sank near Dravik.",
    "The council approved a budget of 4.2 billion euros.",
    "who rescued",
]


def test_official_weights_pass():
    embed.verify_weights(embed.model_dir())


def test_tampered_weights_are_refused(tmp_path):
    src = embed.model_dir()
    dst = tmp_path / "model"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("model.safetensors"))
    data = bytearray((src / "model.safetensors").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (dst / "model.safetensors").write_bytes(bytes(data))
    with pytest.raises(embed.ModelError, match="not the official"):
        embed.verify_weights(dst)


def test_missing_weights_are_refused(tmp_path):
    with pytest.raises(embed.ModelError, match="missing"):
        embed.verify_weights(tmp_path)


def test_official_digest_is_the_published_one():
    assert config.MODEL_SHA256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def test_vectors_are_unit_length(model):
    vecs = embed.encode(TEXTS)
    assert vecs.shape == (len(TEXTS), 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert embed.encode([]).shape == (0, 384)


def test_order_is_kept_and_similar_texts_are_closer(model):
    vecs = embed.encode(TEXTS)
    again = embed.encode(list(reversed(TEXTS)))[::-1]
    np.testing.assert_allclose(vecs, again, atol=1e-5)
    sims = vecs @ vecs.T
    assert sims[0, 1] > sims[0, 2]  # two ferry sentences are closer than ferry and budget


def test_encode_in_batches_hands_over_every_chunk(model):
    seen = {}
    embed.encode_in_batches(TEXTS * 3, lambda off, v: seen.__setitem__(off, v.shape[0]), batch=5)
    assert seen == {0: 5, 5: 5, 10: 2}


def test_onnx_matches_torch(model):
    pytest.importorskip("onnxruntime")
    path = embed.model_dir()
    onnx = embed.OnnxEncoder(path, embed.onnx_file(path)).encode(TEXTS)
    ref = embed._torch_model(path).encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert float(np.min(np.sum(onnx * ref, axis=1))) > 0.9999


def test_an_export_that_does_not_match_its_record_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE", str(tmp_path))
    made = []
    monkeypatch.setattr(embed, "export_onnx", lambda src, dst: made.append(dst))
    first = embed.onnx_file(embed.model_dir())
    assert made == [first]  # nothing cached yet
    first.parent.mkdir(parents=True, exist_ok=True)
    first.write_bytes(b"not the exported graph")
    first.with_suffix(".onnx.json").write_text(json.dumps(
        {"source_sha256": config.MODEL_SHA256, "onnx_sha256": "0" * 64}))
    embed.onnx_file(embed.model_dir())
    assert len(made) == 2
    good = embed._sha256(first)
    first.with_suffix(".onnx.json").write_text(json.dumps({"source_sha256": config.MODEL_SHA256, "onnx_sha256": good}))
    embed.onnx_file(embed.model_dir())
    assert len(made) == 2  # a matching record is trusted, not re-exported


def test_unknown_backend_is_a_one_line_error(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_EMBED_BACKEND", "tpu")
    with pytest.raises(embed.ModelError, match="CROSSCHECK_EMBED_BACKEND"):
        embed.backend_name()


def test_second_embed_missing_embeds_nothing(store, model):
    from crosscheck import pipeline
    from crosscheck.models import sha256

    texts = ["people killed | MASK people died in the flood", "who evacuated", "people killed | MASK people died in the flood"]
    store.insert_frame("articles", pd.DataFrame({"article_id": ["a1"], "content_hash": ["h"], "body": ["-"],
                                                 "lead_text": ["Floods kill 12"], "lead_hash": [sha256("Floods kill 12")]}))
    store.insert_frame("claims", pd.DataFrame({
        "claim_id": ["c1", "c2", "c3"], "article_id": "a1", "sentence_idx": [0, 1, 2], "kind": "numeric", "quote": "12",
        "char_start": 0, "char_end": 2, "subject": "people killed", "embed_text": texts,
        "text_hash": [sha256(t) for t in texts], "value_json": "{}"}))
    assert pipeline.embed_missing(store) == 3  # two distinct claim texts and the lead
    assert pipeline.embed_missing(store) == 0
    n = store.con.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    assert n == 3


def test_onnx_is_the_default_backend_when_installed(monkeypatch):
    pytest.importorskip("onnxruntime")
    monkeypatch.delenv("CROSSCHECK_EMBED_BACKEND", raising=False)
    assert embed.backend_name() == "onnx"
    monkeypatch.setenv("CROSSCHECK_EMBED_BACKEND", "torch")
    assert embed.backend_name() == "torch"


def test_a_failed_export_falls_back_to_the_reference(monkeypatch, caplog):
    pytest.importorskip("onnxruntime")
    monkeypatch.delenv("CROSSCHECK_EMBED_BACKEND", raising=False)

    def unwritable(src):
        raise PermissionError(13, "Permission denied", "/cache/model.onnx")

    monkeypatch.setattr(embed, "onnx_file", unwritable)
    embed.load_model.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="crosscheck.embed"):
            model = embed.load_model()
        assert not isinstance(model, embed.OnnxEncoder)
        assert "using torch" in caplog.text
    finally:
        embed.load_model.cache_clear()


def test_a_fresh_cache_exports_once_and_gives_the_reference_vectors(tmp_path, monkeypatch):
    """What a fresh clone (CI) does at its first run: export into an empty cache, then use it."""
    pytest.importorskip("onnxruntime")
    import threading

    monkeypatch.setenv("CROSSCHECK_CACHE", str(tmp_path))
    real, made = embed.export_onnx, []

    def counted(src, dst):
        made.append(dst)
        real(src, dst)

    monkeypatch.setattr(embed, "export_onnx", counted)
    path = embed.model_dir()
    got: list = []
    threads = [threading.Thread(target=lambda: got.append(embed.onnx_file(path))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 1 and len(set(got)) == 1  # two concurrent first runs, one export
    assert not list(got[0].parent.glob("*.tmp"))
    vecs = embed.OnnxEncoder(path, got[0]).encode(TEXTS)
    ref = embed._torch_model(path).encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert float(np.min(np.sum(vecs * ref, axis=1))) > 0.9999
