"""Synthetic videos of moving shapes for the tracking tests: frames as arrays, written as
PNG folders or MP4 files with PyAV."""

from pathlib import Path

import numpy as np


def moving_shapes(count: int = 12, height: int = 120, width: int = 160, seed: int = 0) -> list:
    """``count`` HxWx3 uint8 frames: a textured background, a red disc moving right and a
    blue square moving down-left, so two objects move differently."""
    background = _background(height, width, seed)
    return [shapes_frame(background, t) for t in range(count)]


def _background(height: int, width: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.integers(0, 60, (height, width, 3)) + 40).astype(np.uint8)


def shapes_frame(background: np.ndarray, t: int) -> np.ndarray:
    """Frame ``t`` of ``moving_shapes`` on ``background`` (the shapes wrap around a long video)."""
    height, width = background.shape[:2]
    frame = background.copy()
    yy, xx = np.mgrid[:height, :width]
    cx, cy = 30 + (3 * t) % max(width - 60, 1), height // 2
    frame[(xx - cx) ** 2 + (yy - cy) ** 2 < 15 ** 2] = (220, 40, 30)
    x0, y0 = width - 50 - (2 * t) % max(width - 60, 1), 10 + (2 * t) % max(height - 40, 1)
    frame[y0:y0 + 24, x0:x0 + 24] = (30, 60, 230)
    return frame


class SyntheticVideo:
    """A ``video.Video`` of ``count`` moving-shapes frames made when asked, none held: for
    videos longer than a test should write."""

    def __new__(cls, count: int, height: int = 120, width: int = 160, seed: int = 0):
        from sam_app.video import Video

        class Made(Video):
            def _read(self, index):
                return shapes_frame(self.background, index)

        video = Made(cache=2)
        video.name, video.count, video.height, video.width, video.fps = "synthetic", count, height, width, 25.0
        video.background = _background(height, width, seed)
        return video


def write_frames(folder: Path, frames) -> Path:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for i, frame in enumerate(frames):
        Image.fromarray(frame).save(folder / f"{i:05d}.png")
    return folder


def write_video(path: Path, frames, fps: int = 10, codec: str = "libx264") -> Path:
    """An MP4 (or WebM / GIF by ``codec``) of ``frames`` (even sizes for yuv420p)."""
    import av

    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=fps)
        stream.height, stream.width = frames[0].shape[:2]
        stream.pix_fmt = "rgb8" if codec == "gif" else "yuv420p"
        for frame in frames:
            container.mux(stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")))
        container.mux(stream.encode())
    return path
