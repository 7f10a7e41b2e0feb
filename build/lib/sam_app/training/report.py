"""What a fine-tuning run writes beside its output: ``<stem>_report.json`` (everything,
the loss of every step included), ``<stem>_report.md`` (the validations as a table, and
what was kept) and ``<stem>_loss.png``."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import numpy as np

from ..export import atomic_write_bytes, save_json
from .evaluate import figure_png, pyplot


def verdict(report: Dict[str, object]) -> str:
    """One plain sentence: which weights the output holds, and why."""
    before, kept = report["before"]["mIoU"], report["after"]["mIoU"]
    first = next(iter(before))
    change = f"mIoU@{first} {before[first]:.3f} -> {kept[first]:.3f}"
    stopped = (f" Training stopped early after epoch {report['stopped_after']}: {report['settings']['patience']} "
               "validations brought nothing better." if report["stopped_after"] else "")
    if not report["improved"]:
        return ("No epoch improved on the base model's validation score: the output holds the base model's weights "
                f"unchanged ({change} is the base model's own).{stopped}") if report["kept_epoch"] == 0 else (
                f"No epoch improved on the base model's validation score; as asked (--keep last), the output holds "
                f"the last epoch's weights ({change}).{stopped}")
    return f"The output holds the weights after epoch {report['kept_epoch']} ({change}).{stopped}"


def markdown(report: Dict[str, object]) -> str:
    """The validations (the base model, each epoch, the kept weights) as a Markdown table,
    and the verdict."""
    rows = [("before", report["before"]), *((f"epoch {h['epoch']}", h) for h in report["history"][1:]),
            ("after", report["after"])]
    ats = list(report["before"]["mIoU"])
    targets = list(report["before"]["NoC"])
    head = ["", *(f"mIoU@{k}" for k in ats), *(f"NoC@{t}" for t in targets)]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, summary in rows:
        noc = [f"{summary['NoC'][t]:.2f}" if "NoC" in summary else "" for t in targets]
        lines.append("| " + " | ".join([name, *(f"{summary['mIoU'][k]:.3f}" for k in ats), *noc]) + " |")
    return (f"{report['base_model']} fine-tuned on {report['annotations']}: {report['train_images']} training "
            f"images, {report['steps_run']} of {report['steps']} steps; validation on {report['val_images']} images "
            f"({report['before']['objects']} objects)\n\n" + "\n".join(lines) + "\n\n" + verdict(report) + "\n")


def loss_png(losses: List[float]) -> bytes:
    """PNG of the loss per step, and its running mean."""
    figure, axes = pyplot().subplots(figsize=(7, 4), dpi=100)
    axes.plot(losses, lw=0.6, alpha=0.5, label="step")
    window = max(1, len(losses) // 20)
    if len(losses) >= window:
        axes.plot(np.arange(window - 1, len(losses)), np.convolve(losses, np.ones(window) / window, "valid"),
                  lw=2, label=f"mean of {window}")
    axes.set(xlabel="step", ylabel="loss (focal x20 + dice + IoU MSE)", title="training loss")
    axes.grid(alpha=0.3)
    axes.legend()
    return figure_png(figure)


def write_report(report: Dict[str, object], output: Path) -> None:
    stem = Path(output).with_name(Path(output).stem)
    save_json(Path(f"{stem}_report.json"), report)
    atomic_write_bytes(Path(f"{stem}_report.md"), markdown(report).encode())
    atomic_write_bytes(Path(f"{stem}_loss.png"), loss_png(report["losses"]))
