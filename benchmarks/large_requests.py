"""Requests of every size against one service: time, outcome and the process's memory
before and after; a section of docs/performance.md.

    python benchmarks/large_requests.py [--image PATH] [--decoders torch,onnxruntime,...] [--no-write]

Each decoder runs in a process of its own (``--child``) on a random full-size vit_b,
fp32, with the photo encoded first (the encoding is not a request's size). Memory is the
resident size once the request's result is dropped and freed memory handed back
(``devices.release_memory``, which the server runs every 10 s), against the same just
before the request. ``onnxruntime + arena`` is the ONNX decoder with ONNX Runtime's
memory arena switched back on, the setting before it was turned off. Requests: one
point (p50 of 20), the largest the default limits accept (256 boxes of 64 points), one
point or box over a limit, and the largest under the default time budget and a 10 s one.
"""

import argparse
import gc
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]
DECODERS = ("torch", "onnxruntime", "onnxruntime + arena")


def requests(width: int, height: int):
    """(name, points Nx2, boxes Bx4 or None, budget_s or None): the requests measured.
    Every box is the whole image, so each box takes every point (``build_objects``)."""
    from sam_app.limits import LIMITS

    most_points, most_objects = LIMITS.max_points, LIMITS.max_objects
    points = np.random.default_rng(0).uniform(1, min(width, height) - 2, (most_points + 1, 2))
    boxes = np.tile([[0, 0, width - 1, height - 1]], (most_objects + 1, 1))
    most = f"{most_objects} boxes x {most_points} points"
    return [
        (f"{most} (the limits)", points[:most_points], boxes[:most_objects], None),
        (f"{most_objects + 1} boxes", points[:1], boxes, None),
        (f"1 object, {most_points + 1} points", points, None, None),
        (f"{most}, {LIMITS.request_seconds:g} s budget (the default)", points[:most_points], boxes[:most_objects],
         LIMITS.request_seconds),
        (f"{most}, 10 s budget", points[:most_points], boxes[:most_objects], 10.0),
    ]


def child(args) -> None:
    import torch
    from run import photo, random_sam

    from sam_app.backends.sam import SamBackend
    from sam_app.devices import release_memory
    from sam_app.errors import SamAppError
    from sam_app.onnx_decoder import FastOnnxDecoder, OnnxDecoder
    from sam_app.service import SamService

    def rss_mb() -> float:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * 4096 / 2**20

    model = random_sam("vit_b", torch.device("cpu"))
    backend = SamBackend(model, "vit_b", torch.device("cpu"), "fp32", "torch" if args.child == "torch" else "onnx")
    if args.child.endswith("arena"):
        fast = backend._fast_onnx
        backend.onnx = OnnxDecoder.from_model(model, arena=True)  # drops the fast graphs: put them back, arena on
        backend._fast_onnx = fast and FastOnnxDecoder.from_model(model, arena=True)
    service = SamService(device="cpu", precision="fp32")
    service.add_backend(backend, default=True)
    image = service.load_image(photo(Path(args.image), 1.0))
    service.embedding(image)
    height, width = image.height, image.width
    one = [[width * 0.5, height * 0.6], [width * 0.3, height * 0.4]]
    service.segment(image, points=one)
    samples = []
    for _ in range(20):
        start = time.perf_counter()
        service.segment(image, points=one, labels=[1, 0])
        samples.append(time.perf_counter() - start)
    gc.collect()
    release_memory()
    rows = [dict(request="1 object, 2 points (p50 of 20)", outcome="masks", seconds=float(np.median(samples)),
                 before=rss_mb(), after=rss_mb())]
    if args.child == "onnxruntime":
        rows += alternating_decoders(backend, service.embedding(image), one, rss_mb)
    for name, points, boxes, budget in requests(width, height):
        gc.collect()
        release_memory()
        before = rss_mb()
        start = time.perf_counter()
        try:
            result = service.segment(image, points=points, boxes=boxes, budget_s=budget)
            outcome = f"{len(result.objects)} objects"
            del result
        except SamAppError as exc:
            outcome = f"refused: {str(exc)[:64]}..."
        seconds = time.perf_counter() - start
        gc.collect()
        release_memory()
        rows.append(dict(request=name, outcome=outcome, seconds=seconds, before=before, after=rss_mb()))
    print(json.dumps(rows))


def alternating_decoders(backend, embedding, points, rss_mb, rounds: int = 30):
    """The ONNX decoder call alone for one 2-point prompt, without and with the arena,
    taking turns in one process (separate processes differ by more than the setting)."""
    from sam_app.onnx_decoder import OnnxDecoder, prompt_arrays
    from sam_app.prompts import ObjectPrompt

    twins = {"no arena": backend.onnx, "arena": OnnxDecoder.from_model(backend.model, arena=True)}
    prompt = [ObjectPrompt(np.asarray(points, np.float32), np.array([1, 0], np.int32))]
    coords, labels = prompt_arrays(prompt, lambda xy: backend.transform.apply_coords(xy, embedding.original_size))
    features = embedding.features.cpu().numpy()
    samples = {name: [] for name in twins}
    for _ in range(rounds):
        for name, decoder in twins.items():
            start = time.perf_counter()
            decoder(features, coords, labels, None)
            samples[name].append(time.perf_counter() - start)
    return [dict(request=f"decoder call alone, 2 points, {name} (p50 of {rounds}, taking turns)", outcome="masks",
                 seconds=float(np.median(times)), before=rss_mb(), after=rss_mb()) for name, times in samples.items()]


def table(results: dict, image: str) -> str:
    lines = [
        "## Requests of every size (`benchmarks/large_requests.py`)",
        "",
        f"Random vit_b, fp32, {Path(image).name} at 1 MP, encoded before; one process per decoder. Memory: resident "
        "size once the result is dropped and freed memory handed back, against just before the request.",
        "",
        "| decoder | request | outcome | s | MB before | MB after | change |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for decoder, rows in results.items():
        for row in rows:
            change = 100 * (row["after"] - row["before"]) / row["before"]
            lines.append(f"| {decoder} | {row['request']} | {row['outcome']} | {row['seconds']:.3f} | "
                         f"{row['before']:.0f} | {row['after']:.0f} | {change:+.1f} % |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    from report import default_photo

    parser.add_argument("--image", default=default_photo())
    parser.add_argument("--decoders", default=",".join(DECODERS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    results = {}
    for decoder in args.decoders.split(","):
        done = subprocess.run([sys.executable, __file__, "--child", decoder, "--image", args.image],
                              capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{decoder}: {done.stderr[-3000:]}")
        results[decoder] = json.loads(done.stdout.strip().splitlines()[-1])
        print(decoder, "done", file=sys.stderr)
    from report import publish

    publish("large-requests", table(results, args.image), not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
