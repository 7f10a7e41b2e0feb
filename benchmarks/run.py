"""Benchmark the interaction loop and print a table (also written to docs/performance.md).

    python benchmarks/run.py [--repeats 20] [--image PATH] [--device auto] [--no-write]

Uses a full-size vit_b with random weights (the cost of every step is that of the real
model; only the masks differ), on the sample photo (../shared/images/truck.jpg when
present, else imgs/coffee.png) scaled to about 1 and about 12 megapixels. Everything in
the table comes from this one run, on this machine.
"""

import argparse
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sam_app.backends.sam import SamBackend  # noqa: E402
from sam_app.checkpoints import build_sam  # noqa: E402
from sam_app.devices import resolve_device  # noqa: E402
from sam_app.render import overlay_masks  # noqa: E402
from sam_app.service import SamService  # noqa: E402


def timed(fn, repeats):
    """(median ms, p95 ms, last result) of ``fn()`` over ``repeats`` calls after one warm-up."""
    result = fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return statistics.median(samples), p95, result


def photo(path: Path, megapixels: float) -> np.ndarray:
    image = Image.open(path).convert("RGB")
    scale = (megapixels * 1e6 / (image.width * image.height)) ** 0.5
    return np.asarray(image.resize((round(image.width * scale), round(image.height * scale)), Image.BICUBIC))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--encoder-repeats", type=int, default=2)
    parser.add_argument("--image", type=Path)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    shared = REPO.parent / "shared" / "images" / "truck.jpg"
    source = args.image or (shared if shared.exists() else REPO / "imgs" / "coffee.png")
    device = resolve_device(args.device)
    torch.manual_seed(0)
    model = build_sam("vit_b").eval()
    rows = []

    def row(what, median, p95, note=""):
        rows.append((what, f"{median:.1f}", f"{p95:.1f}", note))
        print(f"{what:58} {median:10.1f} {p95:10.1f}  {note}", flush=True)

    print(f"{'measurement':58} {'p50 ms':>10} {'p95 ms':>10}")
    service = SamService(device=str(device), precision="fp32")
    service.add_backend(SamBackend(model, "vit_b", device, "fp32"), default=True)
    images = {mp: photo(source, mp) for mp in (1, 12)}
    for mp, pixels in images.items():
        h, w = pixels.shape[:2]
        loaded = service.load_image(pixels)
        service.embedding(loaded)
        point = [[w * 0.5, h * 0.6]]

        def prompt():
            obj = service.segment(loaded, points=point, multimask=True).objects[0]
            return overlay_masks(pixels, [obj.best_mask], [float(obj.scores[obj.best])])

        med, p95, _ = timed(prompt, args.repeats)
        row(f"cached prompt -> 3 masks + overlay, {w}x{h} ({w * h / 1e6:.1f} MP)", med, p95, "server side")
        if mp == 1:
            cached_1mp = med

    # the original UI: encode on every Run
    pixels = images[1]
    fresh = SamService(device=str(device), precision="fp32", cache_size=1)
    fresh.add_backend(SamBackend(model, "vit_b", device, "fp32"), default=True)

    def every_run():
        fresh.clear_cache()
        return fresh.segment(pixels, points=[[pixels.shape[1] * 0.5, pixels.shape[0] * 0.6]], multimask=True)

    med, p95, reference = timed(every_run, args.encoder_repeats)
    row("original UI: encode + prompt on every Run, 1 MP, fp32", med, p95, f"{med / cached_1mp:.0f}x the cached prompt")

    # encoder precision
    for precision in ("bf16",) + (("fp16",) if device.type == "cuda" else ()):
        other = SamService(device=str(device), precision=precision, cache_size=1)
        other.add_backend(SamBackend(model, "vit_b", device, precision), default=True)
        loaded = other.load_image(pixels)

        def encode():
            other.clear_cache()
            return other.embedding(loaded)

        med_p, p95_p, emb = timed(encode, args.encoder_repeats)
        ref_emb = service.embedding(service.load_image(pixels)).features
        rel = float((emb.features - ref_emb).norm() / ref_emb.norm())
        masks = other.segment(loaded, points=[[pixels.shape[1] * 0.5, pixels.shape[0] * 0.6]], multimask=True)
        a, b = masks.objects[0].masks, reference.objects[0].masks
        iou = float((a & b).sum() / max(1, (a | b).sum()))
        row(f"vit_b encoder, {precision}", med_p, p95_p, f"embedding rel. error {rel:.4f}, mask IoU vs fp32 {iou:.3f}")

    info = service.cache_info()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak resident memory of this process (MB)", peak_mb, peak_mb, f"embedding cache {info['bytes'] / 1e6:.0f} MB in {info['entries']} entries")

    # gradio_client round trip
    from gradio_client import Client, handle_file

    from sam_app.ui import build_app, launch_options

    demo = build_app(service)
    demo.queue(max_size=16)
    _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(service.checkpoint_dir))
    client = Client(url, verbose=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one_mp.jpg"
        Image.fromarray(images[1]).save(path, quality=92)
        med, p95, _ = timed(lambda: client.predict(handle_file(str(path)), f"{images[1].shape[1] // 2} {images[1].shape[0] // 2}",
                                                   "", "", True, api_name="/segment"), args.repeats)
        row("gradio_client round trip to /segment, 1 MP JPEG, cached", med, p95, "upload + JSON + overlay download")
    demo.close()

    if not args.no_write:
        write(rows, source, device)
    return 0


def write(rows, source, device):
    cpu = platform.processor() or platform.machine()
    lines = [
        "# Performance",
        "",
        "Made by `python benchmarks/run.py` (one run; all rows from the same run, same photo).",
        f"Photo: `{source.name}`. Device: {device} ({cpu}, {torch.get_num_threads()} threads, torch {torch.__version__}).",
        "vit_b with random weights: the cost is the real model's, the masks are not.",
        "",
        "| measurement | p50 ms | p95 ms | note |",
        "|---|---:|---:|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
    ]
    target = REPO / "docs" / "performance.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text("\n".join(lines))
    print(f"written to {target}")


if __name__ == "__main__":
    sys.exit(main())
