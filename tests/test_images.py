"""Every odd image kind becomes HxWx3 uint8 RGB, or a clear error."""

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from sam_app.errors import ImageError
from sam_app.images import load_image


def encode(image: Image.Image, fmt="PNG", **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def test_rgb_in_every_form_gives_the_same_pixels_and_digest(tmp_path, coffee):
    path = tmp_path / "c.png"
    Image.fromarray(coffee).save(path)
    loaded = [load_image(s) for s in (coffee, path, str(path), path.read_bytes(), Image.open(path))]
    for item in loaded:
        assert item.pixels.dtype == np.uint8 and item.pixels.shape == (400, 600, 3)
        np.testing.assert_array_equal(item.pixels, coffee)
        assert item.digest == loaded[0].digest
    assert load_image(coffee[:, ::-1].copy()).digest != loaded[0].digest


def test_grayscale_becomes_three_equal_channels():
    gray = np.arange(64, dtype=np.uint8).reshape(8, 8)
    for source in (gray, gray[:, :, None], encode(Image.fromarray(gray))):
        pixels = load_image(source).pixels
        assert pixels.shape == (8, 8, 3)
        np.testing.assert_array_equal(pixels[:, :, 0], gray)
        np.testing.assert_array_equal(pixels[:, :, 2], gray)


def test_rgba_and_la_are_composited_over_white():
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[..., 0] = 200
    rgba[0, 0, 3] = 255  # one opaque red-ish pixel, the rest transparent
    for source in (rgba, encode(Image.fromarray(rgba, "RGBA"))):
        pixels = load_image(source).pixels
        assert pixels.shape == (4, 4, 3)
        assert tuple(pixels[0, 0]) == (200, 0, 0)
        assert tuple(pixels[1, 1]) == (255, 255, 255)
    la = Image.fromarray(np.full((3, 3, 2), (10, 0), np.uint8), "LA")
    assert tuple(load_image(encode(la)).pixels[0, 0]) == (255, 255, 255)


def test_palette_images_with_and_without_transparency():
    p = Image.fromarray(np.array([[0, 1], [1, 0]], np.uint8), "P")
    p.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    pixels = load_image(encode(p)).pixels
    assert tuple(pixels[0, 0]) == (255, 0, 0) and tuple(pixels[0, 1]) == (0, 0, 255)
    pixels = load_image(encode(p, transparency=0)).pixels
    assert tuple(pixels[0, 0]) == (255, 255, 255) and tuple(pixels[0, 1]) == (0, 0, 255)


def test_sixteen_bit_images_are_scaled_to_eight_bits():
    deep = np.array([[0, 257 * 100], [65535, 257 * 3]], np.uint16)
    for source in (deep, encode(Image.fromarray(deep))):
        pixels = load_image(source).pixels
        assert pixels.dtype == np.uint8
        assert pixels[:, :, 0].tolist() == [[0, 100], [255, 3]]
    floats = np.array([[0.0, 0.5], [1.0, np.nan]], np.float32)
    assert load_image(floats).pixels[:, :, 1].tolist() == [[0, 128], [255, 0]]
    assert load_image(np.array([[True, False]])).pixels[0, :, 0].tolist() == [255, 0]


def test_exif_orientation_is_applied():
    """A 40x20 JPEG tagged 'rotate 90 CW' (orientation 6) is shown, and so loaded, as 20x40."""
    array = np.zeros((20, 40, 3), np.uint8)
    array[:, :20] = (255, 0, 0)  # left half red
    image = Image.fromarray(array)
    exif = image.getexif()
    exif[0x0112] = 6
    pixels = load_image(encode(image, "JPEG", exif=exif, quality=95)).pixels
    assert pixels.shape == (40, 20, 3)
    assert pixels[5, 10, 0] > 200 and pixels[35, 10, 0] < 60  # red half now on top


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height and whose pixel data is garbage."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"garbage") + chunk(b"IEND", b"")


def test_huge_image_is_refused_before_decoding():
    with pytest.raises(ImageError, match=r"50000x40000 = 2000.0 megapixels, over the limit of 40.0"):
        load_image(png_header_only(50_000, 40_000), max_pixels=40_000_000)
    with pytest.raises(ImageError, match="over the limit"):
        load_image(np.zeros((100, 100, 3), np.uint8), max_pixels=5000)


def test_corrupt_truncated_and_missing_files(tmp_path, coffee):
    with pytest.raises(ImageError, match="not a readable image; expected PNG, JPEG"):
        load_image(b"this is not an image")
    data = encode(Image.fromarray(coffee), "JPEG")
    with pytest.raises(ImageError, match="truncated or corrupt"):
        load_image(data[: len(data) // 3])
    with pytest.raises(ImageError, match="image file not found"):
        load_image(tmp_path / "missing.png")
    with pytest.raises(ImageError, match=r"shape \(4, 4, 2\)"):
        load_image(np.zeros((4, 4, 2), np.uint8))
    with pytest.raises(ImageError, match="unsupported image type int"):
        load_image(42)
    with pytest.raises(ImageError, match="empty"):
        load_image(np.zeros((0, 4, 3), np.uint8))


def test_a_jpeg_cut_off_in_its_header_is_a_specific_message(coffee):
    """It raised a bare OSError("Truncated File Read"): a traceback in the CLI, "Error" in the UI."""
    data = encode(Image.fromarray(coffee), "JPEG")
    for cut in (10, 100, 300):
        with pytest.raises(ImageError, match="truncated or corrupt"):
            load_image(data[:cut], name="cut.jpg")


def test_extreme_strips_are_refused_with_their_shape():
    """A one-pixel-high strip reached the model and failed there ("height and width must be > 0")."""
    for shape in ((1, 5000), (5000, 1), (3, 400)):
        with pytest.raises(ImageError, match="more than 100 times longer than it is wide"):
            load_image(np.zeros((*shape, 3), np.uint8))
    assert load_image(np.zeros((10, 1000, 3), np.uint8)).width == 1000


def test_only_allowed_formats_are_opened(monkeypatch):
    """EPS (which Pillow hands to Ghostscript) and other formats outside the list are never opened."""
    from PIL import EpsImagePlugin

    opened = []
    monkeypatch.setattr(EpsImagePlugin.EpsImageFile, "_open", lambda self: opened.append(1))
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    with pytest.raises(ImageError, match="not a readable image"):
        load_image(eps)
    assert not opened
    with pytest.raises(Image.UnidentifiedImageError):  # nor by Gradio, which opens uploads with Pillow itself
        Image.open(io.BytesIO(eps))
    Image.init()
    with pytest.raises(Image.UnidentifiedImageError):
        Image.open(io.BytesIO(eps))
    for fmt in ("PPM", "ICO"):
        with pytest.raises(ImageError, match="not a readable image"):
            load_image(encode(Image.new("RGB", (16, 16)), fmt))
    for fmt in ("PNG", "JPEG", "WEBP", "TIFF", "BMP", "GIF"):
        assert load_image(encode(Image.new("RGB", (16, 16)), fmt)).width == 16
