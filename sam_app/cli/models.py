"""The commands about models: ``list``, ``download`` and ``export-onnx``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import checkpoints, models
from ..errors import SamAppError
from ..onnx_decoder import OPSET
from .options import add_checkpoint_dir_argument, add_model_arguments, service_from_args


def add_parsers(sub) -> None:
    lst = sub.add_parser("list", help="show every known model, whether its file is present and verified",
                         allow_abbrev=False)
    add_checkpoint_dir_argument(lst)
    lst.add_argument("--checkpoint", default=os.environ.get("SAM_CHECKPOINT"),
                     help="a checkpoint file or folder of any name: listed as the model it holds, recognised from its "
                          "contents (env SAM_CHECKPOINT)")
    lst.add_argument("--verify", action="store_true", help="hash files not verified yet (slow for vit_h)")
    lst.set_defaults(run=cmd_list)

    onnx = sub.add_parser("export-onnx", help="export a model's prompt encoder + mask decoder to ONNX, checked "
                                              "against PyTorch (models that declare onnx_decoder: SAM 1)",
                          allow_abbrev=False)
    add_model_arguments(onnx, [m.name for m in models.models() if m.capabilities.onnx_decoder])
    onnx.add_argument("--output", required=True, help="the .onnx file to write")
    onnx.add_argument("--quantize", action="store_true", help="uint8 dynamic quantisation of the weights")
    onnx.add_argument("--return-single-mask", action="store_true",
                      help="one mask per prompt (upstream's rule) instead of all four mask tokens")
    onnx.add_argument("--low-res-only", action="store_true",
                      help="no orig_im_size input and no full-size masks output (the graph this app runs)")
    onnx.add_argument("--opset", type=int, default=OPSET, help=f"ONNX opset (default {OPSET})")
    onnx.set_defaults(run=cmd_export_onnx)

    dl = sub.add_parser("download", help="download official checkpoints (resumes, verifies sha256)",
                        allow_abbrev=False)
    dl.add_argument("model", nargs="?", choices=[*(m.name for m in models.models() if m.weights), "all"],
                    help="which model (or all); leave out with --url")
    add_checkpoint_dir_argument(dl)
    dl.add_argument("--url", help="download a custom model file from this URL instead")
    dl.add_argument("--sha256", help="expected sha256 of the --url file")
    dl.set_defaults(run=cmd_download)


def cmd_export_onnx(args: argparse.Namespace) -> int:
    from ..export import atomic_write_bytes
    from ..onnx_decoder import export_bytes, quantize_bytes, verify

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
    source = "--checkpoint-dir" if args.checkpoint_dir else (
        "SAM_CHECKPOINT_DIR" if os.environ.get("SAM_CHECKPOINT_DIR") else "default")
    print(f"checkpoint folder: {folder} ({source})")
    given = {}
    if args.checkpoint:
        given[models.recognise(args.checkpoint)] = Path(args.checkpoint).expanduser()
        print(f"--checkpoint: {args.checkpoint} holds {next(iter(given))}")
    for status in models.statuses(args.checkpoint_dir, in_use=given):
        spec, weights = status.spec, status.spec.weights
        if weights is None:
            where = f"present as {status.path} ({spec.display})" if status.path else f"built in: {spec.display}"
            print(f"  {spec.name:15} {'(no file)' if status.path is None else '(custom)':24} {'':9}  {where}")
            continue
        state = _file_state(status, args.verify)
        print(f"  {spec.name:15} {weights.filename:24} {weights.size / 1e6:6.0f} MB  {state}")
    return 0


def _file_state(status, verify: bool) -> str:
    from . import program

    spec, weights = status.spec, status.spec.weights
    if status.state == "missing":
        return f"missing   ({program()} download {spec.name})"
    if status.path.name != getattr(weights, "filename", None) and checkpoints.known_sha256(status.path) is None \
            and not isinstance(weights, models.HubRepo):
        return f"present as {status.path} (--checkpoint; checked when loaded)"
    if isinstance(weights, models.HubRepo):  # checked file by file against the hub's hashes when downloaded
        if status.path.name == weights.filename:
            return "present"
        return f"present in the Hugging Face cache ({status.path})"
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

    from ..download import download, download_model

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
        bars = []  # made at the first byte: a download refused at once prints no empty bar

        def progress(done, total, bars=bars, label=label):
            if not bars:
                bars.append(tqdm(desc=label, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr))
            bars[0].total = total
            bars[0].update(done - bars[0].n)
        try:
            path = job(progress)
        finally:
            for bar in bars:
                bar.close()
        print(f"{path} ready")
    return 0
