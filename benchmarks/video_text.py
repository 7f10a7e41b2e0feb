"""What "track every car" costs: SAM 3's video model (``Sam3VideoModel``) at its released
architecture (random weights: the time is the same; a random detector finds nothing
worth tracking, so this times the detector and the per-frame work around it, the floor
of a real run) on an 854x480 synthetic video, one phrase. Writes the ``video-text``
section of docs/performance.md.

    python benchmarks/video_text.py            # a few minutes on 2 cores, about 4 GB of memory
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

from sam_app.tasks.text_tracking import TextTracker  # noqa: E402

from videos import SyntheticVideo  # noqa: E402


def released(folder: Path):
    """SAM 3's video model at the released architecture, random weights, and a processor
    with a small word-list tokenizer (the text encoder's size is the released one)."""
    import transformers as tf

    from models import clip_tokenizer

    torch.manual_seed(0)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = clip_tokenizer(folder, 32)
    config = tf.Sam3VideoConfig()
    config.detector_config.text_config.vocab_size = max(config.detector_config.text_config.vocab_size,
                                                        len(tokenizer.get_vocab()))
    model = tf.Sam3VideoModel(config).eval()
    processor = tf.Sam3VideoProcessor(tf.Sam3ImageProcessor(), tf.Sam2VideoVideoProcessor(
        size={"height": 1008, "width": 1008}, image_mean=[0.5] * 3, image_std=[0.5] * 3), tokenizer)
    return model, processor


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=3, help="frames timed (default 3)")
    parser.add_argument("--no-write", action="store_true", help="print, do not write docs/performance.md")
    args = parser.parse_args(argv)
    torch.set_grad_enabled(False)
    started = time.perf_counter()
    model, processor = released(Path("/tmp/sam_app_video_text"))
    built = time.perf_counter() - started
    params = sum(p.numel() for p in model.parameters()) / 1e6
    tracker = TextTracker(model, processor, SyntheticVideo(args.frames, 480, 854))
    times, last = [], time.perf_counter()
    for _ in tracker.track(["car"]):
        pass  # SAM 3 holds its first frames back: time the whole run
    total = time.perf_counter() - last
    times.append(total / args.frames)
    gc.collect()
    body = f"""## Phrases through a video (SAM 3)

`python benchmarks/video_text.py` on {os.cpu_count()} CPU cores ({platform.machine()}), torch
{torch.__version__}, float32: `Sam3VideoModel` at the released architecture ({params:.0f} M parameters,
random weights; built in {built:.0f} s), one phrase, an 854x480 synthetic video, {args.frames} frames:
**{times[0]:.1f} s per frame** ({1 / times[0]:.3f} frames/s). A random detector finds nothing worth
tracking, so this is the floor of a real run: each object found is then tracked as well. On this CPU
"track every car" through a minute of 30 fps video would take about {times[0] * 1800 / 3600:.1f} hours
before any object is tracked: use a GPU.
"""
    publish("video-text", body, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
