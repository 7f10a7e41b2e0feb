"""The command line, in a subprocess as a user runs it."""

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from sam_app.export import decode_rle

from conftest import IMGS, REPO, run_cli


@pytest.mark.slow
def test_segment_writes_masks_logits_and_json(tmp_path, vit_b_checkpoint):
    out = tmp_path / "out"
    result = run_cli("segment", IMGS / "coffee.png", "--out-dir", out, "--points", "300 200 320 210 100 100",
                     "--labels", "1 1 0", "--boxes", "250 100 450 350 0 0 200 200", "--multimask",
                     "--checkpoint", vit_b_checkpoint, "--device", "cpu", "--precision", "fp32", "--decoder", "onnx")
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "result.json").read_text())
    assert data["schema_version"] == 1 and data["model"] == "vit_b"
    assert data["image"] == {"file_name": "coffee.png", "width": 600, "height": 400, "image_id": None}
    assert [o["prompt"]["box"] for o in data["objects"]] == [[250, 100, 450, 350], [0, 0, 200, 200]]
    assert data["objects"][0]["prompt"]["points"] == [[300, 200], [320, 210]]
    assert data["objects"][1]["prompt"]["labels"] == [0]
    for i, obj in enumerate(data["objects"]):
        scores = [m["score"] for m in obj["masks"]]
        assert len(scores) == 3 and obj["best"] == int(np.argmax(scores))
        for c, record in enumerate(obj["masks"]):
            assert record["file"] == f"object{i + 1}_mask{c}.png"
            mask = np.asarray(Image.open(out / record["file"]))
            assert mask.shape == (400, 600) and set(np.unique(mask)) <= {0, 255}
            np.testing.assert_array_equal(decode_rle(record["segmentation"]), mask > 0)
            assert record["area"] == int((mask > 0).sum())
        assert np.load(out / obj["logits"]).shape == (3, 256, 256)

    # refine object 0 with its best low-res logits fed back as mask input
    logits = np.load(out / data["objects"][0]["logits"])[data["objects"][0]["best"]][None]
    np.save(tmp_path / "prev.npy", logits)
    again = run_cli("segment", IMGS / "coffee.png", "--out-dir", tmp_path / "out2", "--points", "300 200",
                    "--mask-input", tmp_path / "prev.npy", "--checkpoint", vit_b_checkpoint, "--precision", "fp32")
    assert again.returncode == 0, again.stderr
    refined = json.loads((tmp_path / "out2" / "result.json").read_text())["objects"][0]
    assert len(refined["masks"]) == 1 and refined["prompt"]["mask_input"] is True


@pytest.mark.parametrize("args, message", [
    (["--points", "10 abc"], "error: points: token 2 ('abc') is not a number"),
    (["--points", "10 10", "--labels", "1 0"], "error: labels: got 2 labels for 1 points"),
    (["--boxes", "10 10 5 5"], "error: box 1 (10 10 5 5) is degenerate"),
    (["--points", "9999 10"], "error: point 1 (9999, 10) is outside the 600x400 image"),
    (["--points", "10 10"], "error: no checkpoint found: looked for sam_vit_b_01ec64.pth"),
    (["--points", "10 10", "--device", "tpu"], "error: unknown device 'tpu'"),
    (["--points", "10 10", "--checkpoint", "/nope.pth"], "error: checkpoint file not found: /nope.pth"),
    (["--points", "10 10 20 20 30 30", "--max-points", "2"],
     "error: the object has 3 points; at most 2 points per object are accepted (--max-points or the SAM_MAX_POINTS "),
    (["--boxes", "1 1 9 9", "--max-objects", "-1"], "error: --max-objects must be 0 or more, got -1"),
])
def test_bad_input_is_one_line_on_stderr_and_nonzero_status(tmp_path, args, message):
    result = run_cli("segment", IMGS / "coffee.png", "--out-dir", tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "result.json").exists()


def test_bad_image_and_list(tmp_path):
    (tmp_path / "bad.png").write_bytes(b"nope")
    result = run_cli("segment", tmp_path / "bad.png", "--out-dir", tmp_path, "--points", "1 1")
    assert result.returncode == 2 and "not a readable image" in result.stderr
    listing = run_cli("list", "--checkpoint-dir", tmp_path)
    assert listing.returncode == 0 and str(tmp_path) in listing.stdout
    assert "sam_vit_b_01ec64.pth" in listing.stdout and "missing" in listing.stdout


def test_the_installed_command_runs(tmp_path):
    """`make install` installs the package (pip install -e .): its `sam-app` command is
    the CLI, and `sam-app webui --help` the web UI's flags."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    command = shutil.which("sam-app", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("the package is not installed in this environment (make install does it)")
    for args, words in ((["--help"], "examples:"), (["list", "--checkpoint-dir", str(tmp_path)], "vit_b"),
                        (["webui", "--help"], "--max-sessions")):
        result = subprocess.run([command, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0 and words in result.stdout, result.stderr
    assert "sam-app download vit_b" in subprocess.run([command, "list", "--checkpoint-dir", str(tmp_path)],
                                                      capture_output=True, text=True, timeout=120).stdout


@pytest.mark.parametrize("umask, file_mode, folder_mode", [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)])
def test_output_files_follow_the_umask(tmp_path, umask, file_mode, folder_mode):
    """Files written through a temporary name and renamed into place (results, datasets,
    exports) get the mode ``open()`` would give them, not mkstemp's 0o600."""
    script = ("import sys; from pathlib import Path; from sam_app.export import atomic_write_bytes, replaced_folder\n"
              "out = Path(sys.argv[1]); atomic_write_bytes(out / 'a.json', b'{}')\n"
              "with replaced_folder(out / 'dataset') as staging: atomic_write_bytes(staging / 'b.txt', b'x')\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=REPO, umask=umask, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == file_mode
    assert (tmp_path / "dataset" / "b.txt").stat().st_mode & 0o777 == file_mode
    assert (tmp_path / "dataset").stat().st_mode & 0o777 == folder_mode


def test_segment_prints_each_candidates_score_and_everything_hints_at_empty_results(tiny_cli, tmp_path):
    result = tiny_cli("segment", IMGS / "coffee.png", "--points", "300 200", "--multimask", "--out-dir", tmp_path / "s")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "s" / "result.json").read_text())
    scores = [m["score"] for m in data["objects"][0]["masks"]]
    best = data["objects"][0]["best"]
    line = "  ".join(f"{'*' if c == best else ' '}mask{c} {s:.4f}" for c, s in enumerate(scores))
    assert f"  object1: {line}" in result.stdout.splitlines()
    empty = tiny_cli("everything", "--input", IMGS / "coffee.png", "--output", tmp_path / "e", "--points-per-side", "2",
                     "--pred-iou-thresh", "1.0")
    assert empty.returncode == 0 and "0 masks" in empty.stdout
    assert "hint: no mask passed the filters (predicted IoU > 1.0" in empty.stderr
    assert "--pred-iou-thresh" in empty.stderr


def test_model_type_help_says_what_each_surface_does_without_a_checkpoint():
    command = run_cli("segment", "--help").stdout
    web = subprocess.run([sys.executable, "webui.py", "--help"], cwd=REPO, capture_output=True, text=True).stdout
    assert "else an error saying what to download" in " ".join(command.split()) and "GrabCut" not in command
    assert "else classical, OpenCV GrabCut without weights" in " ".join(web.split())


def test_every_commands_help_ends_with_examples_that_parse():
    """Each command's --help has examples, and each example is a valid command line."""
    import shlex

    from sam_app.cli import COMMAND_EXAMPLES, build_parser

    parser = build_parser()
    for name, lines in COMMAND_EXAMPLES.items():
        assert "examples:" in parser._subparsers._group_actions[0].choices[name].format_help()
        for line in lines:
            words = shlex.split(line.split("    (")[0].format(prog="sam-app"))[1:]
            assert parser.parse_args(words).command == name, line
