"""``batch``: a folder into a COCO, YOLO or PNG dataset, resumable, here or on Ray."""

from __future__ import annotations

import argparse
import sys

from ..devices import resolve_device
from .options import add_engine_arguments, add_everything_arguments, everything_settings, service_from_args


def add_parsers(sub) -> None:
    batch = sub.add_parser("batch", help="segment a folder into a COCO, YOLO or PNG dataset (resumable; here or on "
                                         "Ray)", allow_abbrev=False)
    batch.add_argument("--images", required=True,
                       help="a folder of images (searched recursively), or a text file listing one image per line")
    batch.add_argument("--output", required=True, help="dataset folder; a re-run resumes, skipping finished images")
    source = batch.add_mutually_exclusive_group(required=True)
    source.add_argument("--prompts", help='JSON lines, one image each: {"image": "a.jpg", "objects": [{"points": '
                                          '[[x, y]], "labels": [1], "box": [x1, y1, x2, y2], "category": "dog"}]}')
    source.add_argument("--boxes-from", help="a COCO file with boxes: each box becomes a box prompt, keeping its "
                                             "category and ids")
    source.add_argument("--everything", action="store_true", help="automatic masks for every image")
    batch.add_argument("--format", default="coco", help="comma-separated: coco, yolo, png (default coco)")
    batch.add_argument("--polygons", action="store_true", help="COCO segmentations as polygons instead of RLE")
    batch.add_argument("--multimask", action="store_true",
                       help="three candidates per prompt, keep the best-scoring (better for single points)")
    add_engine_choice(batch)
    add_everything_arguments(batch)
    add_engine_arguments(batch)
    batch.set_defaults(run=cmd_batch)


def model_identity(args: argparse.Namespace, service):
    """(what a job's results depend on besides its images and prompts: the model, its
    file, precision and decoder; the service's options for Ray workers)."""
    name = service.resolve_model_name(args.model_type)
    path = service.weights_path(name)
    identity = {"model": name, "file": path.name if path else None,
                "size": path.stat().st_size if path and path.is_file() else None,
                "precision": args.precision, "decoder": service.decoder}
    options = dict(model_type=name, checkpoint=str(path) if name in service.checkpoint_paths else None,
                   checkpoint_dir=str(service.checkpoint_dir), device=args.device, precision=args.precision,
                   decoder=service.decoder, attention=args.attention, max_pixels=args.max_pixels,
                   allow_fallback=False, cache_size=2)
    return identity, options


def batch_job(args: argparse.Namespace, service):
    """(job, the service's options for Ray workers) from the batch options."""
    from .. import batch

    identity, options = model_identity(args, service)
    if args.everything:
        job = batch.from_images(args.images, everything_settings(args).as_dict(), identity)
    elif args.prompts:
        job = batch.from_prompts(args.prompts, args.images, args.multimask, identity)
    else:
        job = batch.from_coco(args.boxes_from, args.images, args.multimask, identity)
    return job, options


def add_engine_choice(parser: argparse.ArgumentParser) -> None:
    """--engine local | ray and Ray's options."""
    parser.add_argument("--engine", choices=["local", "ray"], default="local",
                        help="local (this process) or ray (Ray Data: pip install 'sam-app[ray]')")
    parser.add_argument("--ray-address", help="Ray cluster to join (default: start Ray on this machine)")
    parser.add_argument("--workers", type=int, default=1, help="Ray: model actors, one model each (default 1)")
    parser.add_argument("--gpus-per-worker", type=float, default=0, help="Ray: GPUs per actor (default 0)")
    parser.add_argument("--cpus-per-worker", type=float, default=1,
                        help="Ray: CPUs per actor, also its torch threads (default 1; on CPU-only nodes give each "
                             "actor its share of the cores)")


def job_service(args: argparse.Namespace, everything: bool):
    """The service a job runs on. One decoder for every worker, so that engines and
    re-runs agree: ONNX Runtime for segment everything on the CPU (many prompts per
    image), else PyTorch; a decoder asked for by name is kept."""
    decoder = args.decoder if args.decoder not in (None, "auto") else "torch"
    if everything and args.decoder in (None, "auto") and resolve_device(args.device).type == "cpu":
        decoder = "onnx"
    return service_from_args(args, allow_fallback=False, cache_size=2, decoder=decoder)


def outcomes(args: argparse.Namespace, job, service, options, store, png: bool = False):
    """The engine's outcomes for ``job`` (``--engine``); a missing or unsuitable model
    fails before the first image."""
    from .. import batch

    if args.engine == "ray":
        return batch.run_ray(job, options, store, png, args.workers, args.gpus_per_worker, args.ray_address,
                             args.cpus_per_worker)
    segmenter = batch.Segmenter(service, job.everything, job.multimask)
    segmenter.load()  # a missing or unsuitable model fails here, once, with exit status 2
    return batch.run_local(job, segmenter, store, png, args.max_pixels)


def cmd_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .. import batch

    formats = batch.parse_formats(args.format)
    service = job_service(args, args.everything)
    job, options = batch_job(args, service)
    store = batch.Store(args.output)
    results = outcomes(args, job, service, options, store, "png" in formats)
    with tqdm(total=len(job.items), desc="images", unit="image", file=sys.stderr) as bar:
        def report(result):
            bar.update(1)
            if result["status"] == batch.FAILED:
                tqdm.write(f"failed {result['file_name']}: {result['reason']}", file=sys.stderr)
            elif result.get("reason"):  # done, with a box clipped or an object left out
                tqdm.write(f"note: {result['file_name']}: {result['reason']}", file=sys.stderr)
        summary = batch.run_job(job, results, store, formats, args.polygons, report)
    print(f"{len(job.items)} image(s): {summary.line()} -> {args.output}")
    for result in summary.failed:
        print(f"  failed: {result['file_name']}: {result['reason']}", file=sys.stderr)
    return 1 if summary.failed else 0
