"""Modes as plug-ins, and models asked for what they do not declare: a throwaway mode
from a module elsewhere appears as a tab with no project file edited; a model asked for
a capability it lacks gets the one-line refusal in the UI, the CLI and the API."""


import gradio as gr
import httpx
import pytest
from ui_tab import NO_PROGRESS, Tab

from sam_app.service import SamService
from sam_app.ui import build_ui

from conftest import IMGS, launched, make_service, run_cli

NOTES = '''
import gradio as gr

from sam_app.ui.modes import Mode


class NotesMode(Mode):
    """A throwaway mode: notes about the tab's image, its own per-tab state."""

    id = "notes"
    title = "Notes"

    def new_state(self):
        return []

    def build(self):
        self.state_component()
        self.text = gr.Textbox(label="Note", elem_id="notes-text")
        self.add = gr.Button("Add note", elem_id="notes-add")
        self.list = gr.Markdown(elem_id="notes-list")

    def wire(self, app):
        self.add.click(self.on_add, [self.text, self.shared.session, self.state], [self.state, self.list],
                       **app.events.instant)

    @property
    def reset_outputs(self):
        return [self.state, self.list]

    def on_add(self, text, session, notes):
        notes = notes + [f"{session.image_name}: {text}"]
        return {self.state: notes, self.list: "; ".join(notes)}

    def image_shown(self, session):
        return {self.state: [], self.list: ""}
'''


@pytest.fixture
def notes_mode(tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "notes_mode.py").write_text(NOTES)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("SAM_APP_MODES", "notes_mode:NotesMode")


def test_a_mode_from_a_module_elsewhere_appears_as_a_tab(notes_mode, tiny_model):
    with launched(make_service(tiny_model)) as (ui, demo, url):
        assert list(ui.modes) == ["prompt", "everything", "batch", "project", "video", "notes"]
        config = httpx.get(f"{url}config").json()
        tabs = [c["props"].get("label") for c in config["components"] if c["type"] == "tabitem"]
        assert tabs == ["Prompt", "Everything", "Batch", "Project", "Video", "Notes"]
        tab = Tab(ui)
        tab.open(str(IMGS / "coffee.png"))
        out = tab.call(ui.notes.on_add, "a cup")
        assert out[ui.notes.list] == "coffee.png: a cup" and tab.state("notes") == ["coffee.png: a cup"]
        tab.open(str(IMGS / "astronaut.png"))  # every mode is told of a new image: its notes start afresh
        assert tab.state("notes") == []


def test_a_mode_that_cannot_be_loaded_is_a_message(monkeypatch, tiny_model):
    from sam_app.errors import SamAppError

    monkeypatch.setenv("SAM_APP_MODES", "no_such_module:Mode")
    with pytest.raises(SamAppError, match="SAM_APP_MODES names 'no_such_module:Mode', which cannot be loaded"):
        with gr.Blocks():
            build_ui(make_service(tiny_model))


REFUSAL = "classical cannot segment everything; models that can: vit_h, vit_l, vit_b, sam2.1_hiera_t"


def test_a_model_asked_for_what_it_does_not_declare_gets_one_line_in_the_ui(tmp_path):
    with gr.Blocks():
        ui = build_ui(SamService(model_type="classical", device="cpu", checkpoint_dir=tmp_path))
    e, tab = ui.everything, Tab(ui)
    tab.open(str(IMGS / "coffee.png"))
    assert e.run_button_state(tab.session) == dict(
        value="Segment everything (not with classical: pick a SAM model)", interactive=False)  # not offered
    out = tab.call(e.on_run, 4, 0, 0, 0.7, 0, 0, 1, 1, False, progress=NO_PROGRESS)  # a request sent anyway
    assert out[e.shared.message].startswith(f"Error: {REFUSAL}")  # the mode's own message line


def test_a_model_asked_for_what_it_does_not_declare_gets_one_line_in_the_cli(tmp_path):
    def cli(*args):
        return run_cli(*args, "--checkpoint-dir", tmp_path)

    for result, refusal in [
        (cli("everything", "--input", IMGS / "coffee.png", "--output", tmp_path / "m", "--model-type", "classical"),
         REFUSAL),
        (cli("finetune", "--images", IMGS, "--annotations", IMGS / "none.json", "--output", tmp_path / "t.pth",
             "--model-type", "classical"), "classical cannot be fine-tuned; models that can: vit_h"),
    ]:
        assert result.returncode == 2 and result.stderr.startswith(f"error: {refusal}"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_model_asked_for_what_it_does_not_declare_gets_one_line_in_the_api(served):
    from gradio_client import Client, handle_file

    client = Client(served[1], verbose=False)
    with pytest.raises(Exception, match=REFUSAL):
        client.predict(handle_file(str(IMGS / "coffee.png")), "", {"points_per_side": 4}, False, "classical",
                       api_name="/everything")
