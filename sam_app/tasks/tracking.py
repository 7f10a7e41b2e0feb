"""Objects tracked through a video by a transformers video model (SAM 2.1's
``Sam2VideoModel``, ``EdgeTamVideoModel``, SAM 3's ``Sam3TrackerVideoModel``; the models
that declare ``video``), driven as
transformers' own loop drives it (``add_inputs_to_inference_session``, the model on the
prompted frame, then frame by frame as ``propagate_in_video_iterator``), with two
differences that keep memory flat however long the video:

- frames are read from a ``video.Video`` and pre-processed when the model asks for one
  (transformers' session holds the whole video as float tensors, 12 MB a frame);
- per-frame state that memory attention no longer reads is dropped: the full-size
  ``high_res_masks`` once the memory is encoded, the low-res masks of tracked frames, and
  every tracked frame's memory further than ``window`` frames from the frame being
  tracked, from every prompted frame and from every frame propagation started at
  (memory attention reads the conditioning frames, the last 6 frames and the object
  pointers of the last 16: ``window`` is 16 for the released models). ``window=None``
  keeps all of it, as transformers does (but not the frames).

    tracker = Tracker(model, processor, video)
    tracker.add(TrackPrompt(frame=0, obj=1, points=[(120, 80)], labels=[1]))  # {1: HxW bool}
    for frame, masks in tracker.propagate(direction="both"):
        ...                                          # masks: {object id: HxW bool}
    tracker.masks_at(57)                             # what is kept, decoded

Masks are kept as COCO RLE per frame and object. A prompt on a frame already tracked is
a correction; propagate again from it. A correction more than ``window`` frames behind
the last tracked frame reads less memory than transformers' loop would keep (see
docs/video.md).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import PromptError, SamAppError
from ..export import encode_rle

DIRECTIONS = ("forward", "backward", "both")
MAX_OBJECT_ID = 255  # the indexed PNG masks' largest value


@dataclass(frozen=True)
class TrackPrompt:
    """Prompts for one object on one frame. points: (x, y) pixels of the frame; labels:
    1 foreground, 0 background, one per point; box: (x1, y1, x2, y2) pixels or None.
    Points and a box together make one prompt (the box's corners first, as SAM 2 does).
    label: the object's class name ("" keeps what it has)."""

    frame: int
    obj: int
    points: Tuple[Tuple[float, float], ...] = ()
    labels: Tuple[int, ...] = ()
    box: Optional[Tuple[float, float, float, float]] = None
    label: str = ""

    def check(self, count: int, height: int, width: int) -> "TrackPrompt":
        """This prompt, or a PromptError saying what does not fit a video of ``count``
        frames of ``width`` x ``height``."""
        where = f"the prompt for object {self.obj} on frame {self.frame}"
        if not 0 <= self.frame < count:
            raise PromptError(f"{where}: frame {self.frame} is outside the video, whose frames are 0 to {count - 1}")
        if not 1 <= self.obj <= MAX_OBJECT_ID:
            raise PromptError(f"{where}: object ids are whole numbers from 1 to {MAX_OBJECT_ID}")
        if not self.points and self.box is None:
            raise PromptError(f"{where} has neither points nor a box; give points with labels, a box, or both")
        if len(self.points) != len(self.labels):
            raise PromptError(f"{where} has {len(self.points)} points and {len(self.labels)} labels; give one label "
                              "(1 foreground, 0 background) per point")
        if any(label not in (0, 1) for label in self.labels):
            raise PromptError(f"{where}: labels are 1 (foreground) or 0 (background)")
        for x, y in self.points:
            if not (0 <= x < width and 0 <= y < height):
                raise PromptError(f"{where}: point ({x:g}, {y:g}) is outside the {width}x{height} frame")
        if self.box is not None:
            x1, y1, x2, y2 = self.box
            if not (0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height):
                raise PromptError(f"{where}: box {list(self.box)} is not x1 < x2, y1 < y2 inside the "
                                  f"{width}x{height} frame")
        return self


def _lazy(session_class):
    """A subclass of a transformers inference session whose frames come from a
    ``Video`` when the model asks (``get_frame``) and whose ``num_frames`` is the
    video's, with no frame tensors held."""

    class LazyFrames(session_class):
        source: Callable = None
        frame_count: int = 0

        @property
        def num_frames(self):
            return self.frame_count

        def get_frame(self, frame_idx: int):
            return self.source(frame_idx).to(self.inference_device)

    LazyFrames.__name__ = f"Lazy{session_class.__name__}"
    return LazyFrames


def lazy_session(session, video, pixels):
    """Make a transformers inference session (created without a video) read ``video``'s
    frames through ``pixels(frame)`` when the model asks for them."""
    session.__class__ = _lazy(type(session))
    session.source = pixels
    session.frame_count = video.count
    session.video_height, session.video_width = video.height, video.width
    return session


def preprocess(processor, video, frame: int):
    """Frame ``frame`` pre-processed as transformers' video processor does: 3 x S x S (S: its
    size, 1024 for the released SAM 2 models)."""
    pixels = video.frame(frame)[None].copy()  # a video of one frame (writable, as torch wants)
    return processor.video_processor(videos=pixels, return_tensors="pt").pixel_values_videos[0][0]


class KeptMasks:
    """What a tracker keeps: ``masks`` (frame -> object id -> COCO RLE) and ``tracks``
    (object id -> Track), read back here; ``video``, ``session`` (the transformers
    inference session) and ``model_name`` beside them."""

    masks: Dict[int, Dict[int, dict]]

    def masks_at(self, frame: int) -> Dict[int, np.ndarray]:
        """The kept masks of frame ``frame``, by object id (HxW bool; frames not tracked: {})."""
        from pycocotools import mask as mask_utils

        return {obj: mask_utils.decode(rle).astype(bool) for obj, rle in self.masks.get(frame, {}).items()}

    def tracked_frames(self) -> List[int]:
        return sorted(f for f, by_object in self.masks.items() if by_object)

    def close(self) -> None:
        """Let the model state (``session``) and the video go (a ``service.Sessions`` calls it)."""
        self.session.reset_inference_session()
        self.video.close()


@dataclass
class Track:
    """One object. label: its class name (or ""); end: the first frame it is no longer
    in (None: not ended)."""

    label: str = ""
    end: Optional[int] = None


@dataclass
class Tracker(KeptMasks):
    """model, processor: a transformers video model and its processor; video: a
    ``video.Video``; window: frames of tracking memory kept around the frame being
    tracked and each prompted frame (-1: as far as the model reads, its object pointers'
    reach; None: all); device: a torch device; model_name: for results."""

    model: object
    processor: object
    video: object
    window: Optional[int] = -1
    device: str = "cpu"
    model_name: str = ""
    tracks: Dict[int, Track] = field(default_factory=dict)
    masks: Dict[int, Dict[int, dict]] = field(default_factory=dict)  # frame -> object id -> COCO RLE
    prompts: Dict[Tuple[int, int], TrackPrompt] = field(default_factory=dict)  # (object, frame) -> prompt
    starts: set = field(default_factory=set)  # frames propagation started from

    def __post_init__(self):
        import torch

        self._busy = threading.Lock()  # one change at a time: a propagation holds it to its end

        session = self.processor.init_video_session(inference_device=self.device, dtype=torch.float32)
        self.session = lazy_session(session, self.video, lambda frame: preprocess(self.processor, self.video, frame))
        if self.window == -1:
            config = self.model.config
            self.window = max(config.num_maskmem, config.max_object_pointers_in_encoder)

    # ------------------------------------------------------------------ prompts
    def add(self, prompt: TrackPrompt) -> Dict[int, np.ndarray]:
        """Add (or replace) ``prompt``'s object's prompts on its frame and segment that
        frame: every object's HxW bool mask there. A new object id starts a track."""
        video = self.video
        prompt = prompt.check(video.count, video.height, video.width)
        with self._changing():
            return self._add(prompt)

    @contextlib.contextmanager
    def _changing(self):
        """Hold the tracker for one change; a SamAppError while a propagation runs."""
        if not self._busy.acquire(blocking=False):
            raise SamAppError("tracking is running: wait for it to end, or Cancel it")
        try:
            yield
        finally:
            self._busy.release()

    def _add(self, prompt: TrackPrompt) -> Dict[int, np.ndarray]:
        import torch

        track = self.tracks.setdefault(prompt.obj, Track())
        if prompt.label:
            track.label = prompt.label
        if track.end is not None and prompt.frame >= track.end:
            track.end = None  # prompted again after its end: it is back
        points = [[[list(map(float, p)) for p in prompt.points]]] if prompt.points else None
        labels = [[list(map(int, prompt.labels))]] if prompt.points else None
        boxes = [[list(map(float, prompt.box))]] if prompt.box is not None else None
        self.processor.add_inputs_to_inference_session(self.session, frame_idx=prompt.frame, obj_ids=prompt.obj,
                                                       input_points=points, input_labels=labels, input_boxes=boxes)
        self.prompts[(prompt.obj, prompt.frame)] = prompt
        with torch.inference_mode():
            output = self.model(inference_session=self.session, frame_idx=prompt.frame)
        return self._keep(output)

    def _keep(self, output) -> Dict[int, np.ndarray]:
        """Store one model output's masks as RLE (objects past their end left out) and
        drop the state no longer read; the masks, by object id."""
        frame = int(output.frame_idx)
        size = [[self.video.height, self.video.width]]
        full = self.processor.post_process_masks([output.pred_masks], original_sizes=size)[0].numpy()
        kept = self.masks.setdefault(frame, {})
        found = {}
        for obj, mask in zip(output.object_ids, full[:, 0]):
            track = self.tracks.get(obj)
            if track is None or (track.end is not None and frame >= track.end):
                kept.pop(obj, None)
                continue
            kept[obj] = encode_rle(mask)
            found[obj] = mask
        self._prune(frame)
        return found

    def _prune(self, frame: int) -> None:
        if self.window is None:
            return  # everything kept, as transformers keeps it
        session = self.session
        anchors = {frame, *self.starts, *(f for _, f in self.prompts)}  # where passes start, any object's
        for outputs in session.output_dict_per_obj.values():
            for out in outputs["cond_frame_outputs"].values():
                out.pop("high_res_masks", None)
            tracked = outputs["non_cond_frame_outputs"]
            for out in tracked.values():
                out.pop("high_res_masks", None)
                out.pop("pred_masks", None)
            for old in [f for f in tracked if min(abs(f - a) for a in anchors) > self.window]:
                del tracked[old]

    # -------------------------------------------------------------- propagation
    def plan(self, start: Optional[int] = None, direction: str = "forward",
             end: Optional[int] = None) -> List[range]:
        """The frames ``propagate`` visits, in order, one range per direction: from
        ``start`` (default: the earliest prompted frame) to ``end`` (inclusive; default:
        the video's last frame going forward, frame 0 going backward; with ``both``,
        forward to ``end`` then backward to 0). Backward from frame 0 is nothing, as in
        transformers' loop."""
        if direction not in DIRECTIONS:
            raise SamAppError(f"direction {direction!r} is not one of {', '.join(DIRECTIONS)}")
        if not self.prompts:
            raise PromptError("nothing to track yet: prompt an object on a frame first (points or a box)")
        start = min(f for _, f in self.prompts) if start is None else int(start)
        last = self.video.count - 1
        if not 0 <= start <= last:
            raise PromptError(f"start frame {start} is outside the video, whose frames are 0 to {last}")
        if end is not None and not 0 <= end <= last:
            raise PromptError(f"end frame {end} is outside the video, whose frames are 0 to {last}")
        forward = range(start, (last if end is None or end < start else end) + 1)
        backward = range(start, (0 if end is None or end > start or direction == "both" else end) - 1, -1)
        return {"forward": [forward], "backward": [backward if start else range(0)],
                "both": [forward, backward if start else range(0)]}[direction]

    def propagate(self, start: Optional[int] = None, direction: str = "forward", end: Optional[int] = None,
                  cancelled: Callable[[], bool] = lambda: False) -> Iterator[Tuple[int, Dict[int, np.ndarray]]]:
        """Track every object over ``plan(start, direction, end)``, yielding (frame, masks
        by object id) as each frame is done. ``cancelled()`` is asked between frames; the
        frames done are kept, and so are they when the iteration is closed early (a Cancel).
        Prompts, ends and deletions are refused while it runs."""
        plan = self.plan(start, direction, end)
        with self._changing():
            for frames in plan:
                self.starts.add(frames.start)
                yield from self._run(frames, frames.step < 0, cancelled)
                if cancelled():
                    return

    def _run(self, frames: range, reverse: bool, cancelled) -> Iterator[Tuple[int, Dict[int, np.ndarray]]]:
        import torch

        for frame in frames:
            if cancelled():
                return
            with torch.inference_mode():
                output = self.model(inference_session=self.session, frame_idx=frame, reverse=reverse)
            yield frame, self._keep(output)

    # ------------------------------------------------------------------ tracks
    def end_track(self, obj: int, frame: int) -> None:
        """Object ``obj`` is gone from ``frame`` on: its masks there and after are dropped
        and later tracking leaves them out (a prompt after ``frame`` brings it back)."""
        with self._changing():
            self._track(obj).end = int(frame)
            for found, by_object in self.masks.items():
                if found >= frame:
                    by_object.pop(obj, None)

    def delete(self, obj: int) -> None:
        """Remove object ``obj``: its masks, prompts and the model's state for it."""
        with self._changing():
            self._track(obj)
            del self.tracks[obj]
            for by_object in self.masks.values():
                by_object.pop(obj, None)
            self.prompts = {key: p for key, p in self.prompts.items() if key[0] != obj}
            _forget_object(self.session, obj)

    def _track(self, obj: int) -> Track:
        if obj not in self.tracks:
            raise PromptError(f"there is no object {obj}; objects: {', '.join(map(str, self.tracks)) or 'none yet'}")
        return self.tracks[obj]

    # ------------------------------------------------------------------ results


def _forget_object(session, obj: int) -> None:
    """Take object id ``obj`` out of a transformers inference session, whose per-object
    state is indexed by position (it has no remove)."""
    ids = [o for o in session.obj_ids if o != obj]
    if len(ids) == len(session.obj_ids):
        return
    old = session._obj_id_to_idx
    for name in ("point_inputs_per_obj", "mask_inputs_per_obj", "output_dict_per_obj", "frames_tracked_per_obj"):
        table = getattr(session, name)
        setattr(session, name, {new: table[old[o]] for new, o in enumerate(ids)})
    session._obj_id_to_idx.clear()
    session._obj_idx_to_id.clear()
    for index, o in enumerate(ids):
        session._obj_id_to_idx[o] = index
        session._obj_idx_to_id[index] = o
    session.obj_ids = ids
    session.obj_with_new_inputs = [o for o in session.obj_with_new_inputs if o != obj]


def parse_prompts(data: Sequence) -> List[TrackPrompt]:
    """``[{"frame": 0, "object": 1, "points": [[x, y], ...], "labels": [1, 0],
    "box": [x1, y1, x2, y2]}, ...]`` (points and/or box) -> TrackPrompts, or a
    PromptError naming the entry and what is wrong."""
    from ..files import check_label, number

    if not isinstance(data, list) or not data:
        raise PromptError("track prompts are a non-empty JSON list of {\"frame\": 0, \"object\": 1, "
                          "\"points\": [[x, y]], \"labels\": [1], \"box\": [x1, y1, x2, y2]}")
    found = []
    for i, entry in enumerate(data):
        where = f"prompt {i + 1}"
        if not isinstance(entry, dict):
            raise PromptError(f"{where} is not an object like {{\"frame\": 0, \"object\": 1, \"points\": [[x, y]]}}")
        unknown = set(entry) - {"frame", "object", "points", "labels", "box", "label"}
        if unknown:
            raise PromptError(f"{where} has unknown keys {sorted(unknown)}; expected frame, object, points, labels, "
                              "box, label")
        points = entry.get("points") or []
        if not isinstance(points, list) or any(not isinstance(p, list) or len(p) != 2 for p in points):
            raise PromptError(f"{where}: points are a list of [x, y] pairs")
        box = entry.get("box")
        if box is not None and (not isinstance(box, list) or len(box) != 4):
            raise PromptError(f"{where}: box is [x1, y1, x2, y2]")
        labels = entry.get("labels", [1] * len(points))
        if not isinstance(labels, list):
            raise PromptError(f"{where}: labels are a list of 1 (foreground) and 0 (background)")
        found.append(TrackPrompt(
            frame=int(number(entry.get("frame", 0), f"{where}'s frame", integer=True)),
            obj=int(number(entry.get("object", 1), f"{where}'s object", integer=True)),
            points=tuple((number(x, f"{where}'s point"), number(y, f"{where}'s point")) for x, y in points),
            labels=tuple(int(number(v, f"{where}'s label", integer=True)) for v in labels),
            box=tuple(number(v, f"{where}'s box") for v in box) if box is not None else None,
            label=check_label(entry["label"], f"{where}'s label") if entry.get("label") else ""))
    return found
