"""Synthetic videos of moving shapes for the tracking tests: frames as arrays, written as
PNG folders or MP4 files with PyAV."""

from pathlib import Path

import numpy as np


def moving_shapes(count: int = 12, height: int = 120, width: int = 160, seed: int = 0) -> list:
    """``count`` HxWx3 uint8 frames: a textured background, a red disc moving right and a
    blue square moving down-left, so two objects move differently."""
    rng = np.random.default_rng(seed)
    background = (rng.integers(0, 60, (height, width, 3)) + 40).astype(np.uint8)
    yy, xx = np.mgrid[:height, :width]
    frames = []
    for t in range(count):
        frame = background.copy()
        cx, cy = 30 + 3 * t, height // 2
        frame[(xx - cx) ** 2 + (yy - cy) ** 2 < 15 ** 2] = (220, 40, 30)
        x0, y0 = width - 50 - 2 * t, 10 + 2 * t
        frame[y0:y0 + 24, x0:x0 + 24] = (30, 60, 230)
        frames.append(frame)
    return frames


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
