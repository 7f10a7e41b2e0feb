"""The classical family: OpenCV GrabCut, no weights, so the app is useful with no
checkpoint (``backends.classical``). The service serves it when no checkpoint is found."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..capabilities import PROMPTS
from .registry import Family, LoadOptions, ModelSpec, register


def load(spec: ModelSpec, path: Optional[Path], options: LoadOptions):
    from ..backends.classical import ClassicalBackend

    return ClassicalBackend()


FAMILY = register(Family(
    name="classical",
    models=(ModelSpec("classical", "classical", "OpenCV GrabCut", None, load, cost=0, devices=("cpu", "cuda", "mps"),
                      capabilities=PROMPTS),),
))
