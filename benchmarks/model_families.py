"""Encoder and prompt times of every family's smallest and largest model, at full size
with random weights, at each precision, against SAM 1 vit_b in the same run.

    python benchmarks/model_families.py [--image PATH] [--models edgetam sam2.1_hiera_t ...]
                                        [--precisions fp32 bf16] [--no-write]

Encoder: the image's embedding (median of --repeats after a warm-up). Prompt: one
foreground point, three candidates, the best one upscaled to the image (what a click
costs on the server; median of 10 after a warm-up). Writes the "models" section of
docs/performance.md.
"""

import argparse
import platform
import sys
from pathlib import Path

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.report import default_photo, publish  # noqa: E402
from benchmarks.run import timed  # noqa: E402
from sam_app import models  # noqa: E402
from sam_app.devices import cpu_has_fast_bf16, resolve_device, resolve_precision  # noqa: E402
from sam_app.prompts import ObjectPrompt  # noqa: E402

DEFAULT_MODELS = ["vit_b", "edgetam", "sam2.1_hiera_t", "sam2.1_hiera_l", "sam_hq_vit_b", "sam_hq_vit_h"]
# SAM 2.1's Hiera sizes as in Meta's configs: width, heads, blocks per stage, global
# attention blocks, window per stage, background of the windowed position embedding
HIERA = {"sam2.1_hiera_t": (96, 1, [1, 2, 7, 2], [5, 7, 9], [8, 4, 14, 7], [7, 7]),
         "sam2.1_hiera_s": (96, 1, [1, 2, 11, 2], [7, 10, 13], [8, 4, 14, 7], [7, 7]),
         "sam2.1_hiera_b+": (112, 2, [2, 3, 16, 3], [12, 16, 20], [8, 4, 14, 7], [14, 14]),
         "sam2.1_hiera_l": (144, 2, [2, 6, 36, 4], [23, 33, 43], [8, 4, 16, 8], [7, 7])}
# HQ-SAM's ViTs as SAM 1's: width, depth, heads, global attention blocks
VIT = {"sam_hq_vit_b": (768, 12, 12, [2, 5, 8, 11]), "sam_hq_vit_l": (1024, 24, 16, [5, 11, 17, 23]),
       "sam_hq_vit_h": (1280, 32, 16, [7, 15, 23, 31])}


def full_size(name: str, device):
    """A backend of model ``name`` at its released size with random weights."""
    import transformers as tf

    from sam_app.backends.sam import SamBackend
    from sam_app.backends.transformers_sam import TransformersSamBackend
    from sam_app.models.sam1 import build_sam

    torch.manual_seed(0)
    if name.startswith("vit_"):
        return lambda precision: SamBackend(build_sam(name), name, device, precision, decoder="torch")
    if name in HIERA:
        width, heads, blocks, global_blocks, windows, background = HIERA[name]
        hiera = tf.Sam2HieraDetConfig(
            hidden_size=width, num_attention_heads=heads, blocks_per_stage=blocks,
            global_attention_blocks=global_blocks, embed_dim_per_stage=[width * 2**i for i in range(4)],
            num_attention_heads_per_stage=[heads * 2**i for i in range(4)],
            window_size_per_stage=windows, window_positional_embedding_background_size=background)
        vision = tf.Sam2VisionConfig(backbone_config=hiera, backbone_channel_list=[width * 2**i for i in (3, 2, 1, 0)])
        model, processor = tf.Sam2Model(tf.Sam2Config(vision_config=vision)), models.sam2.ARCHITECTURE.processor()
    elif name in VIT:
        width, depth, heads, global_blocks = VIT[name]
        vision = tf.SamHQVisionConfig(hidden_size=width, num_hidden_layers=depth, num_attention_heads=heads,
                                      mlp_dim=4 * width, global_attn_indexes=global_blocks)
        config = tf.SamHQConfig(vision_config=vision, mask_decoder_config=tf.SamHQMaskDecoderConfig(vit_dim=width))
        model, processor = tf.SamHQModel(config), models.sam_hq.ARCHITECTURE.processor()
    elif name == "edgetam":
        backbone = tf.TimmWrapperConfig(architecture="repvit_m1", model_args={
            "in_chans": 3, "features_only": True, "out_indices": [0, 1, 2, 3]})
        config = tf.EdgeTamConfig(vision_config=tf.EdgeTamVisionConfig(backbone_config=backbone))
        model, processor = tf.EdgeTamModel(config), models.edgetam.ARCHITECTURE.processor()
    else:
        raise SystemExit(f"no full-size config for {name}")
    model.eval()
    return lambda precision: TransformersSamBackend(model, processor, name, device, precision)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--image", default=default_photo())
    parser.add_argument("--models", nargs="+", default=DEFAULT_MODELS)
    parser.add_argument("--precisions", nargs="+", default=None,
                        help="default: fp32, bf16 where it is fast (CUDA, CPUs with AVX512-BF16 or AMX), fp16 on CUDA")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--repeats", type=int, default=2, help="timed encodings per model and precision")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    device = resolve_device(args.device)
    fast_bf16 = device.type == "cuda" or (device.type == "cpu" and cpu_has_fast_bf16())
    fast = (["bf16"] if fast_bf16 else []) + (["fp16"] if device.type == "cuda" else [])
    precisions = args.precisions or ["fp32"] + fast
    pixels = np.asarray(Image.open(args.image).convert("RGB"))
    height, width = pixels.shape[:2]
    point = ObjectPrompt(np.array([[width * 0.5, height * 0.5]], np.float32), np.ones(1, np.int32))
    rows = []
    for name in args.models:
        build = full_size(name, device)
        for precision in precisions:
            backend = build(resolve_precision(precision, device))
            params = sum(p.numel() for p in backend.model.parameters()) / 1e6
            encode_ms, _, embedding = timed(lambda: backend.encode(pixels), args.repeats, device)
            prompt_ms, _, _ = timed(lambda: backend.decode(embedding, [point], True, False)[0].best_mask, 10, device)
            rows.append((name, f"{params:.0f} M", precision, encode_ms, prompt_ms, embedding.nbytes / 2**20))
            print(rows[-1], flush=True)
    base = {r[2]: r[3] for r in rows if r[0] == "vit_b"}
    lines = ["## Models (`benchmarks/model_families.py`)\n",
             f"{device.type}, {torch.get_num_threads()} threads, {platform.processor() or platform.machine()}; "
             f"{Path(args.image).name} ({width}x{height}); random weights at full size; encoder: median of "
             f"{args.repeats} after a warm-up; prompt: one point, 3 candidates, best mask at image size, median of 10."
             + ("" if fast_bf16 or args.precisions else " bf16 not run: this CPU has no AVX512-BF16 or AMX, where "
                "it is emulated and slower than fp32 (`auto` picks fp32 here).")
             + " Every prompt here runs on PyTorch (vit_b's ONNX Runtime decoder, the app's default on a CPU, is "
             "timed in the main table). Parameters: the image path only (SAM 2's video memory is not loaded).\n",
             "| model | parameters | precision | encoder | vs vit_b | prompt | embedding |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for name, params, precision, encode_ms, prompt_ms, mb in rows:
        ratio = f"{encode_ms / base[precision]:.2f}x" if precision in base else "-"
        lines.append(f"| {name} | {params} | {precision} | {encode_ms / 1000:.2f} s | {ratio} | {prompt_ms:.0f} ms "
                     f"| {mb:.0f} MB |")
    publish("models", "\n".join(lines), write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
