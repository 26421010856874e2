"""Helpers shared by the model scripts of infra/models (numpy + onnx only; no torch).

- read_safetensors: the safetensors format is an 8-byte little-endian header length, a JSON header
  (name -> dtype, shape, data_offsets) and the raw little-endian tensor bytes.
- GraphBuilder: a thin layer over onnx.helper that names nodes and initializers.
- verify: runs an ONNX model with onnx's reference evaluator and compares it with a numpy forward pass.
- write_dir_atomically: builds a model directory next to its final place and renames it into place.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import struct
import sys
from pathlib import Path
from typing import Callable

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization is an ONNX op from 17 on; onnxruntime-node 1.30 runs it natively
IR_VERSION = 8

_ST_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def read_safetensors(data: bytes) -> dict[str, np.ndarray]:
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_len])
    base = 8 + header_len
    tensors: dict[str, np.ndarray] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _ST_DTYPES.get(meta["dtype"])
        if dtype is None:
            raise SystemExit(f"safetensors: unsupported dtype {meta['dtype']} for {name}")
        start, end = meta["data_offsets"]
        array = np.frombuffer(data[base + start : base + end], dtype=np.dtype(dtype).newbyteorder("<"))
        tensors[name] = array.reshape(meta["shape"]).astype(dtype)
    return tensors


class GraphBuilder:
    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._n = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, op_type: str, inputs: list[str], out: str | None = None, **attrs) -> str:
        self._n += 1
        out = out or f"{op_type.lower()}_{self._n}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=f"{op_type}_{self._n}", **attrs))
        return out

    def linear(self, x: str, weight: np.ndarray, bias: np.ndarray, name: str) -> str:
        """PyTorch Linear: y = x W^T + b (weight is [out, in])."""
        w = self.const(f"{name}.weight_t", weight.T.astype(np.float32))
        b = self.const(f"{name}.bias", bias.astype(np.float32))
        return self.op("Add", [self.op("MatMul", [x, w]), b])

    def layer_norm(self, x: str, gamma: np.ndarray, beta: np.ndarray, eps: float, name: str) -> str:
        g = self.const(f"{name}.weight", gamma.astype(np.float32))
        b = self.const(f"{name}.bias", beta.astype(np.float32))
        return self.op("LayerNormalization", [x, g, b], axis=-1, epsilon=eps)

    def model(self, name: str, inputs: list[onnx.ValueInfoProto], outputs: list[onnx.ValueInfoProto], doc: str) -> onnx.ModelProto:
        graph = helper.make_graph(self.nodes, name, inputs, outputs, self.initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="scs-infra-models", doc_string=doc)
        model.ir_version = IR_VERSION
        onnx.checker.check_model(model, full_check=True)
        return model


def int64_input(name: str) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.INT64, ["batch_size", "sequence_length"])


# ---------------------------------------------------------------- numpy reference pieces
def np_layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


_erf = np.vectorize(math.erf, otypes=[np.float64])


def np_gelu(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU of BERT's "gelu"."""
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def np_softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def verify(model: onnx.ModelProto, feeds: dict[str, np.ndarray], expected: dict[str, np.ndarray], tolerance: float) -> float:
    """Runs the model with onnx.reference and returns the largest absolute difference; exits non-zero past tolerance."""
    from onnx.reference import ReferenceEvaluator

    names = list(expected)
    got = ReferenceEvaluator(model).run(names, feeds)
    worst = 0.0
    for name, value in zip(names, got):
        want = expected[name]
        if value.shape != want.shape:
            fail(f"verification: {name} has shape {value.shape}, the numpy forward pass {want.shape}")
        worst = max(worst, float(np.max(np.abs(value.astype(np.float64) - want.astype(np.float64)))))
    if not math.isfinite(worst) or worst > tolerance:
        fail(f"verification: ONNX and the numpy forward pass differ by {worst:.3g} (tolerance {tolerance:g})")
    return worst


def fail(message: str) -> None:
    print(f"ERROR: {message}", file=sys.stderr)
    raise SystemExit(1)


def write_dir_atomically(final: Path, fill: Callable[[Path], None]) -> None:
    """Fills a temporary sibling directory, then swaps it in, so a model directory is never half-written."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".{final.name}.tmp-{os.getpid()}"
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        fill(tmp)
        if final.exists():
            final.rename(old)
        tmp.rename(final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, indent=2) + "\n")
