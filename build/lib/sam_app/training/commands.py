"""The command-line side of evaluation and fine-tuning: ``python -m sam_app evaluate``
(and ``finetune``), their options and what they print."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_evaluate_parser(sub, add_engine_arguments):
    """The ``evaluate`` parser, added to ``sub``; returned."""
    from .evaluate import EvalSettings

    defaults = EvalSettings()
    ev = sub.add_parser("evaluate", help="score a model on a COCO dataset with simulated clicks (mIoU, NoC)",
                        allow_abbrev=False)
    ev.add_argument("--images", required=True, help="the dataset's image folder (file_name is relative to it)")
    ev.add_argument("--annotations", required=True, help="COCO instances JSON with segmentations (polygons or RLE)")
    ev.add_argument("--output", required=True, help="folder for evaluation.json, evaluation.md, iou_vs_clicks.png")
    ev.add_argument("--max-clicks", type=int, default=defaults.max_clicks,
                    help=f"interactions per object (default {defaults.max_clicks})")
    ev.add_argument("--iou-targets", type=float, nargs="+", default=list(defaults.iou_targets),
                    help="NoC targets (default 0.85 0.9)")
    ev.add_argument("--first-prompt", choices=["click", "box"], default=defaults.first_prompt,
                    help="the first interaction: a click at the most interior pixel, or the box with SAM's noise")
    ev.add_argument("--candidates", choices=["best", "oracle"], default=defaults.candidates,
                    help="with three candidates, keep the best-scoring (default) or the one closest to the truth")
    ev.add_argument("--limit", type=int, default=None, help="evaluate a random sample of this many objects")
    ev.add_argument("--seed", type=int, default=defaults.seed, help="for the sample and the box noise (default 0)")
    add_engine_arguments(ev)
    return ev


def cmd_evaluate(args: argparse.Namespace, service) -> int:
    from .evaluate import EvalSettings, evaluate, markdown, write_report

    settings = EvalSettings(args.max_clicks, tuple(args.iou_targets), args.first_prompt, args.candidates, args.limit,
                            args.seed)
    report = evaluate(service, Path(args.images), Path(args.annotations), settings)
    files = write_report(report, Path(args.output))
    print(markdown(report))
    if report["skipped"]:
        print(f"{report['skipped']} annotation(s) with an empty mask left out", file=sys.stderr)
    print("-> " + ", ".join(str(f) for f in files))
    return 0


def add_finetune_parser(sub, add_engine_arguments):
    """The ``finetune`` parser, added to ``sub``; returned."""
    from .finetune import TrainSettings

    defaults = TrainSettings()
    ft = sub.add_parser("finetune", help="fine-tune a SAM model's prompt encoder and mask decoder on a COCO dataset "
                                         "(SAM's recipe; resumable): SAM 1, SAM 2.1, HQ-SAM, EdgeTAM",
                        allow_abbrev=False)
    ft.add_argument("--images", required=True, help="the dataset's image folder (file_name is relative to it)")
    ft.add_argument("--annotations", required=True, help="COCO instances JSON with segmentations")
    ft.add_argument("--output", required=True, help="the fine-tuned weights: a file (.pth) for SAM 1, a "
                                                    "save_pretrained folder for the others; its card, report and "
                                                    "embedding cache go beside it")
    ft.add_argument("--epochs", type=int, default=defaults.epochs, help=f"default {defaults.epochs}")
    ft.add_argument("--lr", type=float, default=defaults.lr, help=f"AdamW's peak rate (default {defaults.lr})")
    ft.add_argument("--batch-size", type=int, default=defaults.batch_size,
                    help=f"objects per step, of one image (default {defaults.batch_size})")
    ft.add_argument("--val-split", type=float, default=defaults.val_split,
                    help=f"share of the images held out for validation (default {defaults.val_split})")
    ft.add_argument("--val-clicks", type=int, default=defaults.val_clicks,
                    help=f"interactions per validation object (default {defaults.val_clicks})")
    ft.add_argument("--seed", type=int, default=defaults.seed, help="the split and the prompts (default 0)")
    ft.add_argument("--resume", action="store_true", help="go on from the last finished epoch of the same run")
    ft.add_argument("--train-encoder", action="store_true",
                    help="also train low-rank adapters (LoRA, peft) on the image encoder's attention, merged into "
                         "its weights at the end; embeddings are then computed at every step (slow on a CPU); "
                         "SAM 1 only")
    ft.add_argument("--lora-rank", type=int, default=defaults.lora_rank, help=f"default {defaults.lora_rank}")
    ft.add_argument("--clip-grad", type=float, default=defaults.clip_grad,
                    help=f"scale each step's gradient to at most this L2 norm; 0: never (default {defaults.clip_grad})")
    ft.add_argument("--patience", type=int, default=defaults.patience,
                    help="stop after this many epochs without a better validation score; 0: never "
                         f"(default {defaults.patience})")
    ft.add_argument("--keep", choices=["best", "last"], default=defaults.keep,
                    help="the weights written: the best by validation (the base model's when no epoch beat it) or "
                         f"the last epoch's (default {defaults.keep})")
    add_engine_arguments(ft)
    return ft


def cmd_finetune(args: argparse.Namespace, service) -> int:
    from .finetune import TrainSettings
    from .report import markdown
    from .run import finetune

    settings = TrainSettings(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size, val_split=args.val_split,
                             val_clicks=args.val_clicks, seed=args.seed, train_encoder=args.train_encoder,
                             lora_rank=args.lora_rank, clip_grad=args.clip_grad, patience=args.patience,
                             keep=args.keep)
    report = finetune(service, Path(args.images), Path(args.annotations), Path(args.output), settings,
                      resume=args.resume)
    print(markdown(report))
    print(f"-> {args.output} (load it with --checkpoint {args.output})")
    return 0
