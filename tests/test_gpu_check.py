"""`make gpu-check` in its dry mode (no GPU): the plan holds, so that the check does not rot
between the sessions that have a GPU."""

import importlib.util
import subprocess
import sys

import pytest

from conftest import REPO


def gpu_check():
    spec = importlib.util.spec_from_file_location("gpu_check", REPO / "scripts" / "gpu_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # each benchmark's --help imports PyTorch: about 15 s in all
def test_every_step_of_the_gpu_check_takes_what_it_is_given(tmp_path):
    out = tmp_path / "performance-gpu.md"
    done = subprocess.run([sys.executable, "scripts/gpu_check.py", "--dry", "--out", str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    text = out.read_text()
    assert text.startswith("# Performance on a GPU") and "in its dry mode" in text
    for step in gpu_check().STEPS:
        assert f"| {step.name} | {step.title} | planned |" in text


def test_a_step_that_takes_another_flag_fails_the_dry_run(tmp_path):
    check = gpu_check()
    wrong = check.Step("batch", "the batch engine", ("benchmarks/batch.py", "--device", "cuda"))
    outcome = check.check_plan(wrong)
    assert outcome.status == "failed" and outcome.detail == "benchmarks/batch.py does not take --device"
    missing = check.Step("gone", "a script that is not there", ("benchmarks/gone.py",))
    assert check.check_plan(missing).detail == "benchmarks/gone.py is missing"


def test_the_file_keeps_the_benchmarks_sections_under_the_summary(tmp_path):
    check = gpu_check()
    out = tmp_path / "performance-gpu.md"
    # what benchmarks/run.py writes (a whole file), then a section another benchmark added
    out.write_text("# Performance\n\n| measurement | p50 |\n|---|---:|\n| encode | 30 |\n\n"
                   "<!-- section:everything -->\nmasks\n<!-- /section:everything -->\n")
    outcomes = [check.Outcome(step, "passed", 12.0) for step in check.STEPS[1:3]]
    check.write(out, outcomes, dry=False)
    check.write(out, outcomes, dry=False)  # again after the next step: nothing doubles
    text = out.read_text()
    assert text.startswith("# Performance on a GPU") and "| interactive |" in text
    assert text.count("<!-- section:interactive -->") == 1 and text.count("<!-- section:everything -->") == 1
    assert text.index("| encode | 30 |") < text.index("<!-- section:everything -->")
