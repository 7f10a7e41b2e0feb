"""Text prompt -> masks, per route, at full size with random weights:

- a grounding detector (Grounding DINO tiny, OWLv2 base) whose boxes SAM 1 vit_b segments;
- SAM 3 end to end.

    python benchmarks/text_prompts.py [--image PATH] [--routes grounding_dino_tiny owlv2_base sam3]
                                      [--instances 5] [--no-write]

First phrase: a new image, nothing cached (the text model, plus the segmenter's or SAM
3's image encoding). Next phrase: the same image again (the segmenter's embedding and SAM
3's vision features are cached; the box detectors have no cache and run whole). Random
weights score alike, so the threshold is set from a warm-up to keep --instances
instances, as a real phrase with a few matches would. Tokenizers come from a word list
(tests/models.py): no network. Writes the "text" section of docs/performance.md.
"""

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from benchmarks.report import default_photo, publish  # noqa: E402
from benchmarks.run import random_sam, sync  # noqa: E402
from sam_app.backends.sam import SamBackend  # noqa: E402
from sam_app.devices import resolve_device  # noqa: E402
from sam_app.service import SamService  # noqa: E402
from sam_app.tasks.text import segment_phrases  # noqa: E402

ROUTES = ["grounding_dino_tiny", "owlv2_base", "sam3"]
PHRASES = ("dog", "cup")  # first phrase, next phrase


def text_model(route: str, device, folder: Path):
    """The route's text model at its released size with random weights."""
    import transformers as tf

    from sam_app.backends.detector import Detector
    from sam_app.backends.sam3 import Sam3Backend

    from models import WORDS, clip_tokenizer

    torch.manual_seed(0)
    if route == "grounding_dino_tiny":  # Swin-T + BERT-base, as IDEA-Research/grounding-dino-tiny
        (folder / "vocab.txt").write_text("\n".join(WORDS) + "\n")
        tokenizer = tf.BertTokenizer(str(folder / "vocab.txt"))
        processor = tf.GroundingDinoProcessor(tf.GroundingDinoImageProcessor(), tokenizer)
        return Detector(tf.GroundingDinoForObjectDetection(tf.GroundingDinoConfig()), processor, route, device)
    if route == "owlv2_base":  # ViT-B/16 at 960 pixels, as google/owlv2-base-patch16-ensemble
        config = tf.Owlv2Config(vision_config={"image_size": 960})
        processor = tf.Owlv2Processor(tf.Owlv2ImageProcessor(), clip_tokenizer(folder, 16))
        return Detector(tf.Owlv2ForObjectDetection(config), processor, route, device)
    if route == "sam3":  # transformers' default Sam3Config is the released model's
        processor = tf.Sam3Processor(tf.Sam3ImageProcessor(), clip_tokenizer(folder, 32))
        return Sam3Backend(tf.Sam3Model(tf.Sam3Config()), processor, route, device)
    raise SystemExit(f"unknown route {route}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image", default=default_photo())
    parser.add_argument("--routes", nargs="+", default=ROUTES)
    parser.add_argument("--instances", type=int, default=5)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    device = resolve_device(args.device)
    pixels = np.asarray(Image.open(args.image).convert("RGB"))
    height, width = pixels.shape[:2]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for route in args.routes:
            service = SamService(device=str(device), precision="fp32", checkpoint_dir=folder, allow_fallback=False)
            service.add_backend(SamBackend(random_sam("vit_b", device), "vit_b", device, "fp32", decoder="torch"))
            finder = text_model(route, device, Path(folder))
            service.add_backend(finder)
            params = sum(p.numel() for p in finder.model.parameters()) / 1e6
            found = segment_phrases(service, pixels, PHRASES[0], 0.0, max_instances=1000)  # warm-up
            threshold = float(np.sort(found.scores)[::-1][args.instances - 1]) - 1e-6
            times = []
            for phrase, cached in zip(PHRASES, (False, True)):
                if not cached:
                    service.clear_cache()
                start = time.perf_counter()
                result = segment_phrases(service, pixels, phrase, threshold, max_instances=args.instances)
                sync(device)
                times.append((time.perf_counter() - start, len(result.objects)))
            rows.append((route, f"{params:.0f} M", *times))
            print(rows[-1], flush=True)
            del service, finder
    lines = ["## Text prompts (`benchmarks/text_prompts.py`)\n",
             f"{device.type}, {torch.get_num_threads()} threads, {platform.processor() or platform.machine()}; "
             f"{Path(args.image).name} ({width}x{height}); random weights at full size, fp32; one phrase, the "
             f"threshold set to keep {args.instances} instances. First phrase: a new image (the text model, and the "
             "segmenter's or SAM 3's image encoding); next phrase: the same image again (embeddings cached; the box "
             "detectors have none). Box detectors' instances are segmented by SAM 1 vit_b (PyTorch decoder).\n",
             "| route | text model parameters | first phrase | next phrase | instances |",
             "|---|---:|---:|---:|---:|"]
    for route, params, (first, n), (after, _) in rows:
        name = "SAM 3" if route == "sam3" else f"{route} + vit_b"
        lines.append(f"| {name} | {params} | {first:.2f} s | {after:.2f} s | {n} |")
    publish("text", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
