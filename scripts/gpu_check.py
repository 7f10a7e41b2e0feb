"""The GPU check (`make gpu-check`): on a machine with a CUDA GPU, the CUDA-only tests and
every benchmark table measured there, written to docs/performance-gpu.md.

    python scripts/gpu_check.py [--dry] [--out docs/performance-gpu.md] [--only NAME ...] [--step-seconds 900]

Each step runs as its own process; one that fails, runs out of time or cannot start (a
package missing, no chromium) is reported in the file with the end of its output, and the
others still run. The benchmarks write their sections into ``--out`` instead of
docs/performance.md (``SAM_BENCH_REPORT``, benchmarks/report.py).

--dry needs no GPU (the suite runs it, so that the check does not rot): it measures
nothing, but checks that every step's script is there and accepts the flags the step gives
it (its ``--help`` names each), and writes the plan to ``--out``.

It needs the project's dependencies (``pip install -e .[test]``, as `make install-test`),
CUDA's PyTorch and the GPU; the browser step also needs Debian's chromium and is skipped
without it.

On a lent GPU machine that cannot reach PyPI (its image has Python 3.12, PyTorch,
onnxruntime, OpenCV, timm, peft and pytest, not the rest): ``scripts/gpu-wheels.sh core``
here (`make gpu-wheels`) puts what it lacks into .whl/, then one device call, carrying
.whl, runs the check without make (no venv, no install):

    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
        --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1 \
        && python3 scripts/gpu_check.py --out $OUT/performance-gpu.md --only tests interactive everything

and ``scripts/gpu-wheels.sh transformers`` before a second call for the ``models`` and
``text`` steps (transformers 5.24 or newer; one set a call fits the 64 MiB a call carries).
Without gradio (not carried: 31 MB) run.py leaves out its web UI rows, and the browser
step needs chromium, which the image lacks.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "docs" / "performance-gpu.md"
TAIL = 3000  # characters of a failed step's output kept in the file


@dataclass(frozen=True)
class Step:
    """One part of the check: ``argv`` after the Python interpreter, run in the checkout."""

    name: str
    title: str
    argv: Tuple[str, ...]
    needs: Tuple[str, ...] = ()  # programs that must be on PATH (else the step is skipped, and says why)


STEPS = (
    Step("tests", "CUDA-only tests (CPU against CUDA, and the half precisions)",
         ("-m", "pytest", "-q", "-m", "cuda", "tests/test_cuda.py")),
    Step("interactive", "Encoders (vit_b, vit_l, vit_h in fp32, bf16 and fp16), the prompt decoder, prompt latency, "
         "memory", ("benchmarks/run.py", "--device", "cuda", "--models", "vit_b,vit_l,vit_h")),
    Step("models", "Model families: SAM 2.1, HQ-SAM, EdgeTAM, SAM 3 encoders at each precision",
         ("benchmarks/model_families.py", "--device", "cuda")),
    Step("text", "Text prompts: a detector + vit_b, and SAM 3", ("benchmarks/text_prompts.py", "--device", "cuda")),
    Step("everything", "Segment everything against upstream's generator", ("benchmarks/everything.py",)),
    Step("batch", "The batch engine", ("benchmarks/batch.py",)),
    Step("video", "Video tracking", ("benchmarks/video.py",)),
    Step("clicks", "Click -> mask on screen in Chromium", ("benchmarks/clicks.py",), needs=("chromium",)),
)


@dataclass
class Outcome:
    step: Step
    status: str  # "passed", "failed", "skipped", "timed out", "planned" (dry)
    seconds: float = 0.0
    detail: str = ""
    tail: str = ""


def flags_of(argv) -> List[str]:
    """The option names a step passes (``--device``, ...)."""
    return [a for a in argv if a.startswith("--")]


def check_plan(step: Step) -> Outcome:
    """Dry: the step's script exists and its ``--help`` names every flag the step gives."""
    script = next((a for a in step.argv if a.endswith(".py")), None)
    if script is not None and not (REPO / script).is_file():
        return Outcome(step, "failed", detail=f"{script} is missing")
    if step.argv[:2] == ("-m", "pytest"):
        marker = step.argv[step.argv.index("-m", 1) + 1]
        declared = (REPO / "pytest.ini").read_text()
        if not re.search(rf"^\s+{marker}:", declared, re.M):
            return Outcome(step, "failed", detail=f"pytest.ini declares no marker {marker!r}")
        return Outcome(step, "planned", detail="marker declared; the tests are skipped without CUDA")
    started = time.perf_counter()
    shown = subprocess.run([sys.executable, script, "--help"], cwd=REPO, capture_output=True, text=True, timeout=300)
    missing = [f for f in flags_of(step.argv) if f not in shown.stdout]
    if shown.returncode != 0 or missing:
        why = (f"--help exited {shown.returncode}" if shown.returncode
               else f"{script} does not take {', '.join(missing)}")
        return Outcome(step, "failed", time.perf_counter() - started, why, shown.stderr[-TAIL:])
    return Outcome(step, "planned", time.perf_counter() - started, "the script takes every flag given")


def run_step(step: Step, out: Path, seconds: float) -> Outcome:
    """Run ``step``, its benchmark sections going into ``out``."""
    absent = [program for program in step.needs if shutil.which(program) is None]
    if absent:
        return Outcome(step, "skipped", detail=f"{', '.join(absent)} is not on this machine")
    env = dict(os.environ, SAM_BENCH_REPORT=str(out), PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, *step.argv], cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=seconds)
    except subprocess.TimeoutExpired as exc:
        output = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return Outcome(step, "timed out", seconds, f"stopped after {seconds:.0f} s", output[-TAIL:])
    elapsed = time.perf_counter() - started
    output = done.stdout + done.stderr
    if done.returncode != 0:
        return Outcome(step, "failed", elapsed, f"exited {done.returncode}", output[-TAIL:])
    return Outcome(step, "passed", elapsed, output.strip().splitlines()[-1][:200] if output.strip() else "")


def machine() -> str:
    """One line: the GPU (or that there is none), PyTorch, CUDA, the processor."""
    try:
        import torch
    except ImportError:
        return f"no PyTorch; {platform.processor() or platform.machine()}"
    if torch.cuda.is_available():
        props = torch.cuda.get_device_properties(0)
        gpu = (f"{props.name}, {props.total_memory / 2**30:.0f} GiB, compute capability {props.major}.{props.minor}, "
               f"bf16 {'yes' if torch.cuda.is_bf16_supported() else 'no'}")
    else:
        gpu = "no CUDA GPU"
    return (f"{gpu}; torch {torch.__version__} (CUDA {torch.version.cuda}); "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; Python {platform.python_version()}")


def header(outcomes: List[Outcome], dry: bool) -> str:
    """The file's summary: where and when it ran, and each step's outcome."""
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [TITLE, "",
             f"Made by `make gpu-check` (`python scripts/gpu_check.py`){' in its dry mode' if dry else ''} on "
             f"{when}: {machine()}.",
             "Random weights at full size, as docs/performance.md (each step costs what it costs with the real "
             "weights). The sections below are the benchmarks' own, measured in this run.", "",
             "| step | what | outcome | seconds | |", "|---|---|---|---:|---|"]
    for o in outcomes:
        lines.append(f"| {o.step.name} | {o.step.title} | {o.status} | {o.seconds:.0f} | {o.detail} |")
    for o in outcomes:
        if o.tail:
            lines += ["", f"### {o.step.name}: the end of its output", "", "```", o.tail.strip(), "```"]
    return "\n".join(lines) + "\n"


TITLE = "# Performance on a GPU"
SECTION = re.compile(r"<!-- section:(\w[\w-]*) -->.*?<!-- /section:\1 -->", re.S)


def write(out: Path, outcomes: List[Outcome], dry: bool) -> None:
    """``out``: the summary, then the sections the benchmarks wrote into it. benchmarks/run.py
    writes a whole file of its own: what it put before the first section becomes the
    section ``interactive``."""
    text = out.read_text() if out.exists() else ""
    first = SECTION.search(text)
    lead = (text[:first.start()] if first else text).strip()
    blocks = [m.group(0) for m in SECTION.finditer(text)]
    if lead and not lead.startswith(TITLE):
        blocks.insert(0, f"<!-- section:interactive -->\n{lead}\n<!-- /section:interactive -->")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n\n".join([header(outcomes, dry).strip(), *blocks]) + "\n")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry", action="store_true", help="check the plan, measure nothing (no GPU needed)")
    parser.add_argument("--out", type=Path, help=f"default {DEFAULT_OUT.relative_to(REPO)} (--dry: no file)")
    parser.add_argument("--only", nargs="+", choices=[s.name for s in STEPS], help="these steps alone")
    parser.add_argument("--step-seconds", type=float, default=900, help="time limit of each step")
    args = parser.parse_args(argv)
    steps = [s for s in STEPS if not args.only or s.name in args.only]
    out = args.out or (None if args.dry else DEFAULT_OUT)
    if not args.dry:
        import torch

        if not torch.cuda.is_available():
            print("gpu-check: no CUDA GPU here; run it on a GPU machine, or with --dry to check the plan",
                  file=sys.stderr)
            return 2
        if out.exists():
            out.unlink()  # this run's sections only
    outcomes = []
    for step in steps:
        print(f"gpu-check: {step.name}: {step.title}", flush=True)
        outcome = check_plan(step) if args.dry else run_step(step, out.resolve(), args.step_seconds)
        print(f"gpu-check: {step.name}: {outcome.status} {outcome.detail}", flush=True)
        outcomes.append(outcome)
        if out is not None:
            write(out, outcomes, args.dry)  # after each step: a run cut short keeps what it measured
    if out is not None:
        print(f"gpu-check: wrote {out}")
    return 1 if any(o.status in ("failed", "timed out") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
