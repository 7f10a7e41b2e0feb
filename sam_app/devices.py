"""Compute device and encoder precision selection.

device: ``auto`` picks cuda > mps > cpu; ``cpu``, ``cuda``, ``cuda:N`` and ``mps`` are
honoured or refused with a clear message. precision (image encoder only; the decoder
always runs in float32): ``auto`` = bf16 where the hardware runs it fast (CUDA with bf16;
CPUs with AVX512-BF16 or AMX), else fp32; or ``fp32``, ``bf16``, ``fp16``.
"""

from __future__ import annotations

import contextlib

import torch

from .errors import DeviceError, shorten

DEVICES = ("auto", "cpu", "cuda", "mps")
PRECISIONS = ("auto", "fp32", "bf16", "fp16")
DECODERS = ("auto", "torch", "onnx", "fast", "fast-bf16", "fast-fp16", "fast-int8")  # see backends.sam
ATTENTIONS = ("sdpa", "reference")
DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}
DTYPE_NAMES = {dtype: name for name, dtype in DTYPES.items()}


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps and mps.is_available())


def resolve_device(name: str = "auto") -> torch.device:
    """``auto`` | ``cpu`` | ``cuda`` | ``cuda:N`` | ``mps`` -> an available torch.device."""
    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        return torch.device("mps") if _mps_available() else torch.device("cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda" or name.startswith("cuda:"):
        if not torch.cuda.is_available():
            raise DeviceError(
                f"device {shorten(name)} was asked for, but CUDA is not available to this PyTorch "
                f"({torch.__version__}, built for CUDA {torch.version.cuda or 'none'}); "
                "use --device auto or --device cpu"
            )
        device = torch.device(name)
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise DeviceError(f"device {shorten(name)} does not exist: this machine has {torch.cuda.device_count()} "
                              "CUDA device(s)")
        return device
    if name == "mps":
        if not _mps_available():
            raise DeviceError("device 'mps' was asked for, but Apple's MPS backend is not available; use --device "
                              "auto or cpu")
        return torch.device("mps")
    raise DeviceError(f"unknown device {shorten(name)}; expected auto, cpu, cuda, cuda:N or mps")


def cpu_has_fast_bf16() -> bool:
    """True on CPUs with AVX512-BF16 or AMX (where bf16 matmuls beat fp32); read from
    /proc/cpuinfo, so False where that file does not exist (macOS, Windows)."""
    try:
        with open("/proc/cpuinfo") as f:
            flags = set(f.read().split())
    except OSError:
        return False
    return bool(flags & {"avx512_bf16", "amx_bf16"})


def resolve_precision(name: str, device: torch.device) -> str:
    """``auto`` | ``fp32`` | ``bf16`` | ``fp16`` -> a concrete precision for ``device``."""
    name = (name or "auto").strip().lower()
    if name not in PRECISIONS:
        raise DeviceError(f"unknown precision {shorten(name)}; expected one of {', '.join(PRECISIONS)}")
    if name == "auto":
        if device.type == "cuda":
            return "bf16" if torch.cuda.is_bf16_supported() else "fp32"
        if device.type == "cpu":
            return "bf16" if cpu_has_fast_bf16() else "fp32"
        return "fp32"
    if name == "fp16" and device.type == "cpu":
        raise DeviceError("fp16 is not supported on the CPU; use bf16 or fp32")
    return name


def autocast(device: torch.device, precision: str):
    """The context an image encoder runs in: nothing for fp32, else torch's autocast to
    ``precision`` (bf16 | fp16) on ``device``."""
    if precision == "fp32":
        return contextlib.nullcontext()
    return torch.autocast(torch.device(device).type, dtype=DTYPES[precision])


def release_memory() -> bool:
    """Hand freed heap memory back to the system: glibc keeps what a request's arrays
    freed in its per-thread arenas, and a server's resident size creeps up. Returns
    whether anything was done (False off glibc)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
        return True
    except (OSError, AttributeError):
        return False
