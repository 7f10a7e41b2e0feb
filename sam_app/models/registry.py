"""What a model family declares, and the one table of every model the app knows.

A family is one module in ``sam_app/models/`` (or a plugin module, see ``__init__``)
that calls ``register(Family(...))`` at import. Everything that lists, finds, downloads
or loads models reads this table: the service, the CLI's choices, ``list`` and
``download``, the web UI's picker and status line. Importing a family module must stay
cheap (no torch): heavy imports belong inside ``load``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from ..checkpoints import checkpoint_dir
from ..errors import CheckpointError

DEVICE_TYPES = ("cpu", "cuda", "mps")


@dataclass(frozen=True)
class WeightFile:
    """An official weights file. filename: its name in the checkpoint folder; size: bytes;
    sha256: hex digest; base_url: the folder it is served from, which the environment
    variable named by mirror_env (if any) replaces."""

    filename: str
    size: int
    sha256: str
    base_url: str
    mirror_env: Optional[str] = None

    @property
    def url(self) -> str:
        base = (os.environ.get(self.mirror_env) if self.mirror_env else None) or self.base_url
        return base.rstrip("/") + "/" + self.filename


@dataclass(frozen=True)
class LoadOptions:
    """How to run a model. device: a torch.device; precision: fp32 | bf16 | fp16 (image
    encoder); decoder: auto | torch | onnx; attention: sdpa | reference; verify: check
    official files' size and sha256 before loading."""

    device: Any
    precision: str = "fp32"
    decoder: str = "auto"
    attention: str = "sdpa"
    verify: bool = True


@dataclass(frozen=True)
class ModelSpec:
    """One model. name: what ``--model-type``, the API and the picker use ("vit_b");
    family: its family's name; display: for people; weights: its official file, or None
    for a model that needs none; load(spec, path or None, LoadOptions) -> a Backend;
    cost: relative compute per image (a CPU tries cheap models first, a GPU the costly,
    better ones); devices: device types it runs on; default_precision: what ``auto``
    means for it (``auto`` leaves it to the device's rule in ``devices``)."""

    name: str
    family: str
    display: str
    weights: Optional[WeightFile]
    load: Callable[["ModelSpec", Optional[Path], LoadOptions], Any]
    cost: int = 1
    devices: Tuple[str, ...] = DEVICE_TYPES
    default_precision: str = "auto"

    @property
    def needs_weights(self) -> bool:
        return self.weights is not None


@dataclass(frozen=True)
class Family:
    """A family of models served by one backend class. recognise(path) -> the name of
    the model a checkpoint file or folder holds, None if it is not of this family
    (raises CheckpointError when it is, but is broken)."""

    name: str
    models: Tuple[ModelSpec, ...]
    recognise: Callable[[Path], Optional[str]] = field(default=lambda path: None)


_FAMILIES: Dict[str, Family] = {}
_MODELS: Dict[str, ModelSpec] = {}


def register(family: Family) -> Family:
    """Add (or replace) a family and its models; returns it, so a module can keep it."""
    for old in _FAMILIES.get(family.name, Family(family.name, ())).models:
        _MODELS.pop(old.name, None)
    clash = [m.name for m in family.models if m.name in _MODELS]
    if clash:
        raise ValueError(f"model name(s) {clash} of family {family.name!r} are taken by another family")
    _FAMILIES[family.name] = family
    _MODELS.update({m.name: m for m in family.models})
    return family


def unregister(family_name: str) -> None:
    for model in _FAMILIES.pop(family_name, Family(family_name, ())).models:
        _MODELS.pop(model.name, None)


def models() -> List[ModelSpec]:
    """Every registered model, in registration order (families, then their models)."""
    return list(_MODELS.values())


def names() -> List[str]:
    return list(_MODELS)


def get(name: str) -> ModelSpec:
    """The spec for ``name``; CheckpointError naming the choices if there is none."""
    try:
        return _MODELS[name]
    except KeyError:
        raise CheckpointError(f"unknown model type {name!r}; expected one of {', '.join(_MODELS)}") from None


def official_for(path: os.PathLike) -> Optional[ModelSpec]:
    """The model whose official file name ``path`` carries, or None."""
    name = Path(path).name
    return next((m for m in _MODELS.values() if m.weights and m.weights.filename == name), None)


def recognise(path: os.PathLike) -> str:
    """The model an explicit checkpoint file or folder holds, asking each family."""
    path = Path(path).expanduser()
    if not path.exists():
        raise CheckpointError(f"checkpoint file not found: {path}")
    official = official_for(path)
    if official is not None:
        return official.name
    for family in _FAMILIES.values():
        found = family.recognise(path)
        if found is not None:
            return found
    raise CheckpointError(f"{path} is not a checkpoint of any known model family ({', '.join(_FAMILIES)})")


def preference(device_type: str) -> List[ModelSpec]:
    """Models with weights in the order they are looked for when none is named: on a
    GPU the most costly (best) first, elsewhere the cheapest first."""
    runnable = [m for m in _MODELS.values() if m.needs_weights and device_type in m.devices]
    return sorted(runnable, key=lambda m: -m.cost if device_type == "cuda" else m.cost)


def fallback(device_type: str) -> Optional[ModelSpec]:
    """The first model that needs no weights (served when no checkpoint is found)."""
    return next((m for m in _MODELS.values() if not m.needs_weights and device_type in m.devices), None)


def weights_path(spec: ModelSpec, directory: Optional[os.PathLike] = None) -> Optional[Path]:
    """Where ``spec``'s official file is (or would be) in the checkpoint folder."""
    return None if spec.weights is None else checkpoint_dir(directory) / spec.weights.filename


def missing_message(specs: Iterable[ModelSpec], directory: Optional[os.PathLike] = None) -> str:
    """What to say when none of ``specs``' files is in the checkpoint folder."""
    specs = [s for s in specs if s.weights]
    folder = checkpoint_dir(directory)
    first = specs[-1] if specs else None
    how = (f"Get one with `python -m sam_app download {first.name}` (or from {first.weights.url} into that "
           "folder), " if first else "")
    return (f"no checkpoint found: looked for {', '.join(s.weights.filename for s in specs)} in {folder}. "
            f"{how}point SAM_CHECKPOINT_DIR at a folder that has it, or pass --checkpoint PATH")


@dataclass(frozen=True)
class ModelStatus:
    """One model as a person sees it. state: loaded | present | missing | built-in;
    path: the file in use or looked for (None when it needs none)."""

    spec: ModelSpec
    state: str
    path: Optional[Path]

    @property
    def label(self) -> str:
        """The picker's text, e.g. ``vit_b (checkpoint present)``."""
        words = {"loaded": "loaded", "present": "checkpoint present", "missing": "checkpoint missing",
                 "built-in": f"{self.spec.display}, no weights"}
        return f"{self.spec.name} ({words[self.state]})"


def statuses(directory: Optional[os.PathLike] = None, in_use: Optional[Dict[str, Path]] = None,
             loaded: Iterable[str] = ()) -> List[ModelStatus]:
    """Every registered model with its state. in_use: name -> the file a service was
    given for it (an explicit --checkpoint), which wins over the checkpoint folder."""
    in_use, loaded = in_use or {}, set(loaded)
    result = []
    for spec in _MODELS.values():
        path = in_use.get(spec.name) or weights_path(spec, directory)
        if spec.name in loaded:
            state = "loaded"
        elif path is None:
            state = "built-in"
        else:
            state = "present" if path.exists() else "missing"
        result.append(ModelStatus(spec, state, path))
    return result
