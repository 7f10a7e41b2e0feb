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


def shown_canvas(page, elem_id: str = "canvas"):
    """The annotation canvas's viewport (``#elem_id .viewport``), once its picture has
    loaded and been fitted into it."""
    page.wait_for_selector(f"#{elem_id} .viewport[data-ready=yes]")
    return page.locator(f"#{elem_id} .viewport")


def pixel_position(viewport, x, y):
    """The page position (X, Y) of the centre of image pixel (x, y) on the canvas whose
    viewport is ``viewport``, as it is zoomed and panned now (its data-scale, -tx, -ty)."""
    box = viewport.bounding_box()
    scale, tx, ty = (float(viewport.get_attribute(f"data-{k}")) for k in ("scale", "tx", "ty"))
    return box["x"] + tx + (x + 0.5) * scale, box["y"] + ty + (y + 0.5) * scale


def click_pixel(viewport, x, y):
    """A click on image pixel (x, y) of the annotation canvas (``shown_canvas``), scrolled
    into the window first (a mouse clicks where the window shows)."""
    viewport.scroll_into_view_if_needed()
    viewport.page.mouse.click(*pixel_position(viewport, x, y))


def wait_text(page, elem_id, text, exact=False, timeout=None):
    """Until #elem_id's shown text holds ``text`` (``exact``: is ``text``, once a progress
    timer over it has gone). On timeout an AssertionError that quotes what it shows then,
    so a failure in CI says what the page said instead of only how long it waited."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("([id, text, exact]) => { const e = document.getElementById(id); "
                               "return e !== null && (exact ? e.innerText === text : e.innerText.includes(text)); }",
                               arg=[elem_id, text, exact], timeout=timeout)
    except PlaywrightTimeout:
        shown = page.evaluate("id => document.getElementById(id)?.innerText ?? null", elem_id)
        raise AssertionError(f"#{elem_id} never {'read' if exact else 'held'} {text!r}; it shows {shown!r}") from None


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
