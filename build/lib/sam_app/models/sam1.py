"""SAM 1 (segment-anything): ViT-H, ViT-L and ViT-B, Meta's official ``.pth`` files.

A checkpoint is recognised from its image encoder's width (768 / 1024 / 1280), read off
the memory-mapped state dict; loading is ``torch.load(weights_only=True)`` plus a strict
key and shape check against upstream's architecture, then ``backends.sam.SamBackend``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Tuple

from .. import checkpoints
from ..capabilities import SAM1
from ..errors import CheckpointError
from .registry import Family, LoadOptions, ModelSpec, WeightFile, register

URL_BASE = "https://dl.fbaipublicfiles.com/segment_anything/"
ENCODER_WIDTH_KEY = "image_encoder.patch_embed.proj.weight"  # shape: width x 3 x 16 x 16
STATE_DICT_SUFFIXES = (".pth", ".pt", ".bin", ".ckpt")
# name -> (file, bytes, sha256, encoder width, cost)
OFFICIAL = {
    "vit_h": ("sam_vit_h_4b8939.pth", 2_564_550_879,
              "a7bf3b02f3ebf1267aba913ff637d9a2d5c33d3173bb679e46d9f338c26f262e", 1280, 3),
    "vit_l": ("sam_vit_l_0b3195.pth", 1_249_524_607,
              "3adcc4315b642a4d2101128f611684e8734c41232a17c648ed1693702a49a622", 1024, 2),
    "vit_b": ("sam_vit_b_01ec64.pth", 375_042_383,
              "ec2df62732614e57411cdcf32a23ffdf28910380d03139ee0f4fcbe91eb8c912", 768, 1),
}
ENCODER_WIDTHS = {width: name for name, (_, _, _, width, _) in OFFICIAL.items()}
CAPABILITIES = SAM1


def infer_model_type(state_dict: dict, path: os.PathLike = "checkpoint") -> str:
    """vit_b / vit_l / vit_h from the image encoder's width (768 / 1024 / 1280)."""
    weight = state_dict.get(ENCODER_WIDTH_KEY)
    if weight is None:
        raise CheckpointError(f"{path} is not a SAM checkpoint: it has no {ENCODER_WIDTH_KEY}")
    width = int(weight.shape[0])
    if width not in ENCODER_WIDTHS:
        raise CheckpointError(
            f"{path} has an image encoder of width {width}; SAM's are 768 (vit_b), 1024 (vit_l), 1280 (vit_h)"
        )
    return ENCODER_WIDTHS[width]


def recognise(path: Path) -> Optional[str]:
    """The SAM 1 model a state-dict file holds; None for folders and other formats."""
    if not path.is_file() or path.suffix.lower() not in STATE_DICT_SUFFIXES:
        return None
    return infer_model_type(checkpoints.load_state_dict(path), path)


def build_sam(model_type: str):
    """A SAM model of ``model_type`` with random weights (upstream's builder)."""
    from segment_anything import sam_model_registry

    return sam_model_registry[model_type](checkpoint=None)


def load_sam(path: os.PathLike, model_type: Optional[str] = None, verify: bool = True) -> Tuple[object, str]:
    """Verify (official names) and load a SAM checkpoint file. Returns (model in eval
    mode on the CPU, model type). model_type: what the caller asked for; a file that
    holds another model is refused with a message naming the right one."""
    from . import official_for

    path = Path(path).expanduser()
    if not path.is_file():
        raise CheckpointError(f"checkpoint file not found: {path}")
    official = official_for(path)
    if verify and official is not None:
        checkpoints.verify_official(path, official.weights, official.name)
    state_dict = checkpoints.load_state_dict(path)
    actual = infer_model_type(state_dict, path)
    asked = model_type or (official.name if official else None)
    if asked is not None and asked != actual:
        raise CheckpointError(
            f"{path} was asked for as {asked}, but this looks like {actual} "
            f"(image encoder width {OFFICIAL[actual][3]}); pass --model-type {actual}"
        )
    model = build_sam(actual)
    checkpoints.check_state_dict(model, state_dict, path)
    model.load_state_dict(state_dict, strict=True)
    return model.eval(), actual


def load(spec: ModelSpec, path: Optional[Path], options: LoadOptions):
    """The registry's loader: checkpoint file -> a ready ``SamBackend``."""
    from ..backends.sam import SamBackend

    model, name = load_sam(path, spec.name, options.verify)
    return SamBackend(model, name, options.device, options.precision, options.decoder, options.attention)


FAMILY = register(Family(
    name="sam1",
    models=tuple(
        ModelSpec(name, "sam1", f"SAM {name.replace('vit_', 'ViT-').upper()}",
                  WeightFile(filename, size, sha256, URL_BASE, mirror_env="SAM_CHECKPOINT_URL_BASE"), load, cost,
                  capabilities=CAPABILITIES)
        for name, (filename, size, sha256, _, cost) in OFFICIAL.items()
    ),
    recognise=recognise,
))
