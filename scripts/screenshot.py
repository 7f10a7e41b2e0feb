"""Make the README's screenshots of the page as it is today: the web UI on the classical
backend (no checkpoint, so anyone can make them again, offline), in headless Chromium at
1400x900, with two objects made by clicks on coffee.png (a box on the cup, then New object
and a point on the saucer): the page (docs/screenshot.png), then the annotation canvas with
each of its tools (docs/canvas-*.png: zoom and the live preview, brush, polygon, region,
the keys' overlay).

    .venv/bin/python scripts/screenshot.py [--out docs/screenshot.png]
"""

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from sam_app.service import SamService
    from sam_app.ui import launch_options
    from sam_app.ui.app import build_app

    from browser_pages import BROWSER_ARGS, click_pixel, shown_canvas

    with tempfile.TemporaryDirectory() as empty:
        service = SamService(checkpoint_dir=empty, device="cpu", precision="fp32")
        demo = build_app(service)
        demo.queue()
        _, url, _ = demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(Path(empty)))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=BROWSER_ARGS)
                page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
                page.goto(url)
                page.set_input_files("#upload input[type=file]", str(REPO / "imgs" / "coffee.png"))
                page.wait_for_function("document.querySelector('#message').innerText.includes('Image ready')")
                page.locator("#mode label", has_text="Box").click()
                for x, y in ((170, 20), (480, 330)):
                    click_pixel(shown_canvas(page), x, y)
                page.wait_for_function("document.querySelector('#prompt-message').innerText.includes('object(s) in')")
                page.locator("#mode label", has_text="Foreground").click()
                page.click("#new-object")
                page.wait_for_function("document.querySelector('#prompt-message').innerText.includes('begun')")
                click_pixel(shown_canvas(page), 80, 300)
                page.wait_for_function("document.querySelector('#prompt-message').innerText.includes('2 object(s)')")
                page.locator("#prompt-tab").scroll_into_view_if_needed()
                page.mouse.move(0, 0)
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out), full_page=True, clip=dict(x=0, y=0, width=1400, height=1100))
                tool_shots(page, args.out.parent, shown_canvas(page))
                browser.close()
        finally:
            demo.close()
    print(f"wrote {args.out}")


def tool_shots(page, folder: Path, canvas) -> None:
    """docs/canvas-*.png: the canvas (its block: toolbar and view) with each tool at work."""
    from browser_pages import click_pixel, pixel_position

    block = page.locator("#canvas")
    wait = page.wait_for_function

    def shot(name):
        page.wait_for_timeout(300)
        block.screenshot(path=str(folder / f"canvas-{name}.png"))
        print(f"wrote {folder / f'canvas-{name}.png'}")

    canvas.scroll_into_view_if_needed()
    page.keyboard.press("?")  # the keys
    shot("keys")
    page.keyboard.press("Escape")
    box = canvas.bounding_box()  # zoomed in at the saucer's rim, the pointer resting: the preview
    page.mouse.move(*pixel_position(canvas, 470, 300))
    for _ in range(4):
        page.mouse.wheel(0, -150)
        page.wait_for_timeout(100)
    page.mouse.move(*pixel_position(canvas, 500, 270))
    wait("document.querySelector('#canvas .viewport').hasAttribute('data-preview')")
    shot("zoom-preview")
    page.keyboard.press("0")
    page.keyboard.press("b")  # the brush, after a stroke along the cup's handle
    page.mouse.move(*pixel_position(canvas, 380, 200))
    page.mouse.down()
    page.mouse.move(*pixel_position(canvas, 430, 250), steps=10)
    page.mouse.up()
    wait("document.querySelector('#prompt-message').innerText.includes('painted')")
    page.mouse.move(*pixel_position(canvas, 445, 262))
    shot("brush")
    page.keyboard.press("g")  # the polygon tool on the selected object
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + 5)
    shot("polygon")
    page.keyboard.press("i")  # a region, then a click inside it
    start, end = pixel_position(canvas, 330, 180), pixel_position(canvas, 560, 390)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    wait("document.querySelector('#prompt-message').innerText.includes('Region')")
    page.click("#new-object")
    wait("document.querySelector('#prompt-message').innerText.includes('begun')")
    page.locator("#mode label", has_text="Box").click()  # a box on the spoon, inside the region
    click_pixel(canvas, 335, 255)
    wait("document.querySelector('#prompt-message').innerText.includes('First corner')")
    click_pixel(canvas, 410, 375)
    wait("document.querySelector('#prompt-message').innerText.includes('3 object(s) in')")
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + box["width"] - 5, box["y"] + 5)
    shot("region")


if __name__ == "__main__":
    main()
