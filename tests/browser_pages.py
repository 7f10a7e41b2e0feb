"""What the browser tests (tests/test_browser.py) and the click benchmark
(benchmarks/clicks.py) both need of a headless Chromium page of the web UI. A module of
its own: the benchmark cannot import a test module, which pulls in conftest's test
environment."""

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def shown_canvas(page):
    """The canvas picture, once its pixels have arrived: Gradio drops a click on a picture
    that has not loaded yet (it cannot map the click onto it), as after an upload or Clear."""
    page.wait_for_function("(() => { const img = document.querySelector('#canvas img'); "
                           "return img !== null && img.complete && img.naturalWidth > 0; })()")
    return page.locator("#canvas img")
