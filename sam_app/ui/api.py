"""API endpoints (``gr.api``): what a script does over HTTP with ``gradio_client``."""

import re
from pathlib import Path
from typing import Optional

import gradio as gr
from gradio import FileData

from .. import render, results
from ..errors import SamAppError, shorten
from ..files import number, parse_json
from ..images import LoadedImage
from ..limits import LIMITS
from .common import Shared


class Api:
    def __init__(self, shared: Shared):
        self.shared = shared

    def wire(self, model_work: dict) -> None:
        gr.api(self.segment, api_name="segment", **model_work)
        gr.api(self.everything, api_name="everything", **model_work)
        gr.api(self.track, api_name="track", concurrency_limit=1, concurrency_id="video")  # as the Video tab's

    def segment(
        self, image: Optional[FileData] = None, points: str = "", labels: str = "", boxes: str = "",
        multimask: bool = False, overlay: bool = True, image_id: str = "", model: str = "", text: str = "",
        text_threshold: float = 0.3,
    ) -> tuple[dict, Optional[FileData]]:
        """Segment an image with prompt text in the web UI's syntax.

        image: the image file; or leave it out and pass image_id, the ``image.image_id``
        of an earlier result, to prompt the same image again without sending it. points:
        "X Y X Y ..." in pixels. labels: "1 0 ..." (1 foreground, 0 background; empty =
        all foreground). boxes: "X1 Y1 X2 Y2 ...", one object per box, taking the points
        inside it. multimask: three candidates per object. overlay: also draw the best
        masks on the image. model: a model name of ``python -m sam_app list`` (vit_b,
        sam2.1_hiera_t, ...); empty = the server's default. text: phrases to find ("dog,
        red car"): one object per instance a detector finds, scoring at least
        text_threshold (0-1), narrowed by the points and boxes; each object then carries
        its ``phrase`` and ``detection_score``.
        Returns the result in the app's JSON schema (README, "Result files"; every
        candidate's mask as COCO RLE) and an overlay JPEG (a picture for people; the masks
        are in the JSON), or None without overlay.
        """
        try:
            _check_types(str, points=points, labels=labels, boxes=boxes, image_id=image_id, model=model, text=text)
            _check_types(bool, multimask=multimask, overlay=overlay)
            return self._segment(image, points, labels, boxes, multimask, overlay, image_id, model, text,
                                 number(text_threshold, "text_threshold"))
        except SamAppError as exc:
            raise gr.Error(self.shared.public(str(exc)), print_exception=False) from None

    def _segment(self, image, points, labels, boxes, multimask, overlay, image_id, model, text, text_threshold):
        service = self.shared.service
        loaded = self._image(image, image_id)
        found = None
        if text:
            result = found = self._text(loaded, points, labels, boxes, multimask, model, text, text_threshold)
        else:
            result = service.segment_text(loaded, points, labels, boxes, multimask, model=model or None,
                                          budget_s=LIMITS.request_seconds)
        data = results.result_record(result, results.image_record(loaded, None, service.image_id(loaded)))
        if found is not None:
            results.add_text(data, found.phrases, found.detector, found.notes)
        if not overlay:
            return data, None
        screen = self.shared.outputs.screen_picture(loaded)[0]  # a picture for people: at most screen size
        picture = render.overlay_masks(screen, (o.mask_at(o.best, screen.shape[:2]) for o in result.objects),
                                       [float(o.scores[o.best]) for o in result.objects])
        return data, FileData(path=self.shared.outputs.jpeg_file(picture), mime_type="image/jpeg")

    def everything(self, image: Optional[FileData] = None, image_id: str = "", settings: Optional[dict] = None,
                   overlay: bool = True, model: str = "") -> tuple[dict, Optional[FileData]]:
        """Automatic masks ("segment everything") for an image.

        image / image_id: as for /segment. settings: any of the generator's settings by
        upstream's names (points_per_side, pred_iou_thresh, stability_score_thresh,
        box_nms_thresh, crop_n_layers, min_mask_region_area, ...; ours: mask_nms_thresh,
        max_area_fraction; "preset": "fast"), the rest at upstream's defaults.
        overlay: also return a picture with every mask drawn. model: as for /segment.
        Returns {"schema_version", "model", "image", "settings", "masks": upstream's
        records with COCO RLE segmentations} and the overlay JPEG (or None).
        """
        try:
            _check_types(str, image_id=image_id, model=model)
            _check_types(bool, overlay=overlay)
            if settings is not None and not isinstance(settings, dict):
                raise SamAppError(f"settings must be a JSON object of generator settings, got {shorten(settings)}")
            return self._everything(image, image_id, settings or {}, overlay, model)
        except SamAppError as exc:
            raise gr.Error(self.shared.public(str(exc)), print_exception=False) from None

    def _everything(self, image, image_id: str, settings: dict, overlay: bool, model: str):
        from ..tasks.everything import SETTING_NAMES, EverythingSettings, MaskGenerator

        service = self.shared.service
        options = dict(settings)
        preset = options.pop("preset", "default")
        unknown = sorted(set(options) - set(SETTING_NAMES) - {"output_mode"})
        if unknown:
            raise SamAppError(f"unknown setting(s) {shorten(', '.join(unknown), quote=False)}; expected some of "
                              f"{', '.join(SETTING_NAMES)}, or preset")
        options["output_mode"] = "coco_rle"
        chosen = EverythingSettings.preset(preset, **options)
        loaded = self._image(image, image_id)
        model = service.resolve_model_name(model or None)
        records = MaskGenerator(service, model, chosen).generate(loaded, budget_s=LIMITS.everything_seconds)
        data = results.everything_record(records, results.image_record(loaded, None, service.image_id(loaded)), model,
                                        chosen.as_dict())
        if not overlay:
            return data, None
        picture, _ = render.draw_records(self.shared.outputs.screen_picture(loaded)[0], records)
        return data, FileData(path=self.shared.outputs.jpeg_file(picture), mime_type="image/jpeg")

    def track(self, video: Optional[FileData] = None, prompts: str = "", direction: str = "both",
              start_frame: int = -1, end_frame: int = -1, model: str = "") -> dict:
        """Track objects through a video.

        video: the video file (MP4, WebM, MOV, AVI, GIF), uploaded with the request.
        prompts: JSON text, a list of {"frame": 0, "object": 1, "points": [[x, y], ...],
        "labels": [1, 0], "box": [x1, y1, x2, y2], "label": "car"} (points and/or box, in
        frame pixels; labels 1 foreground, 0 background; label: the object's class).
        direction: forward | backward | both, from start_frame (-1: the earliest prompted
        frame) to end_frame (-1: the video's end in that direction). model: a model that
        tracks (``python -m sam_app list``: sam2.1_hiera_*, edgetam, sam3); empty = the first
        present. Returns the tracks, YouTube-VIS style: {"videos", "categories",
        "annotations": per track its category and per frame COCO RLE or null}.
        """
        from ..tasks.track_export import ytvis_record
        from ..tasks.tracking import parse_prompts
        from ..video import open_video

        try:
            _check_types(str, prompts=prompts, direction=direction, model=model)
            start = int(number(start_frame, "start_frame", integer=True))
            end = int(number(end_frame, "end_frame", integer=True))
            parsed = parse_prompts(parse_json(prompts, "prompts"))
            path = _uploaded(video, "video")
            videos = self.shared.service.videos
            tracker = self.shared.service.tracker(open_video(path), model or None)
            token = videos.open(tracker)  # counted against --max-video-sessions while it runs
            try:
                for prompt in parsed:
                    tracker.add(prompt)
                for _ in tracker.propagate(None if start < 0 else start, direction, None if end < 0 else end):
                    pass
                return ytvis_record(tracker)
            finally:
                videos.close(token)
        except SamAppError as exc:
            raise gr.Error(self.shared.public(str(exc)), print_exception=False) from None

    def _text(self, loaded, points, labels, boxes, multimask, model, text, threshold):
        """A text prompt (``tasks.text``) with the prompt fields' points and boxes narrowing it."""
        from ..prompts import parse_boxes, parse_labels, parse_points
        from ..tasks.text import segment_phrases

        xy = parse_points(points)
        return segment_phrases(self.shared.service, loaded, text, threshold, LIMITS.max_objects, model=model or None,
                               points=xy, labels=parse_labels(labels, len(xy)), boxes=parse_boxes(boxes),
                               multimask=multimask, budget_s=LIMITS.request_seconds)

    def _image(self, image, image_id: str) -> LoadedImage:
        service = self.shared.service
        if image is None or image == "":
            if not image_id:
                raise SamAppError("no image: send an image file, or the image_id of an earlier result")
            return service.image_by_id(image_id)
        path = _uploaded(image, "image")
        return service.load_image(path, upload_content_key(path))


def _uploaded(data, what: str) -> str:
    """The path of a file uploaded with this request; only those: a client must not make
    us read others."""
    path = data.get("path") if isinstance(data, dict) else getattr(data, "path", data)
    if not isinstance(path, str) or not is_uploaded(path):
        raise SamAppError(f"the {what} must be uploaded with the request: pass handle_file(path) from gradio_client")
    return path



def _check_types(kind: type, **values) -> None:
    """SamAppError naming the first argument of ``values`` that is not a ``kind``."""
    for name, value in values.items():
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise SamAppError(f"{name} must be {'text' if kind is str else 'true or false'}, got {shorten(value)}")


def upload_content_key(path: str) -> Optional[str]:
    """Gradio stores an upload in a folder named by the sha256 of its bytes (and writes it
    anew with each upload), so that name identifies the content where the file's
    modification time cannot."""
    folder = Path(path).parent.name
    return f"sha256:{folder}" if re.fullmatch(r"[0-9a-f]{64}", folder) else None


def is_uploaded(path: str) -> bool:
    """True if ``path`` lies in Gradio's upload folder (where uploads land)."""
    folder = Path(gr.utils.get_upload_folder()).resolve()
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False
