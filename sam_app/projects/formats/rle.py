"""COCO run-length masks read from untrusted files, checked before any is decoded.

pycocotools' ``rleDecode`` trusts the counts: runs that add up to more than H*W pixels
write past its buffer. Here the counts (compressed strings decoded in Python, as
pycocotools' ``rleFrString`` reads them, or plain lists) are checked to be runs >= 0
that add up to exactly H*W before they become a mask. Masks are column-major (COCO's
order: down the first column, then the next), runs alternate 0, 1, 0, ... starting with
background.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ...errors import SamAppError, shorten

LOW, HIGH = ord("0"), ord("0") + 63  # the alphabet of compressed counts: 6 bits a character from '0'
MOST_CHARACTERS = 7  # 35 bits: enough for any run pycocotools (uint32 counts) can write


def compressed_runs(counts: str) -> np.ndarray:
    """A compressed counts string -> its runs (int64, not yet checked to be >= 0). Each
    number is 5 bits a character, least significant first, 0x20 = more characters follow,
    0x10 in the last = negative; from the third number on, each is a difference from
    the number two before it."""
    if not isinstance(counts, str) or not counts.isascii():
        raise SamAppError("the RLE counts are not ASCII text")
    codes = np.frombuffer(counts.encode("ascii"), np.uint8).astype(np.int64)
    if codes.size == 0:
        raise SamAppError("the RLE counts are empty")
    if codes.min() < LOW or codes.max() > HIGH:
        raise SamAppError("the RLE counts hold characters outside COCO's alphabet ('0' to 'o')")
    codes -= LOW
    ends = np.flatnonzero((codes & 0x20) == 0)
    if ends.size == 0 or ends[-1] != codes.size - 1:
        raise SamAppError("the RLE counts end in the middle of a number")
    starts = np.concatenate([[0], ends[:-1] + 1])
    lengths = ends - starts + 1
    if lengths.max() > MOST_CHARACTERS:
        raise SamAppError(f"the RLE counts hold a number of {int(lengths.max())} characters; at most "
                          f"{MOST_CHARACTERS} are read")
    shift = 5 * (np.arange(codes.size) - np.repeat(starts, lengths))
    values = np.add.reduceat((codes & 0x1F) << shift, starts)
    values -= np.where(codes[ends] & 0x10, np.int64(1) << (5 * lengths), 0)
    runs = values.copy()
    runs[1::2] = np.cumsum(values[1::2])  # x[i] + runs[i - 2] from i = 3 on: a running sum per parity
    runs[2::2] = np.cumsum(values[2::2])
    return runs


def plain_runs(counts: list) -> np.ndarray:
    """Uncompressed counts (a list of whole numbers) -> runs (int64, not yet checked)."""
    if not all(type(v) is int for v in counts):
        raise SamAppError("uncompressed RLE counts must be whole numbers")
    if any(abs(v) >= 2**62 for v in counts):
        raise SamAppError("uncompressed RLE counts hold a number too large for any image")
    return np.asarray(counts, np.int64).reshape(-1)


def rle_mask(segmentation: Any, height: int, width: int) -> np.ndarray:
    """A COCO RLE ``{"size": [H, W], "counts": str | list}`` -> HxW bool mask, for an
    image of ``height`` x ``width``; SamAppError when its size is another, a run is
    negative, or the runs do not add up to H*W."""
    size = segmentation.get("size")
    if not (isinstance(size, list) and len(size) == 2 and all(type(v) is int for v in size)):
        raise SamAppError(f"the RLE size {shorten(size)} is not [height, width]")
    if size != [height, width]:
        raise SamAppError(f"the RLE is {size[1]} x {size[0]} pixels; the image is {width} x {height}")
    counts = segmentation.get("counts")
    if isinstance(counts, str):
        runs = compressed_runs(counts)
    elif isinstance(counts, list):
        runs = plain_runs(counts)
    else:
        raise SamAppError("the RLE counts are neither a compressed string nor a list of runs")
    if runs.size and runs.min() < 0:
        raise SamAppError(f"the RLE holds a negative run ({int(runs.min())})")
    total = int(runs.sum()) if runs.size else 0
    if total != height * width:
        raise SamAppError(f"the RLE runs add up to {total:,} pixels; the image has {height} x {width} = "
                          f"{height * width:,}")
    values = (np.arange(runs.size) % 2).astype(bool)
    return np.repeat(values, runs).reshape(width, height).T
