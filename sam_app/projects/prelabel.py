"""Pre-labelling a whole project on the batch engine (``sam_app.batch``, here or on Ray):
each class name as a text prompt, segment everything, or boxes from a COCO file. Every
image's objects join it as *proposals* (``ObjectRecord.proposal``) of the job, saved
one transaction per image, until a person accepts or deletes them.

    job = prelabel_job(project, "text", identity={...})
    summary = run_prelabel(project, job, run_local(job.batch, Segmenter(service), job.store))

A job is resumable: its finished images are kept as the batch engine's parts in
``<project>/jobs/<id>/`` and recorded in the database with the proposals they gave (in
the same transaction), so a re-run of the same job skips both; a re-run of a finished
image replaces that job's proposals on it, never a person's objects.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from sqlalchemy import func, insert, select, update

from ..batch import FAILED, Item, Job, Store
from ..batch.job import json_digest
from ..limits import LIMITS
from . import schema as t
from .database import ProjectError
from .records import ObjectRecord
from .store import Project

KINDS = ("text", "everything", "coco")
AUTHOR = "prelabel"


@dataclass
class PrelabelJob:
    """id (the database's), kind, batch (the engine's ``Job``), store (its parts),
    image_ids (image path -> the project's id), done (ids whose proposals are saved)."""

    id: int
    kind: str
    batch: Job
    store: Store
    image_ids: Dict[str, int]
    done: set = field(default_factory=set)


@dataclass
class PrelabelSummary:
    images: int = 0
    proposals: int = 0
    skipped: int = 0
    failed: List[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.images} image(s) pre-labelled with {self.proposals} proposal(s), {self.skipped} done before, "
                f"{len(self.failed)} failed")


def prelabel_job(project: Project, kind: str, identity: Dict[str, Any], classes: Optional[List[str]] = None,
                 threshold: float = 0.3, everything: Optional[Dict[str, Any]] = None,
                 coco: Optional[Path] = None, multimask: bool = False) -> PrelabelJob:
    """The job of ``kind`` over every image of the project: ``classes`` (names; default
    all) as text prompts with ``threshold``; ``everything``: the generator's settings;
    ``coco``: a COCO file whose boxes (by file name and category name) become prompts.
    ``identity``: the model and settings the results depend on. The same job asked
    again (same kind and settings) is the earlier one, resumed."""
    if kind not in KINDS:
        raise ProjectError(f"unknown pre-label kind {kind!r}; expected one of {', '.join(KINDS)}")
    known = {c.name: c.id for c in project.classes()}
    listed = project.image_list()
    image_ids = {i.path: i.id for i in listed}
    if kind == "text":
        chosen = classes or list(known)
        unknown = [c for c in chosen if c not in known]
        if unknown or not chosen:
            raise ProjectError(f"--classes: {', '.join(unknown) or '(none)'} not in the project; its classes are "
                               f"{', '.join(known)}")
        objects = [{"text": chosen, "threshold": float(threshold), "max_instances": LIMITS.max_objects, "points": [],
                    "labels": [], "box": None, "category_id": None, "phrase_ids": {c: known[c] for c in chosen}}]
        items = [Item(i.path, str(project.image_file(i)), i.id, objects) for i in listed]
        job = Job(items, [{"id": known[c], "name": c} for c in chosen], multimask=multimask, model=identity)
    elif kind == "everything":
        items = [Item(i.path, str(project.image_file(i)), i.id) for i in listed]
        job = Job(items, [{"id": 0, "name": "(no class)"}], everything=everything or {}, model=identity)
    else:
        job = _coco_job(project, coco, multimask, identity, image_ids)
    settings = {"kind": kind, "digest": job.settings_digest(), "items": json_digest([i.objects for i in job.items])}
    job_id = _job_row(project, kind, settings, len(job.items))
    with project.engine.connect() as connection:
        done = set(connection.execute(select(t.job_images.c.image_id).where(t.job_images.c.job_id == job_id)).scalars())
    return PrelabelJob(job_id, kind, job, Store(project.folder / "jobs" / str(job_id)), image_ids, done)


def _coco_job(project: Project, coco: Path, multimask: bool, identity: Dict[str, Any],
              image_ids: Dict[str, int]) -> Job:
    """Boxes of a COCO file whose file names are project images; its categories become
    (or are) project classes, by name."""
    from ..batch import from_coco

    job = from_coco(coco, project.root, multimask, identity, strict=True)
    outside = [i.name for i in job.items if i.name not in image_ids]
    if outside:
        raise ProjectError(f"{Path(coco).name}: {len(outside)} image(s) are not in the project, e.g. {outside[0]}; "
                           "its file names must be the project's image paths")
    names = {c["id"]: c["name"] for c in job.categories}
    known = {c.name: c.id for c in project.add_classes(list(names.values()))}
    for item in job.items:
        item.image_id = image_ids[item.name]
        for obj in item.objects:
            obj["category_id"] = known[names[obj["category_id"]]]
    job.categories = [{"id": known[n], "name": n} for n in names.values()]
    return job


def _job_row(project: Project, kind: str, settings: Dict[str, Any], total: int) -> int:
    """The id of the job with these settings (made if new)."""
    text = json.dumps(settings, sort_keys=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    with project.engine.begin() as connection:
        found = connection.execute(select(t.jobs.c.id).where(t.jobs.c.settings == text)).scalar()
        if found is not None:
            return found
        return connection.execute(insert(t.jobs).values(kind=kind, settings=text, status="queued", total=total,
                                                        done=0, message="", created_at=now, updated_at=now)
                                  ).inserted_primary_key[0]


def run_prelabel(project: Project, job: PrelabelJob, outcomes: Iterable[Dict[str, Any]],
                 on_image: Optional[Callable[[Dict[str, Any], PrelabelSummary], None]] = None) -> PrelabelSummary:
    """Save each finished image's proposals as the engine hands them over (``outcomes``:
    ``batch.run_local`` or ``run_ray`` over ``job.batch`` and ``job.store``)."""
    summary = PrelabelSummary()
    for result, summary in run_prelabel_steps(project, job, outcomes):
        if on_image:
            on_image(result, summary)
    return summary


def run_prelabel_steps(project: Project, job: PrelabelJob, outcomes: Iterable[Dict[str, Any]]
                       ) -> Iterator[Tuple[Dict[str, Any], PrelabelSummary]]:
    """``run_prelabel`` one image at a time: (its outcome, the summary so far) after each
    image is saved. Closed early, the job is marked stopped (a re-run resumes it)."""
    summary = PrelabelSummary()
    _set_job(project, job.id, status="running")
    try:
        for result in outcomes:
            name = result["file_name"]
            image_id = job.image_ids[name]
            if result["status"] == FAILED:
                summary.failed.append(f"{name}: {result['reason']}")
            elif image_id in job.done:
                summary.skipped += 1
            else:
                part = result.get("part") or job.store.read(name, result["key"])
                summary.proposals += _save_proposals(project, job, image_id, part)
                summary.images += 1
                job.done.add(image_id)
                _set_job(project, job.id, done=len(job.done))
            yield result, summary
    except BaseException as exc:  # GeneratorExit (closed early), a limit, an interrupt
        _set_job(project, job.id, status="stopped", message=str(exc)[:500] or "stopped before the end")
        raise
    _set_job(project, job.id, status="failed" if summary.failed else "done", done=len(job.done),
             message="; ".join(summary.failed)[:2000])


def _save_proposals(project: Project, job: PrelabelJob, image_id: int, part: Dict[str, Any]) -> int:
    """The part's objects as this job's proposals on the image (replacing the ones it made
    before), one transaction that also records the image as done. Segment everything's
    masks have no class."""
    job_id = job.id
    new = [ObjectRecord(None if job.kind == "everything" else a["category_id"], a["segmentation"]["counts"],
                        int(a["area"]), tuple(int(round(v)) for v in a["bbox"]), "prelabel", proposal=True,
                        score=a.get("score"), job_id=job_id) for a in part["annotations"]]
    project.amend(image_id, lambda record: [o for o in record.objects if o.job_id != job_id or not o.proposal] + new,
                  f"{AUTHOR}:{job_id}", job_id=job_id)
    return len(new)


def _set_job(project: Project, job_id: int, **values) -> None:
    values["updated_at"] = datetime.datetime.now(datetime.timezone.utc)
    with project.engine.begin() as connection:
        connection.execute(update(t.jobs).where(t.jobs.c.id == job_id).values(**values))


def jobs(project: Project) -> List[Dict[str, Any]]:
    """Every pre-label job: id, kind, status, done, total, message, updated_at (newest first)."""
    with project.engine.connect() as connection:
        rows = connection.execute(select(t.jobs).order_by(t.jobs.c.id.desc())).all()
        counts = dict(connection.execute(select(t.job_images.c.job_id, func.count())
                                         .group_by(t.job_images.c.job_id)).all())
    return [{"id": r.id, "kind": r.kind, "status": r.status, "done": counts.get(r.id, 0), "total": r.total,
             "message": r.message, "updated_at": r.updated_at} for r in rows]


def job_line(job: Dict[str, Any]) -> str:
    return f"pre-label job {job['id']} ({job['kind']}): {job['status']}, {job['done']} of {job['total']} images"


