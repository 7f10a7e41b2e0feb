"""Options the commands share: the model, the engine (device, precision, decoder,
attention), the limits, and segment everything's settings; and the service they describe."""

from __future__ import annotations

import argparse
import os
from typing import List, Optional

from .. import limits, models
from ..devices import ATTENTIONS, DECODERS, DEVICES, PRECISIONS
from ..images import DEFAULT_MAX_PIXELS


def add_checkpoint_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checkpoint-dir", "--dir", dest="checkpoint_dir", default=None,
                        help="folder with official checkpoint files (env SAM_CHECKPOINT_DIR, default checkpoint/)")


def add_model_arguments(parser: argparse.ArgumentParser, names: Optional[List[str]] = None,
                        web: bool = False) -> None:
    """--model-type (one of ``names``, default every registered model), --checkpoint and
    --checkpoint-dir, with environment variables as defaults. web: the web UI's (which
    falls back to the classical backend where a command stops)."""
    env = os.environ.get
    otherwise = ("else classical, OpenCV GrabCut without weights" if web
                 else "else an error saying what to download")
    parser.add_argument("--model-type", choices=names or models.names("segmenter"), default=env("SAM_MODEL_TYPE"),
                        help=f"model to run (default: the first whose checkpoint is found, SAM 1 before the "
                             f"others, the fastest first on a CPU and the best on CUDA; {otherwise}; env "
                             "SAM_MODEL_TYPE)")
    parser.add_argument("--checkpoint", default=env("SAM_CHECKPOINT"),
                        help="explicit checkpoint file; its model is recognised from its contents (env SAM_CHECKPOINT)")
    add_checkpoint_dir_argument(parser)


def add_engine_arguments(parser: argparse.ArgumentParser, web: bool = False) -> None:
    """Options that configure the service, shared by the CLI and the web UI (``web``).
    Each has an environment variable as its default."""
    env = os.environ.get
    add_model_arguments(parser, web=web)
    parser.add_argument("--device", default=env("SAM_DEVICE", "auto"),
                        help=f"{' | '.join(DEVICES)} | cuda:N (env SAM_DEVICE, default auto: cuda > mps > cpu)")
    parser.add_argument("--precision", choices=PRECISIONS, default=env("SAM_PRECISION", "auto"),
                        help="image encoder precision (env SAM_PRECISION, default auto)")
    parser.add_argument("--decoder", choices=DECODERS, default=env("SAM_DECODER"),
                        help="SAM 1 prompt decoder: torch (segment-anything's modules), onnx (ONNX Runtime), fast "
                             "(the regrouped decoder in PyTorch, any device; fast-bf16 / fast-fp16 in that "
                             "precision; fast-int8: ONNX Runtime with uint8 weights, the masks move a little), "
                             "or auto = ONNX Runtime on the CPU where it is faster, timed at load (env "
                             "SAM_DECODER; default auto, and torch for one-shot segment runs, where exporting would "
                             "cost more than it saves)")
    parser.add_argument("--attention", choices=ATTENTIONS, default=env("SAM_ATTENTION", "sdpa"),
                        help="SAM 1 image encoder attention: sdpa (fused, faster) or reference (segment-anything's "
                             "code) (env SAM_ATTENTION)")
    parser.add_argument("--max-pixels", type=int, default=DEFAULT_MAX_PIXELS,
                        help=f"refuse larger images (env SAM_MAX_PIXELS, default {DEFAULT_MAX_PIXELS:,})")
    limits.add_arguments(parser)


def service_from_args(args: argparse.Namespace, **extra):
    """The service the options describe. ``extra`` goes to SamService (e.g. cache_size,
    allow_fallback) and wins over the options."""
    from ..service import SamService

    options = dict(
        model_type=args.model_type, checkpoint=args.checkpoint, checkpoint_dir=args.checkpoint_dir,
        device=getattr(args, "device", "auto"), precision=getattr(args, "precision", "auto"),
        decoder=getattr(args, "decoder", None) or "auto", attention=getattr(args, "attention", "sdpa"),
        max_pixels=getattr(args, "max_pixels", DEFAULT_MAX_PIXELS),
    )
    return SamService(**{**options, **extra})


EVERYTHING_HELP = {
    "points_per_side": "grid points along each side (default 32)",
    "points_per_batch": "points decoded at once (default 64)",
    "pred_iou_thresh": "keep masks whose predicted IoU is above this (default 0.88)",
    "stability_score_thresh": "keep masks at least this stable (default 0.95)",
    "stability_score_offset": "logit offset the stability is measured with (default 1.0)",
    "box_nms_thresh": "box IoU above which a lower-scoring mask is dropped (default 0.7)",
    "crop_n_layers": "layers of image crops, layer i with (2**i)**2 crops (default 0)",
    "crop_nms_thresh": "box IoU for duplicates between crops (default 0.7)",
    "crop_overlap_ratio": "crop overlap as a fraction of the short side, a float (default 512/1500)",
    "crop_n_points_downscale_factor": "points per side shrink by this at each crop layer (default 1)",
    "min_mask_region_area": "remove holes and islands smaller than this, in pixels (default 0)",
    "mask_nms_thresh": "ours: drop a mask whose mask IoU with a better one is above this (default off)",
    "max_area_fraction": "ours: drop masks covering more of the image than this (default off)",
    "hierarchical_logit": "ours, with --hierarchical: a coarse mask covers a grid point where its low-res logit is "
                          "above this (default 8.5)",
}


def add_everything_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per generator setting, upstream's names; unset flags keep the preset's."""
    from ..tasks.everything import INT_OPTIONS, PRESETS

    parser.add_argument("--preset", choices=list(PRESETS), default="default",
                        help="default (upstream's settings) or fast (16 points per side)")
    for name, text in EVERYTHING_HELP.items():
        parser.add_argument("--" + name.replace("_", "-"), type=int if name in INT_OPTIONS else float, default=None,
                            help=text)
    parser.add_argument("--hierarchical", action="store_true", default=None,
                        help="ours: a coarse grid first, then only the grid points its confident masks leave "
                             "uncovered (TinySAM's strategy; docs/performance.md measures it)")


def everything_settings(args: argparse.Namespace, **extra):
    """The generator settings the flags describe."""
    from ..tasks.everything import EverythingSettings

    names = (*EVERYTHING_HELP, "hierarchical")
    chosen = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    return EverythingSettings.preset(args.preset, **chosen, **extra)
