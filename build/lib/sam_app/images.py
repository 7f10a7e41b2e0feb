"""Turn any input image into what SAM expects: an HxWx3 uint8 RGB array.

Accepted sources: a file path (str or Path), the file's bytes, a PIL image, or a numpy
array (HxW, HxWx1, HxWx3 or HxWx4; uint8, uint16, bool or float). Normalisation:

- EXIF orientation is applied, so pixel coordinates match what a browser shows;
- grayscale, palette, RGBA/LA and CMYK become RGB (transparent pixels are composited
  over white, which is what a user sees in most viewers);
- 16-bit and 32-bit integer images are scaled to 8 bits, float images in [0, 1] are
  scaled by 255;
- an image larger than ``max_pixels`` is refused *before* its pixels are decoded.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import ImageError
from .files import read_bytes

DEFAULT_MAX_PIXELS = int(os.environ.get("SAM_MAX_PIXELS", 40_000_000))

ImageSource = Union[str, os.PathLike, bytes, bytearray, Image.Image, np.ndarray, "ImageRef"]

# Formats decoded from files and bytes: Pillow's own decoders only. Others Pillow knows
# are refused unopened, EPS among them (Pillow hands it to Ghostscript, an external
# interpreter, which must never see an upload). JPEG includes cameras' multi-picture MPO.
FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "BMP", "GIF")
EXTERNAL_DECODERS = ("EPS",)  # Pillow formats that run another program; unregistered below
MAX_ASPECT_RATIO = 100  # longest side / shortest side: SAM's 1024 px input keeps >= 10 px


def _unregister_external_decoders() -> None:
    """Make Pillow forget formats it decodes by running another program, for the whole
    process: Gradio's own upload handling opens images with Pillow before we see them.
    Every plugin is imported first, so that no later ``Image.init()`` brings them back."""
    Image.init()
    for name in EXTERNAL_DECODERS:
        Image.OPEN.pop(name, None)
        if name in Image.ID:
            Image.ID.remove(name)


_unregister_external_decoders()

# Stop Pillow's own bomb check from pre-empting ours with a less specific message;
# we check width x height ourselves before decoding.
Image.MAX_IMAGE_PIXELS = None


@dataclass(frozen=True)
class LoadedImage:
    """A normalised image and the hash that identifies its content.

    ``pixels``: HxWx3 uint8 RGB. ``digest``: hex hash of the pixels and shape, equal for
    the same picture whatever form it arrived in (path, bytes, PIL, numpy).
    """

    pixels: np.ndarray
    digest: str

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])


@dataclass(frozen=True)
class ImageRef:
    """A loaded image by reference, for state that lives long (a browser tab's): its id
    in a service's image store (``SamService.image_ref``), its content digest and its size
    in pixels. The pixels stay in the store, bounded for the whole process."""

    image_id: str
    digest: str
    height: int
    width: int


def fit_scale(height: int, width: int, max_side: int) -> float:
    """The factor (at most 1) that brings an image's longest side down to ``max_side``."""
    return min(1.0, max_side / max(height, width))


def content_digest(pixels: np.ndarray) -> str:
    """Hex digest of an HxWx3 uint8 array (shape included, so 2x6 != 3x4)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(pixels.shape).encode())
    h.update(np.ascontiguousarray(pixels).data)
    return h.hexdigest()


def load_image(source: ImageSource, max_pixels: int = DEFAULT_MAX_PIXELS, name: Optional[str] = None) -> LoadedImage:
    """Load and normalise ``source``; see the module docstring for what is accepted.
    ``name`` is what error messages call the image (default: a file's name, or "the
    uploaded data" for bytes). A file is read only if it is a regular file within
    ``LIMITS.max_file_size`` (``files.read_bytes``).

    Raises ``ImageError`` with a specific message for missing files, unreadable or
    truncated data, unsupported array shapes and images over ``max_pixels``.
    """
    if isinstance(source, LoadedImage):
        return source
    if isinstance(source, np.ndarray):
        pixels = _array_to_rgb(source, max_pixels)
    elif isinstance(source, Image.Image):
        pixels = _pil_to_rgb(source, max_pixels, name="the image")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        pixels = _open_and_convert(io.BytesIO(bytes(source)), max_pixels, name=name or "the uploaded data")
    elif isinstance(source, (str, os.PathLike)):
        name = name or Path(source).name  # no server folders in messages
        data = read_bytes(source, name, error=ImageError, what="image file")
        pixels = _open_and_convert(io.BytesIO(data), max_pixels, name=name)
    else:
        raise ImageError(
            f"unsupported image type {type(source).__name__}; expected a file path, bytes, "
            "a PIL image or a numpy array"
        )
    pixels = np.ascontiguousarray(pixels)
    return LoadedImage(pixels=pixels, digest=content_digest(pixels))


def _check_size(width: int, height: int, max_pixels: int) -> None:
    if width <= 0 or height <= 0:
        raise ImageError(f"the image is empty ({width}x{height} pixels)")
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise ImageError(f"the image is {width}x{height} pixels, more than {MAX_ASPECT_RATIO} times longer than it "
                         "is wide; crop it to a less extreme shape")
    if width * height > max_pixels:
        raise ImageError(
            f"the image is {width}x{height} = {width * height / 1e6:.1f} megapixels, over the "
            f"limit of {max_pixels / 1e6:.1f} megapixels; downscale it or raise the limit "
            "(--max-pixels / SAM_MAX_PIXELS)"
        )


def _open_and_convert(stream, max_pixels: int, name: str) -> np.ndarray:
    try:
        image = Image.open(stream, formats=FORMATS)
    except UnidentifiedImageError:
        raise ImageError(
            f"{name} is not a readable image; expected PNG, JPEG, WebP, BMP, TIFF or GIF"
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:  # e.g. a JPEG cut off inside its header
        raise ImageError(f"{name} is truncated or corrupt ({exc})") from None
    return _pil_to_rgb(image, max_pixels, name)


def _pil_to_rgb(image: Image.Image, max_pixels: int, name: str) -> np.ndarray:
    _check_size(image.width, image.height, max_pixels)  # header only: nothing decoded yet
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"{name} is truncated or corrupt ({exc})") from None
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        return _array_to_rgb(np.asarray(image), max_pixels, sixteen_bit=mode.startswith("I;16"))
    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif mode == "PA":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    return np.asarray(image.convert("RGB"))


def _array_to_rgb(array: np.ndarray, max_pixels: int, sixteen_bit: bool = False) -> np.ndarray:
    """HxW / HxWx{1,3,4} array of any common dtype -> HxWx3 uint8."""
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (3, 4)):
        raise ImageError(
            f"image array has shape {array.shape}; expected HxW (gray), HxWx3 (RGB) or HxWx4 (RGBA)"
        )
    _check_size(array.shape[1], array.shape[0], max_pixels)
    array = _to_uint8(array, sixteen_bit)
    if array.ndim == 2:
        return np.repeat(array[:, :, None], 3, axis=2)
    if array.shape[2] == 4:
        alpha = array[:, :, 3:4].astype(np.float32) / 255.0
        rgb = array[:, :, :3].astype(np.float32) * alpha + 255.0 * (1.0 - alpha)
        return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
    return array


def _to_uint8(array: np.ndarray, sixteen_bit: bool = False) -> np.ndarray:
    if array.dtype == np.uint8:
        return array
    if array.dtype == np.bool_:
        return array.astype(np.uint8) * 255
    if np.issubdtype(array.dtype, np.floating):
        finite = np.nan_to_num(array.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
        scale = 255.0 if finite.size and finite.max() <= 1.0 else 1.0
        return np.clip(np.rint(finite * scale), 0, 255).astype(np.uint8)
    if np.issubdtype(array.dtype, np.integer):
        if sixteen_bit or array.dtype == np.uint16 or (array.size and array.max() > 255):
            # 16-bit data (also PIL's "I" mode holding 0..65535): keep the top 8 bits.
            return np.clip(array.astype(np.int64) // 257, 0, 255).astype(np.uint8)
        return np.clip(array, 0, 255).astype(np.uint8)
    raise ImageError(f"image array has dtype {array.dtype}; expected uint8, uint16, bool or float")
