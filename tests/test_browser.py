"""The web UI in headless Chromium (Debian's, driven by Playwright): what a person does."""

import contextlib
import io
import json
import time
import zipfile

import numpy as np
import pytest
from PIL import Image

from browser_pages import chromium, chromium_page, click_pixel, shown_canvas, wait_text
from conftest import ARTIFACTS, IMGS, launched

pytestmark = pytest.mark.browser
CHROMIUM = chromium()


@contextlib.contextmanager
def open_page(url):
    """A 1400x1000 page of ``url`` in headless Chromium, downloads allowed."""
    with chromium_page(url, 1400, 1000, accept_downloads=True) as page:
        page.wait_for_selector("#upload")
        yield page


@pytest.fixture
def page(served, tmp_path):
    with open_page(served[1]) as page:
        yield page


def message(page, line="#prompt-message") -> str:
    """The text of a message line: the Prompt mode's (default), the page's (#message) or another mode's."""
    return page.locator(line).inner_text()


def unfold_pictures(page) -> None:
    """Unfold the Result picture and the pixel-axes preview (folded below the canvas)."""
    if not page.locator("#preview-button").is_visible():
        page.click("#pictures .label-wrap")
        page.wait_for_selector("#preview-button")


def image_src(page, selector) -> str:
    return page.locator(f"{selector} img").first.get_attribute("src") or ""


def wait_changed(page, selector, old, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.locator(f"{selector} img").count() and image_src(page, selector) != old:
            return
        time.sleep(0.2)
    raise AssertionError(f"{selector} did not change")


def test_full_workflow(page, tmp_path):
    page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
    page.wait_for_selector("#canvas img")
    wait_text(page, "message", "Image ready")

    # type points, Add (the original UI's workflow)
    page.fill("#points textarea, #points input", "300 200 100 350")
    page.fill("#labels textarea, #labels input", "1 0")
    page.click("#add-points")
    wait_text(page, "prompt-list", "background point (100, 350)")

    # Preview: the axes image appears
    unfold_pictures(page)
    page.click("#preview-button")
    page.wait_for_selector("#preview img")
    preview_path = tmp_path / "preview.png"
    page.locator("#preview img").screenshot(path=str(preview_path))
    assert Image.open(preview_path).size[0] > 300

    # Run: the overlay appears with the candidates
    page.click("#run")
    unfold_pictures(page)
    page.wait_for_selector("#result img")
    wait_text(page, "prompt-message", "object(s) in")
    first_result = image_src(page, "#result")

    # click on the image to add a point (runs at once)
    canvas = shown_canvas(page)
    click_pixel(canvas, 600 * 0.7, 400 * 0.3)
    page.wait_for_function("document.querySelector('#prompt-list').innerText.split('point (').length == 4")
    wait_changed(page, "#result", first_result)
    listing = page.locator("#prompt-list").inner_text()
    x = float(listing.split("point (")[3].split(",")[0])
    assert abs(x - 600 * 0.7) <= 3  # the click landed where the user clicked, in image pixels

    # switch candidate (a single object with one point only has 3 candidates)
    page.click("#clear")
    wait_text(page, "prompt-message", "cleared")
    click_pixel(shown_canvas(page), 300, 200)
    page.wait_for_selector("#candidates input[type=radio]")
    radios = page.locator("#candidates label")
    assert radios.count() == 3
    before = image_src(page, "#result")
    checked = [i for i in range(3) if radios.nth(i).locator("input").is_checked()]
    other = (checked[0] + 1) % 3
    radios.nth(other).click()
    page.wait_for_function(f"document.querySelector('#prompt-message').innerText"
                           f".includes('Candidate {other + 1} selected')")
    wait_changed(page, "#result", before)

    # download the mask: files are written when asked for
    assert page.locator("#downloads a[download]").count() == 0
    page.click("#make-downloads")
    wait_text(page, "prompt-message", "ready to download")
    link = page.locator("#downloads a[download^=\"coffee_object1_mask\"]").first
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "mask.png"
    info.value.save_as(saved)
    mask = np.asarray(Image.open(saved))
    assert mask.shape == (400, 600) and set(np.unique(mask)) <= {0, 255}

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "finished_page.png"), full_page=True)


def test_prompt_errors_show_in_the_page(page):
    page.set_input_files("#upload input[type=file]", str(IMGS / "astronaut.png"))
    wait_text(page, "message", "Image ready")
    page.fill("#points textarea, #points input", "10 abc")
    page.click("#add-points")
    wait_text(page, "prompt-message", "is not a number")
    assert "token 2 ('abc')" in message(page)
    page.fill("#boxes textarea, #boxes input", "50 50 10 10")
    page.click("#add-boxes")
    wait_text(page, "prompt-message", "degenerate")
    # the app keeps working after errors
    page.fill("#boxes textarea, #boxes input", "100 100 300 400")
    page.click("#add-boxes")
    page.click("#run")
    unfold_pictures(page)
    page.wait_for_selector("#result img")


def test_box_by_two_clicks_on_the_classical_backend(tmp_path):
    """No checkpoint: the page says it runs the classical backend, and a box drawn with
    two clicks gives a real mask (this screenshot is the README's)."""
    from sam_app.service import SamService

    with launched(SamService(checkpoint_dir=tmp_path, device="cpu", precision="fp32")) as (_, _, url):
        with open_page(url) as page:
            # read once the page's opening events are done (until then a timer shows on it)
            page.wait_for_function("document.querySelector('#status').innerText.startsWith("
                                   "'OpenCV GrabCut (classical, no weights): no checkpoint found in')")
            page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
            wait_text(page, "message", "Image ready")
            page.locator("#mode label", has_text="Box").click()
            canvas = shown_canvas(page)
            click_pixel(canvas, 170, 20)
            wait_text(page, "prompt-message", "First corner")
            click_pixel(canvas, 480, 330)
            unfold_pictures(page)
            page.wait_for_selector("#result img")
            wait_text(page, "prompt-message", "object(s) in")
            assert "box (1" in page.locator("#prompt-list").inner_text()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "classical_page.png"), full_page=True)


def test_large_image_clicks_land_in_image_pixels(page, tmp_path):
    big = tmp_path / "big.jpg"
    Image.open(IMGS / "coffee.png").convert("RGB").resize((4000, 3000)).save(big, quality=90)
    page.set_input_files("#upload input[type=file]", str(big))
    wait_text(page, "message", "Image ready")
    canvas = shown_canvas(page)
    assert canvas.locator("img").evaluate("img => img.naturalWidth") == 4000  # the picture at full size
    click_pixel(canvas, 2800, 900)
    wait_text(page, "prompt-list", "foreground point (")
    listing = page.locator("#prompt-list").inner_text()
    x, y = (float(v) for v in listing.split("foreground point (")[1].split(")")[0].split(","))
    assert abs(x - 2800) <= 1 and abs(y - 900) <= 1  # the pixel under the pointer, fitted at about 0.2
    wait_text(page, "prompt-message", "object(s) in")
    # the mask is on the canvas, and full-size downloads come when asked for
    page.click("#make-downloads")
    page.wait_for_selector('#downloads a[download^="big_object1_mask"]', timeout=60000)


def set_slider(page, elem_id, value):
    field = page.locator(f"#{elem_id} input[type=number]")
    field.fill(str(value))
    field.press("Enter")


def test_everything_mode_shows_masks_and_downloads_a_selection(page, tmp_path):
    page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
    wait_text(page, "message", "Image ready")
    page.get_by_role("tab", name="Everything").click()
    page.locator("#everything-run").wait_for()
    page.get_by_text("Settings (upstream's defaults)").click()
    for elem_id, value in (("points-per-side", 4), ("pred-iou-thresh", 0), ("stability-score-thresh", 0),
                           ("box-nms-thresh", 1)):
        set_slider(page, elem_id, value)
    page.click("#everything-run")
    wait_text(page, "everything-message", "48 masks in")
    page.wait_for_selector("#everything-picture img")
    assert "48 masks; none selected" in page.locator("#everything-selection").inner_text()
    page.locator('#everything-table [data-testid="cell-0-1"]').click()  # the first row's area
    wait_text(page, "everything-message", "selected.")
    picked = message(page, "#everything-message").split("#")[1].split(" ")[0]
    assert f"#{picked}" in page.locator("#everything-selection").inner_text()
    page.click("#everything-download")
    link = page.locator('#everything-files a[download="coffee_everything.zip"]').first
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "masks.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        mask = np.asarray(Image.open(io.BytesIO(archive.read(f"coffee_mask{picked}.png"))))
    assert mask.shape == (400, 600) and set(np.unique(mask)) <= {0, 255} and mask.any()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "everything_page.png"), full_page=True)


def test_batch_mode_makes_a_dataset_zip(page, tmp_path):
    import zipfile

    page.get_by_role("tab", name="Batch").click()
    page.locator("#batch-run").wait_for()
    page.set_input_files("#batch-images input[type=file]", [str(IMGS / "coffee.png"), str(IMGS / "astronaut.png")])
    page.wait_for_selector('#batch-images td[aria-label="astronaut.png"]')
    for elem_id, value in (("batch-points-per-side", 4), ("batch-pred-iou-thresh", 0),
                           ("batch-stability-score-thresh", 0)):
        set_slider(page, elem_id, value)
    page.get_by_label("yolo").check()
    page.click("#batch-run")
    wait_text(page, "batch-summary", "2 done", timeout=120_000)
    link = page.locator("#batch-download a[download]").first
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "dataset.zip"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        coco = json.loads(archive.read("annotations.json"))
        assert {"labels/coffee.txt", "labels/astronaut.txt", "classes.txt"} <= set(archive.namelist())
    assert [im["file_name"] for im in coco["images"]] == ["astronaut.png", "coffee.png"] and coco["annotations"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "batch_page.png"), full_page=True)
    page.get_by_label("Prompts file").check()
    page.locator("#batch-prompts").wait_for()
    assert not page.locator("#batch-points-per-side").is_visible()


def test_prompting_with_a_sam21_model(tmp_path):
    """A SAM 2.1 folder in the checkpoint folder (no SAM 1): the page picks it, a click
    gives three candidates, and the click lands on the right pixel."""
    from sam_app.service import SamService

    from models import tiny_hf

    model, processor = tiny_hf("sam2", seed=1)
    model.save_pretrained(tmp_path / "sam2.1-hiera-tiny")
    processor.save_pretrained(tmp_path / "sam2.1-hiera-tiny")
    with launched(SamService(checkpoint_dir=tmp_path, device="cpu", precision="fp32")) as (_, _, url):
        with open_page(url) as page:
            assert "Model sam2.1_hiera_t" in page.locator("#status").inner_text()
            page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
            wait_text(page, "message", "Image ready")
            canvas = shown_canvas(page)
            click_pixel(canvas, 600 * 0.4, 400 * 0.6)
            page.wait_for_selector("#candidates input[type=radio]")
            wait_text(page, "prompt-message", "object(s) in")
            assert page.locator("#candidates label").count() == 3
            listing = page.locator("#prompt-list").inner_text()
            x, y = (float(v) for v in listing.split("point (")[1].split(")")[0].split(","))
            assert abs(x - 600 * 0.4) <= 3 and abs(y - 400 * 0.6) <= 3
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "sam21_page.png"), full_page=True)


@pytest.mark.parametrize("route", ["grounding_dino", "sam3"])
def test_a_phrase_finds_instances_listed_with_their_scores(route, tiny_model, tmp_path):
    """Text typed, Find and add: each instance is listed with its score, joins the prompt
    as a box with its phrase, and is segmented (by the segmenter from its box, or by SAM
    3 itself); unticking one takes its box out; the downloads' JSON names the phrases."""
    import torch

    from sam_app.backends.detector import Detector
    from sam_app.backends.sam3 import Sam3Backend
    from sam_app.tasks.text import segment_phrases

    from conftest import make_service
    from models import tiny_detector, tiny_sam3

    service = make_service(tiny_model)
    if route == "sam3":
        service.add_backend(Sam3Backend(*tiny_sam3(tmp_path / "tokenizer", seed=1), "sam3", torch.device("cpu")))
        threshold = 0.25
    else:
        model, processor = tiny_detector(route, tmp_path / "tokenizer", seed=1)
        service.add_backend(Detector(model, processor, route, torch.device("cpu")))
        threshold = 0.5
    expected = segment_phrases(service, IMGS / "coffee.png", "cup, red car", threshold, max_instances=256)
    assert len(expected.objects) >= 2
    with launched(service) as (_, _, url):
        with open_page(url) as page:
            page.set_input_files("#upload input[type=file]", str(IMGS / "coffee.png"))
            wait_text(page, "message", "Image ready")
            page.fill("#text textarea, #text input", "cup, red car")
            set_slider(page, "text-threshold", threshold)
            page.click("#add-text")
            wait_text(page, "prompt-message", "object(s) in")
            assert f"{route} found {len(expected.objects)} instance(s) of cup, red car" in message(page)
            labels = page.locator("#instances label").all_inner_texts()
            assert labels == [f"{p} {s:.2f}" for p, s in zip(expected.labels, expected.scores)]
            assert page.locator("#instances input:checked").count() == len(labels)
            listing = page.locator("#prompt-list").inner_text()
            assert listing.count("box ") == len(labels) and f"{expected.labels[0]} {expected.scores[0]:.2f}" in listing
            page.click("#make-downloads")
            page.wait_for_selector('#downloads a[download="coffee_masks.json"]')
            href = page.locator('#downloads a[download="coffee_masks.json"]').get_attribute("href")
            record = json.loads(page.request.get(href).text())
            assert record["text"]["phrases"] == ["cup", "red car"] and record["model"] == expected.model
            assert [o["phrase"] for o in record["objects"]] == expected.labels
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"text_{route}_page.png"), full_page=True)
            page.locator("#instances label").first.click()  # untick the best: its box leaves the prompt
            page.wait_for_function(f"document.querySelector('#prompt-list').innerText.split('box ').length - 1 "
                                   f"== {len(labels) - 1}")
            wait_text(page, "prompt-message", "object(s) in")
            assert page.locator("#instances input:checked").count() == len(labels) - 1
