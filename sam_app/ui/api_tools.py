"""The API as tools for agents (``webui.py --mcp``): Gradio's MCP server serves each
public endpoint as a tool, named after its function, described by its docstring (one
line per argument under Args). MCP hands a tool's output to the agent as text, so these
return JSON text, with the overlay picture as a link on this server (``overlay_url``);
the arguments and the work are ``Api``'s own. ``Api``'s endpoints for ``gradio_client``
(whose outputs are a dict and a file) are left out of the tool list (``not_a_tool``); the
project endpoints return JSON text for everyone."""

from __future__ import annotations

import json
from typing import Optional

import gradio as gr

from .api import Api

RETURNS = "Returns:"


def tool_doc(endpoint, returns: str) -> str:
    """``endpoint``'s docstring with its Returns section replaced by ``returns``."""
    text = endpoint.__doc__ or ""
    return text[:text.index(RETURNS)] + f"{RETURNS}\n            {returns}\n        " if RETURNS in text else text


def with_overlay(data: dict, overlay, request: Optional[gr.Request]) -> str:
    """A result dict and its overlay file -> JSON text with ``overlay_url`` (None without)."""
    url = None
    if overlay is not None and request is not None:
        url = f"{str(request.base_url).rstrip('/')}/gradio_api/file={overlay.path}"
    return json.dumps({**data, "overlay_url": url})


class AgentTools:
    def __init__(self, api: Api):
        self.api = api

    def wire(self, model_work: dict) -> None:
        gr.api(self.segment_image, api_name="segment_image", **model_work)
        gr.api(self.segment_everything, api_name="segment_everything", **model_work)
        gr.api(self.track_video, api_name="track_video", concurrency_limit=1, concurrency_id="video")

    def segment_image(self, image: str = "", points: str = "", labels: str = "", boxes: str = "",
                      multimask: bool = False, overlay: bool = True, image_id: str = "", model: str = "",
                      text: str = "", text_threshold: float = 0.3, region: str = "",
                      request: gr.Request = None) -> str:
        data, picture = self.api.segment(image, points, labels, boxes, multimask, overlay, image_id, model, text,
                                         text_threshold, region)
        return with_overlay(data, picture, request)

    def segment_everything(self, image: str = "", image_id: str = "", settings: Optional[dict] = None,
                           overlay: bool = True, model: str = "", request: gr.Request = None) -> str:
        data, picture = self.api.everything(image, image_id, settings, overlay, model)
        return with_overlay(data, picture, request)

    def track_video(self, video: str = "", prompts: str = "", direction: str = "both", start_frame: int = -1,
                    end_frame: int = -1, model: str = "") -> str:
        return json.dumps(self.api.track(video, prompts, direction, start_frame, end_frame, model))

    segment_image.__doc__ = tool_doc(Api.segment, "JSON text: the result (objects, each with its candidates' "
                                     "scores and masks as COCO RLE {\"size\": [H, W], \"counts\"}; image.image_id for "
                                     "later calls) and overlay_url, a picture of the best masks on this server.")
    segment_everything.__doc__ = tool_doc(Api.everything, "JSON text: {\"model\", \"image\", \"settings\", \"masks\": "
                                          "records with \"segmentation\" (COCO RLE), \"area\", \"bbox\" [x, y, w, h], "
                                          "\"predicted_iou\", \"stability_score\"} and overlay_url.")
    track_video.__doc__ = tool_doc(Api.track, "JSON text: the tracks, YouTube-VIS style (per track its category and "
                                   "per frame a COCO RLE mask or null).")
