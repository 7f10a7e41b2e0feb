"""Benchmark the batch engines: a folder of photos with two box prompts each, a random
full-size vit_b saved as a checkpoint; a section of docs/performance.md.

    python benchmarks/batch.py [--images 6] [--megapixels 1] [--workers 1 2] [--no-write]

In one run: the model alone (each photo decoded beforehand, then encoded and decoded
by the service, no files: the pure model time), the local engine on the whole job
(reading, hashing, decoding, writing the parts and the COCO/YOLO/PNG files; model
loaded before the clock starts), and the Ray engine on the same job with N actors
(``ray.init(num_cpus=<cores>)`` here; its time includes starting the actors and loading
a model in each, and is also given from its first finished image on). Each photo is a
different picture (flips and crops of the sample photos), so no embedding is reused.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]
SHARED = REPO.parent / "shared" / "images"


def timed(times, fn, *args):
    start = time.perf_counter()
    try:
        return fn(*args)
    finally:
        times.append(time.perf_counter() - start)


def make_folder(folder: Path, count: int, megapixels: float) -> Path:
    """``count`` distinct JPEG photos and a prompts file with two boxes per photo."""
    from run import photo

    sources = sorted(SHARED.glob("*.jpg")) if SHARED.is_dir() else sorted((REPO / "imgs").glob("*.png"))
    lines = []
    for i in range(count):
        pixels = photo(sources[i % len(sources)], megapixels)
        if (i // len(sources)) % 2:
            pixels = pixels[:, ::-1]
        name = f"photo{i:03d}.jpg"
        Image.fromarray(np.ascontiguousarray(pixels)).save(folder / name, quality=92)
        h, w = pixels.shape[:2]
        lines.append({"image": name, "objects": [
            {"box": [w * 0.2, h * 0.2, w * 0.8, h * 0.9], "category": "thing"},
            {"box": [w * 0.05, h * 0.5, w * 0.45, h * 0.95], "category": "corner"}]})
    (folder / "prompts.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    return folder / "prompts.jsonl"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=6)
    parser.add_argument("--megapixels", type=float, default=1.0)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    import torch
    from report import publish
    from run import random_sam

    from sam_app import batch
    from sam_app.service import SamService

    work = Path(tempfile.mkdtemp(prefix="sam_batch_bench_"))
    try:
        checkpoint = work / "random_vit_b.pth"
        torch.save(random_sam("vit_b", torch.device("cpu")).state_dict(), checkpoint)
        images = work / "images"
        images.mkdir()
        prompts = make_folder(images, args.images, args.megapixels)
        options = dict(model_type="vit_b", checkpoint=str(checkpoint), device="cpu", precision="fp32",
                       decoder="torch", allow_fallback=False, cache_size=2)
        identity = {"model": "vit_b", "file": checkpoint.name}
        job = batch.from_prompts(prompts, images, False, identity)
        service = SamService(**options)
        segmenter = batch.Segmenter(service)
        segmenter.load()

        model_times = []  # seconds inside Segmenter.part, the model's share of an engine run
        part = segmenter.part
        segmenter.part = lambda read: timed(model_times, part, read)
        alone, local, own = [], [], []
        for repeat in range(args.repeats):  # interleaved: the machine's drift hits both alike
            loaded = [service.load_image(item.path) for item in job.items]
            service.clear_cache()
            start = time.perf_counter()
            for item, image in zip(job.items, loaded):
                part(batch.work.Read(item, "k", batch.work.TODO, image))
            alone.append(time.perf_counter() - start)
            service.clear_cache()
            store, model_times[:] = batch.Store(work / f"local{repeat}"), []
            start = time.perf_counter()
            batch.run_job(job, batch.run_local(job, segmenter, store, png=True), store, ["coco", "yolo", "png"])
            local.append(time.perf_counter() - start)
            own.append(local[-1] - sum(model_times))
            print(f"model alone {alone[-1]:.1f} s, local engine {local[-1]:.1f} s "
                  f"(of which outside the model {own[-1]:.2f} s)", flush=True)
        model_s, local_s = min(alone), min(local)
        rows = [("model alone (no files)", model_s, None, f"best of {args.repeats}"),
                ("local engine", local_s, None,
                 f"best of {args.repeats}; {100 * (local_s / model_s - 1):+.1f} % wall time over the model alone; "
                 f"{100 * min(own) / local_s:.1f} % of its time outside the model")]

        import ray

        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
        for workers in args.workers:
            store = batch.Store(work / f"ray{workers}")
            stamps = []
            start = time.perf_counter()
            cpus = max(1, os.cpu_count() // workers)
            batch.run_job(job, batch.run_ray(job, options, store, png=True, workers=workers, cpus_per_worker=cpus),
                          store,
                          ["coco", "yolo", "png"], on_outcome=lambda _: stamps.append(time.perf_counter()))
            ray_s = time.perf_counter() - start
            steady = (stamps[-1] - stamps[0]) / (len(stamps) - 1) if len(stamps) > 1 else None
            rows.append((f"Ray engine, {workers} actor{'s' if workers > 1 else ''} x {cpus} CPU", ray_s, steady,
                         f"{ray_s - (stamps[0] - start):.1f} s after the first image; "
                         + agreement(work / "local0", store.output)))
            print(rows[-1], flush=True)
        ray.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    publish("batch", report_table(rows, args, torch.get_num_threads()), not args.no_write)
    return 0


def agreement(local: Path, ray: Path) -> str:
    """Whether the Ray engine's files equal the local engine's; if not, how far the masks
    of annotations.json differ (float sums in another order flip pixels at the threshold)."""
    from sam_app.export import decode_rle

    files = [p.relative_to(ray) for p in ray.rglob("*") if p.is_file() and p.name != "manifest.jsonl"]
    differ = [f for f in files if (local / f).read_bytes() != (ray / f).read_bytes()]
    if not differ:
        return "files identical to the local engine's"
    ious = []
    ours, theirs = (json.loads((folder / "annotations.json").read_text())["annotations"] for folder in (local, ray))
    for a, b in zip(ours, theirs):
        ma, mb = decode_rle(a["segmentation"]), decode_rle(b["segmentation"])
        ious.append((ma & mb).sum() / max(1, (ma | mb).sum()))
    return (f"{len(differ)} of {len(files)} files differ from the local engine's; mask IoU with its masks "
            f"min {min(ious):.4f}, mean {np.mean(ious):.4f}")


THREADS_NOTE = ("Where an actor has another number of torch threads than the local engine, float sums run in "
                "another order: scores change in their last digits and a pixel at the threshold can flip, so files "
                "may differ while the masks agree (the IoU given).")


def report_table(rows, args, threads: int) -> str:
    import platform

    n = args.images
    lines = [
        "## Batch datasets (`benchmarks/batch.py`)",
        "",
        f"{n} distinct photos of {args.megapixels:g} MP, two box prompts each, random full-size vit_b, fp32, "
        f"PyTorch decoder, on {platform.processor() or platform.machine()} with {os.cpu_count()} cores "
        f"({threads} torch threads in this process; a Ray actor has as many threads as CPUs). Outputs: parts, "
        "COCO, YOLO and PNG. One run; the ratios are what to read. *Outside the model*: the engine's wall time "
        "less the time spent in `Segmenter.part` (reading, hashing, decoding and writing that the threads did "
        "not hide). " + THREADS_NOTE,
        "",
        "| what | wall time | images/s | s per image, steady | note |",
        "|---|---:|---:|---:|---|",
    ]
    for what, seconds, steady, note in rows:
        steady_text = f"{steady:.1f}" if steady else ""
        lines.append(f"| {what} | {seconds:.1f} s | {n / seconds:.3f} | {steady_text} | {note} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
