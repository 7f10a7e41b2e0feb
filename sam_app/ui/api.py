"""API endpoints (``gr.api``): what a script does over HTTP with ``gradio_client`` (the
same work as agents' tools, ``api_tools``). Every event of the page is private: these,
the tools and the project endpoints (``api_projects``) are the whole API. Files come in
any form ``api_inputs`` takes."""

from typing import Optional

import gradio as gr
from gradio import FileData

from .. import render, results
from ..errors import SamAppError, shorten
from ..files import number, parse_json
from ..images import LoadedImage
from ..limits import LIMITS
from .api_inputs import received
from .api_projects import ProjectApi
from .common import Shared, api_errors


def not_a_tool(fn):
    """An endpoint that MCP does not list as a tool: Gradio lists every public endpoint's
    function unless its ``_mcp_type`` (what ``gr.mcp.tool`` / ``resource`` / ``prompt``
    set) says otherwise. It stays an API endpoint; ``api_tools`` serves its work to agents."""
    fn._mcp_type = "api_only"
    return fn


class Api:
    def __init__(self, shared: Shared):
        self.shared = shared
        self.projects = ProjectApi(shared)

    def wire(self, model_work: dict) -> None:
        gr.api(self.segment, api_name="segment", **model_work)
        gr.api(self.everything, api_name="everything", **model_work)
        gr.api(self.track, api_name="track", concurrency_limit=1, concurrency_id="video")  # as the Video tab's
        if self.shared.projects:
            self.projects.wire()

    @not_a_tool
    def segment(
        self, image: Optional[FileData] = None, points: str = "", labels: str = "", boxes: str = "",
        multimask: bool = False, overlay: bool = True, image_id: str = "", model: str = "", text: str = "",
        text_threshold: float = 0.3, region: str = "",
    ) -> tuple[dict, Optional[FileData]]:
        """Segment objects in an image from points, boxes or a phrase (Segment Anything).

        Args:
            image: the image: data:image/png;base64,... or a URL of this server's files (/gradio_api/file=...) or a path in a folder the server allows; or leave it empty and give image_id.
            points: pixel coordinates "X Y X Y ..." (X from the left, Y from the top), e.g. "250 200".
            labels: one per point, "1 0 ..." (1 = on the object, 0 = not on it); empty = all 1.
            boxes: "X1 Y1 X2 Y2 ..." in pixels, one object per box; points inside a box refine it.
            multimask: true for three candidate masks per object (for an ambiguous single point).
            overlay: true to also return a picture with the best masks drawn.
            image_id: the image.image_id of an earlier result, to prompt the same image again without sending it.
            model: a model name (vit_b, sam2.1_hiera_t, edgetam, sam3_tracker, ...); empty = the server's default.
            text: phrases to find, e.g. "dog, red car": one object per instance found, narrowed by points and boxes.
            text_threshold: the least detection score (0-1) an instance of a phrase needs.
            region: "X1 Y1 X2 Y2" in pixels to segment inside that part of the image at full resolution (for small objects in a large image); prompts go inside it, masks come back in the whole image; empty = the whole image.
        Returns:
            The result JSON (objects with their candidates' scores and masks as COCO RLE {"size": [H, W], "counts"}, image.image_id for later calls) and an overlay picture, or none without overlay.
        """
        with api_errors(self.shared):
            _check_types(str, points=points, labels=labels, boxes=boxes, image_id=image_id, model=model, text=text,
                         region=region)
            _check_types(bool, multimask=multimask, overlay=overlay)
            return self._segment(image, points, labels, boxes, multimask, overlay, image_id, model, text,
                                 number(text_threshold, "text_threshold"), region)

    def _segment(self, image, points, labels, boxes, multimask, overlay, image_id, model, text, text_threshold,
                 region):
        service = self.shared.service
        loaded = self._image(image, image_id)
        found = None
        if text and region.strip():
            raise SamAppError("region works with points and boxes; it does not combine with text (the phrase is "
                              "looked for in the whole image)")
        if text:
            result = found = self._text(loaded, points, labels, boxes, multimask, model, text, text_threshold)
        else:
            result = service.segment_text(loaded, points, labels, boxes, multimask, model=model or None,
                                          budget_s=LIMITS.request_seconds, region=region)
        data = results.result_record(result, results.image_record(loaded, None, service.image_id(loaded)))
        if found is not None:
            results.add_text(data, found.phrases, found.detector, found.notes)
        if not overlay:
            return data, None
        screen = self.shared.outputs.screen_picture(loaded)[0]  # a picture for people: at most screen size
        picture = render.overlay_masks(screen, (o.mask_at(o.best, screen.shape[:2]) for o in result.objects),
                                       [float(o.scores[o.best]) for o in result.objects])
        return data, FileData(path=self.shared.outputs.jpeg_file(picture), mime_type="image/jpeg")

    @not_a_tool
    def everything(self, image: Optional[FileData] = None, image_id: str = "", settings: Optional[dict] = None,
                   overlay: bool = True, model: str = "") -> tuple[dict, Optional[FileData]]:
        """Find every object in an image with no prompt (segment everything: a grid of points, filtered).

        Args:
            image: the image, in any form segment takes; or leave it empty and give image_id.
            image_id: the image.image_id of an earlier result.
            settings: generator settings by upstream's names, e.g. {"points_per_side": 16, "pred_iou_thresh": 0.8, "stability_score_thresh": 0.9, "box_nms_thresh": 0.7, "min_mask_region_area": 100} or {"preset": "fast"}; the rest at upstream's defaults.
            overlay: true to also return a picture with every mask drawn.
            model: a model name; empty = the server's default.
        Returns:
            {"model", "image", "settings", "masks": records with "segmentation" (COCO RLE), "area", "bbox" [x, y, w, h], "predicted_iou", "stability_score"} and an overlay picture, or none without overlay.
        """
        with api_errors(self.shared):
            _check_types(str, image_id=image_id, model=model)
            _check_types(bool, overlay=overlay)
            if settings is not None and not isinstance(settings, dict):
                raise SamAppError(f"settings must be a JSON object of generator settings, got {shorten(settings)}")
            return self._everything(image, image_id, settings or {}, overlay, model)

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

    @not_a_tool
    def track(self, video: Optional[FileData] = None, prompts: str = "", direction: str = "both",
              start_frame: int = -1, end_frame: int = -1, model: str = "") -> dict:
        """Track objects through a video from points or boxes on some of its frames.

        Args:
            video: the video (MP4, WebM, MOV, AVI, GIF), in any form segment takes an image.
            prompts: JSON text, a list of {"frame": 0, "object": 1, "points": [[x, y]], "labels": [1], "box": [x1, y1, x2, y2], "label": "car"}: points and/or a box in frame pixels, labels 1 on the object and 0 not, label the object's class.
            direction: forward, backward or both, from start_frame.
            start_frame: the first frame tracked; -1 = the earliest prompted frame.
            end_frame: the last frame tracked; -1 = the video's end in that direction.
            model: a model that tracks (edgetam, sam2.1_hiera_t, ..., sam3); empty = the first present.
        Returns:
            The tracks, YouTube-VIS style: {"videos", "categories", "annotations": per track its category and per frame a COCO RLE mask or null}.
        """
        from ..tasks.track_export import ytvis_record
        from ..tasks.tracking import parse_prompts
        from ..video import open_video

        with api_errors(self.shared):
            _check_types(str, prompts=prompts, direction=direction, model=model)
            start = int(number(start_frame, "start_frame", integer=True))
            end = int(number(end_frame, "end_frame", integer=True))
            parsed = parse_prompts(parse_json(prompts, "prompts"))
            path, _ = self.received(video, "video")
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
        return service.load_image(*self.received(image, "image"))

    def received(self, value, what: str):
        """(local path, content key) of a file handed in (``api_inputs.received``)."""
        return received(value, what, self.shared.file_roots(), self.shared.outputs.root)


def _check_types(kind: type, **values) -> None:
    """SamAppError naming the first argument of ``values`` that is not a ``kind``."""
    for name, value in values.items():
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise SamAppError(f"{name} must be {'text' if kind is str else 'true or false'}, got {shorten(value)}")
