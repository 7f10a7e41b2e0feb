"""What the browser tests (tests/test_browser.py) and the click benchmark
(benchmarks/clicks.py) both need of a headless Chromium page of the web UI. A module of
its own: the benchmark cannot import a test module, which pulls in conftest's test
environment."""

import contextlib

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def chromium_page(url, width=1400, height=1000, timeout_ms=60_000, **context):
    """A page of ``url`` in headless Chromium with a ``width`` x ``height`` window
    (``context``: more of Playwright's context options, e.g. accept_downloads)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=BROWSER_ARGS)
        page = browser.new_context(viewport={"width": width, "height": height}, **context).new_page()
        page.set_default_timeout(timeout_ms)
        page.goto(url)
        try:
            yield page
        finally:
            browser.close()


def shown_canvas(page):
    """The canvas picture, once its pixels have arrived: Gradio drops a click on a picture
    that has not loaded yet (it cannot map the click onto it), as after an upload or Clear."""
    page.wait_for_function("(() => { const img = document.querySelector('#canvas img'); "
                           "return img !== null && img.complete && img.naturalWidth > 0; })()")
    return page.locator("#canvas img")


def chromium() -> str:
    """Debian's chromium for a browser test module: in CI its absence is an error (the
    install script puts it there), elsewhere the module is skipped."""
    import os
    import shutil

    import pytest

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            raise RuntimeError("chromium is missing in CI: scripts/install-browser.sh should have installed it")
        pytest.skip("no chromium on this machine (scripts/install-browser.sh installs it)", allow_module_level=True)
    return found


def click_pixel(img, x, y, size=None):
    """A click on pixel (x, y) of the picture an ``img`` locator shows (``size``: the
    (W, H) that (x, y) are in, default the picture's own): the picture is fitted inside
    the element as CSS ``object-fit`` places it (Gradio's ``scale-down``: centred, never
    enlarged)."""
    box_w, box_h, shown_w, shown_h, natural_w, natural_h = img.evaluate("""img => {
        const r = img.getBoundingClientRect(), fit = getComputedStyle(img).objectFit;
        let s = Math.min(r.width / img.naturalWidth, r.height / img.naturalHeight);
        if (fit === 'scale-down' || fit === 'none') s = Math.min(1, s);
        if (fit === 'fill') return [r.width, r.height, r.width, r.height, img.naturalWidth, img.naturalHeight];
        return [r.width, r.height, img.naturalWidth * s, img.naturalHeight * s, img.naturalWidth, img.naturalHeight];
    }""")
    width, height = size or (natural_w, natural_h)
    img.click(position={"x": (box_w - shown_w) / 2 + (x + 0.5) * shown_w / width,
                        "y": (box_h - shown_h) / 2 + (y + 0.5) * shown_h / height})
