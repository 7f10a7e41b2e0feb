"""The whole web UI: a header (status, model picker), one tab per mode, the API.

``build_ui(service)`` makes the sections inside a Blocks context and returns them (tests
call their handlers); ``build_app(service)`` returns the Blocks app; ``launch_options``
the safe launch settings that ``webui.py`` and the tests use.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import gradio as gr

from ..errors import SamAppError
from ..limits import LIMITS
from ..projects.library import Library
from ..service import SamService
from .api import Api
from .api_tools import AgentTools
from .common import Shared, key_listener
from .image_picker import ImagePicker
from .logins import Logins
from .model_bar import ModelBar
from .modes import App, Events, Mode, mode_classes
from .outputs import Outputs, claim_folder

IMGS = Path(__file__).resolve().parent.parent.parent / "imgs"
EXAMPLE_SUFFIXES = (".png", ".jpg", ".jpeg")
CSS = """
.sam-message {height: 3.4em; overflow-y: auto}
.sam-message p {font-size: 1.05em; margin: 0}
.sam-message.sam-error {color: var(--error-text-color, #b91c1c); border-left: 3px solid currentColor; padding-left: 6px}
.sam-hint p {font-size: 0.9em; opacity: 0.8}
"""
# Run once when the page opens: message lines that say "Error:" are styled as errors; in
# the Prompt mode the keys of ``PromptView.shortcuts`` (never while a text field has focus);
# leaving the page, or opening an example, with a prompt on it asks first.
PAGE_JS = """() => {
  const mark = () => document.querySelectorAll('.sam-message').forEach(line => {
    line.classList.toggle('sam-error', line.innerText.trim().startsWith('Error'));
  });
  new MutationObserver(mark).observe(document.body, {subtree: true, childList: true, characterData: true});
  PROMPT_KEYS
  const working = () => { const list = document.querySelector('#prompt-list');
                          return list !== null && list.innerText.includes('object 1'); };
  window.addEventListener('beforeunload', (event) => {
    if (working()) { event.preventDefault(); event.returnValue = ''; }
  });
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('#examples') || !working()) return;
    if (!confirm('Open this example instead? The prompt and the masks on the image now are let go.')) {
      event.stopPropagation(); event.preventDefault();
    }
  }, true);
}""".replace("PROMPT_KEYS", key_listener("canvas", """const modes = {q: 0, w: 1, x: 2};
    if (event.key === 'n' || event.key === 'N') press('new-object');
    else if (event.key === 'Escape') press('escape');
    else if (event.key === 'r') press('run');
    else if (event.key === 'z') press('undo');
    else if (event.key === 'Z') press('redo');
    else if (event.key in modes) {
      const option = document.querySelectorAll('#mode input[type=radio]')[modes[event.key]];
      if (option) { option.click(); event.preventDefault(); }
    }"""))


@dataclass
class UI:
    """The sections of one app: shared (session, status, message), model_bar, picker (the
    shared image), modes (by id; also attributes: ``ui.prompt``), api."""

    shared: Shared
    model_bar: ModelBar
    picker: ImagePicker
    modes: Dict[str, Mode]
    api: Api

    def __getattr__(self, name: str):
        modes = self.__dict__.get("modes", {})
        if name in modes:
            return modes[name]
        raise AttributeError(name)


def default_outputs() -> Outputs:
    """This process's folder under Gradio's upload folder (the only place it serves files
    from); the folders of processes that have ended are removed first."""
    return Outputs(claim_folder(gr.utils.get_upload_folder()))


def build_ui(service: SamService, outputs: Optional[Outputs] = None, model_concurrency: int = 2,
             allow_downloads: bool = True, local: bool = True, projects: Optional[Library] = None,
             image_roots: Sequence[Path] = ()) -> UI:
    """Every section, laid out and wired; call inside ``gr.Blocks()``. allow_downloads:
    whether the Download button may fetch checkpoints to the server; local: whether only
    this machine reaches the page (see ``Shared``); projects: the annotation projects the
    Project mode may open (none by default); image_roots: folders API callers may name
    files in. One tab per mode (``modes.mode_classes``)."""
    shared = Shared(service, outputs or default_outputs(), allow_downloads, local, model_concurrency, projects,
                    image_roots)
    examples = sorted(str(p) for p in IMGS.glob("*") if p.suffix.lower() in EXAMPLE_SUFFIXES) if IMGS.is_dir() else []
    modes = {cls.id: cls(shared) for cls in mode_classes()}
    ui = UI(shared, ModelBar(shared), ImagePicker(shared, examples), modes, Api(shared))
    gr.Markdown("## Segment Anything\nUpload an image, then click it (or type points and boxes) and press **Run**.")
    with gr.Row(equal_height=True):
        with gr.Column(scale=4):
            shared.build()
        ui.model_bar.build()
    ui.picker.build()
    with gr.Tabs(selected=next((m.id for m in modes.values() if m.preferred()), None)) as tabs:
        for mode in modes.values():
            with gr.Tab(mode.title, id=mode.id, elem_id=f"{mode.id}-tab"):
                mode.build()
    # UI-only work of a few milliseconds (prompt edits, picks): off the queue, whose round trip
    # costs more than the work, and without a progress overlay on its outputs (docs/performance.md)
    # every event of the page is private: the API (and with --mcp, the tools) is ``Api``'s and ``AgentTools``'
    events = Events(model_work=dict(concurrency_limit=model_concurrency, concurrency_id="model",
                                    api_visibility="private"),
                    light=dict(concurrency_limit=None, api_visibility="private"),
                    instant=dict(queue=False, show_progress="hidden", api_visibility="private"))
    app = App(shared, modes, tabs, events, gr.context.Context.root_block)
    for mode in modes.values():
        mode.wire(app)
    ui.picker.wire(app)
    ui.model_bar.wire(app)
    if app.page is not None:  # the status line as it is when the page opens (or is reloaded), not when it was built
        app.page.load(shared.status_text, [shared.session], [shared.status], **events.instant)
    public = {**events.model_work, "api_visibility": "public"}
    ui.api.wire(public)
    AgentTools(ui.api).wire(public)
    return ui


def build_app(service: SamService, model_concurrency: int = 2, allow_downloads: bool = True,
              local: bool = True, projects: Optional[Library] = None, image_roots: Sequence[Path] = ()) -> gr.Blocks:
    """The whole web UI around ``service``."""
    return build_app_and_ui(service, model_concurrency, allow_downloads, local, projects, image_roots)[0]


def build_app_and_ui(service: SamService, model_concurrency: int = 2, allow_downloads: bool = True,
                     local: bool = True, projects: Optional[Library] = None,
                     image_roots: Sequence[Path] = ()) -> Tuple[gr.Blocks, UI]:
    """``build_app``, and the sections it is made of (tests call their handlers)."""
    with gr.Blocks(title="Segment Anything", delete_cache=(3600, 3600)) as demo:
        ui = build_ui(service, model_concurrency=model_concurrency, allow_downloads=allow_downloads, local=local,
                      projects=projects, image_roots=image_roots)
    return demo, ui


def launch_options(checkpoint_dir: Path, host: str = "127.0.0.1", port: Optional[int] = None,
                   share: bool = False, max_file_size=None,
                   auth: Optional[List[Tuple[str, str]]] = None, mcp: bool = False) -> dict:
    """Safe ``launch()`` keywords: local by default, uploads bounded, monitoring off,
    checkpoint files never served, the tabs whose state is kept bounded
    (``LIMITS.max_sessions``); ``auth``: (user, password) pairs for Gradio's login, checked
    by ``Logins`` (rate-limited). max_file_size: bytes, or Gradio's text ("50mb"). mcp: also
    serve the API's endpoints as MCP tools (Gradio's MCP server, at /gradio_api/mcp/)."""
    return dict(
        server_name=host, server_port=port, share=share,
        max_file_size=LIMITS.max_file_size if max_file_size is None else max_file_size,
        enable_monitoring=False, blocked_paths=[str(Path(checkpoint_dir).resolve())],
        css=CSS, js=PAGE_JS, footer_links=["api"], auth=Logins(auth) if auth else None,
        state_session_capacity=max(1, LIMITS.max_sessions), mcp_server=mcp,
    )


def is_local(host: str, share: bool = False) -> bool:
    """Whether only this machine can reach a server listening on ``host``."""
    return not share and (host in ("localhost", "::1") or host.startswith("127."))


def parse_auth(text: Optional[str]) -> List[Tuple[str, str]]:
    """"user:password[,user2:password2]" -> pairs (None or "" -> none)."""
    pairs = []
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        user, sep, password = item.partition(":")
        if not sep or not user or not password:
            raise SamAppError(f"--auth / SAM_AUTH: {user or item!r} has no password; expected USER:PASSWORD "
                              "(several separated by commas)")
        pairs.append((user, password))
    return pairs


def exposure_warning(host: str, share: bool, auth: List[Tuple[str, str]]) -> Optional[str]:
    """A warning when anyone on the network can use the app, or None."""
    if is_local(host, share) or auth:
        return None
    where = "a public gradio.live link" if share else f"{host}, open to the network,"
    return (f"warning: the web UI listens on {where} with no login: anyone who reaches it can run the model on "
            "this machine. Set --auth USER:PASSWORD (env SAM_AUTH), or listen on 127.0.0.1.")
