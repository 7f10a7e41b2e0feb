"""The Project tab in headless Chromium (the issue's acceptance test): open a project,
label two images with two classes using clicks and number keys, reload the page,
continue on the third, mark it reviewed, export COCO and check it with pycocotools."""

import contextlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

from browser_pages import chromium, chromium_page, click_pixel, shown_canvas, wait_text
from conftest import ARTIFACTS, launched, make_service

pytestmark = pytest.mark.browser
CHROMIUM = chromium()

SIZE = (320, 240)  # W, H of the synthetic images: shown at their own size on the canvas


def synthetic_images(folder):
    """Three images, each a coloured rectangle on grey (230), each 20 px further right."""
    folder.mkdir()
    for k, colour in enumerate([(200, 40, 40), (40, 160, 60), (40, 60, 200)]):
        image = Image.new("RGB", SIZE, (230, 230, 230))
        ImageDraw.Draw(image).rectangle([80 + 20 * k, 60, 220 + 20 * k, 180], fill=colour)
        image.save(folder / f"img{k + 1}.png")
    return folder


@contextlib.contextmanager
def project_page(url):
    """A 1400x1000 page of ``url`` on its Project tab."""
    with chromium_page(url, 1400, 1000, timeout_ms=30_000) as page:
        open_tab(page)
        yield page


def open_tab(page):
    page.wait_for_selector("#upload")
    page.get_by_role("tab", name="Project").click()
    page.wait_for_selector("#project-canvas .viewport")


def canvas_click(page, fx, fy):
    """A click at (fx, fy) of the image's width and height, once the canvas shows it."""
    canvas = shown_canvas(page, "project-canvas")
    click_pixel(canvas, int(SIZE[0] * fx), int(SIZE[1] * fy))
    wait_text(page, "project-message", "object(s) in")


def picked_class(page) -> str:
    return page.locator("#project-class label:has(input:checked)").inner_text().strip()


def object_rows(page) -> list:
    """The object list's rows (Gradio 6 draws them as grid cells) as [#, class, source, area]."""
    return page.evaluate("""() => {
      const rows = {};
      for (const cell of document.querySelectorAll('#project-objects [role=gridcell][data-row]'))
        (rows[cell.dataset.row] ??= [])[Number(cell.dataset.col)] = cell.innerText.trim();
      return Object.keys(rows).sort((a, b) => a - b).map((r) => rows[r].slice(0, 4));
    }""")


def tint(page, original) -> np.ndarray:
    """The colour the canvas draws its masks in over ``original`` (the saved objects'), the
    median over the drawn pixels of its masks layer."""
    page.wait_for_function("(() => { const c = document.querySelector('#project-canvas .stage canvas'); "
                           "if (!c) return false; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height)"
                           ".data; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true; return false; })()")
    rgba = np.array(page.evaluate("""(() => { const c = document.querySelector('#project-canvas .stage canvas');
        return [c.width, c.height, Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)]; })()"""
                                  )[2], dtype=float).reshape(-1, 4)
    drawn = rgba[rgba[:, 3] > 0]
    assert len(drawn) > 100 and len(rgba) == np.asarray(original).size // 3, "no saved object drawn on the canvas"
    return np.median(drawn[:, :3], axis=0)


def label(page, key, name, accept, image, colour):
    """Click the image's middle, pick class ``name`` with number key ``key``, accept with
    ``accept`` (a key, or None: the button); checks the object list shows it and the
    canvas draws it in the class's ``colour`` over ``image``."""
    canvas_click(page, 0.5, 0.5)
    page.keyboard.press(key)
    wait_text(page, "project-message", f"New objects: {name}.")
    assert picked_class(page) == f"{key} {name}"
    if accept is None:
        page.click("#project-accept")
    else:
        page.keyboard.press(accept)
    wait_text(page, "project-message", "1 object(s) saved (1 on this image).")
    assert [row[1:3] for row in object_rows(page)] == [[name, "click"]]
    assert np.abs(tint(page, image) - colour).max() < 30, (tint(page, image), colour)


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"project_{name}.png"), full_page=True)


def test_label_reload_continue_review_and_export_coco(tiny_model, tmp_path):
    from pycocotools.coco import COCO

    from sam_app.projects import Project
    from sam_app.projects.formats import export_project
    from sam_app.projects.library import Library

    images = synthetic_images(tmp_path / "images")
    pictures = [Image.open(images / f"img{k}.png").convert("RGB") for k in (1, 2, 3)]
    folder = tmp_path / "project"
    project = Project.create(folder, images, classes=["person", "car"])
    colours = {c.name: [int(c.colour[i:i + 2], 16) for i in (1, 3, 5)] for c in project.classes()}
    project.close()
    service = make_service(tiny_model, checkpoint_dir=tmp_path / "checkpoints")
    with launched(service, projects=Library(folder)) as (_, _, url), project_page(url) as page:
        wait_text(page, "project-title", "img1.png")
        assert "image 1 of 3" in page.locator("#project-title").inner_text()
        assert picked_class(page) == "1 person"

        label(page, "2", "car", "a", pictures[0], colours["car"])  # image 1: a car, accepted with A
        assert "In progress" in page.locator("#project-title").inner_text()
        shot(page, "1_car_accepted")

        page.click("#project-next")
        wait_text(page, "project-title", "img2.png")
        assert object_rows(page) == []
        label(page, "1", "person", None, pictures[1], colours["person"])  # image 2: a person, the button

        page.reload()  # the page reopens where the person was: image 2, its object saved and drawn
        open_tab(page)
        wait_text(page, "project-title", "img2.png")
        assert [row[1] for row in object_rows(page)] == ["person"]
        assert "▶ img2.png" in page.locator("#project-images").inner_text()
        assert np.abs(tint(page, pictures[1]) - colours["person"]).max() < 30
        shot(page, "2_reloaded")

        page.keyboard.press("n")  # N: the third image
        wait_text(page, "project-title", "img3.png")
        label(page, "2", "car", "Enter", pictures[2], colours["car"])  # keys still work after the reload
        page.locator("#project-status label", has_text="Reviewed").click()
        wait_text(page, "project-message", "img3.png: Reviewed.")
        assert page.locator("#project-status label:has(input:checked)").inner_text().strip() == "Reviewed"
        shot(page, "3_reviewed")

    project = Project.open(folder)
    try:
        points = [project.image(i.id).objects[0].prompt["points"][0] for i in project.image_list()]
        # each click landed in the middle of the picture, in image pixels
        assert np.allclose(points, [[SIZE[0] / 2, SIZE[1] / 2]] * 3, atol=2), points
        export_project(project, tmp_path / "all", ["coco"])
        export_project(project, tmp_path / "reviewed", ["coco"], reviewed_only=True)
    finally:
        project.close()

    coco = COCO(str(tmp_path / "all" / "annotations.json"))
    names = {}
    for image in coco.loadImgs(coco.getImgIds()):
        annotations = coco.loadAnns(coco.getAnnIds(imgIds=image["id"]))
        names[image["file_name"]] = [coco.loadCats(a["category_id"])[0]["name"] for a in annotations]
        for annotation in annotations:
            mask = coco.annToMask(annotation)
            assert mask.shape == (SIZE[1], SIZE[0]) and mask.sum() == annotation["area"] > 0
    assert names == {"img1.png": ["car"], "img2.png": ["person"], "img3.png": ["car"]}
    reviewed = COCO(str(tmp_path / "reviewed" / "annotations.json"))
    assert [i["file_name"] for i in reviewed.loadImgs(reviewed.getImgIds())] == ["img3.png"]
    assert len(reviewed.getAnnIds()) == 1
