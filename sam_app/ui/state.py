"""One browser tab's shared state, and what modes share about it: no Gradio import, no
model code. Each mode keeps a state of its own (``prompt_state.PromptState``,
``EverythingState``); the ``Session`` here holds what every mode sees: the image and the
model picked.

Coordinates are (X, Y) image pixels, X right, Y down. Handlers never change a state in
place: they work on ``copy.copy(state)`` and give new lists to changed fields, so the
previous state (and its Undo history) stays intact.
"""

import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Tuple

from ..errors import LimitError, PromptError, shorten
from ..images import ImageRef, fit_scale
from ..limits import LIMITS

DISPLAY_MAX_SIDE = 2048  # on-screen pictures are scaled down to this; clicks are scaled back


@dataclass
class Session:
    """What every mode of one browser tab shares (kept in ``gr.State``, never shared
    between users): image: the tab's image, by reference into the service's image store
    (None: none yet); image_name: its file's name, without folders (the results'
    ``image.file_name``); model: the model picked (None: the server's default); path: the
    file the image came from (an upload or an example; None: not known)."""

    image: Optional[ImageRef] = None
    image_name: str = "image"
    model: Optional[str] = None
    path: Optional[str] = None

    @property
    def stem(self) -> str:
        """The image's name without its suffix: what download file names start with."""
        return Path(self.image_name).stem


def display_scale(image) -> float:
    """Factor from image pixels to on-screen picture pixels (1 for images up to
    DISPLAY_MAX_SIDE): a screen shows no more, and a smaller picture is cheaper to draw,
    encode and send."""
    return fit_scale(image.height, image.width, DISPLAY_MAX_SIDE)


def to_image_pixels(image, index) -> Tuple[float, float]:
    """A click on the annotation canvas, which sends the image pixel under the pointer
    (X, Y), checked against ``image`` (anything with height and width) -> (X, Y) as
    floats. PromptError for click data that is not two numbers inside the picture."""
    if not (isinstance(index, (list, tuple)) and len(index) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in index)):
        raise PromptError(f"a click must be at two numbers (X, Y), got {shorten(index)}")
    x, y = float(index[0]), float(index[1])
    if not (0 <= x < image.width + 1 and 0 <= y < image.height + 1):  # NaN fails too
        raise PromptError(f"the click at ({x:g}, {y:g}) is outside the picture")
    return x, y


def mask_size(image) -> Tuple[int, int]:
    """(h, w): the size masks are sent to the canvas at, ``image``'s (anything with height
    and width) at display size."""
    scale = display_scale(image)
    return max(1, round(image.height * scale)), max(1, round(image.width * scale))


@dataclass(frozen=True, eq=False)
class Everything:
    """Automatic masks of the tab's image. records: upstream's records (COCO RLE
    segmentations), best first; model and settings that made them. (The picture with
    every mask drawn is made from them when shown, and kept a while apart from the
    state: see ``EverythingMode.drawn``.)"""

    records: list
    model: str
    settings: dict

    @property
    def nbytes(self) -> int:
        return sum(len(r["segmentation"]["counts"]) + 200 for r in self.records)


@dataclass
class EverythingState:
    """The Everything mode's own state: its masks (None: none yet), the indices of the
    records selected, in order, and the record field the table is sorted by ("id": their
    order; else largest first)."""

    everything: Optional[Everything] = None
    selected: Tuple[int, ...] = ()
    sort: str = "id"

    def toggle(self, index: int) -> None:
        """Select a mask, or unselect it."""
        self.selected = tuple(i for i in self.selected if i != index) if index in self.selected \
            else tuple(sorted(self.selected + (index,)))


class Holdings:
    """What every browser tab holds (results, automatic masks), counted in bytes against
    ``limit`` bytes for the whole process. A mode registers what its state takes
    (``take``); it counts while any state still refers to it (a weak set: a tab whose
    state expired or was replaced stops counting at once). ``check()`` refuses new work
    with a clear message while the total is over the limit."""

    def __init__(self, limit: float):
        self.limit = limit
        self._held: "weakref.WeakSet" = weakref.WeakSet()
        self._lock = threading.Lock()

    def total(self) -> int:
        with self._lock:
            return sum(item.nbytes for item in list(self._held))

    def count(self) -> int:
        with self._lock:
            return len(self._held)

    def check(self) -> None:
        """LimitError when the tabs already hold more than the limit."""
        total = self.total()
        if self.limit and total > self.limit:
            raise LimitError(f"the server is full: open browser tabs hold {total / 2**20:.0f} MB of results, over its "
                             f"{self.limit / 2**20:.0f} MB; try again in a few minutes (a tab's work is let go "
                             f"{LIMITS.session_ttl / 60:.0f} minutes after its last change, at once when it closes; "
                             f"{LIMITS.raise_hint('sessions_mb')})")

    def take(self, item) -> None:
        """Count ``item`` (anything with ``nbytes`` that a weak reference can point at)."""
        with self._lock:
            self._held.add(item)
