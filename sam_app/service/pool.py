"""The models a service runs: which one is the default, each loaded once on the
service's device and precision, and what each declares it can do."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Dict, List, Optional

from .. import checkpoints, models
from ..backends.base import Backend
from ..capabilities import Capabilities
from ..devices import resolve_device, resolve_precision
from ..errors import CheckpointError, SamAppError, shorten


def is_detector(backend) -> bool:
    """Whether a loaded or added model is a text model (``Backend.kind``; a backend
    from elsewhere that does not say is a segmenter)."""
    return getattr(backend, "kind", "segmenter") == "detector"


class ModelPool:
    """model_type / checkpoint / checkpoint_dir / device / precision / decoder /
    attention / allow_fallback: as ``SamService`` takes them. Thread-safe: a model is
    loaded once, whoever asks first."""

    def __init__(self, model_type: Optional[str] = None, checkpoint=None, checkpoint_dir=None, device: str = "auto",
                 precision: str = "auto", decoder: str = "auto", attention: str = "sdpa",
                 allow_fallback: bool = True):
        if model_type is not None:
            models.get(model_type)  # an unknown name is refused now, with the choices
        self.device = resolve_device(device)
        self.precision = resolve_precision(precision, self.device)
        self.decoder, self.attention = decoder, attention
        self.checkpoint_dir = checkpoints.checkpoint_dir(checkpoint_dir)
        self.checkpoint_paths: Dict[str, Path] = {}  # model -> the explicit file it loads from
        if checkpoint is not None:
            model_type = model_type or models.recognise(checkpoint)
            self.checkpoint_paths[model_type] = Path(checkpoint).expanduser()
        self.default_model, self.allow_fallback = model_type, allow_fallback
        self.using_fallback = False  # True while the default is the fallback for want of a checkpoint
        self._backends: Dict[str, Backend] = {}
        self._video_models: Dict[tuple, tuple] = {}  # (name, text) -> (video model, its processor)
        self._lock = threading.Lock()

    def add(self, backend, default: bool = False) -> None:
        """Register a ready backend under ``backend.name`` (a custom model), or a ready
        text model; a segmenter becomes the default with ``default`` or when there is none."""
        with self._lock:
            self._backends[backend.name] = backend
            if not is_detector(backend) and (default or self.default_model is None):
                self.default_model = backend.name

    def remove(self, name: str) -> None:
        """Let an added or loaded model go (a model being fine-tuned, once validated)."""
        with self._lock:
            self._backends.pop(name, None)
            if self.default_model == name:
                self.default_model = None

    def resolve(self, model: Optional[str] = None) -> str:
        """The name a request for ``model`` (None = default) runs on. With no model type,
        no explicit checkpoint and none found, the default is the fallback model until a
        checkpoint appears (looked for again at each request)."""
        if model:
            return model
        with self._lock:
            if self.default_model is None or self.using_fallback:
                found = self._first_present()
                fallback = models.fallback(self.device.type)
                if found is None and not (self.allow_fallback and fallback):
                    raise CheckpointError(models.missing_message(models.preference(self.device.type),
                                                                 self.checkpoint_dir))
                self.default_model = found or fallback.name
                self.using_fallback = found is None
            return self.default_model

    def _first_present(self) -> Optional[str]:
        for spec in models.preference(self.device.type):
            if models.is_present(models.weights_path(spec, self.checkpoint_dir)):
                return spec.name
        return None

    def segmenter(self, model: Optional[str] = None) -> Backend:
        """The loaded segmenter ``model`` (None = default), loading it once if needed."""
        name = self.resolve(model)
        if name in models.names("detector"):
            raise SamAppError(f"{name} is a text model: it answers text prompts (the text field, --text) and not "
                              f"points or boxes alone; pick one of {', '.join(self.names())} as the model")
        return self.loaded_model(name)

    def loaded_model(self, name: str):
        """Model ``name`` (a segmenter or a text model), loaded once."""
        with self._lock:
            if name not in self._backends:
                if name not in models.names():
                    raise SamAppError(f"unknown model {shorten(name)}; available: {', '.join(self.names())}")
                self._backends[name] = self._load(models.get(name))
            return self._backends[name]

    def added(self, name: Optional[str]):
        """The model added or loaded under ``name``, or None."""
        return self._backends.get(name) if name else None

    def text_model_name(self) -> Optional[str]:
        """The text model a request naming none uses: one already loaded or added, else the
        first whose folder is present (on a GPU SAM 3 first, elsewhere the cheapest first);
        None when there is none. Loads nothing."""
        loaded = [n for n, b in self._backends.items() if is_detector(b)]
        present = [s.name for s in models.preference(self.device.type, "detector")
                   if models.is_present(self.weights_path(s.name))]
        return (loaded or present or [None])[0]

    def text_model(self, name: Optional[str] = None):
        """The loaded text model ``name``; None: ``text_model_name``'s, else CheckpointError
        saying how to get one."""
        if name is None:
            name = self.text_model_name()
            if name is None:
                raise CheckpointError(
                    "text prompts need a text model and none is here: run `python -m sam_app download "
                    "grounding_dino_tiny` (or owlv2_base; or sam3, whose repo is gated: accept its terms at "
                    "https://huggingface.co/facebook/sam3 and log in first), or put the model's folder in "
                    f"{self.checkpoint_dir}")
        elif name not in models.names("detector") and not is_detector(self._backends.get(name)):
            raise SamAppError(f"{shorten(name)} is not a text model; expected one of "
                              f"{', '.join(models.names('detector'))}")
        return self.loaded_model(name)

    def video_name(self, model: Optional[str] = None, capability: str = "video") -> str:
        """The model tracking (``video``, or ``video_text`` for phrases) runs on: ``model`` if
        it declares the capability (else the one-line refusal), or the first present in the
        device's order (the cheapest on a CPU)."""
        if model:
            return self.require(model, capability)
        kinds = (*models.preference(self.device.type), *models.preference(self.device.type, "detector"))
        able = [s for s in kinds if getattr(s.capabilities, capability)]
        explicit = [name for name in self.checkpoint_paths if getattr(models.get(name).capabilities, capability)]
        present = explicit + [s.name for s in able if models.is_present(self.weights_path(s.name))]
        if not present:
            first = "edgetam` (the CPU's choice) or one of " if capability == "video" else "sam3` (its repo is gated)"
            others = ", ".join(s.name for s in able[1:]) if capability == "video" else ""
            raise CheckpointError(f"tracking needs a video model and none is here: run `python -m sam_app download "
                                  f"{first}{others}, or put its hub folder in {self.checkpoint_dir}")
        return present[0]

    def video_model(self, model: Optional[str] = None, text: bool = False) -> tuple:
        """(name, video model, processor) for tracking (``video_name``), loaded once; with
        ``text``, the model that finds and tracks what phrases name."""
        name = self.video_name(model, "video_text" if text else "video")
        with self._lock:
            key = (name, text)
            if key not in self._video_models:
                spec = models.get(name)
                path = self.weights_path(name)
                if path is None or not path.exists():
                    raise CheckpointError(models.missing_message([spec], self.checkpoint_dir))
                load = spec.load_text_video if text else spec.load_video
                self._video_models[key] = load(spec, path, models.LoadOptions(self.device, "fp32"))
            return (name, *self._video_models[key])

    def _load(self, spec: models.ModelSpec) -> Backend:
        """Build ``spec``'s backend from its explicit file or its file in the checkpoint dir."""
        if self.device.type not in spec.devices:
            raise SamAppError(f"{spec.name} does not run on {self.device.type}; it runs on {', '.join(spec.devices)}")
        path = self.weights_path(spec.name)
        if path is not None and not path.exists():
            raise CheckpointError(models.missing_message([spec], self.checkpoint_dir))
        precision = self.precision if spec.default_precision == "auto" else spec.default_precision
        return spec.load(spec, path, models.LoadOptions(self.device, precision, self.decoder, self.attention))

    def weights_path(self, name: str) -> Optional[Path]:
        """Where registered model ``name``'s weights are for this service: the file it was
        given (an explicit checkpoint), else the registry's place (``models.weights_path``)."""
        return self.checkpoint_paths.get(name) or models.weights_path(models.get(name), self.checkpoint_dir)

    def names(self) -> List[str]:
        """Segmenters: registered, and added."""
        added = [n for n, b in self._backends.items() if not is_detector(b)]
        return list(dict.fromkeys([*models.names("segmenter"), *added]))

    def text_names(self) -> List[str]:
        """Text models: registered, and added."""
        added = [n for n, b in self._backends.items() if is_detector(b)]
        return list(dict.fromkeys([*models.names("detector"), *added]))

    def is_loaded(self, name: str) -> bool:
        return name in self._backends

    def statuses(self) -> List[models.ModelStatus]:
        """Every registered model with its state as this service sees it."""
        return models.statuses(self.checkpoint_dir, self.checkpoint_paths, self._backends)

    def capabilities(self, name: str) -> Capabilities:
        """What model ``name`` declares: its registry spec's, else (a backend added to this
        service) its backend class's."""
        if name in models.names():
            return models.get(name).capabilities
        backend = self._backends.get(name)
        if backend is None:
            raise SamAppError(f"unknown model {shorten(name)}; available: {', '.join(self.names())}")
        return backend.capabilities

    def require(self, name: Optional[str], capability: str) -> str:
        """The resolved name of ``name`` (None = default), or the one-line refusal
        (``capabilities.refusal``) when it does not declare ``capability``."""
        name = self.resolve(name)
        declared = self.capabilities(name)
        if not getattr(declared, capability):
            from ..capabilities import refusal

            added = [n for n, b in self._backends.items() if n not in models.names()
                     and getattr(b.capabilities, capability)]
            raise refusal(name, capability, [*models.able(capability), *added])
        return name
