"""The interactive segmentation benchmark: how many clicks a model needs on a COCO
dataset (``python -m sam_app evaluate``).

For each object, up to ``max_clicks`` interactions, each fed the previous one's low-res
logits as mask input: the first is a click at the object's most interior pixel, or with
``first_prompt="box"`` its box with SAM's noise; every next one is a click in the larger
error region (``clicks.next_click``). The candidate kept at each step: with one point and
no box the model gives three (SAM's ambiguity-aware output) and the one with the highest
predicted IoU is kept, as SAM's paper scores "the model's most confident mask"; with more
prompts SAM's single-output token is used. ``candidates="oracle"`` keeps the candidate
closest to the truth instead (SAM's oracle numbers).

Reported: mIoU after 1, 2, 3, 5 and 9 interactions and NoC@target (the interactions
needed to reach IoU >= target; an object that never does counts as ``max_clicks`` and
as a failure), for all objects and per category. Crowd annotations and empty masks are
left out. Deterministic for a seed (the box noise and the ``limit`` sample).
"""

from __future__ import annotations

import contextlib
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import SamAppError
from ..export import atomic_write_bytes, save_json
from ..prompts import ObjectPrompt
from .clicks import next_click, noisy_box

AT = (1, 2, 3, 5, 9)  # the interactions mIoU is reported after
FIRST_PROMPTS, CANDIDATES = ("click", "box"), ("best", "oracle")


@dataclass(frozen=True)
class EvalSettings:
    """max_clicks: interactions per object; iou_targets: the NoC targets; first_prompt:
    click | box; candidates: best (predicted IoU) | oracle; limit: evaluate a random
    sample of this many objects (None: all); seed: for the sample and the box noise."""

    max_clicks: int = 20
    iou_targets: Tuple[float, ...] = (0.85, 0.9)
    first_prompt: str = "click"
    candidates: str = "best"
    limit: Optional[int] = None
    seed: int = 0

    def __post_init__(self):
        if self.max_clicks < 1:
            raise SamAppError(f"max clicks must be at least 1, got {self.max_clicks}")
        if not self.iou_targets or not all(0 < t <= 1 for t in self.iou_targets):
            raise SamAppError(f"IoU targets must be in (0, 1], got {list(self.iou_targets)}")
        if self.first_prompt not in FIRST_PROMPTS:
            raise SamAppError(f"first prompt must be one of {', '.join(FIRST_PROMPTS)}, got {self.first_prompt!r}")
        if self.candidates not in CANDIDATES:
            raise SamAppError(f"candidates must be one of {', '.join(CANDIDATES)}, got {self.candidates!r}")
        if self.limit is not None and self.limit < 1:
            raise SamAppError(f"limit must be at least 1, got {self.limit}")


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two HxW bool masks (1 when both are empty)."""
    union = np.count_nonzero(a | b)
    return 1.0 if union == 0 else float(np.count_nonzero(a & b) / union)


def interact(service, image, truth: np.ndarray, settings: EvalSettings, rng: np.random.Generator,
             model: Optional[str] = None) -> List[float]:
    """IoU with ``truth`` (HxW bool) after each of ``settings.max_clicks`` interactions on
    ``image`` (a ``LoadedImage``), as the module docstring says. An exact mask stays."""
    predicted, allowed = np.zeros_like(truth), np.ones_like(truth)
    box = noisy_box(truth, rng) if settings.first_prompt == "box" else None
    points: List[Tuple[int, int]] = []
    labels: List[int] = []
    logits, ious = None, []
    for step in range(settings.max_clicks):
        if step or box is None:
            click = next_click(truth, predicted, allowed)
            if click is None:
                return ious + [ious[-1]] * (settings.max_clicks - step)
            x, y, label = click
            allowed[y, x] = False
            points.append((x, y))
            labels.append(label)
        prompt = ObjectPrompt(np.array(points, np.float32).reshape(-1, 2), np.array(labels, np.int32), box, logits)
        multimask = box is None and len(points) == 1
        obj = service.segment_objects(image, [prompt], multimask, model=model).objects[0]
        if settings.candidates == "oracle":
            chosen = int(np.argmax([iou(obj.mask(c), truth) for c in range(len(obj.scores))]))
        else:
            chosen = obj.best
        predicted = obj.mask(chosen)
        logits = None if obj.low_res_logits is None else obj.low_res_logits[chosen][None]
        ious.append(iou(predicted, truth))
    return ious


def number_of_clicks(ious: Sequence[float], target: float) -> Tuple[int, bool]:
    """(interactions to reach IoU >= target, failed): (k, False) when the k-th (1-based)
    is the first to reach it, else (len(ious), True)."""
    for k, value in enumerate(ious, start=1):
        if value >= target:
            return k, False
    return len(ious), True


def summarise(curves: List[List[float]], targets: Sequence[float]) -> Dict[str, object]:
    """mIoU after each of ``AT`` (within the curves' length), mean NoC and failures per
    target (keyed by the target in percent, "85") for the objects' IoU curves."""
    ious = np.array(curves, np.float64)
    counts = {f"{round(t * 100):d}": [number_of_clicks(c, t) for c in curves] for t in targets}
    return {"objects": len(curves),
            "mIoU": {str(k): round(float(ious[:, k - 1].mean()), 4) for k in AT if k <= ious.shape[1]},
            "NoC": {key: round(float(np.mean([n for n, _ in v])), 3) for key, v in counts.items()},
            "failures": {key: int(sum(f for _, f in v)) for key, v in counts.items()}}


def evaluate(service, images: Path, annotations: Path, settings: EvalSettings, model: Optional[str] = None,
             progress: bool = True, image_ids: Optional[Sequence[int]] = None) -> Dict[str, object]:
    """The report (JSON-ready) of ``settings``' protocol on the COCO file ``annotations``
    (images under ``images``; only ``image_ids`` where given): settings, model, every
    object's IoU curve, the summary."""
    from tqdm import tqdm

    coco = read_coco(Path(annotations))
    names = {c["id"]: c["name"] for c in coco.loadCats(coco.getCatIds())}
    chosen = [a for a in coco.loadAnns(coco.getAnnIds(imgIds=image_ids or [])) if not a.get("iscrowd")]
    rng = np.random.default_rng(settings.seed)
    if settings.limit is not None and settings.limit < len(chosen):
        chosen = [chosen[i] for i in sorted(rng.choice(len(chosen), settings.limit, replace=False))]
    chosen.sort(key=lambda a: (a["image_id"], a["id"]))  # one image at a time: it is encoded once
    objects, skipped, loaded = [], 0, None
    name = service.resolve_model_name(model)
    for ann in tqdm(chosen, desc="evaluate", unit="object", disable=not progress):
        info = coco.loadImgs(ann["image_id"])[0]
        if loaded is None or loaded[0] != info["id"]:
            loaded = (info["id"], service.load_image(Path(images) / info["file_name"]))
        image = loaded[1]
        if (image.height, image.width) != (info["height"], info["width"]):
            raise SamAppError(f"{info['file_name']} is {image.width}x{image.height} but the annotations say "
                              f"{info['width']}x{info['height']}")
        truth = coco.annToMask(ann).astype(bool)
        if not truth.any():
            skipped += 1
            continue
        objects.append({"image": info["file_name"], "annotation_id": ann["id"],
                        "category": names.get(ann["category_id"], str(ann["category_id"])),
                        "ious": [round(v, 6) for v in interact(service, image, truth, settings, rng, name)]})
    if not objects:
        raise SamAppError(f"{annotations} has no object to evaluate (no annotation with a non-empty mask)")
    by_category = defaultdict(list)
    for obj in objects:
        by_category[obj["category"]].append(obj["ious"])
    return {"schema_version": 1, "model": name, "settings": asdict(settings), "skipped": skipped,
            "summary": summarise([o["ious"] for o in objects], settings.iou_targets),
            "categories": {c: summarise(v, settings.iou_targets) for c, v in sorted(by_category.items())},
            "objects": objects}


def read_coco(path: Path):
    """A pycocotools COCO of the file at ``path``; SamAppError when it is missing or not COCO."""
    from pycocotools.coco import COCO

    try:
        data = json.loads(path.read_text())
        coco = COCO()
        coco.dataset = data
        with contextlib.redirect_stdout(io.StringIO()):  # pycocotools prints its progress
            coco.createIndex()
        return coco
    except FileNotFoundError:
        raise SamAppError(f"annotations not found: {path}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise SamAppError(f"{path} is not a COCO instances file ({type(exc).__name__}: {exc}); expected "
                          '"images", "annotations" with "segmentation", and "categories"') from None


def markdown(report: Dict[str, object]) -> str:
    """The summary as a Markdown table: all objects, then each category."""
    targets = list(report["summary"]["NoC"])
    ats = list(report["summary"]["mIoU"])
    head = (["", "objects"] + [f"mIoU@{k}" for k in ats] + [f"NoC@{t}" for t in targets]
            + [f"failures@{t}" for t in targets])
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    rows = [("all", report["summary"])] + list(report["categories"].items())
    for name, s in rows:
        cells = ([name, str(s["objects"])] + [f"{s['mIoU'][k]:.3f}" for k in ats]
                 + [f"{s['NoC'][t]:.2f}" for t in targets] + [str(s["failures"][t]) for t in targets])
        lines.append("| " + " | ".join(cells) + " |")
    settings = report["settings"]
    return (f"{report['model']}, first prompt {settings['first_prompt']}, {settings['candidates']} candidate, "
            f"{settings['max_clicks']} interactions at most\n\n" + "\n".join(lines) + "\n")


def plot_png(report: Dict[str, object], max_lines: int = 8) -> bytes:
    """PNG of mIoU against interactions: all objects, and up to ``max_lines`` categories."""
    import matplotlib.ticker

    plt = pyplot()
    curves = defaultdict(list)
    for obj in report["objects"]:
        curves[obj["category"]].append(obj["ious"])
    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=100)
    clicks = np.arange(1, report["settings"]["max_clicks"] + 1)
    axes.plot(clicks, np.mean([o["ious"] for o in report["objects"]], axis=0), "k-", lw=2.5, label="all")
    for name, values in sorted(curves.items(), key=lambda kv: -len(kv[1]))[:max_lines if len(curves) > 1 else 0]:
        axes.plot(clicks, np.mean(values, axis=0), lw=1.2, label=f"{name} ({len(values)})")
    for target in report["settings"]["iou_targets"]:
        axes.axhline(target, color="grey", ls="--", lw=0.8)
    axes.set(xlabel="interactions", ylabel="mIoU", ylim=(0, 1), xlim=(1, clicks[-1]),
             title=f"{report['model']}: mIoU against interactions ({report['settings']['first_prompt']} first)")
    axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    return figure_png(figure)


def pyplot():
    """matplotlib.pyplot drawing off screen (no display on servers)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def figure_png(figure) -> bytes:
    """A matplotlib figure as PNG bytes; the figure is closed."""
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    pyplot().close(figure)
    return buffer.getvalue()


def write_report(report: Dict[str, object], output: Path) -> List[Path]:
    """evaluation.json, evaluation.md and iou_vs_clicks.png in ``output`` (each written
    whole or not at all)."""
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    files = [output / "evaluation.json", output / "evaluation.md", output / "iou_vs_clicks.png"]
    save_json(files[0], report)
    atomic_write_bytes(files[1], markdown(report).encode())
    atomic_write_bytes(files[2], plot_png(report))
    return files
