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
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, Union

from ..capabilities import PROMPTS, Capabilities
from ..checkpoints import checkpoint_dir
from ..errors import CheckpointError, SamAppError, shorten

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
class HubRepo:
    """A model folder on the Hugging Face hub (``config.json`` + ``model.safetensors``).
    repo_id: "owner/name"; revision: the branch, tag or commit fetched; size: about how
    many bytes it is (for people: the hub's files are not checked against it). It is
    downloaded into ``<checkpoint folder>/<name>``; a copy in the user's Hugging Face
    cache is used where the checkpoint folder has none."""

    repo_id: str
    size: int
    revision: str = "main"

    @property
    def filename(self) -> str:
        """The folder's name in the checkpoint folder."""
        return self.repo_id.split("/")[-1]

    @property
    def url(self) -> str:
        return f"https://huggingface.co/{self.repo_id}"

    def cached(self) -> Optional[Path]:
        """The snapshot folder in the Hugging Face cache, if a complete one is there."""
        try:
            from huggingface_hub import try_to_load_from_cache
        except ImportError:
            return None
        found = try_to_load_from_cache(self.repo_id, "config.json", revision=self.revision)
        folder = Path(found).parent if isinstance(found, str) else None
        return folder if folder is not None and is_present(folder) else None


def is_present(path: Optional[os.PathLike]) -> bool:
    """Whether a checkpoint file, or a model folder with its config and weights, is there."""
    if path is None:
        return False
    path = Path(path)
    if path.is_dir():
        return (path / "config.json").is_file() and any(path.glob("*.safetensors"))
    return path.is_file()


@dataclass(frozen=True)
class LoadOptions:
    """How to run a model. device: a torch.device; precision: fp32 | bf16 | fp16 (image
    encoder); decoder: auto | torch | onnx | fast | fast-bf16 | fast-fp16 | fast-int8;
    attention: sdpa | reference; verify: check official files' size and sha256 before
    loading."""

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
    means for it (``auto`` leaves it to the device's rule in ``devices``); priority:
    families with a lower number are looked for first when no model is named, whatever
    the cost (SAM 1 stays the default where its file is present); path: where a custom
    model (no official weights, e.g. a fine-tuned folder) is; kind: ``segmenter`` (an
    image and point / box prompts -> masks: a ``Backend``) or ``detector`` (an image and
    phrases -> boxes, that a segmenter turns into masks: ``backends.detector``);
    capabilities: what it can do (``sam_app.capabilities``), offered and checked by
    every front end; load_video(spec, path, LoadOptions) -> a video model for
    ``tasks.tracking`` (models that declare ``video``), from the same weights;
    load_text_video: the same for ``tasks.text_tracking`` (``video_text``)."""

    name: str
    family: str
    display: str
    weights: Optional[Union[WeightFile, HubRepo]]
    load: Callable[["ModelSpec", Optional[Path], LoadOptions], Any]
    cost: float = 1
    devices: Tuple[str, ...] = DEVICE_TYPES
    default_precision: str = "auto"
    priority: int = 0
    path: Optional[Path] = None
    kind: str = "segmenter"
    capabilities: Capabilities = PROMPTS
    load_video: Optional[Callable[["ModelSpec", Optional[Path], LoadOptions], Any]] = None
    load_text_video: Optional[Callable[["ModelSpec", Optional[Path], LoadOptions], Any]] = None

    @property
    def needs_weights(self) -> bool:
        return self.weights is not None or self.path is not None


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


def add_custom(spec: ModelSpec) -> ModelSpec:
    """Add one custom model (``spec.path`` set) to its registered family; the same name
    and path again is a no-op, another path under a taken name is refused."""
    old = _MODELS.get(spec.name)
    if old is not None:
        if old.path is not None and old.path == spec.path:
            return old
        raise CheckpointError(f"a model named {spec.name!r} is already known; rename the folder {spec.path}")
    family = _FAMILIES[spec.family]
    _FAMILIES[spec.family] = Family(family.name, (*family.models, spec), family.recognise)
    _MODELS[spec.name] = spec
    return spec


def unregister(family_name: str) -> None:
    for model in _FAMILIES.pop(family_name, Family(family_name, ())).models:
        _MODELS.pop(model.name, None)


def models() -> List[ModelSpec]:
    """Every registered model, in registration order (families, then their models)."""
    return list(_MODELS.values())


def names(kind: Optional[str] = None) -> List[str]:
    """Registered model names, all or of one ``kind`` (segmenter | detector)."""
    return [name for name, spec in _MODELS.items() if kind is None or spec.kind == kind]


def get(name: str) -> ModelSpec:
    """The spec for ``name``; CheckpointError naming the choices if there is none."""
    try:
        return _MODELS[name]
    except KeyError:
        raise CheckpointError(f"unknown model type {shorten(name)}; expected one of {', '.join(_MODELS)}") from None


def able(capability: str, kind: Optional[str] = None) -> List[str]:
    """Registered models (of ``kind``) that declare ``capability``."""
    return [m.name for m in _MODELS.values() if getattr(m.capabilities, capability) and kind in (None, m.kind)]


def official_for(path: os.PathLike) -> Optional[ModelSpec]:
    """The model whose official file name ``path`` carries, or None."""
    name = Path(path).name
    return next((m for m in _MODELS.values() if isinstance(m.weights, WeightFile) and m.weights.filename == name), None)


def recognise(path: os.PathLike) -> str:
    """The model an explicit checkpoint file or folder holds, asking each family."""
    path = Path(path).expanduser()
    if not path.exists():
        raise CheckpointError(f"checkpoint file not found: {path}")
    official = official_for(path)
    if official is not None:
        return official.name
    tuned = fine_tuned(path)
    if tuned is not None:
        return tuned
    for family in _FAMILIES.values():
        found = family.recognise(path)
        if found is not None:
            return found
    raise CheckpointError(f"{path} is not a checkpoint of any known model family ({', '.join(_FAMILIES)})")


def fine_tuned(path: Path) -> Optional[str]:
    """A fine-tuned weights file (``training.finetune`` writes them) is registered as a
    custom model named after the file: its card ``<file>.json`` beside it names the base
    model, whose loader reads it. None for a file without a card."""
    import json

    card = path.with_name(path.name + ".json")
    if not (path.is_file() and card.is_file()):
        return None
    try:
        base = get(json.loads(card.read_text())["base_model"])
    except (OSError, ValueError, KeyError, TypeError, SamAppError) as exc:
        raise CheckpointError(f"{card} does not name the base model of {path.name} ({exc}); expected "
                              '{"base_model": "vit_b", ...}') from None

    def load(spec: ModelSpec, weights: Optional[Path], options: LoadOptions):
        backend = base.load(base, weights, options)
        backend.name = spec.name  # its own embeddings and results, apart from the base model's
        return backend

    return add_custom(ModelSpec(path.stem, base.family, f"{base.display} fine-tuned ({path.name})", None, load,
                                base.cost, base.devices, base.default_precision, base.priority, path.resolve(),
                                base.kind, base.capabilities)).name


def preference(device_type: str, kind: str = "segmenter") -> List[ModelSpec]:
    """Models of ``kind`` with official weights in the order they are looked for when
    none is named: by family priority, then on a GPU the most costly (best) first,
    elsewhere the cheapest (fastest) first."""
    runnable = [m for m in _MODELS.values()
                if m.weights is not None and m.kind == kind and device_type in m.devices]
    return sorted(runnable, key=lambda m: (m.priority, -m.cost if device_type == "cuda" else m.cost))


def fallback(device_type: str) -> Optional[ModelSpec]:
    """The first model that needs no weights (served when no checkpoint is found)."""
    return next((m for m in _MODELS.values()
                 if not m.needs_weights and m.kind == "segmenter" and device_type in m.devices), None)


def weights_path(spec: ModelSpec, directory: Optional[os.PathLike] = None) -> Optional[Path]:
    """Where ``spec``'s weights are, or would be put: a custom model's own path; an
    official file (or hub folder) in the checkpoint folder, or a hub folder's copy in
    the Hugging Face cache when only that one is present."""
    if spec.path is not None or spec.weights is None:
        return spec.path
    path = checkpoint_dir(directory) / spec.weights.filename
    if isinstance(spec.weights, HubRepo) and not is_present(path):
        return spec.weights.cached() or path
    return path


def missing_message(specs: Iterable[ModelSpec], directory: Optional[os.PathLike] = None) -> str:
    """What to say when none of ``specs``' files is in the checkpoint folder. specs: in the
    order they are looked for (``preference``: on a CPU the cheapest of each family first),
    so the first is the one to suggest, and the cheapest of all beside it when it differs."""
    specs = [s for s in specs if s.weights]
    folder = checkpoint_dir(directory)
    first = specs[0] if specs else None
    cheapest = min(specs, key=lambda s: s.cost) if specs else None
    also = (f"; `download {cheapest.name}` ({cheapest.weights.size / 1e6:,.0f} MB) gets the fastest"
            if cheapest is not None and cheapest is not first else "")
    how = (f"Get one with `python -m sam_app download {first.name}` ({first.weights.size / 1e6:,.0f} MB, or from "
           f"{first.weights.url} into that folder{also}), " if first else "")
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
        words = {"loaded": "checkpoint present", "present": "checkpoint present", "missing": "checkpoint missing",
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
            state = "present" if is_present(path) else "missing"
        result.append(ModelStatus(spec, state, path))
    return result
