"""Videos as frames: a video file (MP4, WebM, MOV, AVI, MKV, animated GIF; decoded with
PyAV) or a folder of frame images, read one frame at a time.

    from sam_app.video import open_video
    with open_video("clip.mp4") as video:
        video.count, video.height, video.width, video.fps   # 120, 480, 640, 30.0
        video.frame(57)                                     # HxWx3 uint8 RGB

Frames are decoded when asked for and only a few are kept (``cache`` frames, uint8),
never the whole video: a later frame is reached by decoding on from the last one, an
earlier one by seeking to the key frame before it. Opening checks what can be checked
without decoding everything: a readable container with a video stream, at least one
frame of at most ``LIMITS.max_video_pixels`` pixels, and that the first frame decodes.
A video longer than ``LIMITS.max_frames`` is its first ``max_frames`` frames
(``truncated`` says so). A frame folder's images must all have the first one's size.
Every refusal is an ``ImageError`` of one line.
"""

from __future__ import annotations

import os
import re
import stat
from collections import OrderedDict
from pathlib import Path
from typing import List, Optional

import numpy as np

from .errors import ImageError, shorten
from .files import IMAGE_SUFFIXES
from .limits import LIMITS

VIDEO_SUFFIXES = (".mp4", ".m4v", ".webm", ".mov", ".avi", ".mkv", ".gif")
AHEAD = 64  # decode on up to this many frames rather than seek


def natural_key(name: str):
    """"frame10.png" after "frame9.png"."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def _check_limits(name: str, count: int, height: int, width: int, max_pixels: int) -> None:
    if count == 0:
        raise ImageError(f"{name} has no frames; expected a video with at least one frame")
    if height * width > max_pixels:
        raise ImageError(f"{name}'s frames are {width}x{height} ({width * height:,} pixels), over this server's limit "
                         f"of {max_pixels:,}; {LIMITS.raise_hint('max_video_pixels')}, or scale the video down")


class Video:
    """Frames by index. count: frames; height, width: pixels of every frame; fps: frames
    per second (None for a frame folder); name: what messages call it; truncated: the
    source has more frames than ``max_frames``, and these are its first ones."""

    truncated = False
    name: str
    count: int
    height: int
    width: int
    fps: Optional[float]

    def __init__(self, cache: int = 8):
        self._cache: "OrderedDict[int, np.ndarray]" = OrderedDict()
        self._cache_size = cache

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` (0-based) as an HxWx3 uint8 RGB array (read-only)."""
        if not 0 <= index < self.count:
            raise ImageError(f"frame {index} is outside {self.name}, whose frames are 0 to {self.count - 1}")
        found = self._cache.get(index)
        if found is None:
            found = self._read(index)
            found.setflags(write=False)
            self._keep(index, found)
        self._cache.move_to_end(index)
        return found

    def _keep(self, index: int, pixels: np.ndarray) -> None:
        self._cache[index] = pixels
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _read(self, index: int) -> np.ndarray:
        raise NotImplementedError

    def close(self) -> None:
        self._cache.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class FrameFolder(Video):
    """A folder of frame images in natural name order (``frame9.png`` before ``frame10.png``)."""

    def __init__(self, folder: Path, max_frames: int, max_pixels: int, cache: int = 8):
        super().__init__(cache)
        from PIL import Image

        self.name, self.fps = folder.name, None
        self.files = sorted((p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()),
                            key=lambda p: natural_key(p.name))
        self.truncated = len(self.files) > max_frames
        self.files = self.files[:max_frames]
        self.count = len(self.files)
        if not self.files:
            raise ImageError(f"folder {shorten(folder.name)} has no frame images; expected images named in frame "
                             f"order ({', '.join(IMAGE_SUFFIXES[:4])}, ...)")
        sizes = []
        for path in self.files:
            try:
                with Image.open(path) as image:
                    sizes.append(image.size)
            except OSError as exc:
                raise ImageError(f"frame {path.name} of {folder.name} cannot be read as an image ({exc})") from None
        self.width, self.height = sizes[0]
        _check_limits(folder.name, self.count, self.height, self.width, max_pixels)
        for path, size in zip(self.files, sizes):
            if size != sizes[0]:
                raise ImageError(f"frames of different sizes in {folder.name}: {path.name} is {size[0]}x{size[1]}, "
                                 f"the first frame {self.files[0].name} is {self.width}x{self.height}; a video's "
                                 "frames must all be the same size")

    def _read(self, index: int) -> np.ndarray:
        from .images import load_image

        return load_image(self.files[index], max_pixels=self.height * self.width).pixels


class VideoFile(Video):
    """A video file's first video stream, decoded with PyAV."""

    def __init__(self, path: Path, max_frames: int, max_pixels: int, cache: int = 8):
        super().__init__(cache)
        import av

        self.name, self.path = path.name, path
        self._container = self._open()
        streams = self._container.streams.video
        if not streams:
            self._container.close()
            raise ImageError(f"{self.name} has no video stream; expected a video file (MP4, WebM, MOV, AVI, GIF) "
                             "or a folder of frames")
        stream = streams[0]
        self.width, self.height = stream.codec_context.width, stream.codec_context.height
        rate = stream.average_rate or stream.guessed_rate
        self.fps = float(rate) if rate else None
        if self.width and self.height:
            _check_limits(self.name, 1, self.height, self.width, max_pixels)
        self._pts: List[int] = []  # presentation times in display order: frame i has self._pts[i]
        try:
            for packet in self._container.demux(stream):
                if packet.size and packet.pts is not None:
                    self._pts.append(packet.pts)
                    if len(self._pts) > max_frames:
                        self.truncated = True
                        break
        except av.error.FFmpegError as exc:
            raise ImageError(f"{self.name} is damaged after {len(self._pts)} frames ({exc.strerror or exc}); "
                             "re-encode or cut the video") from None
        self._pts = sorted(self._pts)[:max_frames]
        self._index = {pts: i for i, pts in enumerate(self._pts)}
        self.count = len(self._pts)
        _check_limits(self.name, self.count, self.height or 1, self.width or 1, max_pixels)
        self._frames, self._at = None, -1  # a running decoder (an iterator of (index, frame)), its last index
        first = self.frame(0)
        if first.shape[:2] != (self.height, self.width):
            self.height, self.width = first.shape[:2]
            _check_limits(self.name, self.count, self.height, self.width, max_pixels)

    def _open(self):
        import av

        try:
            return av.open(str(self.path), metadata_errors="ignore")
        except av.error.EOFError:
            raise ImageError(f"{self.name} ends before its first frame (it has no frames, or was cut short); "
                             "expected a video with at least one frame") from None
        except av.error.FFmpegError as exc:
            raise ImageError(f"{self.name} cannot be read as a video ({exc.strerror or exc}); the file is truncated, "
                             "damaged or not a video") from None

    def _decode(self):
        import av

        stream = self._container.streams.video[0]
        try:
            for frame in self._container.decode(stream):
                index = self._index.get(frame.pts)
                if index is not None:
                    yield index, frame
        except av.error.FFmpegError as exc:
            raise ImageError(f"{self.name} is damaged: a frame cannot be decoded ({exc.strerror or exc}); re-encode "
                             "or cut the video") from None

    def _read(self, index: int) -> np.ndarray:
        if self._frames is None or not self._at < index <= self._at + AHEAD:
            self._container.seek(self._pts[index], stream=self._container.streams.video[0], backward=True)
            self._frames, self._at = self._decode(), -1
        for found, frame in self._frames:
            self._at = found
            if found >= index:
                pixels = frame.to_ndarray(format="rgb24")
                if found == index:
                    return pixels
                break  # the stream has no frame with this time
            if index - found <= self._cache_size:
                self._keep(found, frame.to_ndarray(format="rgb24"))
        self._frames = None
        raise ImageError(f"{self.name} is damaged: frame {index} of {self.count} cannot be decoded; re-encode or "
                         "cut the video")

    def close(self) -> None:
        super().close()
        self._frames = None
        self._container.close()


def open_video(source: os.PathLike, max_frames: Optional[int] = None, max_pixels: Optional[int] = None,
               cache: int = 8) -> Video:
    """A ``Video`` of the file or frame folder ``source``; limits default to
    ``LIMITS.max_frames`` and ``LIMITS.max_video_pixels``."""
    path = Path(source)
    max_frames = LIMITS.max_frames if max_frames is None else max_frames
    max_pixels = LIMITS.max_video_pixels if max_pixels is None else max_pixels
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise ImageError(f"{shorten(path.name)} does not exist; expected a video file or a folder of frames") from None
    if stat.S_ISDIR(mode):
        return FrameFolder(path, max_frames, max_pixels, cache)
    if not stat.S_ISREG(mode):
        raise ImageError(f"{shorten(path.name)} is not a regular file; expected a video file or a folder of frames")
    return VideoFile(path, max_frames, max_pixels, cache)
