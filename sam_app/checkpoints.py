"""Official SAM checkpoints: registry, discovery, verification and safe loading.

Where checkpoints are looked for (one directory): ``checkpoint_dir`` if given, else the
``SAM_CHECKPOINT_DIR`` environment variable, else ``checkpoint/`` next to ``sam_app/``.
An explicit checkpoint file path skips discovery.

Loading is ``torch.load(path, map_location="cpu", weights_only=True)`` (a pickle that
carries code is refused, never executed) followed by a strict check of every key and
shape against the architecture. A file that carries an official name is checked against
the official size and sha256 the first time it is used; the verdict is remembered in
``<cache>/verified.json`` keyed by (path, size, mtime) so it is not re-hashed at each start.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .errors import CheckpointError

URL_BASE = "https://dl.fbaipublicfiles.com/segment_anything/"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ENCODER_WIDTH_KEY = "image_encoder.patch_embed.proj.weight"  # shape: width x 3 x 16 x 16


@dataclass(frozen=True)
class ModelInfo:
    """One official checkpoint. ``encoder_width``: the ViT embedding width."""

    name: str
    filename: str
    size: int
    sha256: str
    encoder_width: int

    @property
    def url(self) -> str:
        """Download URL; ``SAM_CHECKPOINT_URL_BASE`` redirects to a mirror."""
        base = os.environ.get("SAM_CHECKPOINT_URL_BASE") or URL_BASE
        return base.rstrip("/") + "/" + self.filename


MODELS: Dict[str, ModelInfo] = {
    m.name: m
    for m in (
        ModelInfo("vit_h", "sam_vit_h_4b8939.pth", 2_564_550_879,
                  "a7bf3b02f3ebf1267aba913ff637d9a2d5c33d3173bb679e46d9f338c26f262e", 1280),
        ModelInfo("vit_l", "sam_vit_l_0b3195.pth", 1_249_524_607,
                  "3adcc4315b642a4d2101128f611684e8734c41232a17c648ed1693702a49a622", 1024),
        ModelInfo("vit_b", "sam_vit_b_01ec64.pth", 375_042_383,
                  "ec2df62732614e57411cdcf32a23ffdf28910380d03139ee0f4fcbe91eb8c912", 768),
    )
}
MODEL_TYPES = tuple(MODELS)  # largest first: vit_h, vit_l, vit_b


def checkpoint_dir(explicit: Optional[os.PathLike] = None) -> Path:
    """The directory searched for official files (see module docstring)."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SAM_CHECKPOINT_DIR")
    return Path(env).expanduser() if env else PACKAGE_ROOT / "checkpoint"


def cache_dir() -> Path:
    """Where small state (the verification verdicts) is kept: ``SAM_APP_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/sam_app``, else ``~/.cache/sam_app``."""
    env = os.environ.get("SAM_APP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "sam_app"


def official_for(path: os.PathLike) -> Optional[ModelInfo]:
    """The official model whose file name ``path`` carries, or None."""
    name = Path(path).name
    return next((m for m in MODELS.values() if m.filename == name), None)


@dataclass(frozen=True)
class CheckpointStatus:
    """Whether an official model's file is in the checkpoint directory."""

    info: ModelInfo
    path: Path
    present: bool


def list_checkpoints(directory: Optional[os.PathLike] = None) -> List[CheckpointStatus]:
    """Every official model, largest first, with its expected path and presence."""
    folder = checkpoint_dir(directory)
    return [CheckpointStatus(m, folder / m.filename, (folder / m.filename).is_file()) for m in MODELS.values()]


def find_checkpoint(
    model_type: Optional[str] = None,
    checkpoint: Optional[os.PathLike] = None,
    directory: Optional[os.PathLike] = None,
    preference: Tuple[str, ...] = MODEL_TYPES,
) -> Tuple[Path, Optional[str]]:
    """Locate the checkpoint to load; returns (path, model type or None if unknown yet).

    checkpoint: an explicit file, used as is. Otherwise the official file for
    ``model_type`` in the checkpoint directory, or with no model type the first official
    file present in ``preference`` order.
    """
    if model_type is not None and model_type not in MODELS:
        raise CheckpointError(f"unknown model type {model_type!r}; expected one of {', '.join(MODEL_TYPES)}")
    if checkpoint is not None:
        path = Path(checkpoint).expanduser()
        if not path.is_file():
            raise CheckpointError(f"checkpoint file not found: {path}")
        official = official_for(path)
        return path, model_type or (official.name if official else None)
    folder = checkpoint_dir(directory)
    wanted = [model_type] if model_type else list(preference)
    for name in wanted:
        path = folder / MODELS[name].filename
        if path.is_file():
            return path, name
    names = ", ".join(MODELS[n].filename for n in wanted)
    first = wanted[-1]
    raise CheckpointError(
        f"no SAM checkpoint found: looked for {names} in {folder}. Get one with "
        f"`python -m sam_app download {first}` (or from {MODELS[first].url} into that folder), "
        "point SAM_CHECKPOINT_DIR at a folder that has it, or pass --checkpoint PATH"
    )


# ---------------------------------------------------------------- verification

_verdict_lock = threading.Lock()


def sha256_of(path: os.PathLike, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_official(path: os.PathLike, info: Optional[ModelInfo] = None) -> None:
    """Check an official file's size and sha256; raise CheckpointError if they differ.

    The sha256 of (path, size, mtime) is remembered, so an unchanged file is hashed once.
    """
    path = Path(path)
    info = info or official_for(path)
    if info is None:
        return
    stat = path.stat()
    if stat.st_size != info.size:
        kind = "truncated (an interrupted download?)" if stat.st_size < info.size else "larger than the official file"
        raise CheckpointError(
            f"{path} is {stat.st_size:,} bytes but the official {info.filename} is {info.size:,} bytes: "
            f"the file is {kind}. Delete it and download it again (`python -m sam_app download {info.name}`)"
        )
    key = _verdict_key(path)
    with _verdict_lock:
        verdicts = _read_verdicts()
        found = verdicts.get(key)
        if found is None:
            found = sha256_of(path)
            verdicts[key] = found
            _write_verdicts(verdicts)
    if found != info.sha256:
        raise CheckpointError(
            f"{path} has sha256 {found}, expected {info.sha256} for the official {info.filename}: "
            f"the file is corrupt or not the official one. Delete it and download it again "
            f"(`python -m sam_app download {info.name}`)"
        )


def _verdict_key(path: Path) -> str:
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def known_sha256(path: os.PathLike) -> Optional[str]:
    """The remembered sha256 of ``path`` as it is now, or None if never hashed."""
    with _verdict_lock:
        return _read_verdicts().get(_verdict_key(Path(path)))


def remember_sha256(path: os.PathLike, sha256: str) -> None:
    """Record a hash computed elsewhere (e.g. while downloading)."""
    with _verdict_lock:
        verdicts = _read_verdicts()
        verdicts[_verdict_key(Path(path))] = sha256
        _write_verdicts(verdicts)


def _verdict_file() -> Path:
    return cache_dir() / "verified.json"


def _read_verdicts() -> Dict[str, str]:
    try:
        return json.loads(_verdict_file().read_text())
    except (OSError, ValueError):
        return {}


def _write_verdicts(verdicts: Dict[str, str]) -> None:
    """Atomic write; a read-only cache only costs a re-hash next time."""
    target = _verdict_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".verified.")
        with os.fdopen(fd, "w") as f:
            json.dump(verdicts, f, indent=1)
        os.replace(tmp, target)
    except OSError:
        pass


# ---------------------------------------------------------------- loading


def load_state_dict(path: os.PathLike) -> dict:
    """Read a checkpoint safely: tensors only, on the CPU. Unwraps {"model": ...} and
    {"state_dict": ...} containers. Raises CheckpointError for unsafe or corrupt files."""
    import torch

    path = Path(path)
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        found = re.search(r"GLOBAL (\S+)|global '?([\w.]+)", str(exc))
        if found:
            name = found.group(1) or found.group(2)
            raise CheckpointError(
                f"refused to load {path}: it refers to Python code ({name}), and such a pickle "
                "can run code when loaded. Only plain state dicts (tensors) are accepted"
            ) from None
        raise CheckpointError(
            f"{path} is not a PyTorch checkpoint of plain tensors, or is corrupt; nothing in it was run"
        ) from None
    except (RuntimeError, EOFError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CheckpointError(
            f"{path} is truncated or corrupt ({str(exc).splitlines()[0][:160]}); "
            "delete it and download it again"
        ) from None
    if isinstance(obj, dict):
        for wrapper in ("model", "state_dict"):
            if isinstance(obj.get(wrapper), dict) and ENCODER_WIDTH_KEY not in obj:
                obj = obj[wrapper]
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise CheckpointError(f"{path} does not hold a state dict of tensors")
    return obj


def infer_model_type(state_dict: dict, path: os.PathLike = "checkpoint") -> str:
    """vit_b / vit_l / vit_h from the image encoder's width (768 / 1024 / 1280)."""
    weight = state_dict.get(ENCODER_WIDTH_KEY)
    if weight is None:
        raise CheckpointError(f"{path} is not a SAM checkpoint: it has no {ENCODER_WIDTH_KEY}")
    width = int(weight.shape[0])
    by_width = {m.encoder_width: m.name for m in MODELS.values()}
    if width not in by_width:
        raise CheckpointError(
            f"{path} has an image encoder of width {width}; SAM's are 768 (vit_b), 1024 (vit_l), 1280 (vit_h)"
        )
    return by_width[width]


def check_state_dict(model, state_dict: dict, path: os.PathLike = "checkpoint") -> None:
    """Strict key and shape check of ``state_dict`` against ``model``'s own."""
    expected = model.state_dict()
    missing = [k for k in expected if k not in state_dict]
    unexpected = [k for k in state_dict if k not in expected]
    wrong = [
        f"{k} {tuple(state_dict[k].shape)} != {tuple(v.shape)}"
        for k, v in expected.items()
        if k in state_dict and tuple(state_dict[k].shape) != tuple(v.shape)
    ]
    problems = []
    for label, items in (("missing keys", missing), ("unexpected keys", unexpected), ("wrong shapes", wrong)):
        if items:
            more = f" (+{len(items) - 3} more)" if len(items) > 3 else ""
            problems.append(f"{len(items)} {label}: {', '.join(items[:3])}{more}")
    if problems:
        raise CheckpointError(f"{path} does not match the model architecture: " + "; ".join(problems))


def build_sam(model_type: str):
    """A SAM model of ``model_type`` with random weights (upstream's builder)."""
    from segment_anything import sam_model_registry

    return sam_model_registry[model_type](checkpoint=None)


def load_sam(
    model_type: Optional[str] = None,
    checkpoint: Optional[os.PathLike] = None,
    directory: Optional[os.PathLike] = None,
    preference: Tuple[str, ...] = MODEL_TYPES,
    verify: bool = True,
):
    """Find, verify and load a SAM checkpoint. Returns (model in eval mode on the CPU,
    model type, checkpoint path). See ``find_checkpoint`` for the arguments."""
    path, named_type = find_checkpoint(model_type, checkpoint, directory, preference)
    official = official_for(path)
    if verify and official is not None:
        verify_official(path, official)
    state_dict = load_state_dict(path)
    actual = infer_model_type(state_dict, path)
    asked = model_type or named_type
    if asked is not None and asked != actual:
        raise CheckpointError(
            f"{path} was asked for as {asked}, but this looks like {actual} "
            f"(image encoder width {MODELS[actual].encoder_width}); pass --model-type {actual}"
        )
    model = build_sam(actual)
    check_state_dict(model, state_dict, path)
    model.load_state_dict(state_dict, strict=True)
    return model.eval(), actual, path
