"""Video tracking on this machine: frames per second of propagation for EdgeTAM and SAM
2.1 Hiera-T at their released sizes (random weights: the time is the same), one and
three objects, on a 854x480 synthetic video; and resident memory over a long run with
the pruned state against the state kept whole (``window=None``, transformers' way).
Writes the ``video`` section of docs/performance.md.

    python benchmarks/video.py                  # about 15 minutes on 2 cores
    python benchmarks/video.py --frames 8 --memory-frames 40 --no-write   # a quick look
"""

import argparse
import gc
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import torch  # noqa: E402
from report import publish  # noqa: E402

from sam_app.tasks.tracking import Tracker, TrackPrompt  # noqa: E402

from videos import SyntheticVideo  # noqa: E402

HEIGHT, WIDTH = 480, 854  # DAVIS's frame size


def released(family: str):
    """(model, processor) at the released architecture, random weights."""
    import transformers as tf

    torch.manual_seed(0)
    processor = tf.Sam2VideoProcessor(tf.Sam2ImageProcessor(), tf.Sam2VideoVideoProcessor())
    if family == "edgetam":
        backbone = tf.TimmWrapperConfig(architecture="repvit_m1", model_args={
            "in_chans": 3, "features_only": True, "out_indices": [0, 1, 2, 3]})
        model = tf.EdgeTamVideoModel(tf.EdgeTamVideoConfig(vision_config=tf.EdgeTamVisionConfig(
            backbone_config=backbone)))
    else:  # transformers' default SAM 2 vision config is Hiera-T
        model = tf.Sam2VideoModel(tf.Sam2VideoConfig())
    with torch.no_grad():
        for name, param in model.named_parameters():
            if any(key in name for key in ("no_memory", "no_obj", "pos_embed", "temporal")):
                param.normal_(0, 0.5)
        model.mask_decoder.pred_obj_score_head.proj_out.bias.fill_(2.0)  # objects seen: every mask is made
    return model.eval(), processor


PROMPTS = [TrackPrompt(0, 1, ((30, HEIGHT // 2),), (1,)), TrackPrompt(0, 2, box=(WIDTH - 50, 10, WIDTH - 26, 34)),
           TrackPrompt(0, 3, ((WIDTH // 2, HEIGHT - 40),), (1,))]


def rate(model, processor, objects: int, frames: int) -> float:
    """Frames per second of propagation after the prompted frame."""
    tracker = Tracker(model, processor, SyntheticVideo(frames + 1, HEIGHT, WIDTH))
    for prompt in PROMPTS[:objects]:
        tracker.add(prompt)
    steps = tracker.propagate(0, "forward")
    next(steps)  # the prompted frame again
    started = time.perf_counter()
    done = sum(1 for _ in steps)
    return done / (time.perf_counter() - started)


def resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory(model, processor, frames: int, window) -> dict:
    """Resident MB at a few frames of a one-object run."""
    tracker = Tracker(model, processor, SyntheticVideo(frames, HEIGHT, WIDTH), window=window)
    tracker.add(PROMPTS[0])
    marks = {f for f in (1, frames // 6, frames // 3, frames * 2 // 3, frames - 1)}
    seen = {}
    for frame, _ in tracker.propagate(0, "forward"):
        if frame in marks:
            gc.collect()
            seen[frame] = resident_mb()
    tracker.close()
    return seen


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=10, help="frames timed per case (default 10)")
    parser.add_argument("--memory-frames", type=int, default=300, help="frames of the memory runs (default 300)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write docs/performance.md")
    args = parser.parse_args(argv)
    torch.set_grad_enabled(False)
    rows, memory_rows = [], []
    for family, name in (("edgetam", "EdgeTAM"), ("sam2", "SAM 2.1 Hiera-T")):
        model, processor = released(family)
        for objects in (1, 3):
            fps = rate(model, processor, objects, args.frames)
            rows.append(f"| {name} | {objects} | {fps:.2f} | {1000 / fps:.0f} ms |")
            print(rows[-1], flush=True)
        if family == "edgetam":
            for label, window in (("pruned (default)", -1), ("kept whole (transformers' way)", None)):
                seen = memory(model, processor, args.memory_frames, window)
                first, last = sorted(seen)[1], max(seen)  # after the first frames' warm-up
                memory_rows.append(f"| {name}, {label} | " + " | ".join(f"{seen[f]:.0f}" for f in sorted(seen))
                                   + f" | {seen[last] - seen[first]:+.0f} MB |")
                header = " | ".join(f"frame {f}" for f in sorted(seen))
                print(memory_rows[-1], flush=True)
        del model
        gc.collect()
    cpu = platform.processor() or platform.machine()
    body = f"""## Video tracking

`python benchmarks/video.py` on {os.cpu_count()} CPU cores ({cpu}), torch {torch.__version__}, float32,
random weights at the released architectures (time does not depend on the weights), a synthetic
{WIDTH}x{HEIGHT} video of moving shapes, frames decoded as needed. Propagation after the prompted frame,
{args.frames} frames per case (the image encoder, memory attention over the last frames, the decoder
and the memory encoder for every object, and the masks upscaled to full size):

| model | objects | frames/s | per frame |
|---|---|---|---|
{chr(10).join(rows)}

Resident memory (MB) over {args.memory_frames} frames, one object, EdgeTAM. The pruned state keeps the
memory of the frames around the current and the prompted ones (16 frames each way). The state kept
whole is transformers' (every frame's memory features, low-res and full-size masks), with our frames read
when needed: transformers' own session also holds every frame as a float tensor, 12 MB a frame (3.6 GB
at 300 frames), not counted here:

| run | {header} | growth after frame {sorted(seen)[1]} |
|---|{'---|' * (len(seen) + 1)}
{chr(10).join(memory_rows)}
"""
    publish("video", body, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
