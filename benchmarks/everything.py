"""Benchmark segment everything: upstream's SamAutomaticMaskGenerator against ours, same
random full-size vit_b, same photo, same settings; a section of docs/performance.md.

    python benchmarks/everything.py [--image PATH] [--small-points 16] [--points 32] [--large-points 8]
                                    [--no-write]

Each measurement runs in a process of its own (``--child``), so that its peak memory is
its own: the process builds the model, encodes the photo (not timed; upstream's
predictor is handed that state instead of encoding again), notes its resident memory
(the interactive baseline), runs the generator and reports the time and the peak above
that baseline. Both use fp32 embeddings with segment-anything's attention, so their masks
can be compared: the share of upstream's masks that one of ours matches at IoU >= 0.99.
Thresholds are 0 (random weights would leave few masks otherwise); box NMS at its default.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]
SETTINGS = dict(pred_iou_thresh=0.0, stability_score_thresh=0.0)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def reset_peak() -> None:
    """Start the high-water mark of resident memory afresh (Linux 4.0+)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def peak_mb() -> float:
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def child(args) -> None:
    """One measurement; prints a JSON line and writes the records (COCO RLE) to args.records."""
    import torch
    from run import photo, random_sam
    from segment_anything import SamAutomaticMaskGenerator

    from sam_app.backends.sam import SamBackend
    from sam_app.service import SamService
    from sam_app.tasks.everything import MaskGenerator

    torch.set_grad_enabled(False)
    model = random_sam("vit_b", torch.device("cpu"))
    pixels = photo(args.image, args.megapixels)
    settings = dict(SETTINGS, points_per_side=args.points, output_mode="coco_rle")
    if args.which == "upstream":
        generator = SamAutomaticMaskGenerator(model, points_per_batch=args.batch, **settings)
        predictor = generator.predictor
        predictor.set_image(pixels)
        state = {k: getattr(predictor, k) for k in ("features", "original_size", "input_size", "is_image_set")}
        predictor.set_image = lambda image, image_format="RGB": predictor.__dict__.update(state)  # encoded already
        run = lambda: generator.generate(pixels)  # noqa: E731
    else:
        service = SamService(device="cpu", precision="fp32")
        service.add_backend(SamBackend(model, "vit_b", torch.device("cpu"), "fp32", "auto", "reference"), True)
        loaded = service.load_image(pixels)
        service.backend().point_logits(service.embedding(loaded), np.zeros((1, 2)))  # one-time graph export
        generator = MaskGenerator(service, **settings)
        run = lambda: generator.generate(loaded)  # noqa: E731
    baseline = rss_mb()
    reset_peak()
    started = time.perf_counter()
    records = run()
    seconds = time.perf_counter() - started
    peak = peak_mb()
    Path(args.records).write_text(json.dumps([r["segmentation"] for r in records]))
    h, w = pixels.shape[:2]
    print(json.dumps({"seconds": seconds, "peak_above_mb": peak - baseline, "baseline_mb": baseline,
                      "masks": len(records), "size": f"{w}x{h}"}))


def measure(which, image, megapixels, points, batch, folder) -> dict:
    records = Path(folder) / f"{which}_{megapixels}_{points}.json"
    command = [sys.executable, __file__, "--child", which, "--image", str(image), "--megapixels", str(megapixels),
               "--points", str(points), "--batch", str(batch), "--records", str(records)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{which} at {megapixels} MP failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["records"] = json.loads(records.read_text())
    print(f"{which:8} {megapixels:4} MP {points:3} points/side: {result['seconds']:8.1f} s, "
          f"{result['masks']} masks, peak {result['peak_above_mb']:.0f} MB above baseline", flush=True)
    return result


def matched(ours, upstream, threshold=0.99) -> float:
    from pycocotools import mask as mask_utils

    if not upstream:
        return 1.0
    encode = lambda rles: [{"size": r["size"], "counts": r["counts"].encode()} for r in rles]  # noqa: E731
    overlaps = np.asarray(mask_utils.iou(encode(ours), encode(upstream), [0] * len(upstream)))
    return float((overlaps.max(axis=0) >= threshold).mean()) if len(ours) else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image", type=Path)
    parser.add_argument("--small-points", type=int, default=16, help="points per side of a first run at about 1 MP")
    parser.add_argument("--points", type=int, default=32, help="points per side at about 1 MP")
    parser.add_argument("--large-points", type=int, default=8, help="points per side at about 12 MP")
    parser.add_argument("--memory-points", type=int, default=32,
                        help="points per side of a last run of ours alone at about 12 MP (memory at the default grid)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", choices=["upstream", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--megapixels", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, default=64, help=argparse.SUPPRESS)
    parser.add_argument("--records", help=argparse.SUPPRESS)
    args = parser.parse_args()
    shared = REPO.parent / "shared" / "images" / "truck.jpg"
    args.image = args.image or (shared if shared.exists() else REPO / "imgs" / "coffee.png")
    if args.child:
        args.which = args.child
        child(args)
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        # upstream holds every candidate of a batch as full-size float logits: 16 points a
        # batch keeps it near 2.5 GB at 12 MP (its results do not depend on the batch size)
        for megapixels, points, upstream_batch in ((1, args.small_points, 64), (1, args.points, 64),
                                                    (12, args.large_points, 16)):
            up = measure("upstream", args.image, megapixels, points, upstream_batch, folder)
            ours = measure("ours", args.image, megapixels, points, 64, folder)
            share = matched(ours["records"], up["records"])
            rows.append(f"| {up['size']} ({megapixels} MP), {points} points per side | {up['seconds']:.1f} s | "
                        f"{ours['seconds']:.1f} s | {up['seconds'] / ours['seconds']:.1f}x | "
                        f"{up['peak_above_mb']:.0f} MB | {ours['peak_above_mb']:.0f} MB | {up['masks']} / "
                        f"{ours['masks']} | {share:.1%} |")
        alone = measure("ours", args.image, 12, args.memory_points, 64, folder)
        rows.append(f"| {alone['size']} (12 MP), {args.memory_points} points per side | not run | "
                    f"{alone['seconds']:.1f} s | | | {alone['peak_above_mb']:.0f} MB | - / {alone['masks']} | |")
    import torch

    body = "\n".join([
        "## Segment everything",
        "",
        "Made by `python benchmarks/everything.py`: upstream's `SamAutomaticMaskGenerator` and ours",
        "(`sam_app.tasks.everything`, default fast path: the decoder of `sam_app/backends/fast_decoder.py`",
        f"in ONNX Runtime, OpenCV upscaling) in one run, photo `{args.image.name}`, random",
        "full-size vit_b, fp32 embeddings (encoding not timed), thresholds 0, box NMS 0.7, CPU with",
        f"{torch.get_num_threads()} threads. Peak memory is each run's own process, above its state",
        "after encoding (the interactive baseline). Upstream runs 16 points a batch at 12 MP, and is not",
        "run at 12 MP with the default grid (most of an hour here); ours is, for its memory.",
        "",
        "| image, grid | upstream | ours | speed-up | upstream peak | our peak | masks (upstream / ours) |"
        " upstream masks we match at IoU >= 0.99 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
    ])
    from report import publish

    publish("everything", body, not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
