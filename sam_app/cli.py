"""Command line: ``python -m sam_app segment|everything|list|download|export-onnx ...`` (a thin layer over
the service). Model choices come from the registry (``sam_app.models``).

Exit status 0 on success; on bad input one line ``error: ...`` on stderr and status 2;
``everything`` over several images: status 1 when some image failed (each is reported).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

import numpy as np

from . import checkpoints, limits, models
from .devices import ATTENTIONS, DECODERS, DEVICES, PRECISIONS, resolve_device
from .errors import SamAppError
from .files import STORAGE_ERRORS
from .images import DEFAULT_MAX_PIXELS
from .onnx_decoder import OPSET
from .training.commands import add_evaluate_parser, add_finetune_parser


def add_checkpoint_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--checkpoint-dir", "--dir", dest="checkpoint_dir", default=None,
                        help="folder with official checkpoint files (env SAM_CHECKPOINT_DIR, default checkpoint/)")


def add_model_arguments(parser: argparse.ArgumentParser, names: Optional[List[str]] = None) -> None:
    """--model-type (one of ``names``, default every registered model), --checkpoint and
    --checkpoint-dir, with environment variables as defaults."""
    env = os.environ.get
    parser.add_argument("--model-type", choices=names or models.names("segmenter"), default=env("SAM_MODEL_TYPE"),
                        help="model to run (default: the first whose checkpoint is found; the web UI then "
                             "falls back to classical, OpenCV GrabCut without weights; env SAM_MODEL_TYPE)")
    parser.add_argument("--checkpoint", default=env("SAM_CHECKPOINT"),
                        help="explicit checkpoint file; its model is recognised from its contents (env SAM_CHECKPOINT)")
    add_checkpoint_dir_argument(parser)


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """Options that configure the service, shared by the CLI and the web UI. Each has
    an environment variable as its default."""
    env = os.environ.get
    add_model_arguments(parser)
    parser.add_argument("--device", default=env("SAM_DEVICE", "auto"),
                        help=f"{' | '.join(DEVICES)} | cuda:N (env SAM_DEVICE, default auto: cuda > mps > cpu)")
    parser.add_argument("--precision", choices=PRECISIONS, default=env("SAM_PRECISION", "auto"),
                        help="image encoder precision (env SAM_PRECISION, default auto)")
    parser.add_argument("--decoder", choices=DECODERS, default=env("SAM_DECODER"),
                        help="SAM 1 prompt decoder: torch, onnx (ONNX Runtime), or auto = ONNX Runtime on the CPU "
                             "where it is faster, timed at load (env SAM_DECODER; default auto, and torch for "
                             "one-shot segment runs, where exporting would cost more than it saves)")
    parser.add_argument("--attention", choices=ATTENTIONS, default=env("SAM_ATTENTION", "sdpa"),
                        help="SAM 1 image encoder attention: sdpa (fused, faster) or reference (segment-anything's "
                             "code) (env SAM_ATTENTION)")
    parser.add_argument("--max-pixels", type=int, default=DEFAULT_MAX_PIXELS,
                        help=f"refuse larger images (env SAM_MAX_PIXELS, default {DEFAULT_MAX_PIXELS:,})")
    limits.add_arguments(parser)


def service_from_args(args: argparse.Namespace, **extra):
    """The service the options describe. ``extra`` goes to SamService (e.g. cache_size,
    allow_fallback) and wins over the options."""
    from .service import SamService

    options = dict(
        model_type=args.model_type, checkpoint=args.checkpoint, checkpoint_dir=args.checkpoint_dir,
        device=getattr(args, "device", "auto"), precision=getattr(args, "precision", "auto"),
        decoder=getattr(args, "decoder", None) or "auto", attention=getattr(args, "attention", "sdpa"),
        max_pixels=getattr(args, "max_pixels", DEFAULT_MAX_PIXELS),
    )
    return SamService(**{**options, **extra})


EVERYTHING_HELP = {
    "points_per_side": "grid points along each side (default 32)",
    "points_per_batch": "points decoded at once (default 64)",
    "pred_iou_thresh": "keep masks whose predicted IoU is above this (default 0.88)",
    "stability_score_thresh": "keep masks at least this stable (default 0.95)",
    "stability_score_offset": "logit offset the stability is measured with (default 1.0)",
    "box_nms_thresh": "box IoU above which a lower-scoring mask is dropped (default 0.7)",
    "crop_n_layers": "layers of image crops, layer i with (2**i)**2 crops (default 0)",
    "crop_nms_thresh": "box IoU for duplicates between crops (default 0.7)",
    "crop_overlap_ratio": "crop overlap as a fraction of the short side, a float (default 512/1500)",
    "crop_n_points_downscale_factor": "points per side shrink by this at each crop layer (default 1)",
    "min_mask_region_area": "remove holes and islands smaller than this, in pixels (default 0)",
    "mask_nms_thresh": "ours: drop a mask whose mask IoU with a better one is above this (default off)",
    "max_area_fraction": "ours: drop masks covering more of the image than this (default off)",
}


def add_everything_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per generator setting, upstream's names; unset flags keep the preset's."""
    from .tasks.everything import INT_OPTIONS, PRESETS

    parser.add_argument("--preset", choices=list(PRESETS), default="default",
                        help="default (upstream's settings) or fast (16 points per side)")
    for name, text in EVERYTHING_HELP.items():
        parser.add_argument("--" + name.replace("_", "-"), type=int if name in INT_OPTIONS else float, default=None,
                            help=text)


def everything_settings(args: argparse.Namespace, **extra):
    """The generator settings the flags describe."""
    from .tasks.everything import EverythingSettings

    chosen = {name: getattr(args, name) for name in EVERYTHING_HELP if getattr(args, name) is not None}
    return EverythingSettings.preset(args.preset, **chosen, **extra)


def add_batch_parser(sub) -> None:
    batch = sub.add_parser("batch", help="segment a folder into a COCO, YOLO or PNG dataset (resumable; here or on Ray)")
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
    batch.add_argument("--engine", choices=["local", "ray"], default="local",
                       help="local (this process) or ray (Ray Data: pip install 'sam-app[ray]')")
    batch.add_argument("--ray-address", help="Ray cluster to join (default: start Ray on this machine)")
    batch.add_argument("--workers", type=int, default=1, help="Ray: model actors, one model each (default 1)")
    batch.add_argument("--gpus-per-worker", type=float, default=0, help="Ray: GPUs per actor (default 0)")
    batch.add_argument("--cpus-per-worker", type=float, default=1,
                       help="Ray: CPUs per actor, also its torch threads (default 1; on CPU-only nodes give each "
                            "actor its share of the cores)")
    add_everything_arguments(batch)
    add_engine_arguments(batch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sam_app", description="Segment Anything from the command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    seg = sub.add_parser("segment", help="segment an image with point and box prompts")
    seg.add_argument("image", help="image file (PNG, JPEG, WebP, TIFF, ...)")
    seg.add_argument("--out-dir", required=True, help="folder for result.json, mask PNGs and logits")
    seg.add_argument("--points", default="", help='"X Y X Y ..." in pixels, e.g. "100 150 250 300"')
    seg.add_argument("--labels", default="", help='"1 0 ...": 1 foreground, 0 background (default all 1)')
    seg.add_argument("--boxes", default="", help='"X1 Y1 X2 Y2 ...": one object per box')
    seg.add_argument("--mask-input", help="previous low-res logits (.npy, 1x256x256 or Kx1x256x256)")
    seg.add_argument("--multimask", action="store_true", help="three candidate masks per object")
    seg.add_argument("--text", default="", help='phrases to find, e.g. "dog, red car": one object per instance; '
                                                 "points and boxes given with it narrow it")
    seg.add_argument("--text-threshold", type=float, default=0.3, help="lowest detection score kept (0-1)")
    seg.add_argument("--max-instances", type=int, default=20, help="at most this many instances, best first")
    seg.add_argument("--detector", choices=models.names("detector"), default=None,
                     help="the text model (default: one present; SAM 3 first on a GPU, the cheapest first "
                          "elsewhere)")
    add_engine_arguments(seg)

    every = sub.add_parser("everything", help="automatic masks for an image or a folder (upstream amg.py's layout)")
    every.add_argument("--input", required=True, help="an image file, or a folder of images")
    every.add_argument("--output", required=True,
                       help="folder: per image a folder of mask PNGs + metadata.csv, or with --convert-to-rle "
                            "one COCO-RLE JSON; re-runs replace an image's output whole")
    every.add_argument("--convert-to-rle", action="store_true", help="one COCO-RLE JSON per image instead of PNGs")
    add_everything_arguments(every)
    add_engine_arguments(every)

    add_batch_parser(sub)

    add_evaluate_parser(sub, add_engine_arguments)
    add_finetune_parser(sub, add_engine_arguments)

    lst = sub.add_parser("list", help="show every known model, whether its file is present and verified")
    add_checkpoint_dir_argument(lst)
    lst.add_argument("--verify", action="store_true", help="hash files not verified yet (slow for vit_h)")

    onnx = sub.add_parser("export-onnx", help="export SAM 1's prompt encoder + mask decoder to ONNX, "
                                              "checked against PyTorch")
    add_model_arguments(onnx, [m.name for m in models.models() if m.family == "sam1"])
    onnx.add_argument("--output", required=True, help="the .onnx file to write")
    onnx.add_argument("--quantize", action="store_true", help="uint8 dynamic quantisation of the weights")
    onnx.add_argument("--return-single-mask", action="store_true",
                      help="one mask per prompt (upstream's rule) instead of all four mask tokens")
    onnx.add_argument("--low-res-only", action="store_true",
                      help="no orig_im_size input and no full-size masks output (the graph this app runs)")
    onnx.add_argument("--opset", type=int, default=OPSET, help=f"ONNX opset (default {OPSET})")

    dl = sub.add_parser("download", help="download official checkpoints (resumes, verifies sha256)")
    dl.add_argument("model", nargs="?", choices=[*(m.name for m in models.models() if m.weights), "all"],
                    help="which model (or all); leave out with --url")
    add_checkpoint_dir_argument(dl)
    dl.add_argument("--url", help="download a custom model file from this URL instead")
    dl.add_argument("--sha256", help="expected sha256 of the --url file")
    return parser


def cmd_segment(args: argparse.Namespace) -> int:
    from .export import add_text, image_record, result_record, save_json, save_mask_png, save_npy
    from .prompts import parse_boxes, parse_labels, parse_points

    points = parse_points(args.points)
    labels = parse_labels(args.labels, len(points))
    boxes = parse_boxes(args.boxes)
    mask_input = None
    if args.mask_input:
        try:
            mask_input = np.load(args.mask_input, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise SamAppError(f"cannot read mask input {args.mask_input}: {exc}") from None
    # A script asked for SAM and gets SAM or an error; the classical backend only on request.
    service = service_from_args(args, allow_fallback=False, decoder=args.decoder or "torch")
    image = service.load_image(args.image)  # fail on a bad image before loading a model
    found = None
    if args.text and mask_input is not None:
        raise SamAppError("--mask-input refines one object; it does not combine with --text (each instance found "
                          "is its own object: refine one with --boxes and --mask-input afterwards)")
    if args.text:
        from .tasks.text import segment_phrases

        result = found = segment_phrases(service, image, args.text, args.text_threshold, args.max_instances,
                                         args.detector, points=points, labels=labels, boxes=boxes,
                                         multimask=args.multimask)
    else:
        result = service.segment(image, points, labels, boxes, mask_input, multimask=args.multimask)

    out = Path(args.out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SamAppError(f"cannot create output folder {out}: {exc.strerror}") from None
    for i, obj in enumerate(result.objects):
        for c in range(len(obj.scores)):
            save_mask_png(out / f"object{i}_mask{c}.png", obj.mask(c))
        if obj.low_res_logits is not None:
            save_npy(out / f"object{i}_logits.npy", obj.low_res_logits)
    has_logits = all(o.low_res_logits is not None for o in result.objects)
    record = result_record(result, image_record(image, str(args.image)), mask_files=lambda i, c: f"object{i}_mask{c}.png",
                           logits_files=(lambda i: f"object{i}_logits.npy") if has_logits else None)
    if found is not None:
        add_text(record, found.phrases, found.detector, found.notes)
    save_json(out / "result.json", record)
    print(f"{len(result.objects)} object(s) -> {out / 'result.json'}")
    return 0


def cmd_export_onnx(args: argparse.Namespace) -> int:
    from .export import atomic_write_bytes
    from .onnx_decoder import export_bytes, quantize_bytes, verify

    if not Path(args.output).parent.is_dir():
        raise SamAppError(f"cannot write {Path(args.output).name}: the folder {Path(args.output).parent} does not "
                          "exist")
    service = service_from_args(args, device="cpu", precision="fp32", decoder="torch", allow_fallback=False)
    backend = service.backend(service.require(None, "onnx_decoder"))
    model, model_type = backend.model, backend.name
    try:
        graph = export_bytes(model, args.return_single_mask, not args.low_res_only, args.opset)
        if args.quantize:
            graph = quantize_bytes(graph)
        check = verify(graph, model)
    except ImportError as exc:
        raise SamAppError(f"export-onnx needs onnx and onnxruntime ({exc}); pip install onnx onnxruntime") from None
    except Exception as exc:  # noqa: BLE001 - the exporter and onnxruntime raise many kinds
        raise SamAppError(f"ONNX export failed for {model_type}: {exc}") from None
    agreement = 0.98 if args.quantize else 0.999
    summary = ", ".join(f"{k} {v:.3g}" for k, v in check.items())
    if check["sign_agreement"] < agreement:
        raise SamAppError(f"the exported graph disagrees with PyTorch ({summary}); nothing written")
    atomic_write_bytes(Path(args.output), graph)
    print(f"{model_type} prompt encoder + mask decoder -> {args.output} ({len(graph) / 1e6:.1f} MB, opset {args.opset}"
          f"{', quantized' if args.quantize else ''}); against PyTorch on random prompts: {summary}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    folder = checkpoints.checkpoint_dir(args.checkpoint_dir)
    source = "--checkpoint-dir" if args.checkpoint_dir else ("SAM_CHECKPOINT_DIR" if os.environ.get("SAM_CHECKPOINT_DIR") else "default")
    print(f"checkpoint folder: {folder} ({source})")
    for status in models.statuses(args.checkpoint_dir):
        spec, weights = status.spec, status.spec.weights
        if weights is None:
            print(f"  {spec.name:15} {'(no file)':24} {'':9}  built in: {spec.display}")
            continue
        print(f"  {spec.name:15} {weights.filename:24} {weights.size / 1e6:6.0f} MB  {_file_state(status, args.verify)}")
    return 0


def _file_state(status, verify: bool) -> str:
    spec, weights = status.spec, status.spec.weights
    if status.state == "missing":
        return f"missing   (python -m sam_app download {spec.name})"
    if isinstance(weights, models.HubRepo):  # checked file by file against the hub's hashes when downloaded
        return "present" if status.path.name == weights.filename else f"present in the Hugging Face cache ({status.path})"
    if checkpoints.known_sha256(status.path) == weights.sha256:
        return "present, verified"
    if not verify:
        return "present, not verified yet (checked on first use, or run list --verify)"
    try:
        checkpoints.verify_official(status.path, weights, spec.name)
        return "present, verified"
    except SamAppError as exc:
        return f"present, BAD: {exc}"


def cmd_download(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .download import download, download_model

    if args.url:
        name = Path(args.url.split("?")[0]).name or "model.pth"
        jobs = [(name, lambda progress: download(args.url, checkpoints.checkpoint_dir(args.checkpoint_dir) / name,
                                                  args.sha256, None, progress))]
    elif args.model:
        specs = [m for m in models.models() if m.weights] if args.model == "all" else [models.get(args.model)]
        jobs = [(s.weights.filename, lambda progress, n=s.name: download_model(n, args.checkpoint_dir, progress))
                for s in specs]
    else:
        raise SamAppError("download: name a model (one of the list, or all) or give --url")
    for label, job in jobs:
        with tqdm(desc=label, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr) as bar:
            def progress(done, total, bar=bar):
                bar.total = total
                bar.update(done - bar.n)
            path = job(progress)
        print(f"{path} ready")
    return 0


def cmd_everything(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .export import write_amg_output
    from .tasks.everything import MaskGenerator

    settings = everything_settings(args, output_mode="coco_rle" if args.convert_to_rle else "binary_mask")
    source = Path(args.input)
    if not source.exists():
        raise SamAppError(f"input not found: {source}")
    targets = sorted(p for p in source.iterdir() if p.is_file()) if source.is_dir() else [source]
    if not targets:
        raise SamAppError(f"no files in {source}")
    output = Path(args.output)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SamAppError(f"cannot create output folder {output}: {exc.strerror}") from None
    service = service_from_args(args, allow_fallback=False, cache_size=1)
    generator = MaskGenerator(service, settings=settings)
    generator.backend()  # a model that cannot do it fails here, once, with exit status 2
    failed, counts = [], []
    for path in tqdm(targets, desc="images", unit="image", file=sys.stderr):
        try:
            records = generator.generate(path)
        except SamAppError as exc:  # this image (unreadable, too large, out of memory): skip it
            failed.append((path.name, str(exc)))
            tqdm.write(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        write_amg_output(records, output, path.stem, settings.output_mode)
        counts.append(len(records))
    print(f"{len(counts)} image(s), {sum(counts)} masks -> {output}; {len(failed)} failed")
    for name, reason in failed:
        print(f"  failed: {name}: {reason}", file=sys.stderr)
    return 1 if failed else 0


def batch_job(args: argparse.Namespace, service):
    """(job, the service's options for Ray workers) from the batch options."""
    from . import batch

    name = service.resolve_model_name(args.model_type)
    path = service.weights_path(name)
    identity = {"model": name, "file": path.name if path else None,
                "size": path.stat().st_size if path and path.is_file() else None,
                "precision": args.precision, "decoder": service.decoder}
    if args.everything:
        job = batch.from_images(args.images, everything_settings(args).as_dict(), identity)
    elif args.prompts:
        job = batch.from_prompts(args.prompts, args.images, args.multimask, identity)
    else:
        job = batch.from_coco(args.boxes_from, args.images, args.multimask, identity)
    options = dict(model_type=name, checkpoint=str(path) if name in service.checkpoint_paths else None,
                   checkpoint_dir=str(service.checkpoint_dir), device=args.device, precision=args.precision,
                   decoder=service.decoder, attention=args.attention, max_pixels=args.max_pixels,
                   allow_fallback=False, cache_size=2)
    return job, options


def cmd_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from . import batch

    formats = batch.parse_formats(args.format)
    # One decoder for every worker, so that engines and re-runs agree: ONNX Runtime for
    # segment everything on the CPU (many prompts per image), else PyTorch.
    decoder = args.decoder if args.decoder in ("torch", "onnx") else "torch"
    if args.everything and args.decoder in (None, "auto") and resolve_device(args.device).type == "cpu":
        decoder = "onnx"
    service = service_from_args(args, allow_fallback=False, cache_size=2, decoder=decoder)
    job, options = batch_job(args, service)
    store = batch.Store(args.output)
    if args.engine == "ray":
        outcomes = batch.run_ray(job, options, store, "png" in formats, args.workers, args.gpus_per_worker,
                                 args.ray_address, args.cpus_per_worker)
    else:
        segmenter = batch.Segmenter(service, job.everything, job.multimask)
        segmenter.load()  # a missing or unsuitable model fails here, once, with exit status 2
        outcomes = batch.run_local(job, segmenter, store, "png" in formats, args.max_pixels)
    with tqdm(total=len(job.items), desc="images", unit="image", file=sys.stderr) as bar:
        def report(result):
            bar.update(1)
            if result["status"] == batch.FAILED:
                tqdm.write(f"failed {result['file_name']}: {result['reason']}", file=sys.stderr)
        summary = batch.run_job(job, outcomes, store, formats, args.polygons, report)
    print(f"{len(job.items)} image(s): {summary.line()} -> {args.output}")
    for result in summary.failed:
        print(f"  failed: {result['file_name']}: {result['reason']}", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .training.commands import cmd_evaluate as run

    return run(args, service_from_args(args, allow_fallback=False, cache_size=2))


def cmd_finetune(args: argparse.Namespace) -> int:
    from .training.commands import cmd_finetune as run

    return run(args, service_from_args(args, allow_fallback=False, cache_size=64, decoder="torch"))  # validation images


COMMANDS = {"segment": cmd_segment, "everything": cmd_everything, "batch": cmd_batch, "list": cmd_list,
            "download": cmd_download, "export-onnx": cmd_export_onnx, "evaluate": cmd_evaluate,
            "finetune": cmd_finetune}


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        limits.apply_arguments(args)
        return COMMANDS[args.command](args)
    except SamAppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file the command had to read or write, at a place no check foresaw
        what = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {STORAGE_ERRORS.get(exc.errno, exc.strerror or exc)}{what}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
