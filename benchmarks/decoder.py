"""Benchmark SAM's prompt decoder per prompt, for segment everything's prompts (one
point each, no mask input): upstream's modules, the full ONNX graph and the regrouped
decoder (``sam_app.backends.fast_decoder``) in ONNX Runtime and PyTorch, at several
batch sizes and thread counts, with and without ONNX Runtime's memory arena; and how
far bfloat16 decoding moves the masks. A section of docs/performance.md.

    python benchmarks/decoder.py [--image PATH] [--prompts 32] [--rounds 3] [--no-write]

A random full-size vit_b (the decoder is the same network for every SAM 1 size) and
the embedding of a photo. Each cell is the median over ``rounds`` of the time for
``prompts`` prompts, taken in turns with the other cells so that the machine's drift
falls on all of them alike.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from report import publish  # noqa: E402
from run import photo, random_sam  # noqa: E402

from sam_app.backends import sam as sam_backend  # noqa: E402
from sam_app.backends.base import decode_points  # noqa: E402
from sam_app.backends.sam import SamBackend  # noqa: E402
from sam_app.onnx_decoder import FastOnnxDecoder, OnnxDecoder  # noqa: E402

BATCHES = (1, 2, 4, 8, 16)


def engines(model):
    """name -> (backend, batch sizes): each backend decodes with one engine."""
    cpu = torch.device("cpu")
    made = {}
    for name, decoder in (("upstream modules (PyTorch)", "torch"), ("full graph (ONNX Runtime)", "onnx"),
                          ("fast graphs (ONNX Runtime)", "onnx"), ("fast graphs, arena on", "onnx"),
                          ("fast graphs, 1 thread", "onnx"), ("fast (PyTorch)", "fast"),
                          ("fast-bf16 (PyTorch)", "fast-bf16")):
        backend = SamBackend(model, "vit_b", cpu, "fp32", decoder, "reference")
        if name.startswith("full graph"):
            backend.onnx = OnnxDecoder.from_model(model)  # drops the fast graphs
        elif name.endswith("arena on"):
            backend._fast_onnx = FastOnnxDecoder.from_model(model, arena=True)
        elif name.endswith("1 thread"):
            backend._fast_onnx = FastOnnxDecoder.from_model(model, threads=1)
        made[name] = backend
    return made


def decode(backend, embedding, points, batch):
    """All ``points`` through ``backend``, ``batch`` prompts a call; seconds."""
    sam_backend.FAST_BATCH = batch  # the fast decoders split what they are handed into calls of this size
    started = time.perf_counter()
    decode_points(lambda objects: backend._low_res(embedding, objects, True), points, batch)
    return time.perf_counter() - started


def agreement(fp32, bf16, embedding, points):
    """(largest score difference, mean and smallest mask IoU) of bf16 against fp32."""
    a, b = fp32.point_logits(embedding, points), bf16.point_logits(embedding, points)
    masks_a, masks_b = a[1] > 0, b[1] > 0
    union = (masks_a | masks_b).sum((2, 3))
    iou = np.where(union > 0, (masks_a & masks_b).sum((2, 3)) / np.maximum(union, 1), 1.0)
    return float(np.abs(a[0] - b[0]).max()), float(iou.mean()), float(iou.min())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image", type=Path)
    parser.add_argument("--prompts", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    shared = HERE.parent.parent / "shared" / "images" / "truck.jpg"
    image = args.image or (shared if shared.exists() else HERE.parent / "imgs" / "coffee.png")
    torch.set_grad_enabled(False)
    model = random_sam("vit_b", torch.device("cpu"))
    made = engines(model)
    embedding = made["upstream modules (PyTorch)"].encode(photo(image, 1))
    h, w = embedding.original_size
    points = np.random.default_rng(0).random((args.prompts, 2)) * [w, h]
    times = {(name, batch): [] for name in made for batch in BATCHES}
    for backend in made.values():  # warm-up: graphs, the image side
        decode(backend, embedding, points[:2], 1)
    for _ in range(args.rounds):
        for (name, batch), samples in times.items():
            samples.append(decode(made[name], embedding, points, batch) / len(points) * 1000)
    ms = {key: statistics.median(samples) for key, samples in times.items()}
    score_diff, mean_iou, min_iou = agreement(made["fast (PyTorch)"], made["fast-bf16 (PyTorch)"], embedding,
                                              points)
    reference = ms[("upstream modules (PyTorch)", 1)]
    rows = [f"| {name} | " + " | ".join(f"{ms[(name, b)]:.1f}" for b in BATCHES)
            + f" | {reference / min(ms[(name, b)] for b in BATCHES):.1f}x |" for name in made]
    body = "\n".join([
        "## The prompt decoder, per prompt (`benchmarks/decoder.py`)",
        "",
        f"Milliseconds per one-point prompt without a mask input (segment everything's prompts), random "
        f"full-size vit_b, the embedding of `{image.name}` at 1 MP, {torch.get_num_threads()} threads unless "
        f"said, median of {args.rounds} rounds of {args.prompts} prompts taken in turns. Columns: prompts per "
        "call. The fast decoder (`sam_app/backends/fast_decoder.py`) does about 0.83 GMAC a prompt against "
        "upstream's 1.75. The arena is ONNX Runtime's memory arena: it keeps the peak of the largest call for the "
        "session's life (off by default: `OnnxDecoder`).",
        "",
        "| engine | " + " | ".join(str(b) for b in BATCHES) + " | best against upstream at 1 |",
        "|---|" + "---:|" * len(BATCHES) + "---:|",
        *rows,
        "",
        f"bfloat16 decoding (`--decoder fast-bf16`) against float32 on these {args.prompts} prompts x 3 "
        f"candidates: scores within {score_diff:.4f}, mask IoU mean {mean_iou:.4f}, smallest {min_iou:.4f}.",
    ])
    publish("decoder", body, not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
