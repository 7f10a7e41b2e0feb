"""The annotation canvas in headless Chromium (issue 30's acceptance): zoomed to 400 %, a
click lands on the image pixel under the pointer at 1 and 12 MP; a brush stroke of known
radius adds the pixels its capsule covers (within 2 %), the eraser takes them away and
Undo restores the mask exactly; a polygon vertex dragged 20 px moves the outline and the
mask; union and subtraction; the live preview shows without a click and goes when the
pointer leaves; every key the help overlay lists does what it says, and none fires in a
text field; a region dragged, then clicks inside it."""

import json
import math
import time

import numpy as np
import pytest
from PIL import Image
from pycocotools import mask as mask_utils

from sam_app.edits import stroke_cover

from browser_pages import chromium, chromium_page, click_pixel, pixel_position, shown_canvas, wait_text
from conftest import ARTIFACTS, IMGS, launched

pytestmark = pytest.mark.browser
CHROMIUM = chromium()


@pytest.fixture
def page(served):
    with chromium_page(served[1], 1400, 1000, accept_downloads=True) as page:
        page.wait_for_selector("#upload")
        yield page


def upload(page, path):
    page.set_input_files("#upload input[type=file]", str(path))
    wait_text(page, "message", "Image ready")
    return shown_canvas(page)


def attribute(canvas, name) -> str:
    return canvas.get_attribute(f"data-{name}")


def listed_points(page):
    """The points of the prompt list, [(X, Y), ...] in image pixels."""
    listing = page.locator("#prompt-list").inner_text()
    return [tuple(float(v) for v in part.split(")")[0].split(",")) for part in listing.split("point (")[1:]]


def zoom_to(page, canvas, target):
    """Wheel at the canvas's centre until its zoom is ``target`` (within 1 %)."""
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(10):
        scale = float(attribute(canvas, "scale"))
        if abs(scale / target - 1) < 0.01:
            return scale
        page.mouse.wheel(0, -math.log(target / scale) / math.log(1.0015))
        time.sleep(0.1)
    raise AssertionError(f"the zoom stayed at {attribute(canvas, 'scale')}, not {target}")


@pytest.mark.parametrize("size", [(1225, 816), (4243, 2828)], ids=["1MP", "12MP"])
def test_at_400_percent_a_click_lands_on_the_pixel_under_the_pointer(page, tmp_path, size):
    path = tmp_path / "photo.jpg"
    Image.open(IMGS / "coffee.png").convert("RGB").resize(size).save(path, quality=90)
    canvas = upload(page, path)
    assert (int(attribute(canvas, "width")), int(attribute(canvas, "height"))) == size
    canvas.scroll_into_view_if_needed()
    zoom_to(page, canvas, 4.0)
    box = canvas.bounding_box()
    scale, tx, ty = (float(attribute(canvas, k)) for k in ("scale", "tx", "ty"))
    # a pixel a little off the centre, inside the window: its centre on the page, clicked
    x, y = int((box["width"] * 0.4 - tx) / scale), int((box["height"] * 0.6 - ty) / scale)
    click_pixel(canvas, x, y)
    wait_text(page, "prompt-message", "object(s) in")
    [(px, py)] = listed_points(page)
    assert abs(px - x) <= 1 and abs(py - y) <= 1, ((px, py), (x, y))
    # a click a quarter pixel from a pixel's edge lands on that pixel, not its neighbour
    cx, cy = pixel_position(canvas, x + 3, y + 2)
    page.mouse.click(cx - scale * 0.25, cy + scale * 0.25)
    page.wait_for_function("document.querySelector('#prompt-list').innerText.split('point (').length > 2")
    assert listed_points(page)[1] == (x + 3, y + 2)


def current_mask(page) -> np.ndarray:
    """The current result's first object's mask as downloaded (Prepare downloads, its JSON)."""
    page.click("#make-downloads")
    link = page.locator('#downloads a[download$="_masks.json"]')
    link.wait_for()
    record = json.loads(page.request.get(link.get_attribute("href")).body())
    rle = record["objects"][0]["masks"][0]["segmentation"]
    return mask_utils.decode({"size": rle["size"], "counts": rle["counts"].encode()}).astype(bool)


def drag(page, canvas, start, end, steps=12):
    """Press at image pixel ``start``, move to ``end`` in ``steps``, release."""
    canvas.scroll_into_view_if_needed()
    page.mouse.move(*pixel_position(canvas, *start))
    page.mouse.down()
    page.mouse.move(*pixel_position(canvas, *end), steps=steps)
    page.mouse.up()


def test_brush_adds_its_capsule_the_eraser_takes_it_and_undo_restores(page):
    canvas = upload(page, IMGS / "coffee.png")
    page.uncheck("#multimask input")
    click_pixel(canvas, 300, 200)
    wait_text(page, "prompt-message", "1 object(s) in")
    original = current_mask(page)
    page.keyboard.press("b")
    assert attribute(canvas, "tool") == "brush" and attribute(canvas, "radius") == "10"
    start, end = (120, 300), (260, 330)  # image pixels; the stroke passes through pixel centres
    drag(page, canvas, start, end)
    wait_text(page, "prompt-message", "painted")
    painted = current_mask(page)
    cover = stroke_cover(original.shape, [[start[0] + 0.5, start[1] + 0.5], [end[0] + 0.5, end[1] + 0.5]], 10)
    expected = int((cover & ~original).sum())
    added = int(painted.sum() - original.sum())
    assert (painted | original).sum() == painted.sum()  # a brush only adds
    assert abs(added - expected) <= 0.02 * expected, (added, expected)
    page.locator("#canvas [data-tool=eraser]").click()  # the toolbar's button, as the key E
    drag(page, canvas, start, end)
    wait_text(page, "prompt-message", "erased")
    erased = current_mask(page)
    assert abs(int((erased & cover).sum())) <= 0.02 * expected and (erased & ~cover).sum() == (original & ~cover).sum()
    for _ in range(2):
        page.click("#undo")
        wait_text(page, "prompt-message", "Undone")
        page.wait_for_timeout(200)
    assert np.array_equal(current_mask(page), original)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "canvas_brush.png"))


def test_the_live_preview_shows_without_a_click_and_goes_when_the_pointer_leaves(page):
    canvas = upload(page, IMGS / "coffee.png")
    canvas.scroll_into_view_if_needed()
    page.mouse.move(*pixel_position(canvas, 310, 190))
    page.wait_for_selector("#canvas .viewport[data-preview='310,190']", timeout=30000)
    drawn = page.evaluate("""(() => { const c = document.querySelectorAll('#canvas .stage canvas')[1];
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()""")
    assert drawn > 0 and listed_points(page) == []  # a preview, not a prompt
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] - 40)  # off the canvas
    page.wait_for_function("!document.querySelector('#canvas .viewport').hasAttribute('data-preview')")


def test_every_listed_key_does_what_the_overlay_says_and_none_fires_in_a_text_field(page):
    canvas = upload(page, IMGS / "coffee.png")
    canvas.scroll_into_view_if_needed()
    page.mouse.move(*pixel_position(canvas, 20, 20))
    page.keyboard.press("?")
    overlay = page.locator("#canvas .help")
    overlay.wait_for()
    listed = overlay.inner_text()
    for words in ("Q / W / X", "begin a new object", "run", "undo", "brush", "eraser", "pan", "region", "polygon",
                  "[ / ]", "fit",
                  "show / hide the masks"):
        assert words in listed, words
    page.keyboard.press("Escape")
    overlay.wait_for(state="detached")

    def after(key, name, value):
        page.keyboard.press(key)
        page.wait_for_function("([name, value]) => document.querySelector('#canvas .viewport')"
                               ".getAttribute('data-' + name) === value", arg=[name, value])

    for key, tool in (("b", "brush"), ("e", "eraser"), ("h", "pan"), ("g", "polygon"), ("i", "region"),
                      ("v", "click")):
        after(key, "tool", tool)
    after("]", "radius", "13")
    after("[", "radius", "10")
    fit = attribute(canvas, "scale")
    page.keyboard.press("+")
    assert float(attribute(canvas, "scale")) == pytest.approx(float(fit) * 1.25)
    page.keyboard.press("-")
    after("o", "scale", "1")
    after("0", "scale", fit)
    after("m", "masks", "hidden")
    after("m", "masks", "shown")
    for key, mode in (("w", "Background"), ("x", "Box"), ("q", "Foreground")):
        page.keyboard.press(key)
        assert page.locator("#mode label", has_text=mode).locator("input").is_checked(), key
    page.keyboard.press("r")
    wait_text(page, "prompt-message", "the prompt is empty")
    click_pixel(canvas, 300, 200)
    wait_text(page, "prompt-message", "1 object(s) in")
    page.keyboard.press("n")
    wait_text(page, "prompt-message", "Object 2 begun")
    page.keyboard.press("z")
    wait_text(page, "prompt-message", "Undone")
    page.keyboard.press("Shift+Z")
    wait_text(page, "prompt-message", "Redone")
    # in a text field the same keys are text
    field = page.locator("#points textarea, #points input")
    field.click()
    page.keyboard.type("bq?m]0zn")
    assert field.input_value() == "bq?m]0zn"
    assert (attribute(canvas, "tool"), attribute(canvas, "radius"), attribute(canvas, "masks")) == \
        ("click", "10", "shown")
    assert page.locator("#mode label", has_text="Foreground").locator("input").is_checked()
    assert not page.locator("#canvas .help").count()


def test_a_region_dragged_with_the_region_tool_then_a_click_inside_it(page):
    canvas = upload(page, IMGS / "coffee.png")
    page.keyboard.press("i")
    assert attribute(canvas, "tool") == "region"
    drag(page, canvas, (150, 90), (469, 329))
    wait_text(page, "prompt-message", "Region 320x240 set")
    assert attribute(canvas, "tool") == "click"  # what comes next is clicking inside it
    page.wait_for_selector("#canvas svg rect.region")
    click_pixel(canvas, 300, 200)
    wait_text(page, "prompt-message", "1 object(s) in")
    assert "in the region (150, 90) to (470, 330)" in page.locator("#prompt-list").inner_text()
    click_pixel(canvas, 20, 20)
    wait_text(page, "prompt-message", "outside the region")


def test_a_polygon_vertex_dragged_20_px_moves_the_outline_and_the_mask(tmp_path):
    """On the classical backend (GrabCut: a clean outline with no weights)."""
    from sam_app.service import SamService

    with launched(SamService(checkpoint_dir=tmp_path, device="cpu", precision="fp32")) as (_, _, url):
        with chromium_page(url, 1400, 1000, accept_downloads=True) as page:
            canvas = upload(page, IMGS / "coffee.png")
            page.locator("#mode label", has_text="Box").click()
            click_pixel(canvas, 170, 20)
            wait_text(page, "prompt-message", "First corner")
            click_pixel(canvas, 480, 330)
            wait_text(page, "prompt-message", "object(s) in")
            before = current_mask(page)
            page.keyboard.press("g")
            vertices = canvas.locator("circle.vertex")
            vertices.first.wait_for()
            points = vertices.evaluate_all("cs => cs.map(c => [Number(c.dataset.x), Number(c.dataset.y)])")
            x, y = max(points)  # the rightmost vertex: moved 20 px further right, outside the mask
            drag(page, canvas, (x, y), (x + 20, y), steps=5)
            wait_text(page, "prompt-message", "outline edited")
            moved = canvas.locator("circle.vertex").evaluate_all(
                "cs => cs.map(c => [Number(c.dataset.x), Number(c.dataset.y)])")
            assert any(abs(mx - (x + 20)) <= 1.5 and abs(my - y) <= 1.5 for mx, my in moved)  # the outline
            after = current_mask(page)
            assert after[int(y), int(x + 20)] and not before[int(y), int(x + 20)]  # the mask
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            canvas.screenshot(path=str(ARTIFACTS / "canvas_polygon.png"))


def test_union_and_subtraction_in_the_page(page):
    upload(page, IMGS / "coffee.png")
    page.fill("#boxes textarea, #boxes input", "100 50 320 250 250 150 550 350")
    page.click("#add-boxes")
    wait_text(page, "prompt-message", "Added 2 box(es)")
    page.click("#run")
    wait_text(page, "prompt-message", "2 object(s) in")
    page.click("#combine .label-wrap")
    page.fill("#combined textarea, #combined input", "1 2")
    page.click("#union")
    wait_text(page, "prompt-message", "Object 2 joined object 1")
    assert "object 2" not in page.locator("#prompt-list").inner_text()
    page.click("#undo")
    wait_text(page, "prompt-message", "Undone")
    page.click("#subtract")
    wait_text(page, "prompt-message", "Object 1 less object 2")
    assert "object 2" in page.locator("#prompt-list").inner_text()
