"""Command line: ``sam-app`` (or ``python -m sam_app``) ``segment | everything | batch |
project | track | label-studio | evaluate | finetune | list | download | export-onnx | webui``, a thin layer over the
service; one module per group of commands, each adding its parsers with the function
that runs them. Model choices come from the registry (``sam_app.models``).

Exit status 0 on success; on bad input one line ``error: ...`` on stderr and status 2;
``everything`` and ``batch`` over several images: status 1 when some image failed (each
is reported). Options are never abbreviated (``--checkpoint`` is not ``--checkpoint-dir``).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from .. import limits
from ..errors import SamAppError
from ..files import STORAGE_ERRORS
from ..training.commands import add_evaluate_parser, add_finetune_parser
from . import batch, label_studio, models, project, segment, track
from .options import add_engine_arguments, service_from_args

EXAMPLES = """examples:
  sam-app segment photo.jpg --points "300 200" --multimask --out-dir out
  sam-app everything --input photos/ --output masks/ --preset fast
  sam-app batch --images photos/ --prompts prompts.jsonl --output dataset/ --format coco,yolo
  sam-app project create proj --images photos/ --classes person,car    (then: webui --project proj)
  sam-app track --video clip.mp4 --prompts prompts.json --output tracks/ --format png,ytvis,mp4
  sam-app label-studio --port 9090 --model-type sam2.1_hiera_t    (a Label Studio ML backend)
  sam-app list
  sam-app download vit_b
  sam-app webui --host 127.0.0.1 --port 7860        (the web UI; same as python webui.py)
"""


# each command's --help ends with these ("{prog}": how the user runs us)
COMMAND_EXAMPLES = {
    "segment": ['{prog} segment photo.jpg --points "300 200" --multimask --out-dir out',
                '{prog} segment photo.jpg --boxes "170 20 480 330" --points "300 200" --out-dir out',
                '{prog} segment photo.jpg --points "320 210" --mask-input out/object1_logits.npy --out-dir out2',
                '{prog} segment photo.jpg --text "cup, saucer" --out-dir out    (needs a text model)'],
    "everything": ["{prog} everything --input photos/ --output masks/ --preset fast",
                   "{prog} everything --input photo.jpg --output masks/ --pred-iou-thresh 0.7 --convert-to-rle"],
    "batch": ["{prog} batch --images photos/ --prompts prompts.jsonl --output dataset/ --format coco,yolo",
              "{prog} batch --images photos/ --boxes-from boxes.json --output dataset/ --polygons",
              "{prog} batch --images photos/ --everything --output dataset/ --points-per-side 16"],
    "track": ["{prog} track --video clip.mp4 --prompts prompts.json --output tracks/ --format png,ytvis,mp4",
              '{prog} track --video clip.mp4 --text "car, person" --output tracks/    (SAM 3)'],
    "label-studio": ["{prog} label-studio --port 9090 --model-type sam2.1_hiera_t",
                     "{prog} label-studio --host 0.0.0.0 --label-studio-url http://labelstudio:8080 "
                     "--label-studio-token TOKEN"],
    "evaluate": ["{prog} evaluate --images val/ --annotations val.json --output eval/ --max-clicks 10"],
    "finetune": ["{prog} finetune --images train/ --annotations train.json --output tuned.pth --epochs 4"],
    "list": ["{prog} list", "{prog} list --checkpoint my_model.pth --verify"],
    "download": ["{prog} download vit_b", "{prog} download edgetam --dir checkpoints/"],
    "export-onnx": ["{prog} export-onnx --model-type vit_b --output sam_vit_b_decoder.onnx --quantize"],
}


def program() -> str:
    """What the user typed to run us, for usage lines."""
    return "sam-app" if os.path.basename(sys.argv[0] or "").startswith("sam-app") else "python -m sam_app"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=program(), description="Segment Anything from the command line.",
                                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
                                     allow_abbrev=False)
    sub = parser.add_subparsers(dest="command", required=True)
    segment.add_parsers(sub)
    batch.add_parsers(sub)
    project.add_parsers(sub)
    track.add_parsers(sub)
    label_studio.add_parsers(sub)
    add_evaluate_parser(sub, add_engine_arguments).set_defaults(run=cmd_evaluate)
    add_finetune_parser(sub, add_engine_arguments).set_defaults(run=cmd_finetune)
    models.add_parsers(sub)
    sub.add_parser("webui", help="start the web UI (the same flags as python webui.py; see webui --help)",
                   add_help=False)
    for name, lines in COMMAND_EXAMPLES.items():
        command = sub.choices[name]
        command.epilog = "examples:\n" + "\n".join("  " + line.format(prog=program()) for line in lines)
        command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..training.commands import cmd_evaluate as run

    return run(args, service_from_args(args, allow_fallback=False, cache_size=2))


def cmd_finetune(args: argparse.Namespace) -> int:
    from ..training.commands import cmd_finetune as run

    return run(args, service_from_args(args, allow_fallback=False, cache_size=64, decoder="torch"))  # validation images


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["webui"]:
        from ..ui.server import main as webui

        return webui(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        limits.apply_arguments(args)
        return args.run(args)
    except SamAppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file the command had to read or write, at a place no check foresaw
        what = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {STORAGE_ERRORS.get(exc.errno, exc.strerror or exc)}{what}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


__all__ = ["add_engine_arguments", "build_parser", "main", "service_from_args"]
