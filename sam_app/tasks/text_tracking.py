"""Every object a phrase names, found and tracked through a video ("track every car"):
SAM 3's ``Sam3VideoModel`` with its ``Sam3VideoProcessor``, run by transformers' own loop
(``add_text_prompt``, ``propagate_in_video_iterator``, ``postprocess_outputs``) with the
frames read from a ``video.Video`` when the model asks (``tracking.lazy_session``).

    tracker = TextTracker(model, processor, video)
    for frame, masks in tracker.track(["car", "person"]):
        ...                                   # masks: {object id: HxW bool}
    tracker.tracks[3].label                   # "car": the phrase that found object 3

The masks are kept like ``tracking.Tracker``'s (COCO RLE per frame and object), so the
exports (``track_export``) and projects (``projects.tracks``) take either. The model
finds objects on every frame and its own state grows with the video (transformers
keeps it; pruning it is not done here). docs/performance.md says what it costs.
"""

from __future__ import annotations

from typing import Callable, Dict, Iterator, List, Sequence, Tuple

import numpy as np

from ..errors import PromptError
from ..export import encode_rle
from .tracking import KeptMasks, Track, lazy_session, preprocess


class TextTracker(KeptMasks):
    """model, processor: ``Sam3VideoModel`` and ``Sam3VideoProcessor``; video: a
    ``video.Video``; device: a torch device; model_name: for results."""

    def __init__(self, model, processor, video, device: str = "cpu", model_name: str = ""):
        import torch

        self.model, self.processor, self.video, self.model_name = model, processor, video, model_name
        self.tracks: Dict[int, Track] = {}
        self.masks: Dict[int, Dict[int, dict]] = {}
        self.prompts: Dict[Tuple[int, int], object] = {}  # none: every object comes from a phrase
        session = processor.init_video_session(inference_device=device, dtype=torch.float32)
        self.session = lazy_session(session, video, lambda frame: preprocess(processor, video, frame))

    def track(self, phrases: Sequence[str], cancelled: Callable[[], bool] = lambda: False
              ) -> Iterator[Tuple[int, Dict[int, np.ndarray]]]:
        """Find what ``phrases`` name and track it from frame 0 to the end, yielding (frame,
        masks by object id) as frames are done (the model holds the first few back while
        it confirms new objects). ``cancelled()`` is asked between frames."""
        import torch

        phrases = [p.strip() for p in phrases if p and p.strip()]
        if not phrases:
            raise PromptError("no phrase to track: give one or more, such as \"car, person\"")
        self.processor.add_text_prompt(self.session, phrases)
        with torch.inference_mode():
            for output in self.model.propagate_in_video_iterator(self.session, start_frame_idx=0):
                yield int(output.frame_idx), self._keep(output)
                if cancelled():
                    return

    def _keep(self, output) -> Dict[int, np.ndarray]:
        found = self.processor.postprocess_outputs(self.session, output)
        named = {obj + 1: phrase for phrase, ids in found["prompt_to_obj_ids"].items() for obj in ids}
        masks = found["masks"].numpy().astype(bool)
        kept = self.masks.setdefault(int(output.frame_idx), {})
        result = {}
        for obj, mask in zip(found["object_ids"].tolist(), masks):
            obj += 1  # SAM 3 counts from 0; ours from 1 (0 is the background of the PNG masks)
            self.tracks.setdefault(obj, Track(label=named.get(obj, "")))
            kept[obj] = encode_rle(mask)
            result[obj] = mask
        return result


def parse_phrases(text: str) -> List[str]:
    """"car, red bus" -> ["car", "red bus"]."""
    return [p.strip() for p in str(text).split(",") if p.strip()]
