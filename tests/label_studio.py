"""A real, throwaway Label Studio server for the Label Studio ML backend tests (no pytest here).

    with start_label_studio(tmp_path) as ls:       # or: ls = start_label_studio(tmp_path) ... ls.stop()
        project = ls.create_project(LABEL_CONFIG)
        task = ls.import_image_task(project, image_path)
        ml = ls.connect_ml_backend(project, "http://127.0.0.1:PORT")   # LS calls GET /health, POST /setup
        answer = ls.interactive(ml, task, {"result": [keypoint_item]})  # LS calls POST /predict
        ls.retrieve_predictions(project, [task])                        # LS calls POST /predict (no context)
        ls.predictions(task)

Label Studio 1.23.2 runs from its own virtual environment ``.venv-labelstudio`` in the repo
root (``scripts/install-label-studio.sh`` makes it; it pins numpy, pydantic, Django... so it
never goes into the app's ``.venv``); ``LabelStudioMissing`` says so when it is not there.

The server is Django's threaded development server (what ``label-studio start`` runs) on a
free port of 127.0.0.1, SQLite and media in ``tmp_path/label-studio``, no browser, no
telemetry, Sentry or PyPI version check. It has one user (``USERNAME`` / ``PASSWORD``) whose
API token is ``TOKEN``: a *legacy* token, sent as ``Authorization: Token <TOKEN>``. Label
Studio 1.23 disables legacy tokens by default ("legacy token authentication has been disabled
for this organization"); ``--enable-legacy-api-token`` (and LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN)
turn them back on for the organization made at the first start. That same token is what LS
hands an ML backend as ``access_token`` in POST /setup, and what the backend needs to fetch
an uploaded image (``/data/upload/...`` answers 401 without it).

The newer credential is a Personal Access Token (``personal_access_token()``): a JWT *refresh*
token (lives 200 years; one valid PAT per user: POST /api/token/ answers 409 while one is). A
client trades it for a JWT access token, POST /api/token/refresh/ {"refresh": <PAT>} ->
{"access": ...} (``access_token()``), which lives 5 minutes (simplejwt's default
ACCESS_TOKEN_LIFETIME; LS sets no SIMPLE_JWT) and is sent as ``Authorization: Bearer <access>``
(``/data/upload/...`` takes it; the PAT itself as Bearer is 401). ``legacy_token=False`` starts
a server whose organization has legacy tokens off (POST /api/jwt/settings
{"legacy_api_tokens_enabled": false}): ``Token <TOKEN>`` then answers 401 ("legacy token
authentication has been disabled for this organization") everywhere, /data/upload included,
although LS still sends that very key as ``access_token`` in /setup; the helper's own REST
calls then go with a Bearer access token, refreshed from the PAT.

Local addresses are allowed (ML_BLOCK_LOCAL_IP=false, SSRF_PROTECTION_ENABLED=false): without
them LS refuses an ML backend on 127.0.0.1 (403 "URL resolves to a reserved network address",
raised when it creates the backend's ``/webhook`` webhook). ``LABEL_STUDIO_HOST`` is the
server's own http://127.0.0.1:PORT, which LS sends to the backend as ``hostname`` in /setup.

The first start in a test session migrates a fresh SQLite database (about 30 s on 2 cores);
that migrated database (with the user) is kept as a template for this process, so later
starts only copy it and take about 5 s. At the end the whole process group is stopped
(SIGTERM, then SIGKILL) and nothing is left running; ``atexit`` stops forgotten servers too.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import httpx

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv-labelstudio"
EXECUTABLE = VENV / "bin" / "label-studio"
PYTHON = VENV / "bin" / "python"
INSTALL_HINT = "run scripts/install-label-studio.sh (it makes .venv-labelstudio with label-studio==1.23.2)"

USERNAME = "test@example.com"
PASSWORD = "sam-app-test-password"
TOKEN = "5a3fbd1c0e7a4c2b9d8e6f1a2b3c4d5e6f708192"  # 40 hex: a legacy DRF token, fixed by --user-token

# environment variables Label Studio reads (with or without the LABEL_STUDIO_ / HEARTEX_
# prefix) that must not leak in from the caller's environment
_SCRUBBED = {"HOST", "PORT", "USERNAME", "PASSWORD", "USER_TOKEN", "DJANGO_DB", "DATABASE_NAME",
             "DJANGO_SETTINGS_MODULE", "BASE_DATA_DIR", "DEBUG", "LOG_LEVEL", "PYTHONPATH", "PYTHONHOME",
             "SECRET_KEY", "VIRTUAL_ENV", "LOCAL_FILES_SERVING_ENABLED", "LOCAL_FILES_DOCUMENT_ROOT"}


class LabelStudioMissing(RuntimeError):
    """.venv-labelstudio (Label Studio's own virtual environment) is not installed."""


class LabelStudioFailed(RuntimeError):
    """The server did not start, or an API call failed (the message holds the server's log or answer)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_installed() -> None:
    if not (EXECUTABLE.is_file() and PYTHON.is_file()):
        raise LabelStudioMissing(f"Label Studio is not installed: {EXECUTABLE} is missing; {INSTALL_HINT}")


def _environment(data_dir: Path, files_root: Path, port: int) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LABEL_STUDIO_", "HEARTEX_", "POSTGRE_", "MYSQL_")) and k not in _SCRUBBED}
    env.update(
        VIRTUAL_ENV=str(VENV),
        PATH=f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        LABEL_STUDIO_BASE_DATA_DIR=str(data_dir),
        DJANGO_DB="sqlite",
        LABEL_STUDIO_HOST=f"http://127.0.0.1:{port}",   # -> settings.HOSTNAME -> "hostname" in POST /setup
        LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true",
        LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK="true",
        LABEL_STUDIO_LOCAL_FILES_SERVING_ENABLED="true",
        LABEL_STUDIO_LOCAL_FILES_DOCUMENT_ROOT=str(files_root),
        ML_BLOCK_LOCAL_IP="false",            # let LS call an ML backend on 127.0.0.1
        SSRF_PROTECTION_ENABLED="false",      # ... and create its /webhook webhook there
        COLLECT_ANALYTICS="false",            # no telemetry posts
        LATEST_VERSION_CHECK="false",         # no PyPI look-up
        SENTRY_DSN="", FRONTEND_SENTRY_DSN="",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def _user_arguments() -> List[str]:
    return ["--username", USERNAME, "--password", PASSWORD, "--user-token", TOKEN, "--enable-legacy-api-token"]


_template: Optional[Path] = None  # a migrated database with the user, made once per process


def _template_database() -> Optional[Path]:
    """The migrated SQLite database of this process's first ``label-studio init`` (made on the
    first call, about 30 s); None if init failed (each server then migrates its own)."""
    global _template
    if _template is not None:
        return _template if (_template / "label_studio.sqlite3").is_file() else None
    _template = Path(tempfile.mkdtemp(prefix="sam_app_label_studio_template_"))
    atexit.register(shutil.rmtree, _template, True)
    data = _template / "data"
    data.mkdir()
    done = subprocess.run([str(EXECUTABLE), "init", "--data-dir", str(data), "--quiet", *_user_arguments()],
                          cwd=_template, env=_environment(data, _template, 8080), capture_output=True,
                          text=True, timeout=600, start_new_session=True)
    database = data / "label_studio.sqlite3"
    if done.returncode != 0 or not database.is_file():
        return None
    shutil.copy2(database, _template / "label_studio.sqlite3")
    return _template


_running: List["LabelStudio"] = []


class _Bearer(httpx.Auth):
    """httpx auth: ``Authorization: Bearer <server.access_token()>`` (refreshed as it ages)."""

    def __init__(self, server: "LabelStudio"):
        self.server = server

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self.server.access_token()}"
        yield request


@atexit.register
def _stop_all() -> None:
    for server in list(_running):
        server.stop()


class LabelStudio:
    """A running Label Studio: ``url``, ``port``, ``token``, ``data_dir``, ``log()``, ``stop()``,
    and REST helpers (an httpx client with ``Authorization: Token <token>``, or with
    ``Authorization: Bearer <access token>`` when ``legacy_token`` is False: then legacy tokens
    are off for the organization and ``Token <token>`` answers 401)."""

    def __init__(self, folder: Path, start_timeout: float = 300, legacy_token: bool = True):
        self.folder = Path(folder)
        self.data_dir = self.folder / "label-studio"
        self.files_root = self.folder
        self.start_timeout = start_timeout
        self.legacy_token = legacy_token
        self.port = 0
        self.token, self.username, self.password = TOKEN, USERNAME, PASSWORD
        self.process: Optional[subprocess.Popen] = None
        self.start_seconds = 0.0
        self._log_file = None
        self._client: Optional[httpx.Client] = None
        self._pat: Optional[str] = None            # personal_access_token(), made once
        self._access: Optional[str] = None         # access_token() and when it was made
        self._access_made = 0.0

    # ------------------------------------------------------------------ life

    def __enter__(self) -> "LabelStudio":
        return self if self.process else self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.folder / "label-studio.log"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def start(self, tries: int = 3) -> "LabelStudio":
        check_installed()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        template = _template_database()
        if template is not None and not (self.data_dir / "label_studio.sqlite3").exists():
            shutil.copy2(template / "label_studio.sqlite3", self.data_dir / "label_studio.sqlite3")
        began = time.monotonic()
        for attempt in range(tries):
            self.port = free_port()
            try:
                launched = self._launch()
            except BaseException:
                self.stop()
                raise
            if launched:
                self.start_seconds = time.monotonic() - began
                return self
            self.stop()
            if "is in use" not in self.log() or attempt == tries - 1:
                raise LabelStudioFailed(f"Label Studio did not start on port {self.port}:\n{self.log()[-6000:]}")
        raise AssertionError("unreachable")

    def _launch(self) -> bool:
        """Start the server on ``self.port`` and wait for /health and the token (see
        ``_connect``); False when it moved to another port (ours was taken meanwhile)."""
        self._log_file = open(self.log_path, "a")
        command = [str(EXECUTABLE), "start", "--no-browser", "--internal-host", "127.0.0.1", "-p", str(self.port),
                   "--data-dir", str(self.data_dir), "--log-level", "WARNING", *_user_arguments()]
        self.process = subprocess.Popen(command, cwd=self.folder, env=_environment(self.data_dir, self.files_root,
                                                                                    self.port),
                                        stdin=subprocess.DEVNULL, stdout=self._log_file, stderr=subprocess.STDOUT,
                                        start_new_session=True)   # its own process group: stop() kills it all
        _running.append(self)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LabelStudioFailed(f"Label Studio exited ({self.process.returncode}):\n{self.log()[-6000:]}")
            log = self.log()
            if f"Port {self.port} is in use" in log:
                return False
            if f"Starting development server at {self.url}/" not in log:
                time.sleep(0.3)   # not bound yet: whatever answers on the port now is not ours
                continue
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    self._connect()
                    return True
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        raise LabelStudioFailed(f"Label Studio did not answer /health in {self.start_timeout:.0f} s:\n"
                                f"{self.log()[-6000:]}")

    def _connect(self) -> None:
        """Make ``client`` once /health answers. The answer must be ours, with our user: whoami
        with the legacy token, or (``legacy_token=False``) with a Bearer access token from a
        PAT; in that case legacy tokens are then turned off for the organization (the template
        database has them on) and the legacy token must be refused."""
        headers, auth = (self.headers, None) if self.legacy_token else ({}, _Bearer(self))
        self._access = None
        me = httpx.get(f"{self.url}/api/current-user/whoami", headers=headers, auth=auth, timeout=10)
        if me.status_code != 200 or me.json().get("email") != USERNAME:
            raise LabelStudioFailed(f"Label Studio on port {self.port} refused the test token "
                                    f"({me.status_code} {me.text[:300]}):\n{self.log()[-4000:]}")
        self._client = httpx.Client(base_url=self.url, headers=headers, auth=auth, timeout=120)
        if not self.legacy_token:
            self._json(self.client.post("/api/jwt/settings", json={"api_tokens_enabled": True,
                                                                   "legacy_api_tokens_enabled": False}))
            refused = httpx.get(f"{self.url}/api/current-user/whoami", headers=self.headers, timeout=10)
            if refused.status_code != 401:
                raise LabelStudioFailed(f"legacy tokens still work after turning them off: {refused.status_code}")

    def stop(self) -> None:
        """Stop the server's whole process group (SIGTERM, then SIGKILL); safe to call twice.
        The data folder stays (it is under the caller's tmp_path)."""
        if self._client is not None:
            self._client.close()
            self._client = None
        process, self.process = self.process, None
        if process is not None:
            for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
                try:
                    os.killpg(process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=wait)
                    # the group may outlive its leader for a moment: make sure it is gone
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    break
                except subprocess.TimeoutExpired:
                    continue
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self in _running:
            _running.remove(self)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    # ------------------------------------------------------------------ REST

    @property
    def headers(self) -> Dict[str, str]:
        """The legacy token's header (refused with 401 when ``legacy_token`` is False)."""
        return {"Authorization": f"Token {self.token}"}

    @property
    def bearer_headers(self) -> Dict[str, str]:
        """``Authorization: Bearer <access_token()>``."""
        return {"Authorization": f"Bearer {self.access_token()}"}

    def _session(self) -> httpx.Client:
        """A client logged in with the user's password through the login form, as a browser is
        (GET /user/login/ for the csrftoken cookie, then POST email, password and
        csrfmiddlewaretoken -> 302 and a sessionid cookie): it works whatever the organization's
        token settings are. Close it after use (``.close()``: it is already open, so not ``with``)."""
        session = httpx.Client(base_url=self.url, timeout=60)
        try:
            session.get("/user/login/")
            answer = session.post("/user/login/", data={"email": self.username, "password": self.password,
                                                        "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")})
            if answer.status_code != 302 or "sessionid" not in session.cookies:
                raise LabelStudioFailed(f"login as {self.username} failed: {answer.status_code} {answer.text[:300]}")
            session.headers["X-CSRFToken"] = session.cookies.get("csrftoken", "")   # login rotates it
        except BaseException:
            session.close()
            raise
        return session

    def personal_access_token(self) -> str:
        """The user's Personal Access Token, made on the first call (then the same one): a JWT
        refresh token (``eyJ...``, 3 parts, 200 years). Made, as the Account page does, with a
        password session (so it works with legacy tokens on or off): JWT API tokens are turned
        on for the organization if they are off (GET/POST /api/jwt/settings ``api_tokens_enabled``,
        on by default), any PAT the user still has is revoked (GET /api/token/ lists them
        truncated, POST /api/token/blacklist/ {"refresh": <truncated>} -> 204; LS allows one),
        then POST /api/token/ -> 201 {"token": <PAT>}. Trade it for an access token with
        ``access_token()``; as Bearer the PAT itself is refused (401)."""
        if self._pat is None:
            session = self._session()
            try:
                settings = self._json(session.get("/api/jwt/settings"))
                if not settings.get("api_tokens_enabled"):
                    self._json(session.post("/api/jwt/settings", json={**settings, "api_tokens_enabled": True}))
                for old in self._json(session.get("/api/token/")):
                    self._json(session.post("/api/token/blacklist/", json={"refresh": old["token"]}), 204)
                self._pat = self._json(session.post("/api/token/"), 201)["token"]
            finally:
                session.close()
        return self._pat

    def access_token(self) -> str:
        """A JWT access token for ``Authorization: Bearer <it>``: POST /api/token/refresh/
        {"refresh": <PAT>} -> 200 {"access": ...} (no other auth needed). It lives 5 minutes, so
        a new one is fetched when the last is 4 minutes old."""
        if self._access is None or time.monotonic() - self._access_made > 240:
            answer = httpx.post(f"{self.url}/api/token/refresh/", json={"refresh": self.personal_access_token()},
                                timeout=60)
            self._access, self._access_made = self._json(answer, 200)["access"], time.monotonic()
        return self._access

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            raise LabelStudioFailed("Label Studio is not running")
        return self._client

    def _json(self, response: httpx.Response, *expected: int):
        if response.status_code not in (expected or (200, 201)):
            raise LabelStudioFailed(f"{response.request.method} {response.request.url} -> {response.status_code}: "
                                    f"{response.text[:3000]}")
        return response.json() if response.content else None

    def create_project(self, label_config: str, title: str = "SAM app test") -> int:
        """A new project with this labeling config (XML); its id."""
        return self._json(self.client.post("/api/projects", json={"title": title, "label_config": label_config}))["id"]

    def import_image_task(self, project: int, image_path) -> int:
        """Upload an image file as one new task (multipart, like the import dialog); its task id.
        The task's ``data.image`` becomes Label Studio's own, relative, upload URL
        ``/data/upload/<project id>/<8 hex>-<file name>`` (e.g. ``/data/upload/1/9e3713b1-cat.png``;
        not prefixed by the host even with LABEL_STUDIO_HOST set). Fetching it needs
        ``Authorization: Token <token>`` (401 without), so a backend must join it to the
        ``hostname`` it got in /setup and send the ``access_token``."""
        path = Path(image_path)
        mime = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(path.suffix.lower(),
                                                                                       "application/octet-stream")
        with open(path, "rb") as f:
            answer = self._json(self.client.post(f"/api/projects/{project}/import", params={"return_task_ids": "true"},
                                                 files={"file": (path.name, f, mime)}))
        ids = answer.get("task_ids") or []
        if len(ids) != 1:
            raise LabelStudioFailed(f"import of {path.name} made {answer.get('task_count')} tasks: {answer}")
        return ids[0]

    def tasks(self, project: int) -> List[dict]:
        """The project's tasks (the data manager's list: it does not ask the ML backend)."""
        return self._json(self.client.get("/api/tasks", params={"project": project, "page_size": 1000}))["tasks"]

    def task(self, task_id: int) -> dict:
        """One task. Careful: GET /api/tasks/<id> itself makes LS call the backend's /predict
        when the task has no prediction yet and the project shows predictions (the default)."""
        return self._json(self.client.get(f"/api/tasks/{task_id}"))

    def task_data(self, project: int, task_id: int) -> dict:
        """A task's ``data`` (e.g. ``{"image": "/data/upload/1/9e3713b1-cat.png"}``), read from the
        project's task list so that no /predict is triggered."""
        for item in self.tasks(project):
            if item["id"] == task_id:
                return item["data"]
        raise LabelStudioFailed(f"task {task_id} is not in project {project}")

    def download(self, url: str, token: bool = True, bearer: bool = False) -> httpx.Response:
        """GET a URL of this server (relative like /data/upload/... or absolute), with the legacy
        token, with a Bearer access token (``bearer=True``), or with nothing (``token=False``)."""
        if url.startswith("/"):
            url = self.url + url
        headers = self.bearer_headers if bearer else self.headers if token else {}
        return httpx.get(url, headers=headers, timeout=60)

    def connect_ml_backend(self, project: int, url: str, title: str = "sam_app", is_interactive: bool = True,
                           **fields) -> int:
        """POST /api/ml: LS checks the backend (GET /health, POST /setup) twice (serializer
        validation, then update_state) and creates a ``<url>/webhook`` webhook for all events;
        its ml backend id. Fails when LS could not reach or set up the backend."""
        body = {"project": project, "url": url, "is_interactive": is_interactive, "title": title, **fields}
        return self._json(self.client.post("/api/ml", json=body), 201)["id"]

    def ml_backend(self, ml_id: int) -> dict:
        """The backend's record: ``state`` ("CO" connected, "ER" error, "DI" disconnected),
        ``error_message``, ``model_version`` (from /setup), ..."""
        return self._json(self.client.get(f"/api/ml/{ml_id}"))

    def ml_backends(self, project: int) -> List[dict]:
        """GET /api/ml?project=: note LS re-checks every backend (/health, /setup) for this."""
        return self._json(self.client.get("/api/ml", params={"project": project}))

    def interactive(self, ml_id: int, task_id: int, context: Optional[dict]) -> dict:
        """What the labeling UI does after a smart region is drawn: POST
        /api/ml/<id>/interactive-annotating {"task": id, "context": context}, where the UI sends
        ``context = {"result": [<the serialized smart regions>]}``. LS answers 200 with
        ``{"data": <the backend's results[0]>}`` (the UI uses ``data.result``) or
        ``{"errors": ["..."]}`` (also 200) when the backend failed or answered badly."""
        return self._json(self.client.post(f"/api/ml/{ml_id}/interactive-annotating",
                                           json={"task": task_id, "context": context}))

    def retrieve_predictions(self, project: int, task_ids: Iterable[int]) -> dict:
        """The data manager's "Retrieve Predictions" action (``retrieve_tasks_predictions``):
        LS calls GET /health + POST /setup, then one POST /predict with all these tasks that have
        no prediction of the backend's current model_version yet (no ``context``), and stores
        what comes back. Answers ``{"processed_items": n, "detail": ...}`` even when the backend
        failed (then there are just no predictions)."""
        selected = {"all": False, "included": [int(t) for t in task_ids]}
        return self._json(self.client.post("/api/dm/actions", params={"id": "retrieve_tasks_predictions",
                                                                      "project": project},
                                           json={"selectedItems": selected}))

    def predictions(self, task_id: int) -> List[dict]:
        """The stored predictions of a task: [{"id", "result": [...], "score", "model_version",
        "task", "project", ...}]."""
        return self._json(self.client.get("/api/predictions", params={"task": task_id}))


def start_label_studio(tmp_path, start_timeout: float = 300, legacy_token: bool = True) -> LabelStudio:
    """A started Label Studio whose data lives under ``tmp_path``; stop it with ``.stop()``
    or use it as a context manager (``with start_label_studio(tmp_path) as ls:``).
    ``legacy_token=False``: legacy tokens off for the organization (LS 1.23's default), the
    helper authenticating with a PAT's Bearer access tokens."""
    check_installed()
    return LabelStudio(Path(tmp_path), start_timeout=start_timeout, legacy_token=legacy_token).start()


# ---------------------------------------------------------------------- reference RLE

_RLE_SCRIPT = r"""
import json, sys
import numpy as np
from label_studio_sdk.converter.brush import decode_rle, mask2rle
request = json.load(sys.stdin)
if request["op"] == "decode":
    flat = decode_rle(request["rle"])
    sys.stdout.buffer.write(flat.astype(np.uint8).tobytes())
else:
    mask = np.frombuffer(bytes.fromhex(request["mask"]), np.uint8).reshape(request["shape"])
    sys.stdout.write(json.dumps([int(v) for v in mask2rle(mask)]))
"""


def _reference(request: dict) -> bytes:
    check_installed()
    done = subprocess.run([str(PYTHON), "-c", _RLE_SCRIPT], input=json.dumps(request).encode(), capture_output=True,
                          timeout=300, env={**{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}})
    if done.returncode != 0:
        raise LabelStudioFailed(f"label_studio_sdk.converter.brush failed:\n{done.stderr.decode(errors='replace')}")
    return done.stdout


def reference_decode_rle(rle: List[int], width: int, height: int):
    """Label Studio's own decoder (label_studio_sdk.converter.brush.decode_rle, run in
    .venv-labelstudio) -> numpy uint8 array of shape (height, width, 4): the RGBA layer LS
    draws; the mask is channel 3 (``[:, :, 3]``; mask2rle writes the same value to all 4)."""
    import numpy as np

    flat = np.frombuffer(_reference({"op": "decode", "rle": [int(v) for v in rle]}), np.uint8)
    if flat.size != width * height * 4:
        raise LabelStudioFailed(f"RLE holds {flat.size} values, not {width}x{height}x4 = {width * height * 4}")
    return flat.reshape(height, width, 4)


def reference_encode_mask(mask) -> List[int]:
    """Label Studio's own encoder (label_studio_sdk.converter.brush.mask2rle, run in
    .venv-labelstudio) of a 2-D uint8 mask (0/255 as the SAM backends send): the RLE list."""
    import numpy as np

    mask = np.ascontiguousarray(mask, dtype=np.uint8)
    if mask.ndim != 2:
        raise ValueError("mask must be 2-D")
    return json.loads(_reference({"op": "encode", "mask": mask.tobytes().hex(), "shape": list(mask.shape)}))
