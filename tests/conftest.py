"""Shared fixtures: real photos from imgs/, small random SAM models, one full-size
random-weight vit_b checkpoint file (built once per test session), and the running app.

The suite is hermetic: before anything else is imported, every folder the app or its
libraries would read or write (checkpoints, verdict cache, Hugging Face cache, Gradio's
upload folder, matplotlib's cache) is pointed at a temporary folder, and the run fails
if the project's own ``checkpoint/`` folder is changed in any way.
"""

import os
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IMGS = REPO / "imgs"
SANDBOX = Path(tempfile.mkdtemp(prefix="sam_app_tests_"))
ISOLATED = {
    "SAM_CHECKPOINT_DIR": SANDBOX / "no-checkpoints",
    "SAM_APP_CACHE_DIR": SANDBOX / "cache",
    "HF_HOME": SANDBOX / "hf",
    "GRADIO_TEMP_DIR": SANDBOX / "gradio",
    "MPLCONFIGDIR": SANDBOX / "matplotlib",
}
os.environ.update({k: str(v) for k, v in ISOLATED.items()})
os.environ.update(HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
for name in ("SAM_CHECKPOINT", "SAM_MODEL_TYPE", "SAM_CHECKPOINT_URL_BASE", "SAM_APP_MODELS"):
    os.environ.pop(name, None)
# Screenshots of the browser tests, to look at: SAM_TEST_ARTIFACTS=folder keeps them.
ARTIFACTS = Path(os.environ.get("SAM_TEST_ARTIFACTS") or SANDBOX / "artifacts")

import contextlib
import subprocess
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from sam_app.backends.sam import SamBackend
from sam_app.service import SamService

from models import randomise_rel_pos, tiny_sam

torch.set_num_threads(max(1, torch.get_num_threads()))


def _folder_state(folder: Path) -> dict:
    """name -> (size, modification time, inode) of every file under ``folder``."""
    if not folder.is_dir():
        return {}
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns, p.stat().st_ino)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pytest_sessionstart(session):
    session.config._checkpoint_state = _folder_state(REPO / "checkpoint")


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if any test touched the user's checkpoint/ folder; drop the sandbox."""
    before, after = session.config._checkpoint_state, _folder_state(REPO / "checkpoint")
    if before != after:
        changed = sorted(set(before.items()) ^ set(after.items()))
        print(f"\nERROR: the tests changed the project's checkpoint/ folder: {changed}")
        session.exitstatus = 1
    if not os.environ.get("SAM_TEST_ARTIFACTS"):
        shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    """Each test gets its own checksum verdicts and an empty checkpoint folder."""
    monkeypatch.setenv("SAM_APP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SAM_CHECKPOINT_DIR", str(tmp_path / "no-checkpoints"))


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    return np.asarray(Image.open(IMGS / "astronaut.png").convert("RGB"))


@pytest.fixture(scope="session")
def coffee() -> np.ndarray:
    """The coffee photo (600x400), the tests' one photo of everyday objects."""
    return np.asarray(Image.open(IMGS / "coffee.png").convert("RGB"))


@pytest.fixture(scope="session")
def tiny_model():
    return tiny_sam(seed=0)


def make_service(model, name="tiny", decoder="torch", **kwargs) -> SamService:
    """A CPU, float32 service serving ``model`` under ``name`` (PyTorch decoder unless
    asked: ``auto`` times both decoders at load, which tests need not pay for)."""
    service = SamService(device="cpu", precision="fp32", **kwargs)
    service.add_backend(SamBackend(model, name, torch.device("cpu"), "fp32", decoder), default=True)
    return service


@pytest.fixture
def tiny_service(tiny_model) -> SamService:
    return make_service(tiny_model)


@pytest.fixture
def ui(tiny_model):
    """The whole web UI (its sections) on the tiny model, built as a page would be."""
    import gradio as gr

    from sam_app.ui import build_ui

    with gr.Blocks():
        return build_ui(make_service(tiny_model))


@pytest.fixture
def p(ui):
    """The Prompt mode of ``ui``."""
    return ui.prompt


@pytest.fixture
def tab(ui):
    """A browser tab of ``ui`` (``ui_tab.Tab``) with the coffee picture (600x400) open."""
    from ui_tab import Tab

    tab = Tab(ui)
    tab.open(str(IMGS / "coffee.png"))
    return tab


@pytest.fixture(scope="session")
def vit_b_checkpoint(tmp_path_factory) -> Path:
    """A full-size vit_b with random weights, saved as a plain state dict (~375 MB)."""
    from segment_anything import sam_model_registry

    torch.manual_seed(1)
    model = randomise_rel_pos(sam_model_registry["vit_b"](), std=0.05)
    path = tmp_path_factory.mktemp("vit_b") / "random_vit_b.pth"
    torch.save(model.state_dict(), path)
    return path


@contextlib.contextmanager
def launched(service: SamService, projects=None, image_roots=(), **launch):
    """The web UI around ``service``, launched as webui.py does (``projects``: the
    ``Library`` the Project tab opens; image_roots: folders API callers may name files in;
    ``launch``: more ``launch_options``, e.g. auth, mcp); yields (its sections, the Blocks,
    its URL)."""
    from sam_app.ui import launch_options
    from sam_app.ui.app import build_app_and_ui

    demo, ui = build_app_and_ui(service, projects=projects, image_roots=image_roots)
    demo.queue(max_size=64, default_concurrency_limit=2)
    _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(service.checkpoint_dir, **launch))
    try:
        yield ui, demo, url
    finally:
        demo.close()


@contextlib.contextmanager
def webui_client(args, env):
    """webui.py (what `make run` starts) in a subprocess with ``args`` and ``env`` added to
    the test environment; yields a gradio_client.Client of it once it answers."""
    import socket
    import time

    from gradio_client import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", **env)
    process = subprocess.Popen([sys.executable, "webui.py", "--port", str(port), *map(str, args)], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, client = time.time() + 120, None
        while time.time() < deadline and client is None:
            if process.poll() is not None:
                pytest.fail("webui.py exited:\n" + process.stdout.read())
            try:
                client = Client(f"http://127.0.0.1:{port}/", verbose=False)
            except Exception:  # noqa: BLE001 - not up yet: any failure to connect
                time.sleep(1)
        assert client is not None, "the UI did not come up"
        yield client
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(tiny_model, tmp_path_factory):
    """(service, URL) of the web UI running on the tiny model, one per test module."""
    service = make_service(tiny_model, checkpoint_dir=tmp_path_factory.mktemp("checkpoints"))
    with launched(service) as (_, _, url):
        yield service, url


def run_cli(*args, env=None, wait=True, timeout=600):
    """``python -m sam_app *args`` in a subprocess, as a user runs it, in the project's
    folder (``env``: added to the test environment); its CompletedProcess, or with
    ``wait=False`` the started Popen."""
    environment = dict(os.environ, **(env or {}))
    command = [sys.executable, "-m", "sam_app", *map(str, args)]
    if not wait:
        return subprocess.Popen(command, cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    return subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def client(served):
    """A gradio_client.Client of the running app (see ``served``)."""
    from gradio_client import Client

    return Client(served[1], verbose=False)


TINY_FAMILY = dict(SAM_APP_MODELS="tiny_family", PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]))


@pytest.fixture
def tiny_cli(tiny_model, tmp_path):
    """Run ``python -m sam_app`` with the tiny model as family ``tiny`` (tests/tiny_family.py);
    ``run(*args, wait=False)`` returns the started process instead of its result."""
    folder = tmp_path / "checkpoints"
    folder.mkdir()
    torch.save(tiny_model.state_dict(), folder / "tiny_sam.pth")
    def run(*args, wait=True):
        return run_cli(*args, "--model-type", "tiny", "--checkpoint-dir", folder, "--device", "cpu", "--precision",
                       "fp32", env=TINY_FAMILY, wait=wait)

    return run


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server for the session (tests/postgres.py), password
    authentication on; skipped where PostgreSQL is not installed (the reason says how)."""
    from postgres import Postgres, PostgresMissing

    try:
        server = Postgres().start()
    except PostgresMissing as exc:
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def project_db(request, monkeypatch):
    """``db`` for Project.create: None (SQLite in the project folder) or the URL, with its
    password, of a fresh database on the ``postgres`` server (PGPASSWORD set to it, as a
    user would, for every later open from the folder alone)."""
    if request.param == "sqlite":
        return None
    server = request.getfixturevalue("postgres")
    monkeypatch.setenv("PGPASSWORD", server.password)
    return server.new_database()
