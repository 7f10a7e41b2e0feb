"""The Video mode's per-tab state (no Gradio here): which tracking session is the tab's,
the frame shown, the object being prompted and the click tool. The tracker itself (the
model state and the masks) lives in ``service.videos`` (bounded, closed when idle), so
the tab's state stays a few hundred bytes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Tuple

TOOLS = ("Foreground", "Background", "Box")


@dataclass(frozen=True)
class VideoState:
    """token: the tab's tracker in ``service.videos`` (None: no video loaded); frame:
    the frame shown (0-based); obj: the object clicks go to (1-255); label: its class
    name; corner: a box's first corner (x, y) in frame pixels, waiting for the second;
    project: the project whose frame folder is loaded (None: an uploaded video)."""

    token: Optional[str] = None
    frame: int = 0
    obj: int = 1
    label: str = ""
    corner: Optional[Tuple[float, float]] = None
    project: Optional[str] = None

    def with_(self, **changes) -> "VideoState":
        return replace(self, **changes)
