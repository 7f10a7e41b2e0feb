"""``segment`` (an image with points, boxes, a mask input or text) and ``everything``
(automatic masks for an image or a folder, upstream amg.py's layout)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from .. import models
from ..errors import SamAppError, plural
from .options import add_engine_arguments, add_everything_arguments, everything_settings, service_from_args


def add_parsers(sub) -> None:
    seg = sub.add_parser("segment", help="segment an image with point and box prompts", allow_abbrev=False)
    seg.add_argument("image", help="image file (PNG, JPEG, WebP, TIFF, ...)")
    seg.add_argument("--out-dir", required=True, help="folder for result.json, mask PNGs and logits")
    seg.add_argument("--points", default="", help='"X Y X Y ..." in pixels, e.g. "100 150 250 300"')
    seg.add_argument("--labels", default="", help='"1 0 ...": 1 foreground, 0 background (default all 1)')
    seg.add_argument("--boxes", default="", help='"X1 Y1 X2 Y2 ...": one object per box')
    seg.add_argument("--mask-input", help="previous low-res logits (.npy, 1x256x256 or Kx1x256x256)")
    seg.add_argument("--multimask", action="store_true", help="three candidate masks per object")
    seg.add_argument("--region", default="", help='"X1 Y1 X2 Y2": segment inside this part of the image at full '
                     "resolution (a region of interest for small objects); prompts go inside it, masks come back "
                     "in the whole image")
    seg.add_argument("--text", default="", help='phrases to find, e.g. "dog, red car": one object per instance; '
                                                 "points and boxes given with it narrow it")
    seg.add_argument("--text-threshold", type=float, default=0.3, help="lowest detection score kept (0-1)")
    seg.add_argument("--max-instances", type=int, default=20, help="at most this many instances, best first")
    seg.add_argument("--detector", choices=models.names("detector"), default=None,
                     help="the text model (default: one present; SAM 3 first on a GPU, the cheapest first "
                          "elsewhere)")
    add_engine_arguments(seg)
    seg.set_defaults(run=cmd_segment)

    every = sub.add_parser("everything", help="automatic masks for an image or a folder (upstream amg.py's layout)",
                           allow_abbrev=False)
    every.add_argument("--input", required=True, help="an image file, or a folder of images")
    every.add_argument("--output", required=True,
                       help="folder: per image a folder of mask PNGs + metadata.csv, or with --convert-to-rle "
                            "one COCO-RLE JSON; re-runs replace an image's output whole")
    every.add_argument("--convert-to-rle", action="store_true", help="one COCO-RLE JSON per image instead of PNGs")
    add_everything_arguments(every)
    add_engine_arguments(every)
    every.set_defaults(run=cmd_everything)


def cmd_segment(args: argparse.Namespace) -> int:
    from ..export import save_json, save_mask_png, save_npy
    from ..prompts import build_objects, parse_boxes, parse_labels, parse_points
    from ..results import add_text, image_record, result_record

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
    if args.text and args.region:
        raise SamAppError("--region works with points and boxes; it does not combine with --text (the phrase "
                          "is looked for in the whole image)")
    if args.text:
        from ..tasks.text import segment_phrases

        result = found = segment_phrases(service, image, args.text, args.text_threshold, args.max_instances,
                                         args.detector, points=points, labels=labels, boxes=boxes,
                                         multimask=args.multimask)
    else:  # a box reaching outside the image (from another tool) is clipped to it, and said
        objects = build_objects(points, labels, boxes, (image.height, image.width), mask_input, clip=True)
        for obj in objects:
            if obj.note:
                print(f"note: {obj.note}", file=sys.stderr)
        result = service.segment_objects(image, objects, multimask=args.multimask, region=args.region)

    out = Path(args.out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SamAppError(f"cannot create output folder {out}: {exc.strerror}") from None
    for i, obj in enumerate(result.objects):  # object<id>_mask<candidate>: ids from 1, candidates from 0, as the JSON
        for c in range(len(obj.scores)):
            save_mask_png(out / f"object{i + 1}_mask{c}.png", obj.mask(c))
        if obj.low_res_logits is not None:
            save_npy(out / f"object{i + 1}_logits.npy", obj.low_res_logits)
    has_logits = all(o.low_res_logits is not None for o in result.objects)
    record = result_record(result, image_record(image, Path(args.image).name),
                           mask_files=lambda i, c: f"object{i + 1}_mask{c}.png",
                           logits_files=(lambda i: f"object{i + 1}_logits.npy") if has_logits else None)
    if found is not None:
        add_text(record, found.phrases, found.detector, found.notes)
    save_json(out / "result.json", record)
    print(f"{len(result.objects)} object(s) -> {out / 'result.json'}")
    for i, obj in enumerate(result.objects):  # the candidates' predicted IoU; * marks the best (the file's "best")
        scores = "  ".join(f"{'*' if c == obj.best else ' '}mask{c} {score:.4f}" for c, score in enumerate(obj.scores))
        print(f"  object{i + 1}: {scores}")
    return 0


def cmd_everything(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ..export import write_amg_output
    from ..tasks.everything import MaskGenerator

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
    print(f"{len(counts)} image(s), {plural(sum(counts), 'mask')} -> {output}; {len(failed)} failed")
    for name, reason in failed:
        print(f"  failed: {name}: {reason}", file=sys.stderr)
    if counts and not sum(counts):
        print(f"hint: no mask passed the filters (predicted IoU > {settings.pred_iou_thresh}, stability > "
              f"{settings.stability_score_thresh}); lower them with --pred-iou-thresh and --stability-score-thresh "
              "(a fine-tuned or small model often scores lower)", file=sys.stderr)
    return 1 if failed else 0
