"""Label Studio tasks -> results: interactive prompts (smart keypoints, rectangles, a
TextArea's phrases) and whole-task pre-annotation (segment everything, or each output
label's name as a text prompt), answered as the labeling config's BrushLabels (RLE) and
PolygonLabels (outlines).

Label Studio gives coordinates as percentages of the image (``x``, ``y`` the top-left
corner of a rectangle, ``original_width`` / ``original_height`` its size in pixels); ours
are pixels (X right, Y down). Prompts map to ``segment`` as the app's own:

- keypoints alone make one object (``is_positive`` false: a background point); a single
  point asks for three candidates and keeps the best, as the web UI does;
- each rectangle is an object, refined by the points inside it;
- a TextArea's text is phrases: one object per instance a text model finds.

The images are read from Label Studio (``Connection``): a task's relative URL
(``/data/upload/...``) against its address with its API token; an absolute URL only on
that same address; ``data:`` URLs as they are. Nothing else is fetched.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Iterable, List, Optional, Sequence
from urllib.parse import urljoin, urlparse

import numpy as np

from ..errors import SamAppError, shorten
from ..files import data_url_bytes
from ..images import LoadedImage
from ..limits import LIMITS
from ..projects.formats.geometry import keyholes
from .config import LabelingConfig, Output
from .rle import brush_rle

PRELABEL = ("auto", "text", "everything", "none")
TIMEOUT_S = 30.0
ACCESS_RENEWAL_S = 240  # Label Studio's access tokens live 300 s


@dataclass
class Connection:
    """Where Label Studio is (url: "http://host:port") and its API token: a personal
    access token (a JWT: exchanged at ``/api/token/refresh/`` for an access token sent as
    ``Authorization: Bearer``, which lives 5 minutes and is renewed after 4), or a legacy
    token (sent as ``Authorization: Token``; Label Studio's /setup sends the project
    owner's, which Label Studio 1.23 refuses unless legacy tokens are enabled)."""

    url: Optional[str] = None
    token: Optional[str] = None
    _access: Optional[str] = field(default=None, repr=False)
    _access_at: float = field(default=0.0, repr=False)

    def headers(self) -> dict:
        """The authorization header for Label Studio's API and files."""
        if not self.token:
            return {}
        if self.token.count(".") != 2:
            return {"Authorization": f"Token {self.token}"}
        if self._access is None or time.monotonic() - self._access_at > ACCESS_RENEWAL_S:
            import httpx

            answer = httpx.post(f"{self.url.rstrip('/')}/api/token/refresh/", json={"refresh": self.token},
                                timeout=TIMEOUT_S)
            if answer.status_code != 200 or "access" not in answer.json():
                raise SamAppError(f"Label Studio refused the personal access token ({answer.status_code}): make a "
                                  "new one in Label Studio (Account & Settings > Personal Access Token)")
            self._access, self._access_at = answer.json()["access"], time.monotonic()
        return {"Authorization": f"Bearer {self._access}"}

    def fetch(self, address: str) -> bytes:
        """A task's image bytes (see the module), at most ``LIMITS.max_file_size``."""
        import httpx

        if not isinstance(address, str) or not address:
            raise SamAppError("the task has no image URL in the field the labeling config's Image reads")
        if address.startswith("data:"):
            return data_url_bytes(address, "task's image")
        if not self.url:
            raise SamAppError(f"the task's image {shorten(address)} is on Label Studio, and this backend does not know "
                              "where that is: start it with --label-studio-url (env LABEL_STUDIO_URL), or connect "
                              "it from a project so that Label Studio's /setup says so")
        full = urljoin(self.url.rstrip("/") + "/", address)
        if _origin(full) != _origin(self.url):
            raise SamAppError(f"the task's image {shorten(address)} is not on Label Studio ({self.url}); this backend "
                              "fetches images from Label Studio only (upload them, or serve them with its local "
                              "files storage)")
        try:
            with httpx.stream("GET", full, headers=self.headers(), timeout=TIMEOUT_S) as response:
                if response.status_code != 200:
                    hint = " (give the backend a personal access token: --label-studio-token, env " \
                           "LABEL_STUDIO_API_KEY)" if response.status_code in (401, 403) else ""
                    raise SamAppError(f"Label Studio answered {response.status_code} for the image "
                                      f"{shorten(address)}{hint}")
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > LIMITS.max_file_size:
                        raise SamAppError(f"the image {shorten(address)} is over "
                                          f"{LIMITS.max_file_size / 1e6:.0f} MB (--max-file-size)")
                return bytes(data)
        except httpx.HTTPError as exc:
            raise SamAppError(f"cannot read the image {shorten(address)} from Label Studio ({exc})") from None


def _origin(url: str) -> tuple:
    parts = urlparse(url)
    return parts.scheme.lower(), parts.hostname, parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())


@dataclass
class Found:
    """A mask for Label Studio: HxW bool, the label asked for, a score (NaN: none)."""

    mask: np.ndarray
    label: str
    score: float


class Predictor:
    """Answers /predict with ``service`` (a SamService). model: the segmenter (None: the
    service's default); prelabel: what pre-annotation does (``PRELABEL``; auto: the
    labels' names as text prompts when a text model is here, else segment everything);
    everything: segment everything's settings; text_threshold: the least detection
    score of a phrase's instance."""

    def __init__(self, service, model: Optional[str] = None, prelabel: str = "auto", everything=None,
                 text_threshold: float = 0.3):
        from ..tasks.everything import EverythingSettings

        if prelabel not in PRELABEL:
            raise SamAppError(f"unknown pre-annotation {shorten(prelabel)}; expected one of {', '.join(PRELABEL)}")
        self.service, self.prelabel, self.text_threshold = service, prelabel, text_threshold
        self.model = service.resolve_model_name(model)
        self.everything = everything or EverythingSettings()

    @property
    def version(self) -> str:
        return f"sam_app-{self.model}"

    def predict(self, tasks: Sequence[dict], config: LabelingConfig, context: Optional[dict],
                connection: Connection) -> List[dict]:
        """One Label Studio prediction per task: {"result": [...], "score", "model_version"}."""
        answers = []
        for task in tasks:
            if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
                raise SamAppError(f"a task is not a Label Studio task object: {shorten(task)}")
            loaded = self.service.load_image(connection.fetch(task["data"].get(config.image_key)))
            items = (context or {}).get("result") or []
            found = self.interactive(loaded, items) if items else self.pre_annotate(loaded, config)
            scores = [f.score for f in found if np.isfinite(f.score)]
            answers.append({"result": [item for f in found for item in results(f, config, loaded)],
                            "score": float(np.mean(scores)) if scores else 0.0, "model_version": self.version})
        return answers

    def interactive(self, loaded: LoadedImage, items: Iterable[dict]) -> List[Found]:
        """A smart tool's context items -> the masks it asks for (see the module)."""
        from ..prompts import build_objects

        height, width = loaded.height, loaded.width
        points, labels, boxes, phrases, asked = [], [], [], [], ""
        for item in items:
            kind, value = item.get("type"), item.get("value") or {}
            names = value.get(kind) or value.get("labels") or []
            asked = asked or (names[0] if names else "")
            if kind == "keypointlabels":
                points.append((value["x"] * width / 100, value["y"] * height / 100))
                labels.append(0 if item.get("is_positive") is False else 1)
            elif kind == "rectanglelabels":
                x, y = value["x"] * width / 100, value["y"] * height / 100
                boxes.append((x, y, x + value["width"] * width / 100, y + value["height"] * height / 100))
            elif kind == "textarea":
                phrases += [text for text in value.get("text", []) if isinstance(text, str)]
        if phrases:
            return self._phrases(loaded, ", ".join(phrases), points, labels, boxes)
        objects = build_objects(np.array(points, np.float32).reshape(-1, 2), np.array(labels, np.int32),
                                np.array(boxes, np.float32).reshape(-1, 4), (height, width))
        multimask = not boxes and len(points) == 1
        result = self.service.segment_objects(loaded, objects, multimask, model=self.model,
                                              budget_s=LIMITS.request_seconds)
        return [Found(o.best_mask, asked, float(o.scores[o.best])) for o in result.objects]

    def pre_annotate(self, loaded: LoadedImage, config: LabelingConfig) -> List[Found]:
        """A whole task: each output label's name as a text prompt, or segment everything
        (its masks labelled with each control's first label), or nothing."""
        mode = self.prelabel
        if mode == "auto":
            mode = "text" if self.service.text_model_name() is not None else "everything"
        if mode == "none":
            return []
        if mode == "text":
            return self._phrases(loaded, ", ".join(config.labels), [], [], [])
        from ..tasks.everything import MaskGenerator

        records = MaskGenerator(self.service, self.model, self.everything).generate(
            loaded, budget_s=LIMITS.everything_seconds)
        return [Found(r["segmentation"], "", float(r["predicted_iou"])) for r in records]

    def _phrases(self, loaded, text: str, points, labels, boxes) -> List[Found]:
        """Each instance labelled with the asked phrase it answers (``asked_phrase``)."""
        from ..tasks.text import asked_phrase, parse_phrases, segment_phrases

        found = segment_phrases(self.service, loaded, text, self.text_threshold, LIMITS.max_objects,
                                model=self.model, points=points or None, labels=labels or None,
                                boxes=boxes or None, budget_s=LIMITS.request_seconds)
        asked = parse_phrases(text)
        return [Found(o.best_mask, asked_phrase(label, asked), float(score))
                for o, label, score in zip(found.objects, found.labels, found.scores)]


def results(found: Found, config: LabelingConfig, loaded: LoadedImage) -> List[dict]:
    """Label Studio result items for one mask: one per BrushLabels control (RLE), one per
    part for each PolygonLabels control (points in percent; holes bridged in)."""
    items = []
    for output in config.outputs:
        base = {"from_name": output.from_name, "to_name": output.to_name, "type": output.kind,
                "original_width": loaded.width, "original_height": loaded.height, "image_rotation": 0,
                "readonly": False}
        if np.isfinite(found.score):
            base["score"] = found.score
        for value in _values(found, output, loaded):
            items.append({**base, "id": secrets.token_hex(5), "value": value})
    return items


def _values(found: Found, output: Output, loaded: LoadedImage) -> List[dict]:
    label = [output.label(found.label)] if output.labels else []
    if output.kind == "brushlabels":
        return [{"format": "rle", "rle": brush_rle(found.mask), "brushlabels": label}]
    scale = np.array([100.0 / loaded.width, 100.0 / loaded.height])
    return [{"points": (ring * scale).round(4).tolist(), "closed": True, "polygonlabels": label}
            for ring in keyholes(found.mask)]
