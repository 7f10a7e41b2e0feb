"""The two ways a batch job runs; both yield one outcome per image, in any order,
and store finished images with the same ``Store.write``:

    {"file_name": ..., "status": "done" | "skipped" | "failed", "key": ...,
     "reason": why it failed (or, done, what was clipped or left out), "objects": masks kept,
     "empty": empty masks left out,
     "part": the part itself (done only; it may not be on disk yet: see ``run_local``)}

``run_local``: one model in this process; a reader thread pool reads, hashes and
decodes the next images and a writer thread stores finished ones while the model runs;
at most ``PREFETCH`` decoded images and ``PREFETCH`` unwritten parts are held.

``run_ray``: Ray Data reads and decodes in tasks, segments in an actor pool (one model
per actor, ``workers`` actors, ``gpus_per_worker`` GPUs each) and streams the parts
back to this process, which stores them. Images and checkpoints must be readable at the
same paths on every node; the output folder only here.
"""

from __future__ import annotations

import json
import logging
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterator, Optional

from ..errors import SamAppError
from ..images import DEFAULT_MAX_PIXELS
from .job import Item, Job
from .store import Store, name_hash
from .work import DONE, FAILED, SKIPPED, TODO, Read, Segmenter, read_item

PREFETCH = 4
RAY_INSTALL = "pip install 'sam-app[ray]' (or pip install -e '.[ray]' in a checkout)"


def outcome(read: Read, part: Optional[Dict[str, Any]] = None, reason: str = "") -> Dict[str, Any]:
    if part is not None:
        return {"file_name": read.item.name, "status": DONE, "key": read.key, "objects": len(part["annotations"]),
                "empty": part["empty"], "part": part, "reason": "; ".join(part.get("notes") or [])}
    if read.status == SKIPPED:
        return {"file_name": read.item.name, "status": SKIPPED, "key": read.key}
    return {"file_name": read.item.name, "status": FAILED, "reason": reason or read.reason}


def segment_read(segmenter: Segmenter, read: Read):
    """(part or None, reason): one image through the model; an error of this image (bad
    prompt, out of memory, a model failure) is its outcome, not the job's end."""
    if read.status != TODO:
        return None, read.reason
    try:
        return segmenter.part(read), ""
    except SamAppError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one image's failure is reported, the job goes on
        return None, f"{type(exc).__name__}: {exc}"


def run_local(job: Job, segmenter: Segmenter, store: Store, png: bool = False,
              max_pixels: int = DEFAULT_MAX_PIXELS) -> Iterator[Dict[str, Any]]:
    done, settings = store.done_keys(), job.settings_digest()
    items = iter(job.items)
    with ThreadPoolExecutor(2, thread_name_prefix="batch-read") as reader, \
            ThreadPoolExecutor(1, thread_name_prefix="batch-write") as writer:
        reads, writes = deque(), deque()

        def read_next():
            item = next(items, None)
            if item is not None:
                reads.append(reader.submit(read_item, item, done.get(name_hash(item.name)), settings, max_pixels))

        try:
            for _ in range(PREFETCH):
                read_next()
            while reads:
                read = reads.popleft().result()
                read_next()
                part, reason = segment_read(segmenter, read)
                read.image = None  # let the pixels go while the part is written
                if part is not None:
                    writes.append(writer.submit(store.write, part, png))
                    while len(writes) > PREFETCH or (writes and writes[0].done()):
                        writes.popleft().result()  # a failed write (disk full) ends the job
                yield outcome(read, part, reason)
            while writes:
                writes.popleft().result()
        finally:
            for future in [*reads, *writes]:
                future.cancel()


def run_ray(job: Job, service_options: Dict[str, Any], store: Store, png: bool = False, workers: int = 1,
            gpus_per_worker: float = 0, address: Optional[str] = None,
            cpus_per_worker: float = 1) -> Iterator[Dict[str, Any]]:
    """service_options: SamService's arguments, used by each actor to build its own.
    Ray gives an actor as many torch threads as it has CPUs (``cpus_per_worker``)."""
    try:
        import ray
    except ImportError:
        raise SamAppError(f"--engine ray needs Ray, which is not installed; {RAY_INSTALL}") from None
    if workers < 1 or gpus_per_worker < 0 or cpus_per_worker <= 0:
        raise SamAppError("--workers must be at least 1, --gpus-per-worker at least 0 and --cpus-per-worker above 0")
    env = {k: v for k, v in os.environ.items() if k.startswith(("SAM_", "HF_"))}
    ray.init(address=address, ignore_reinit_error=True, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": env} if address else None)
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # our own progress bar and summary say it
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    done, settings = store.done_keys(), job.settings_digest()
    rows = [{"item": item.to_json(), "done": done.get(name_hash(item.name), "")} for item in job.items]
    max_pixels = service_options.get("max_pixels", DEFAULT_MAX_PIXELS)
    # Reading asks for no CPU of its own: actors that hold every CPU must not starve it.
    dataset = ray.data.from_items(rows).map(_read_row, num_cpus=0,
                                            fn_kwargs={"settings": settings, "max_pixels": max_pixels})
    dataset = dataset.map_batches(
        RayWorker, batch_size=1, num_gpus=gpus_per_worker, num_cpus=cpus_per_worker,
        compute=ray.data.ActorPoolStrategy(size=workers),
        fn_constructor_kwargs={"service_options": service_options, "everything": job.everything,
                               "multimask": job.multimask})
    for row in dataset.iter_rows():
        result = json.loads(row["outcome"])
        if row["part"]:
            result["part"] = json.loads(row["part"])
            store.write(result["part"], png)
        yield result


def _read_row(row: Dict[str, Any], settings: str, max_pixels: int) -> Dict[str, Any]:
    """Ray's read stage: the row's image read, keyed and decoded (see ``read_item``)."""
    import numpy as np

    read = read_item(Item.from_json(row["item"]), row["done"] or None, settings, max_pixels)
    pixels = read.image.pixels if read.image is not None else np.zeros((0, 0, 3), np.uint8)
    return {"item": row["item"], "key": read.key, "status": read.status, "reason": read.reason,
            "pixels": pixels, "digest": read.image.digest if read.image is not None else ""}


class RayWorker:
    """Ray's model stage: an actor with its own service; rows of read images -> rows of
    outcomes and parts (JSON text)."""

    def __init__(self, service_options: Dict[str, Any], everything, multimask: bool):
        from ..service import SamService

        self.segmenter = Segmenter(SamService(**service_options), everything, multimask)
        self.segmenter.load()

    def __call__(self, batch: Dict[str, Any]) -> Dict[str, Any]:
        import numpy as np

        from ..images import LoadedImage

        outcomes, parts = [], []
        for i, text in enumerate(batch["item"]):
            read = Read(Item.from_json(text), str(batch["key"][i]), str(batch["status"][i]),
                        reason=str(batch["reason"][i]))
            if read.status == TODO:
                read.image = LoadedImage(np.asarray(batch["pixels"][i], np.uint8), str(batch["digest"][i]))
            part, reason = segment_read(self.segmenter, read)
            outcomes.append(json.dumps(outcome(read, part, reason)))
            parts.append(json.dumps(part) if part is not None else "")
        return {"outcome": np.array(outcomes, dtype=object), "part": np.array(parts, dtype=object)}
