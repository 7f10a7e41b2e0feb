"""The Prompt mode as a newcomer meets it, in headless Chromium at 1400x900: messages beside
the control that caused them, the candidates in view after a click, objects from clicks
alone, a background point before a box, a reload that brings the work back, and a result
file opened again."""

import contextlib
import json

import pytest

from browser_pages import chromium, chromium_page, click_pixel, shown_canvas, wait_text
from conftest import ARTIFACTS, IMGS

pytestmark = pytest.mark.browser
CHROMIUM = chromium()
W, H = 600, 400  # coffee.png


@contextlib.contextmanager
def small_window(url):
    """A 1400x900 page of ``url`` with coffee.png uploaded and encoded."""
    with chromium_page(url, 1400, 900) as page:
        page.wait_for_selector("#upload")
        page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
        wait_text(page, "message", "Image ready")
        yield page


@pytest.fixture
def page(served):
    with small_window(served[1]) as page:
        yield page


def click_at(page, x, y):
    """A click on image pixel (x, y) of the 600x400 canvas picture."""
    click_pixel(shown_canvas(page), x, y)


def page_top(page, selector) -> float:
    """Where ``selector`` starts on the page (not the window): it moves only when the layout does."""
    return page.locator(selector).evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def in_window(page, selector) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900


def test_a_message_shows_beside_its_control_styled_and_the_canvas_stays(page):
    canvas_top, line = page_top(page, "#canvas"), page.locator("#prompt-message").bounding_box()
    page.fill("#points textarea, #points input", "10 abc")
    page.click("#add-points")
    wait_text(page, "prompt-message", "is not a number")
    assert "sam-error" in page.locator("#prompt-message").get_attribute("class")  # styled as an error
    assert page.locator("#message").inner_text().startswith("Image ready")  # the header's line is the upload's
    # a long message scrolls inside the line: neither the line nor the canvas moves
    page.fill("#boxes textarea, #boxes input", " ".join(["1 2 3"] * 60) + " 9")
    page.click("#add-boxes")
    wait_text(page, "prompt-message", "got 181 numbers")
    assert page_top(page, "#canvas") == canvas_top
    now = page.locator("#prompt-message").bounding_box()
    assert now["height"] == line["height"]
    canvas = page.locator("#canvas").bounding_box()
    assert now["x"] > canvas["x"] + canvas["width"] and canvas["y"] <= now["y"] < canvas["y"] + canvas["height"]
    click_at(page, 300, 200)
    wait_text(page, "prompt-message", "object(s) in")
    assert "sam-error" not in page.locator("#prompt-message").get_attribute("class")


def test_the_candidates_and_the_buttons_are_in_view_after_a_click(page):
    click_at(page, 300, 200)
    page.wait_for_selector("#candidates input[type=radio]")
    assert page.locator("#candidates label").count() == 3
    for selector in ("#candidates", "#undo", "#clear", "#run", "#new-object", "#prompt-message"):
        assert in_window(page, selector), selector
    assert not page.locator("#result").is_visible()  # the repeated picture is folded away
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "prompt_after_a_click.png"))


def test_two_objects_from_clicks_alone(page):
    click_at(page, 300, 200)
    wait_text(page, "prompt-message", "1 object(s) in")
    page.locator("body").press("n")  # the key; the button does the same
    wait_text(page, "prompt-message", "Object 2 begun")
    page.fill("#points textarea, #points input", "1 1")  # a key typed in a field is text, not a shortcut
    page.locator("#points textarea, #points input").press("n")
    assert page.locator("#prompt-message").inner_text().startswith("Object 2 begun")
    page.fill("#points textarea, #points input", "")
    click_at(page, 100, 80)
    wait_text(page, "prompt-message", "2 object(s) in")
    listing = page.locator("#prompt-list").inner_text()
    assert "object 1" in listing and "object 2" in listing and listing.count("foreground point") == 2
    assert not page.locator("#candidates").is_visible()  # two objects: one mask each


def test_a_background_point_then_a_box_make_one_object(page):
    page.locator("#mode label", has_text="Background").click()
    click_at(page, 150, 120)
    wait_text(page, "prompt-message", "object(s) in")
    page.locator("#mode label", has_text="Box").click()
    click_at(page, 200, 100)
    wait_text(page, "prompt-message", "First corner")
    page.locator("body").press("Escape")  # drops the corner
    wait_text(page, "prompt-message", "first corner was dropped")
    assert "box corner" not in page.locator("#prompt-list").inner_text()
    click_at(page, 200, 100)
    wait_text(page, "prompt-message", "First corner")
    click_at(page, 450, 330)
    wait_text(page, "prompt-message", "1 object(s) in")
    listing = page.locator("#prompt-list").inner_text()
    assert "object 2" not in listing and "box (200, 100) to (450, 330)" in listing and "background point" in listing


def test_a_reload_brings_back_the_image_the_prompt_and_the_result(page):
    click_at(page, 300, 200)
    page.wait_for_selector("#candidates input[type=radio]")
    page.locator("#candidates label").nth(2).click()
    wait_text(page, "prompt-message", "Candidate 3 selected")
    listing = page.locator("#prompt-list").inner_text()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.reload()
    assert asked == ["beforeunload"]  # leaving with work on the page asks first
    wait_text(page, "prompt-message", "Brought back coffee.png")
    wait_text(page, "prompt-list", listing, exact=True)  # once the event's progress timer is gone
    shown_canvas(page)
    assert page.locator("#candidates input[type=radio]").nth(2).is_checked()
    status = page.locator("#status").inner_text()
    assert "1 image(s) encoded in cache" in status  # live, not as the page was built


def test_open_result_brings_a_downloaded_result_back(page, tmp_path):
    click_at(page, 300, 200)
    wait_text(page, "prompt-message", "object(s) in")
    page.locator("body").press("n")
    click_at(page, 500, 300)
    wait_text(page, "prompt-message", "2 object(s) in")
    listing = page.locator("#prompt-list").inner_text()
    first = download_json(page, tmp_path / "first.json")
    page.click("#clear")
    wait_text(page, "prompt-message", "cleared")
    with page.expect_file_chooser() as chooser:
        page.click("#open-result")
    chooser.value.set_files(str(tmp_path / "first.json"))
    wait_text(page, "prompt-message", "Opened first.json: 2 object(s)")
    wait_text(page, "prompt-list", listing, exact=True)  # once the event's progress timer is gone
    again = download_json(page, tmp_path / "again.json")
    assert again["objects"] == first["objects"]


def download_json(page, path) -> dict:
    """The result JSON of the Prompt mode's downloads, saved at ``path``."""
    before = page.locator("#downloads a[download$='_masks.json']").count()
    page.click("#make-downloads")
    if before:
        wait_text(page, "prompt-message", "ready to download")
    page.wait_for_selector("#downloads a[download$='_masks.json']")
    href = page.locator("#downloads a[download$='_masks.json']").get_attribute("href")
    path.write_bytes(page.request.get(href).body())
    return json.loads(path.read_text())


def test_an_example_asks_before_it_replaces_work_and_download_asks_before_it_fetches(page):
    click_at(page, 300, 200)
    wait_text(page, "prompt-message", "object(s) in")
    answers = iter([False, True])
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message),
                                      dialog.accept() if next(answers) else dialog.dismiss()))
    page.locator("#examples button").first.click()  # astronaut.png: "no" keeps the work
    assert asked and "Open this example instead?" in asked[0]
    page.wait_for_timeout(1000)
    assert "on coffee.png" in page.locator("#prompt-list").inner_text()
    page.locator("#examples button").first.click()  # "yes" opens it
    wait_text(page, "prompt-list", "on astronaut.png")
    assert len(asked) == 2
    # a model whose weights are missing: Download says what it fetches, how large and where, and asks
    page.locator("#model input").click()
    page.get_by_role("option", name="vit_b (checkpoint missing)", exact=True).click()
    wait_text(page, "message", "vit_b is not on this server yet")
    wait_text(page, "download", "Download (375 MB)", exact=True)
    assert not page.locator("#download-confirm").is_visible()
    page.click("#download")
    wait_text(page, "download-question", "Fetch vit_b (375 MB) into")
    page.click("#download-cancel")
    page.wait_for_selector("#download-confirm", state="hidden")
