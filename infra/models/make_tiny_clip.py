"""Generates scs/tiny-clip: a small, seeded-random CLIP pair with the interface of
Xenova/clip-vit-base-patch32, so the real transformers.js loading and inference code runs without a
model hub. Its vectors are deterministic but carry NO meaning: it proves the plumbing, not retrieval
quality. For real image search point IMAGE_EMBEDDING_MODEL at a real CLIP export (e.g. a copy of
Xenova/clip-vit-base-patch32 under EMBEDDING_MODELS_DIR).

  <out>/config.json, preprocessor_config.json (CLIPImageProcessor, 224x224, CLIP mean/std),
  tokenizer.json + tokenizer_config.json + special_tokens_map.json (the MiniLM WordPiece tokenizer,
  77 tokens), onnx/text_model.onnx   input_ids, attention_mask (int64 [B, S]) -> text_embeds [B, 512]
        onnx/vision_model.onnx pixel_values (float32 [B, 3, 224, 224]) -> image_embeds [B, 512]

Text tower: token + position embeddings, LayerNorm, mean over the attention mask, projection.
Vision tower: 32x32 patch convolution, mean over patches, LayerNorm, projection. Both are checked
against a numpy forward pass with onnx's reference evaluator before anything is written.

usage: python make_tiny_clip.py --tokenizer-dir <MiniLM dir> --out DIR
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

from model_tools import GraphBuilder, fail, int64_input, np_layer_norm, verify, write_dir_atomically, write_json

SEED = 20240601
WIDTH = 64  # hidden size of both towers
PROJECTION = 512  # as clip-vit-base-patch32
IMAGE = 224
PATCH = 32
MAX_TOKENS = 77
EPS = 1e-5
TOLERANCE = 1e-4


def weights(vocab: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)

    def normal(*shape: int, std: float) -> np.ndarray:
        return rng.normal(0.0, std, size=shape).astype(np.float32)

    return {
        "text.token_embedding": normal(vocab, WIDTH, std=0.02),
        "text.position_embedding": normal(MAX_TOKENS, WIDTH, std=0.01),
        "text.ln.weight": np.ones(WIDTH, np.float32), "text.ln.bias": np.zeros(WIDTH, np.float32),
        "text.projection": normal(WIDTH, PROJECTION, std=WIDTH**-0.5),
        "vision.patch_embedding": normal(WIDTH, 3, PATCH, PATCH, std=0.02),
        "vision.ln.weight": np.ones(WIDTH, np.float32), "vision.ln.bias": np.zeros(WIDTH, np.float32),
        "vision.projection": normal(WIDTH, PROJECTION, std=WIDTH**-0.5),
    }


def text_model(w: dict[str, np.ndarray]) -> onnx.ModelProto:
    g = GraphBuilder()
    tokens = g.op("Gather", [g.const("text.token_embedding", w["text.token_embedding"]), "input_ids"])
    zero = g.const("const.zero_1d", np.array([0], dtype=np.int64))
    positions = g.op("Slice", [g.const("text.position_embedding", w["text.position_embedding"]), zero, g.op("Shape", ["input_ids"], start=1, end=2), zero])
    h = g.layer_norm(g.op("Add", [tokens, positions]), w["text.ln.weight"], w["text.ln.bias"], EPS, "text.ln")
    mask = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT), g.const("const.axis_2", np.array([2], dtype=np.int64))])
    summed = g.op("ReduceSum", [g.op("Mul", [h, mask]), g.const("const.axis_1", np.array([1], dtype=np.int64))], keepdims=0)
    count = g.op("Max", [g.op("ReduceSum", [mask, "const.axis_1"], keepdims=0), g.const("const.one_f32", np.array(1.0, dtype=np.float32))])
    g.op("MatMul", [g.op("Div", [summed, count]), g.const("text.projection", w["text.projection"])], out="text_embeds")
    return g.model("scs-tiny-clip-text", [int64_input("input_ids"), int64_input("attention_mask")],
                   [helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch_size", PROJECTION])],
                   "scs/tiny-clip text tower: seeded random weights (plumbing test model, no semantics)")


def vision_model(w: dict[str, np.ndarray]) -> onnx.ModelProto:
    g = GraphBuilder()
    patches = g.op("Conv", ["pixel_values", g.const("vision.patch_embedding", w["vision.patch_embedding"])], kernel_shape=[PATCH, PATCH], strides=[PATCH, PATCH])
    pooled = g.op("ReduceMean", [patches], axes=[2, 3], keepdims=0)
    h = g.layer_norm(pooled, w["vision.ln.weight"], w["vision.ln.bias"], EPS, "vision.ln")
    g.op("MatMul", [h, g.const("vision.projection", w["vision.projection"])], out="image_embeds")
    return g.model("scs-tiny-clip-vision", [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch_size", 3, IMAGE, IMAGE])],
                   [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch_size", PROJECTION])],
                   "scs/tiny-clip vision tower: seeded random weights (plumbing test model, no semantics)")


def numpy_text(w: dict[str, np.ndarray], input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    h = w["text.token_embedding"][input_ids].astype(np.float64) + w["text.position_embedding"][: input_ids.shape[1]][None]
    h = np_layer_norm(h, w["text.ln.weight"], w["text.ln.bias"], EPS)
    m = attention_mask[:, :, None].astype(np.float64)
    return ((h * m).sum(1) / np.maximum(m.sum(1), 1.0)) @ w["text.projection"]


def numpy_vision(w: dict[str, np.ndarray], pixels: np.ndarray) -> np.ndarray:
    b = pixels.shape[0]
    n = IMAGE // PATCH
    # [B, 3, n, P, n, P] -> [B, n, n, 3*P*P] patches, each dotted with the flattened kernels
    p = pixels.astype(np.float64).reshape(b, 3, n, PATCH, n, PATCH).transpose(0, 2, 4, 1, 3, 5).reshape(b, n * n, -1)
    feats = p @ w["vision.patch_embedding"].reshape(WIDTH, -1).T.astype(np.float64)
    h = np_layer_norm(feats.mean(axis=1), w["vision.ln.weight"], w["vision.ln.bias"], EPS)
    return h @ w["vision.projection"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokenizer-dir", required=True, type=Path, help="directory with tokenizer.json (the converted MiniLM)")
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()

    tokenizer = json.loads((args.tokenizer_dir / "tokenizer.json").read_text())
    vocab = len(tokenizer["model"]["vocab"]) + len(tokenizer.get("added_tokens", []))
    w = weights(vocab)
    text, vision = text_model(w), vision_model(w)

    ids = np.array([[101, 1037, 3899, 102, 0], [101, 1037, 4937, 2006, 102]], dtype=np.int64)
    mask = (ids != 0).astype(np.int64)
    d1 = verify(text, {"input_ids": ids, "attention_mask": mask}, {"text_embeds": numpy_text(w, ids, mask)}, TOLERANCE)
    pixels = np.random.default_rng(1).normal(size=(2, 3, IMAGE, IMAGE)).astype(np.float32)
    d2 = verify(vision, {"pixel_values": pixels}, {"image_embeds": numpy_vision(w, pixels)}, TOLERANCE)
    print(f"verified: ONNX (onnx.reference) vs numpy forward pass, max abs diff text {d1:.2e}, vision {d2:.2e} (tolerance {TOLERANCE:g})")

    tokenizer_config = json.loads((args.tokenizer_dir / "tokenizer_config.json").read_text())
    tokenizer_config["model_max_length"] = MAX_TOKENS
    if not (args.tokenizer_dir / "special_tokens_map.json").exists():
        fail(f"{args.tokenizer_dir}: special_tokens_map.json missing")

    def fill(d: Path) -> None:
        write_json(d / "config.json", {
            "_name_or_path": "scs/tiny-clip",
            "architectures": ["CLIPModel"],
            "model_type": "clip",
            "projection_dim": PROJECTION,
            "logit_scale_init_value": 2.6592,
            "text_config": {"model_type": "clip_text_model", "hidden_size": WIDTH, "projection_dim": PROJECTION, "vocab_size": vocab,
                            "max_position_embeddings": MAX_TOKENS, "num_hidden_layers": 0, "pad_token_id": 0, "bos_token_id": 101, "eos_token_id": 102},
            "vision_config": {"model_type": "clip_vision_model", "hidden_size": WIDTH, "projection_dim": PROJECTION, "image_size": IMAGE,
                              "patch_size": PATCH, "num_channels": 3, "num_hidden_layers": 0},
            "scs_note": "seeded random weights generated by infra/models/make_tiny_clip.py; proves loading and plumbing only",
        })
        write_json(d / "preprocessor_config.json", {
            "crop_size": {"height": IMAGE, "width": IMAGE},
            "do_center_crop": True,
            "do_convert_rgb": True,
            "do_normalize": True,
            "do_rescale": True,
            "do_resize": True,
            "image_mean": [0.48145466, 0.4578275, 0.40821073],
            "image_processor_type": "CLIPImageProcessor",
            "image_std": [0.26862954, 0.26130258, 0.27577711],
            "resample": 3,
            "rescale_factor": 0.00392156862745098,
            "size": {"shortest_edge": IMAGE},
        })
        shutil.copyfile(args.tokenizer_dir / "tokenizer.json", d / "tokenizer.json")
        shutil.copyfile(args.tokenizer_dir / "special_tokens_map.json", d / "special_tokens_map.json")
        write_json(d / "tokenizer_config.json", tokenizer_config)
        (d / "onnx").mkdir()
        onnx.save_model(text, str(d / "onnx" / "text_model.onnx"))
        onnx.save_model(vision, str(d / "onnx" / "vision_model.onnx"))
        (d / "README.md").write_text(
            "# scs/tiny-clip\n\nGenerated by `infra/models/make_tiny_clip.py` (seed %d): the interface of Xenova/clip-vit-base-patch32\n"
            "(`text_model.onnx` -> `text_embeds` [B,512], `vision_model.onnx` -> `image_embeds` [B,512], CLIP image\n"
            "preprocessing) with small random weights. Deterministic, but the vectors carry no meaning: use it to test\n"
            "loading and plumbing only. For real text-to-image search set IMAGE_EMBEDDING_MODEL to a real CLIP export.\n" % SEED)

    write_dir_atomically(args.out, fill)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
