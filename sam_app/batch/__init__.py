"""Datasets from folders: ``python -m sam_app batch`` and the web UI's Batch tab.

    job = from_coco("boxes.json", "images/", multimask=False, model=identity)
    store = Store("out/")
    summary = run_job(job, run_local(job, Segmenter(service), store), store, ["coco", "yolo"])

``job`` says what is asked (images, prompts, categories, settings), ``work`` does one
image (read, key, segment into a part), ``store`` keeps parts and assembles the dataset
files, ``engines`` runs the images on this machine or on Ray.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional

from .engines import run_local, run_ray  # noqa: F401
from .job import Item, Job, from_coco, from_images, from_prompt_file, from_prompts  # noqa: F401
from .store import FORMATS, Store  # noqa: F401
from .work import DONE, FAILED, SKIPPED, Segmenter  # noqa: F401


@dataclass
class Summary:
    """outcomes: file name -> outcome (see ``engines``), in the order images finished;
    files: what was written."""

    outcomes: Dict[str, Dict[str, Any]]
    files: List[Path]

    def count(self, status: str) -> int:
        return sum(o["status"] == status for o in self.outcomes.values())

    @property
    def failed(self) -> List[Dict[str, Any]]:
        return [o for o in self.outcomes.values() if o["status"] == FAILED]

    def line(self) -> str:
        masks = sum(o.get("objects", 0) for o in self.outcomes.values())
        return (f"{self.count(DONE)} done, {self.count(SKIPPED)} skipped (done before), {self.count(FAILED)} failed; "
                f"{masks} new masks")


def run_job(job: Job, outcomes: Iterable[Dict[str, Any]], store: Store, formats: Iterable[str],
            polygons: bool = False, on_outcome: Optional[Callable[[Dict[str, Any]], None]] = None) -> Summary:
    """Run the engine's ``outcomes`` to the end, then assemble the dataset files."""
    seen: Dict[str, Dict[str, Any]] = {}
    for result in outcomes:
        seen[result["file_name"]] = {k: v for k, v in result.items() if k != "part"}  # parts stay on disk
        if on_outcome:
            on_outcome(result)
    return Summary(seen, store.assemble(job, seen, list(formats), polygons))


def parse_formats(text: str) -> List[str]:
    """"coco,yolo" -> ["coco", "yolo"]; an unknown name is refused with the choices."""
    from ..errors import SamAppError

    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise SamAppError(f"unknown dataset format {', '.join(unknown) or '(none)'}; "
                          f"expected a comma-separated list of {', '.join(FORMATS)}")
    return chosen
