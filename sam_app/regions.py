"""A region of interest: segment inside a part of a large image at full resolution.

SAM sees a whole image at 1024 px on its longest side, so a small object in a 12 MP photo
is a few dozen pixels to it. With a region the crop is encoded on its own (a new image to
the image store and the embedding cache, cached like any other), the prompts are moved
into the crop, and the masks come back placed in the whole image. What a region gives is
exactly what segmenting the cropped picture gives, at an offset (tests/test_regions.py).

Coordinates are image pixels, (X1, Y1, X2, Y2) with X1, Y1 the first column and row inside
and X2, Y2 the first outside, as a NumPy slice ``pixels[Y1:Y2, X1:X2]``.
"""

from dataclasses import dataclass, replace
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .backends.base import ObjectResult, resize_mask
from .errors import PromptError
from .images import LoadedImage, content_digest
from .prompts import ObjectPrompt, format_numbers

MIN_SIDE = 16  # px: a region narrower than this has nothing for SAM to see


def _listed(values) -> str:
    """Pixel coordinates for a message: ``100, 200``."""
    return format_numbers(values).replace(" ", ", ")


@dataclass(frozen=True)
class Region:
    """(x1, y1, x2, y2) in image pixels, x2 and y2 excluded."""

    x1: int
    y1: int
    x2: int
    y2: int

    @classmethod
    def parse(cls, value, image_size: Tuple[int, int]) -> Optional["Region"]:
        """A region from "X1 Y1 X2 Y2" text or four numbers (None or empty: no region),
        rounded to whole pixels and checked against ``image_size`` (H, W): PromptError
        when it is not four numbers, not inside the image or under ``MIN_SIDE`` a side."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            numbers = [float(v) for v in (value.replace(",", " ").split() if isinstance(value, str) else value)]
        except (TypeError, ValueError):
            raise PromptError(f"region: {value!r} is not four numbers; give X1 Y1 X2 Y2 in pixels, "
                              "such as 100 100 612 612") from None
        if len(numbers) != 4 or not all(np.isfinite(numbers)):
            raise PromptError(f"region: got {len(numbers)} number(s); give four finite ones, X1 Y1 X2 Y2 in pixels")
        x1, y1, x2, y2 = (int(round(v)) for v in numbers)
        height, width = image_size
        if not (0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height):
            raise PromptError(f"region ({_listed(numbers)}) is not inside the {width}x{height} image: "
                              f"give 0 <= X1 < X2 <= {width} and 0 <= Y1 < Y2 <= {height}")
        if min(x2 - x1, y2 - y1) < MIN_SIDE:
            raise PromptError(f"region {x2 - x1}x{y2 - y1} px is too small: at least {MIN_SIDE} px a side")
        return cls(x1, y1, x2, y2)

    @property
    def size(self) -> Tuple[int, int]:
        """(H, W) of the crop."""
        return self.y2 - self.y1, self.x2 - self.x1

    def as_list(self) -> List[int]:
        return [self.x1, self.y1, self.x2, self.y2]

    def crop(self, image: LoadedImage) -> LoadedImage:
        """The region's pixels as an image of their own (a copy: the whole image may leave
        the store while the crop stays)."""
        pixels = np.ascontiguousarray(image.pixels[self.y1:self.y2, self.x1:self.x2])
        return LoadedImage(pixels, content_digest(pixels))

    def into(self, objects: Sequence[ObjectPrompt]) -> List[ObjectPrompt]:
        """Prompts in whole-image pixels -> the same prompts in the crop's pixels;
        PromptError for a point or a box that is not inside the region."""
        moved, offset = [], np.array([self.x1, self.y1], np.float32)
        for obj in objects:
            for x, y in obj.points:
                if not (self.x1 <= x < self.x2 and self.y1 <= y < self.y2):
                    raise PromptError(f"point ({_listed([x, y])}) is outside the region "
                                      f"({_listed(self.as_list())}): prompts go inside it")
            if obj.box is not None and not (self.x1 <= obj.box[0] and self.y1 <= obj.box[1]
                                            and obj.box[2] <= self.x2 and obj.box[3] <= self.y2):
                raise PromptError(f"box ({_listed(obj.box)}) is not inside the region "
                                  f"({_listed(self.as_list())}): prompts go inside it")
            moved.append(replace(obj, points=obj.points - offset,
                                 box=None if obj.box is None else obj.box - np.tile(offset, 2)))
        return moved

    def place(self, result: ObjectResult, prompt: ObjectPrompt, image_size: Tuple[int, int]) -> ObjectResult:
        """One object's result on the crop -> the same masks in the whole image (H, W),
        empty outside the region; ``prompt`` is the object's prompt in whole-image pixels.
        Logits, when asked for, are -inf outside; the low-res logits stay the crop's (fed
        back as a mask input, they refine the object in the same region)."""
        logits = None
        if result.logits is not None:
            logits = np.full((len(result.logits), *image_size), -np.inf, np.float32)
            logits[:, self.y1:self.y2, self.x1:self.x2] = result.logits

        def upscale(candidate: int, size: Tuple[int, int]) -> np.ndarray:
            whole = np.zeros(image_size, bool)
            whole[self.y1:self.y2, self.x1:self.x2] = result.mask(candidate)
            return resize_mask(whole, size)

        placed = ObjectResult(prompt, result.scores, result.low_res_logits, result.best, image_size, upscale=upscale,
                              logits=logits)
        placed.region = self
        return placed
