"""What the families that transformers implements share: hub folders as weights, a
folder recognised from its ``config.json`` alone, and safe loading into
``backends.transformers_sam.TransformersSamBackend``.

A family module (``sam2``, ``sam_hq``, ``edgetam``) gives its ``Architecture`` and a
table of official models; ``hub_family`` turns them into a registered ``Family``. A
folder whose config matches no official model is served as a custom model named after
the folder (e.g. a fine-tuned copy saved with ``save_pretrained``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

from ..capabilities import TRAINABLE, Capabilities
from ..errors import CheckpointError
from .registry import Family, HubRepo, LoadOptions, ModelSpec, add_custom, register

MB = 1_000_000
PRIORITY = 1  # looked for after SAM 1 when no model is named (SAM 1 stays the default where present)


@dataclass(frozen=True)
class VideoArchitecture:
    """The video model transformers builds from the same hub folder. config_type: the
    folder's ``model_type`` when it holds the video model (the hub's folders do; a folder
    saved from the image class alone lacks the memory weights); model_class and
    processor_class: transformers classes; processor(): the processor for a folder
    without processor files."""

    config_type: str
    model_class: str
    processor_class: str
    processor: Callable[[], Any]
    text_model_class: Optional[str] = None  # a model that finds and tracks what a phrase names
    text_processor_class: Optional[str] = None


@dataclass(frozen=True)
class Architecture:
    """config_type: ``model_type`` in config.json; model_class: the transformers class;
    processor(): the processor for a folder that has no (pre)processor_config.json;
    signature(config dict): what tells the official sizes apart; backend(model,
    processor, name, LoadOptions): what serves it (default: a segmenter,
    ``TransformersSamBackend``); kind: the registry's kind of its models; other_types:
    further ``model_type`` values whose folders the model class loads (e.g. a video
    model's folder holding this image model); processor_class: the transformers class
    that reads the folder's processor files; capabilities: what its models can do."""

    config_type: str
    model_class: str
    processor: Callable[[], Any]
    signature: Callable[[dict], Any]
    backend: Optional[Callable[..., Any]] = None
    kind: str = "segmenter"
    other_types: Tuple[str, ...] = ()
    processor_class: str = "AutoProcessor"
    capabilities: Capabilities = TRAINABLE
    video: Optional[VideoArchitecture] = None

    def reads(self, config: Optional[dict]) -> bool:
        """Whether a folder with this config.json holds a model of this architecture."""
        video = (self.video.config_type,) if self.video else ()
        return config is not None and config.get("model_type") in (self.config_type, *self.other_types, *video)


@dataclass(frozen=True)
class Official:
    """One released model: its hub repo, name for people, about how many bytes, relative
    compute per image (see ``ModelSpec.cost``) and config signature."""

    repo_id: str
    display: str
    size: int
    cost: float
    signature: Any


def needs_processor_files():
    """The ``Architecture.processor`` of text models: their tokenizer has no default."""
    raise CheckpointError("a text model's folder needs its processor and tokenizer files "
                          "((pre)processor_config.json, tokenizer files) besides config.json and model.safetensors; "
                          "save them with processor.save_pretrained, or download the model again")


def read_config(path: Path) -> Optional[dict]:
    """config.json of a model folder; None when ``path`` is not a folder with one."""
    config = path / "config.json"
    if not (path.is_dir() and config.is_file()):
        return None
    try:
        return json.loads(config.read_text())
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"{config} cannot be read as JSON ({exc})") from None


def load_folder(path: Path, arch: Architecture) -> Tuple[Any, Any]:
    """(model in eval mode in float32 on the CPU, processor) from a folder with
    config.json and safetensors weights; never runs a pickle, never touches the network.
    Every weight of the architecture must be in the file."""
    import torch
    import transformers

    config = read_config(path)
    if config is None:
        raise CheckpointError(f"{path} is not a model folder: expected a folder with config.json and model.safetensors")
    if not arch.reads(config):
        raise CheckpointError(f"{path} holds a {config.get('model_type')!r} model, not {arch.config_type!r}")
    if not any(path.glob("*.safetensors")):
        raise CheckpointError(f"{path} has config.json but no model.safetensors (an interrupted download?); download "
                              "it again, or save the model there with save_pretrained")
    model_class = getattr(transformers, arch.model_class)
    try:
        model, info = model_class.from_pretrained(path, dtype=torch.float32, local_files_only=True,
                                                  use_safetensors=True, output_loading_info=True)
    except Exception as exc:  # noqa: BLE001 - safetensors, transformers and torch raise many kinds for a bad file
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise CheckpointError(f"{path}: the weights cannot be loaded ({first}); the file is truncated or corrupt, "
                              "or not of this model: delete the folder and download it again") from None
    missing = [*info.get("missing_keys", []), *info.get("mismatched_keys", [])]
    if missing:
        raise CheckpointError(f"{path}: {len(missing)} weights are missing or of the wrong shape "
                              f"({', '.join(map(str, missing[:3]))}); the file is incomplete or of another model")
    if any((path / name).is_file() for name in ("preprocessor_config.json", "processor_config.json")):
        processor = getattr(transformers, arch.processor_class).from_pretrained(path, local_files_only=True)
    else:
        processor = arch.processor()
    return model.eval(), processor


def video_loader(arch: Architecture, text: bool = False) -> Optional[Callable]:
    """``ModelSpec.load_video`` (or with ``text``, ``load_text_video``) of an architecture
    with a video model: (model, processor) from the folder, or a CheckpointError saying
    that the folder has the image model only."""
    video = arch.video
    if video is None or (text and video.text_model_class is None):
        return None
    reader = Architecture(video.config_type, video.text_model_class if text else video.model_class, video.processor,
                          arch.signature, processor_class=video.text_processor_class if text else video.processor_class)

    def load(spec: ModelSpec, path: Optional[Path], options: LoadOptions):
        config = read_config(Path(path))
        if config is not None and config.get("model_type") != video.config_type:
            raise CheckpointError(f"{spec.name}'s folder {Path(path).name} holds the image model alone "
                                  f"({config.get('model_type')!r}); tracking needs the whole model "
                                  f"({video.config_type!r}), as in the hub's folder: download it again")
        model, processor = load_folder(Path(path), reader)
        return model.to(options.device), processor

    return load


def hub_family(name: str, arch: Architecture, table: Dict[str, Official]) -> Family:
    """Register family ``name`` with ``table``'s official models (model name -> Official)."""
    load_video, load_text_video = video_loader(arch), video_loader(arch, text=True)
    capabilities = arch.capabilities.with_(video=load_video is not None, video_text=load_text_video is not None)
    def load(spec: ModelSpec, path: Optional[Path], options: LoadOptions):
        model, processor = load_folder(Path(path), arch)
        if arch.backend is not None:
            return arch.backend(model, processor, spec.name, options)
        from ..backends.transformers_sam import TransformersSamBackend

        return TransformersSamBackend(model, processor, spec.name, options.device, options.precision)

    def recognise(path: Path) -> Optional[str]:
        config = read_config(path)
        if not arch.reads(config):
            return None
        signature = arch.signature(config)
        for model_name, official in table.items():
            if official.signature is None or official.signature == signature:
                return model_name
        video = load_video if config.get("model_type") == getattr(arch.video, "config_type", None) else None
        custom = ModelSpec(path.name, name, f"custom {name} ({path.name})", None, load, path=path.resolve(),
                           priority=PRIORITY, kind=arch.kind, load_video=video,
                           capabilities=arch.capabilities.with_(video=video is not None))
        return add_custom(custom).name

    return register(Family(name, tuple(
        ModelSpec(model_name, name, o.display, HubRepo(o.repo_id, o.size), load, o.cost, priority=PRIORITY,
                  kind=arch.kind, capabilities=capabilities, load_video=load_video, load_text_video=load_text_video)
        for model_name, o in table.items()
    ), recognise))
