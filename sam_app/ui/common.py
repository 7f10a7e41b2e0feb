"""What every section of the web UI shares: the service, the output files, the app-wide
components (session state, status line, message line) and the one way errors become
messages."""

import functools
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional, Sequence

import gradio as gr

from ..errors import ImageError, SamAppError
from ..images import LoadedImage
from ..limits import LIMITS
from ..projects.library import Library
from ..service import SamService
from ..service.prefetch import Activity, Prefetcher
from .outputs import Outputs
from .state import Holdings, Session

PREFETCH = 2  # images of a project encoded ahead


@contextmanager
def api_errors(shared: "Shared"):
    """An API endpoint's (or MCP tool's) ``SamAppError`` becomes ``gr.Error`` with its one
    line, as the public may read it (``Shared.public``)."""
    try:
        yield
    except SamAppError as exc:
        raise gr.Error(shared.public(str(exc)), print_exception=False) from None


def key_listener(shown: str, keys: str) -> str:
    """JavaScript that listens for a mode's keys: ``keys`` (statements that may use
    ``event``, ``target`` and ``press(id)``, which clicks the element of that id) run while
    the element ``#shown`` is on screen, never with Ctrl, Meta or Alt held, nor while a
    text field has focus."""
    return """document.addEventListener('keydown', (event) => {
    const shown = document.querySelector('#SHOWN');
    if (!shown || shown.offsetParent === null || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
                   && !['radio', 'checkbox'].includes(target.type))) return;
    const press = (id) => { const b = document.querySelector('#' + id); if (b) { b.click(); event.preventDefault(); } };
    KEYS
  });""".replace("SHOWN", shown).replace("KEYS", keys)


def event_data(evt) -> dict:
    """What a custom component sent with an event (``gr.EventData._data``): a dict, or {}
    when it sent anything else (a client can send anything)."""
    data = getattr(evt, "_data", None)
    return data if isinstance(data, dict) else {}


def unchanged() -> dict:
    """What an event handler returns to change nothing (Gradio wants a value for each
    output, and takes an empty dict for one value)."""
    return gr.skip()


def shows_errors(handler):
    """A section's handler whose ``SamAppError`` becomes the message line, with nothing
    else changed (the session stays as it was: nothing is half-applied)."""

    @functools.wraps(handler)
    def wrapper(self, *args, **kwargs):
        try:
            return handler(self, *args, **kwargs)
        except SamAppError as exc:
            return {self.shared.message: self.shared.error_text(exc)}

    return wrapper


def request_owner() -> Optional[str]:
    """Who the request being handled is for: the logged-in user, else the browser tab
    (Gradio's session); None outside a request. The ``cache_owner`` of ``--private-cache``."""
    from gradio.context import LocalContext

    request = LocalContext.request.get(None)
    if request is None:
        return None
    return f"user:{request.username}" if request.username else f"tab:{request.session_hash}"


def message_line(elem_id: str) -> gr.Markdown:
    """A message line of fixed height (a long message scrolls in it rather than push the
    page down); the page styles one that starts with "Error:" as an error (``app.PAGE_JS``)."""
    return gr.Markdown("", elem_id=elem_id, elem_classes=["sam-message"])


class Shared:
    """service: the SamService; outputs: ``Outputs``; allow_downloads: whether visitors
    may download checkpoints to the server; local: whether only this machine can reach
    the page (otherwise texts name no server folders); model_slots: a semaphore of
    ``model_concurrency`` places that model work run off Gradio's queue holds (clicks),
    so that it is bounded as the queued model work is (``working()``); projects: the
    annotation projects it may open (``projects.library.Library``, empty by default);
    prefetcher: encodes a project's next images in the background; image_roots: folders whose
    files API and MCP callers may name by path (``api_inputs``). ``build()`` (inside Blocks)
    makes session (gr.State of a Session), status and message (Markdown)."""

    def __init__(self, service: SamService, outputs: Outputs, allow_downloads: bool = True, local: bool = True,
                 model_concurrency: int = 2, projects: Optional[Library] = None, image_roots: Sequence[Path] = ()):
        self.service, self.outputs, self.allow_downloads, self.local = service, outputs, allow_downloads, local
        self.image_roots = [Path(root).expanduser().resolve() for root in image_roots]
        self.model_slots = threading.BoundedSemaphore(max(1, model_concurrency))
        self.holdings = Holdings(LIMITS.sessions_mb * 2**20)
        self.projects = projects if projects is not None else Library()
        # the next images of a project are encoded while nobody waits for the model (keeping the
        # current image and one more in the embedding cache)
        self.activity = Activity()
        self.prefetcher = Prefetcher(self.activity, ahead=max(0, min(PREFETCH, service.cache_size - 2)))

    @contextmanager
    def working(self):
        """Interactive model work run off the queue: a model slot, and the prefetcher waits."""
        with self.model_slots, self.activity.working():
            yield

    def file_roots(self) -> List[Path]:
        """Where API callers may name files by path: ``image_roots``, then the image folders
        of the projects this server opens (one that cannot be opened is left out)."""
        roots = list(self.image_roots)
        for name in self.projects.names():
            try:
                roots.append(self.projects.open(name).root)
            except SamAppError:
                continue
        return roots

    def public(self, text: str) -> str:
        """``text`` as visitors may see it: on a server open to the network, the server's
        folders (checkpoints, uploads, outputs) are named, not spelled out."""
        if self.local:
            return text
        folders = {self.service.checkpoint_dir: "the server's checkpoint folder",
                   self.outputs.root: "the output folder", self.outputs.root.parent: "the upload folder"}
        for folder, name in folders.items():
            for spelling in {str(folder), str(Path(folder).resolve())}:
                text = text.replace(spelling, name)
        return text

    def error_text(self, exc: SamAppError) -> str:
        """The message line for a user-facing error."""
        return self.public(f"Error: {exc}")

    def build(self) -> None:
        # a tab's state is let go session_ttl after its last change (and an hour after the tab closes),
        # whether or not its client sends Gradio's heartbeat
        self.session = gr.State(Session(), time_to_live=LIMITS.session_ttl or None)
        self.status = gr.Markdown(self.status_text(), elem_id="status")
        self.message = message_line("message")

    def image(self, session: Session) -> LoadedImage:
        """The session's image, loaded (from the service's image store)."""
        if session.image is None:
            raise SamAppError("Upload an image (or pick an example) first.")
        try:
            return self.service.load_image(session.image)
        except ImageError:
            raise ImageError("This image has left the server's memory (images sent since took its place): upload "
                             "it again.") from None

    def keep(self, session: Session, image: LoadedImage, name: str) -> None:
        """Make ``image`` the session's (kept in the service's image store, by reference)."""
        self.holdings.check()
        session.image, session.image_name = self.service.image_ref(image), name

    def model_name(self, session: Session = None):
        """The model the session runs on (its pick, else the default; None if none)."""
        if session is not None and session.model:
            return session.model
        try:
            return self.service.resolve_model_name(None)
        except SamAppError:
            return None

    def status_text(self, session: Session = None) -> str:
        """The status line: model, device, precision, decoder, cache; for a model that
        is not loaded, whether its checkpoint is there (the file in use, if one was given)."""
        service, name = self.service, self.model_name(session)
        entries = service.cache_info()["entries"]
        status = next((s for s in service.model_statuses() if s.spec.name == name), None)
        if status is not None and not status.spec.needs_weights:
            why = f"no checkpoint found in {service.checkpoint_dir}. " if service.using_fallback else ""
            return self.public(f"**{status.spec.display}** ({name}, no weights): {why}Masks come from colour "
                               "statistics, one per object and without scores. To use SAM, pick vit_b in *Model* "
                               "and press **Download** (or run `python -m sam_app download vit_b`). · "
                               f"{entries} image(s) in cache")
        parts = [f"Model **{name or 'none'}**", f"device **{service.device}**", f"precision **{service.precision}**"]
        if name and service.loaded(name):
            parts.append(f"decoder **{service.backend(name).decoder}**")
        parts.append(f"{entries} image(s) encoded in cache")
        if status is not None and status.state == "present":
            parts.append("loads on first use")
        elif status is not None and status.state == "missing":
            parts.append(f"checkpoint missing in {service.checkpoint_dir}: press **Download**")
        return self.public(" · ".join(parts))

    def encode(self, session: Session, progress) -> str:
        """Load the session's model and encode its image now, so that prompts are fast;
        returns the message line."""
        try:
            name = self.model_name(session) or self.service.resolve_model_name(None)
            if not self.service.loaded(name):
                progress(0.1, desc=f"Loading {name}...")
                self.service.backend(name)
            progress(0.5, desc="Encoding the image...")
            started = time.perf_counter()
            self.service.embedding(session.image, name)
            return f"Image ready ({time.perf_counter() - started:.1f} s): click it or type a prompt."
        except SamAppError as exc:
            return self.error_text(exc)
