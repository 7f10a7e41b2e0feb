"""Checkpoint files, whatever the family: where they are, verification, safe loading.

Which files exist and which model each holds is the registry's business
(``sam_app.models``); this module knows folders, hashes and state dicts.

Where checkpoints are looked for (one directory): ``checkpoint_dir`` if given, else the
``SAM_CHECKPOINT_DIR`` environment variable, else ``checkpoint/`` next to ``sam_app/`` in a
checkout, or ``~/.cache/sam_app/checkpoints`` for an installed package.
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
from pathlib import Path
from typing import Dict, Optional

from .errors import CheckpointError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def checkpoint_dir(explicit: Optional[os.PathLike] = None) -> Path:
    """The directory searched for official files (see module docstring): in a checkout
    (the package beside its pyproject.toml) its ``checkpoint/``, in an installed package
    ``<cache_dir>/checkpoints``."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("SAM_CHECKPOINT_DIR")
    if env:
        return Path(env).expanduser()
    return PACKAGE_ROOT / "checkpoint" if (PACKAGE_ROOT / "pyproject.toml").is_file() else cache_dir() / "checkpoints"


def cache_dir() -> Path:
    """Where small state (the verification verdicts) is kept: ``SAM_APP_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/sam_app``, else ``~/.cache/sam_app``."""
    env = os.environ.get("SAM_APP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "sam_app"


# ---------------------------------------------------------------- verification

_verdict_lock = threading.Lock()


def sha256_of(path: os.PathLike, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_official(path: os.PathLike, info, model: str) -> None:
    """Check that ``path`` is the official file ``info`` (a ``models.WeightFile``) of
    ``model`` by size and sha256; raise CheckpointError if it is not.

    The sha256 of (path, size, mtime) is remembered, so an unchanged file is hashed once.
    """
    path = Path(path)
    stat = path.stat()
    if stat.st_size != info.size:
        kind = "truncated (an interrupted download?)" if stat.st_size < info.size else "larger than the official file"
        raise CheckpointError(
            f"{path} is {stat.st_size:,} bytes but the official {info.filename} is {info.size:,} bytes: "
            f"the file is {kind}. Delete it and download it again (`python -m sam_app download {model}`)"
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
            f"(`python -m sam_app download {model}`)"
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
    """Read a checkpoint safely: tensors only, on the CPU, memory-mapped where the file
    format allows (so looking at shapes reads almost nothing). Unwraps {"model": ...} and
    {"state_dict": ...} containers. Raises CheckpointError for unsafe or corrupt files."""
    import torch

    path = Path(path)
    try:
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
        except RuntimeError as exc:  # legacy (non-zip) files cannot be memory-mapped
            if "mmap" not in str(exc):
                raise
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
            f"{path} is truncated or corrupt ({(str(exc).splitlines() or [type(exc).__name__])[0][:160]}); "
            "delete it and download it again"
        ) from None
    except Exception as exc:  # noqa: BLE001 - the unpickler meets any bytes (a text file gave an IndexError)
        raise CheckpointError(f"{path} is not a PyTorch checkpoint ({type(exc).__name__} while reading it); nothing "
                              "in it was run") from None
    if isinstance(obj, dict) and not all(isinstance(v, torch.Tensor) for v in obj.values()):
        for wrapper in ("model", "state_dict"):
            if isinstance(obj.get(wrapper), dict):
                obj = obj[wrapper]
                break
    if not isinstance(obj, dict) or not all(isinstance(v, torch.Tensor) for v in obj.values()):
        raise CheckpointError(f"{path} does not hold a state dict of tensors")
    return obj


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


# ---------------------------------------------------------------- writing


def atomic_torch_save(value, path: os.PathLike) -> None:
    """``torch.save`` written beside ``path`` and renamed into place whole."""
    import io

    import torch

    from .export import atomic_write_bytes

    buffer = io.BytesIO()
    torch.save(value, buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


def save_folder(model, processor, output: os.PathLike) -> None:
    """A transformers model and its processor as a ``save_pretrained`` folder at
    ``output``, written beside it first and put in place whole (an old one replaced)."""
    import shutil

    output = Path(output)
    partial, old = output.with_name(output.name + ".partial"), output.with_name(output.name + ".old")
    for leftover in (partial, old):
        shutil.rmtree(leftover, ignore_errors=True)
    model.save_pretrained(partial)
    processor.save_pretrained(partial)
    if output.exists():
        output.rename(old)
    partial.rename(output)
    shutil.rmtree(old, ignore_errors=True)
