"""Label Studio's BrushLabels RLE, as ``label_studio_sdk.converter.brush.mask2rle`` writes
it for a 0 / 255 mask: the mask's RGBA bytes (each pixel's value four times, row after
row) as runs of equal bytes, bit-packed most significant bit first.

Header: 32 bits the byte count (H*W*4), 5 bits the word size less one (7), four 4-bit run
size classes less one (3, 4, 8, 16 bits -> 2, 3, 7, 15). Each run: a single byte is
``0 00 000`` and its 8 bits; a series of L bytes is ``1``, its class (2 bits) and L - 1 in
the class's width (3, 4, 8 or 16 bits), then the byte; runs longer than 65,536 are cut
into series of 65,536. The bits are padded with zeros to whole bytes (a whole zero byte
when they fill the last one exactly, as the SDK does).
"""

from __future__ import annotations

from typing import List

import numpy as np

HEADER_SIZES = (3, 4, 8, 16)
LONGEST = 2 ** 16


def _run(length: int, value: int) -> str:
    byte = f"{value:08b}"
    if length == 1:
        return "000000" + byte
    if length <= 8:
        return f"100{length - 1:03b}" + byte
    if length <= 16:
        return f"101{length - 1:04b}" + byte
    if length <= 256:
        return f"110{length - 1:08b}" + byte
    whole, rest = divmod(length, LONGEST)
    if rest == 0:  # the SDK cuts 65,536 at a time while more than 65,536 remain
        whole, rest = whole - 1, LONGEST
    return f"111{LONGEST - 1:016b}{byte}" * whole + f"111{rest - 1:016b}" + byte


def brush_rle(mask: np.ndarray) -> List[int]:
    """HxW bool (or 0 / 1) -> Label Studio's ``rle`` list of byte values."""
    flat = np.repeat(np.asarray(mask, bool).ravel().astype(np.uint8) * 255, 4)
    ends = np.append(np.flatnonzero(flat[1:] != flat[:-1]), flat.size - 1)
    lengths = np.diff(np.append(-1, ends))
    header = f"{flat.size:032b}{7:05b}" + "".join(f"{size - 1:04b}" for size in HEADER_SIZES)
    bits = header + "".join(_run(int(n), int(v)) for n, v in zip(lengths, flat[ends]))
    bits += "0" * (8 - len(bits) % 8)
    return np.packbits(np.frombuffer(bits.encode("ascii"), np.uint8) - ord("0")).tolist()
