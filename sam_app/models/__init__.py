"""The registry of model families: one module per family, one line each below.

Adding a family: write ``sam_app/models/<family>.py`` that builds its ``ModelSpec``s and
calls ``register(Family(...))`` (see ``sam1`` and ``classical``), and add its name to
``FAMILY_MODULES``. A family outside this package is a plugin: name its module in
``SAM_APP_MODELS`` (comma-separated module names) or expose it as an entry point in the
``sam_app.models`` group; it is imported with the built-in ones.
"""

from __future__ import annotations

import importlib
import os
from importlib.metadata import entry_points

from .registry import (  # noqa: F401 - the registry's public names
    Family,
    HubRepo,
    LoadOptions,
    ModelSpec,
    ModelStatus,
    WeightFile,
    able,
    add_custom,
    fallback,
    get,
    is_present,
    missing_message,
    models,
    names,
    official_for,
    preference,
    recognise,
    register,
    statuses,
    unregister,
    weights_path,
)

FAMILY_MODULES = (
    "sam1",
    "classical",
    "sam2",
    "sam_hq",
    "edgetam",
    "detectors",
    "sam3",
    "sam3_tracker",
)


def _load_families() -> None:
    for name in FAMILY_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    for module in filter(None, (m.strip() for m in os.environ.get("SAM_APP_MODELS", "").split(","))):
        importlib.import_module(module)
    for entry in entry_points(group="sam_app.models"):
        entry.load()


_load_families()
