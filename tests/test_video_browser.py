"""The Video tab in headless Chromium (the issue's acceptance test): load a short video,
click an object on frame 0, propagate, move to the last frame and see its mask, correct
it there, export the PNG masks."""

import io
import zipfile

import numpy as np
import pytest
from PIL import Image

from browser_pages import BROWSER_ARGS, chromium, click_pixel, shown_canvas, wait_text
from conftest import ARTIFACTS, launched, make_service
from models import tiny_video
from videos import moving_shapes, write_video

pytestmark = pytest.mark.browser
CHROMIUM = chromium()


def picture_click(page, x, y):
    """A click at frame pixel (x, y) on the frame's canvas, once it shows the frame."""
    click_pixel(shown_canvas(page, "video-picture"), x, y)


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"video_{name}.png"), full_page=True)


def test_click_propagate_correct_on_the_last_frame_and_export_png_masks(tiny_model, tmp_path):
    from playwright.sync_api import sync_playwright

    model, processor = tiny_video("sam2")
    folder = tmp_path / "sam2-video"
    model.save_pretrained(folder)
    processor.save_pretrained(folder)
    frames = moving_shapes(12)
    video = write_video(tmp_path / "clip.mp4", frames)
    service = make_service(tiny_model, checkpoint=folder, checkpoint_dir=tmp_path / "checkpoints")
    with launched(service) as (ui, _, url), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(60_000)
        page.goto(url)
        page.get_by_role("tab", name="Video").click()
        page.locator("#video-upload input[type=file]").set_input_files(str(video))
        wait_text(page, "video-message", "clip.mp4: 12 frames of 160x120, tracked with sam2-video")

        picture_click(page, 30, 60)  # the red disc on frame 0
        wait_text(page, "video-message", "Prompt for object 1 on frame 0")
        page.click("#video-propagate")
        wait_text(page, "video-message", "Tracked 1 object(s) over 12 frames")
        tracker = service.videos.get(next(iter(service.videos._open)))
        assert tracker.tracked_frames() == list(range(12))
        shot(page, "1_propagated")

        slider = page.locator("#video-frame input[type=number]")
        slider.fill("5")  # scrub to frame 5, then Play to the last frame
        slider.press("Enter")
        page.wait_for_function("document.querySelector('#video-picture img')?.src.includes('.jpg')")
        # the frame's masks on the canvas: object 1, labelled
        page.wait_for_selector("#video-picture svg text.label")
        page.click("#video-play")
        page.wait_for_function("document.querySelector('#video-frame input[type=number]').value === '11'")
        before = tracker.masks_at(11)[1]
        assert before.any()
        picture_click(page, 63, 60)  # the disc has moved 33 px right by the last frame
        wait_text(page, "video-message", "Correction for object 1 on frame 11")
        assert (1, 11) in tracker.prompts and 1 in tracker.masks_at(11)
        shot(page, "2_corrected")

        page.click("#video-export")
        wait_text(page, "video-message", "Exported png, ytvis")
        shot(page, "3_exported")
        link = page.locator('#video-files a[download="masks.zip"]').first
        archive = zipfile.ZipFile(io.BytesIO(page.request.get(link.get_attribute("href")).body()))
        names = sorted(n for n in archive.namelist() if n.endswith(".png"))
        assert names == [f"masks/{i:05d}.png" for i in range(12)]
        last = np.array(Image.open(io.BytesIO(archive.read("masks/00011.png"))))
        assert ((last == 1) == tracker.masks_at(11)[1]).mean() >= 0.9999
        browser.close()
