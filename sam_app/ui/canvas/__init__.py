"""The annotation canvas: a Gradio custom component (its Svelte source in ``frontend/``,
built into ``templates/`` by ``make frontend``; the built files ship with the package, so a
user's machine needs no Node.js).

The browser draws the image and the masks itself (masks travel as row runs in text,
``to_runs``),
with zoom and pan, markers for points and boxes, a live preview of the mask under a
resting pointer, and a brush and an eraser; it sends what the person did as events in
image pixels:

- ``select``: a click, ``SelectData.index`` = [X, Y], the image pixel under the pointer
  (integers, 0-based, X from the left);
- ``hover``: the pointer rested, ``EventData._data`` = {"x", "y"} image pixel;
- ``stroke``: a brush or eraser stroke ended, ``EventData._data`` = {"points": [[X, Y],
  ...] image pixels along the stroke (floats), "radius": image pixels, "erase": bool};
- ``polygon``: the selected object's outline edited (a vertex dragged, inserted or
  deleted), ``EventData._data`` = {"rings": [[[X, Y], ...], ...]} image pixels, outer
  boundaries and holes, filled even-odd (``edits.fill``);
- ``outline``: the polygon tool is on and the value has no outline: the mode answers
  with one (an outline costs as much as the decoder: it is made only when asked for);
- ``region``: a region of interest dragged with the Region tool, ``EventData._data`` =
  {"box": [X1, Y1, X2, Y2]} image pixels, X2 and Y2 excluded, or {"box": None} (a click
  with the tool: the whole image again).

The value (``canvas_value`` makes it) says what to draw::

    {"image": FileData | None, "width": W, "height": H,        # the picture and its size in image pixels
     "mask_width": w, "mask_height": h,                        # the masks' size (at most the image's)
     "objects": [{"runs": text, "color": [R, G, B], "selected": bool}],  # runs at the masks' size
     "preview": {"runs": text, "at": [X, Y]} | None,           # the mask a click at (X, Y) would make
     "points": [[X, Y, label], ...], "boxes": [[X1, Y1, X2, Y2, R, G, B], ...],
     "corner": [X, Y] | None, "region": [X1, Y1, X2, Y2] | None,
     "polygon": [[[X, Y], ...], ...] | None,                   # the selected object's outline
     "message": str}
"""

from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np
from gradio.components.base import Component
from gradio.data_classes import FileData, GradioModel
from gradio.events import EventListener, Events
from gradio_client.utils import get_mimetype

TEMPLATES = Path(__file__).parent / "templates"
TOOLS = ("click", "brush", "eraser", "polygon", "pan", "region")  # as frontend/canvas.ts names them
FRONTEND = Path(__file__).parent / "frontend"


def to_runs(mask: np.ndarray) -> str:
    """HxW bool -> its row runs as text: the lengths of alternating runs of 0 and 1 in
    row-major order, 0s first (the first may be 0), in COCO's compressed RLE string (what
    pycocotools writes for a column-major mask: here the transposed one's). Text, not a
    list of numbers: a noisy mask has 10^5 runs, and the page copies a list item by item."""
    from pycocotools import mask as mask_utils

    return mask_utils.encode(np.asfortranarray(mask.T.astype(np.uint8)))["counts"].decode()


def from_runs(runs: str, size: Tuple[int, int]) -> np.ndarray:
    """Inverse of ``to_runs``: row runs as text -> (H, W) bool."""
    from pycocotools import mask as mask_utils

    height, width = size
    return mask_utils.decode({"size": [width, height], "counts": runs.encode()}).T.astype(bool)


class CanvasData(GradioModel):
    image: Optional[FileData] = None
    width: int = 0
    height: int = 0
    mask_width: int = 0
    mask_height: int = 0
    objects: List[dict] = []
    preview: Optional[dict] = None
    points: List[List[float]] = []
    boxes: List[List[float]] = []
    corner: Optional[List[float]] = None
    region: Optional[List[int]] = None
    polygon: Optional[List[List[List[float]]]] = None
    message: str = ""


class AnnotationCanvas(Component):
    """See the module's text. height: the canvas's height in CSS pixels. shortcuts: the
    mode's keys, [[keys, what they do], ...], listed in the help overlay (``?``) before the
    canvas's own. tools: those of ``TOOLS`` the mode offers (its handlers answer)."""

    EVENTS = [
        Events.select,
        EventListener("hover", doc="The pointer rested on the image: {x, y} in image pixels."),
        EventListener("stroke", doc="A brush or eraser stroke ended: {points, radius, erase} in image pixels."),
        EventListener("polygon", doc="The selected object's outline edited with the polygon tool: {rings: [[[X, Y], "
                      "...], ...]} in image pixels, filled even-odd."),
        EventListener("outline", doc="The polygon tool wants the selected object's outline (a value without one)."),
        EventListener("region", doc="A region of interest drawn: {box: [X1, Y1, X2, Y2]} in image pixels, or "
                      "{box: null} to go back to the whole image."),
    ]
    data_model = CanvasData

    def __init__(self, value: Optional[dict] = None, *, height: int = 500, shortcuts: Sequence = (),
                 tools: Sequence[str] = TOOLS, label: Optional[str] = None, show_label: bool = True,
                 elem_id: Optional[str] = None, elem_classes=None, visible=True, render: bool = True, key=None,
                 **kwargs):
        self.height = height
        self.shortcuts = [list(s) for s in shortcuts]
        self.tools = list(tools)
        super().__init__(value, label=label, show_label=show_label, elem_id=elem_id, elem_classes=elem_classes,
                         visible=visible, render=render, key=key, **kwargs)

    def preprocess(self, payload: Optional[CanvasData]) -> Optional[dict]:
        return None if payload is None else payload.model_dump()

    def postprocess(self, value: Optional[dict]) -> Optional[CanvasData]:
        if value is None:
            return None
        value = dict(value)
        image = value.get("image")
        if isinstance(image, (str, Path)):
            value["image"] = FileData(path=str(image), mime_type=get_mimetype(str(image)))
        return CanvasData(**value)

    def example_payload(self) -> Any:
        return None

    def example_value(self) -> Any:
        return None

    def api_info(self) -> dict:
        return {"type": "object", "description": "the annotation canvas's picture, masks and markers"}
