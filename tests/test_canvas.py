"""The annotation canvas's server side (sam_app/ui/canvas, sam_app/edits.py and the
Prompt mode's hover and stroke handlers): masks as row runs, brush and eraser strokes at
full size as Undo steps recorded as edited, the live preview equal to what a click gives,
and a built frontend that matches its sources. tests/test_canvas_browser.py drives the
same in Chromium."""

import hashlib
import json

import gradio as gr
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sam_app.edits import fill, outline, paint, stroke_cover
from sam_app.errors import PromptError
from sam_app.ui.canvas import FRONTEND, TEMPLATES, from_runs, to_runs
from sam_app.ui.prompt_state import BOX_MODE, FOREGROUND_MODE

from conftest import IMGS

COFFEE = str(IMGS / "coffee.png")  # 600 x 400




def click(tab, x, y, mode=FOREGROUND_MODE, multimask=True):
    evt = gr.SelectData(None, {"index": [x, y], "value": None})
    return tab.call(tab.ui.prompt.on_click, mode, True, multimask, evt=evt)


def event(**data):
    return gr.EventData(None, data)


@settings(max_examples=60, deadline=None)
@given(arrays(bool, st.tuples(st.integers(1, 12), st.integers(1, 12))))
def test_runs_round_trip(mask):
    runs = to_runs(mask)
    assert isinstance(runs, str) and np.array_equal(from_runs(runs, mask.shape), mask)


def test_runs_are_row_major_lengths_from_a_run_of_0s():
    mask = np.zeros((2, 3), bool)
    mask[0, 1] = mask[1, 0] = True
    # lengths 1 1 1 1 2 and 0 1 1 1 1 2, in pycocotools' letters (from the third on, less the one two before)
    assert to_runs(mask) == "11101" and to_runs(~mask) == "011001"


@pytest.mark.parametrize("radius", [3, 10.5, 40])
def test_a_stroke_covers_its_capsule(radius):
    """A disc covers about pi r^2 pixels and a straight stroke of length L about
    2 r L + pi r^2 (the pixels whose centres lie within r of the segment)."""
    disc = stroke_cover((300, 400), [[150.3, 120.6]], radius)
    assert abs(disc.sum() - np.pi * radius ** 2) <= max(4, 0.02 * np.pi * radius ** 2)
    line = stroke_cover((300, 400), [[60, 150.25], [340, 150.25]], radius)
    expected = 2 * radius * 280 + np.pi * radius ** 2
    assert abs(line.sum() - expected) <= 0.02 * expected
    bent = stroke_cover((300, 400), [[60, 150], [200, 150], [200, 280]], radius)
    assert bent.sum() < line.sum() + 2 * radius * 130 + 1 and bent[270, 200] and not bent[30, 30]


def test_paint_adds_and_erase_takes_away():
    mask = np.zeros((100, 100), bool)
    mask[20:60, 20:60] = True
    painted = paint(mask, [[70, 40]], 10)
    assert painted[40, 70] and painted[20:60, 20:60].all() and painted is not mask and not mask[40, 70]
    erased = paint(painted, [[40, 40]], 5, erase=True)
    assert not erased[40, 40] and erased[20, 20] and erased.sum() < painted.sum()


@pytest.mark.parametrize("points, radius, words", [
    ([], 5, "1 to 10000 points"), ([[1, 2, 3]], 5, "points"), ([[1, float("nan")]], 5, "finite"),
    ([[1, 2]], 0, "radius is 0.5 to 500"), ([[1, 2]], "big", "points .* and a radius"),
])
def test_bad_strokes_are_refused(points, radius, words):
    with pytest.raises(PromptError, match=words):
        paint(np.zeros((10, 10), bool), points, radius)


def test_the_built_frontend_is_the_sources_build():
    """``make frontend`` writes the hash of the sources it built from; a source changed
    without a rebuild (the users' browsers would run the old canvas) fails here."""
    names = ["Index.svelte", "canvas.ts", "svelte_runtime_entry.js", "build.mjs", "package.json", "package-lock.json"]
    assert f'"{names[0]}", "{names[1]}"' in (FRONTEND / "build.mjs").read_text()  # the same list as the build's
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (FRONTEND / name).read_bytes() + b"\0")
    assert (TEMPLATES / "component" / "SOURCES.sha256").read_text().strip() == digest.hexdigest(), \
        "the canvas's sources changed since its build: run make frontend"
    for name in ("index.js", "style.css", "svelte_runtime_entry.js"):
        assert (TEMPLATES / "component" / name).stat().st_size > 100


def test_the_preview_is_the_mask_a_click_there_gives(p, tab):
    before = tab.state("prompt")
    out = tab.call(p.on_hover, FOREGROUND_MODE, True, evt=event(x=300, y=200))
    assert set(out) == {p.canvas} and tab.state("prompt") is before  # nothing kept: a courtesy
    shown = out[p.canvas]
    assert shown["preview"]["at"] == [300, 200] and shown["objects"] == []
    clicked = click(tab, 300, 200)
    obj = tab.state("prompt").result.objects[0]
    assert np.array_equal(from_runs(shown["preview"]["runs"], (400, 600)), obj.mask(obj.best))
    assert clicked[p.canvas]["preview"] is None
    # with a first box corner, the box to the pointer; without one, an empty preview (the canvas's answer)
    assert tab.call(p.on_hover, BOX_MODE, True, evt=event(x=300, y=200))[p.canvas]["preview"] == \
        {"runs": "", "at": [300, 200]}
    tab.call(p.on_click, BOX_MODE, False, True, evt=gr.SelectData(None, {"index": [100, 50], "value": None}))
    boxed = tab.call(p.on_hover, BOX_MODE, True, evt=event(x=400, y=300))[p.canvas]
    assert boxed["preview"]["at"] == [400, 300] and boxed["corner"] == [100.0, 50.0]
    for bad in (event(x=900, y=10), event(x="a", y=1), event()):
        assert tab.call(p.on_hover, FOREGROUND_MODE, True, evt=bad) == gr.skip()


def test_strokes_edit_the_current_mask_at_full_size_and_undo_restores_it(p, tab):
    out = tab.call(p.on_stroke, evt=event(points=[[100, 100]], radius=10, erase=False))
    assert "click the image to make one first" in out[p.shared.message]
    click(tab, 300, 200, multimask=False)
    state = tab.state("prompt")
    original = state.result.objects[0].mask(0)
    ys, xs = np.nonzero(~original)
    x, y = int(xs[len(xs) // 2]), int(ys[len(ys) // 2])  # a pixel outside the mask
    out = tab.call(p.on_stroke, evt=event(points=[[x + 0.5, y + 0.5]], radius=6, erase=False))
    painted = tab.state("prompt").result.objects[0]
    assert painted.source == "edited" and painted.mask(0)[y, x] and (painted.mask(0) | original).sum() \
        == painted.mask(0).sum()
    added = int(painted.mask(0).sum() - original.sum())
    assert 0 < added <= 113 + 4 and f"{added} pixel(s) painted" in out[p.shared.message]
    assert np.array_equal(from_runs(out[p.canvas]["objects"][0]["runs"], (400, 600)), painted.mask(0))
    tab.call(p.on_stroke, evt=event(points=[[x + 0.5, y + 0.5], [x + 30.5, y + 0.5]], radius=4, erase=True))
    erased = tab.state("prompt").result.objects[0].mask(0)
    assert not erased[y, x] and erased.sum() < painted.mask(0).sum()
    tab.call(p.on_undo)
    assert np.array_equal(tab.state("prompt").result.objects[0].mask(0), painted.mask(0))
    tab.call(p.on_undo)
    assert np.array_equal(tab.state("prompt").result.objects[0].mask(0), original)
    assert tab.state("prompt").result.objects[0].source == "model"
    # what downloads is the edited mask, recorded as edited
    tab.call(p.on_stroke, evt=event(points=[[x + 0.5, y + 0.5]], radius=6, erase=False))
    files = tab.call(p.on_downloads)[p.downloads]
    record = json.loads(open(next(f for f in files if f.endswith(".json"))).read())
    assert record["objects"][0]["source"] == "edited"
    bad = tab.call(p.on_stroke, evt=event(points=[[x, y]], radius=9999, erase=False))
    assert "radius is 0.5 to 500" in bad[p.shared.message]


def test_a_region_drawn_on_the_canvas_segments_clicks_inside_it_as_its_crop(p, tab, coffee):
    out = tab.call(p.on_region, evt=event(box=[150, 90, 470, 330]))
    assert "Region 320x240 set" in out[p.shared.message] and out[p.canvas]["region"] == [150, 90, 470, 330]
    assert "in the region (150, 90) to (470, 330)" in out[p.prompt_list]
    out = click(tab, 300, 200, multimask=False)
    result = tab.state("prompt").result
    want = p.shared.service.segment(np.ascontiguousarray(coffee[90:330, 150:470]), np.array([[150, 110]]))
    assert result.region.as_list() == [150, 90, 470, 330]
    mask, crop_mask = result.objects[0].mask(0), want.objects[0].mask(0)
    assert np.array_equal(mask[90:330, 150:470], crop_mask) and mask.sum() == crop_mask.sum()
    assert "outside the region" in click(tab, 20, 20)[p.shared.message]
    files = tab.call(p.on_downloads)[p.downloads]
    assert json.loads(open(next(f for f in files if f.endswith(".json"))).read())["region"] == [150, 90, 470, 330]
    back = tab.call(p.on_region, evt=event(box=None))
    assert "Back to the whole image" in back[p.shared.message] and tab.state("prompt").region is None
    # a new object is segmented in the whole image; the first keeps its region and its mask
    tab.call(p.on_new_object)
    click(tab, 20, 20)
    both = tab.state("prompt").result
    assert both.region is None and np.array_equal(both.objects[0].mask(both.objects[0].best), mask)
    files = tab.call(p.on_downloads)[p.downloads]
    record = json.loads(open(next(f for f in files if f.endswith(".json"))).read())
    assert "region" not in record and record["objects"][0]["region"] == [150, 90, 470, 330]
    assert "region" not in record["objects"][1]
    tab.call(p.on_undo)
    tab.call(p.on_undo)
    tab.call(p.on_undo)
    assert tab.state("prompt").region.as_list() == [150, 90, 470, 330]
    assert "too small" in tab.call(p.on_region, evt=event(box=[10, 10, 12, 300]))[p.shared.message]
    # kept across a reload with the prompt
    from sam_app.ui.prompt_state import PromptState

    assert PromptState.restored(tab.state("prompt").saved()).region == tab.state("prompt").region


def test_union_and_subtraction_of_two_objects(p, tab):
    tab.call(p.on_add_boxes, "100 50 320 250 250 150 550 350")
    tab.call(p.on_run, False)
    state = tab.state("prompt")
    a, b = (o.mask(c) for o, c in zip(state.result.objects, state.choices))
    assert (a & b).any() and (a & ~b).any()  # they overlap, and differ
    out = tab.call(p.on_combine, "1 2", True)
    assert "Object 1 less object 2" in out[p.shared.message]
    cut = tab.state("prompt").result.objects
    assert len(cut) == 2 and np.array_equal(cut[0].mask(0), a & ~b) and np.array_equal(cut[1].mask(0), b)
    assert cut[0].source == "edited"
    tab.call(p.on_undo)
    out = tab.call(p.on_combine, "1, 2", False)
    joined = tab.state("prompt")
    assert len(joined.result.objects) == 1 and np.array_equal(joined.result.objects[0].mask(0), a | b)
    assert len(joined.boxes) == 1 and joined.object_ids() == [1] and "joined object 1" in out[p.shared.message]
    tab.call(p.on_undo)
    assert len(tab.state("prompt").result.objects) == 2 and len(tab.state("prompt").boxes) == 2
    for text, words in (("1", "not two numbers"), ("1 1", "two different numbers of the 2"), ("1 3", "of the 2")):
        assert words in tab.call(p.on_combine, text, False)[p.shared.message]


def test_an_outline_filled_gives_its_mask_back_holes_kept():
    mask = np.zeros((100, 120), bool)
    mask[20:80, 30:100] = True
    mask[40:60, 50:70] = False  # a hole
    mask[5:12, 5:15] = True  # an island
    rings = outline(mask)
    assert len(rings) == 3 and np.array_equal(fill(mask.shape, rings), mask)
    half = outline(mask[::2, ::2], scale=0.5)  # at display size, given in image pixels
    assert max(v[0] for r in half for v in r) == pytest.approx(98, abs=2)
    with pytest.raises(PromptError, match="at least 3 vertices"):
        fill((10, 10), [[[1, 1], [2, 2]]])
    with pytest.raises(PromptError, match="rings of"):
        fill((10, 10), "nonsense")


def test_a_polygon_edit_moves_the_mask_at_full_size(p, tab):
    click(tab, 300, 200, multimask=False)
    tab.call(p.on_stroke, evt=event(points=[[300, 200]], radius=500, erase=True))  # wipe it
    out = tab.call(p.on_stroke, evt=event(points=[[300.5, 200.5]], radius=60, erase=False))  # a disc
    assert out[p.canvas]["polygon"] is None  # made only when the polygon tool asks: it costs a decoder's time
    rings = tab.call(p.on_outline)[p.canvas]["polygon"]
    disc = tab.state("prompt").result.objects[0].mask(0)
    assert len(rings) == 1 and (fill(disc.shape, rings) != disc).sum() <= 0.01 * disc.sum()  # within half a pixel
    right = max(range(len(rings[0])), key=lambda i: rings[0][i][0])  # the rightmost vertex, at X = 360
    moved = [list(v) for v in rings[0]]
    moved[right] = [moved[right][0] + 20, moved[right][1]]
    out = tab.call(p.on_polygon, evt=event(rings=[moved]))
    mask = tab.state("prompt").result.objects[0].mask(0)
    assert "outline edited" in out[p.shared.message] and tab.state("prompt").result.objects[0].source == "edited"
    x, y = (int(round(v)) for v in moved[right])
    # the mask grows a spike to the vertex's new place; elsewhere it is the outline's fill (within half a pixel)
    assert mask[y, x] and not disc[y, x] and mask[y, 361:x].all() and (disc & ~mask).sum() <= 0.01 * disc.sum()
    assert any(abs(v[0] - x) <= 1 and abs(v[1] - y) <= 1 for v in out[p.canvas]["polygon"][0])  # the outline too
    tab.call(p.on_undo)
    assert np.array_equal(tab.state("prompt").result.objects[0].mask(0), disc)
    assert "at least 3 vertices" in tab.call(p.on_polygon, evt=event(rings=[[[1, 1]]]))[p.shared.message]


def test_redo_goes_forward_again_until_a_new_step(p, tab):
    click(tab, 300, 200)
    click(tab, 320, 230)
    two = tab.state("prompt")
    assert "Nothing to redo" in tab.call(p.on_redo)[p.shared.message]
    tab.call(p.on_undo)
    tab.call(p.on_undo)
    assert tab.state("prompt").points == []
    assert tab.call(p.on_redo)[p.shared.message] == "Redone."
    assert tab.state("prompt").points == [(300.0, 200.0, 1, 1)] and tab.state("prompt").result is not None
    tab.call(p.on_redo)
    assert tab.state("prompt").points == two.points and tab.state("prompt").result is two.result
    tab.call(p.on_undo)
    click(tab, 100, 100)  # a new step: what was undone is gone
    assert "Nothing to redo" in tab.call(p.on_redo)[p.shared.message]
    tab.call(p.on_undo)  # and Undo still goes back through the redone steps
    assert tab.state("prompt").points == [(300.0, 200.0, 1, 1)]


def test_an_edit_stays_while_other_objects_are_clicked_and_a_stale_result_is_not_edited(p, tab):
    click(tab, 300, 200, multimask=False)
    tab.call(p.on_stroke, evt=event(points=[[20.5, 20.5]], radius=8, erase=False))
    edited = tab.state("prompt").result.objects[0].mask(0)
    tab.call(p.on_new_object)
    click(tab, 500, 80)  # another object: the first keeps its edited mask
    result = tab.state("prompt").result
    assert np.array_equal(result.objects[0].mask(0), edited) and result.objects[0].source == "edited"
    click(tab, 320, 230)  # this point joins object 2 (the current one): object 1 is untouched still
    assert np.array_equal(tab.state("prompt").result.objects[0].mask(0), edited)
    # clicks that do not run leave the result behind the prompt: edits refuse politely
    tab.call(p.on_new_object)
    tab.call(p.on_click, FOREGROUND_MODE, False, False, evt=gr.SelectData(None, {"index": [100, 300], "value": None}))
    out = tab.call(p.on_stroke, evt=event(points=[[100, 300]], radius=5, erase=False))
    assert "click the image to make one first" in out[p.shared.message]
    assert "with masks" in tab.call(p.on_combine, "1 3", False)[p.shared.message]
    # a preview of a point that joins an empty new object, and hostile data, answer quietly
    tab.call(p.on_new_object)
    assert tab.call(p.on_hover, FOREGROUND_MODE, True, evt=event(x=10, y=390))[p.canvas]["preview"]["at"] == [10, 390]
    assert tab.call(p.on_hover, FOREGROUND_MODE, True, evt=gr.EventData(None, ["not", "a dict"])) == gr.skip()
    for bad in ([[1e300, 1e300]], [[1e19, 5]]):
        out = tab.call(p.on_stroke, evt=event(points=bad, radius=3, erase=False))
        assert p.canvas in out  # drawn again as it was (or with the stroke brought to the margin)


def test_an_opened_result_makes_its_objects_again_in_their_regions(p, tab):
    tab.call(p.on_region, evt=event(box=[150, 90, 470, 330]))
    click(tab, 300, 200, multimask=False)
    tab.call(p.on_stroke, evt=event(points=[[310.5, 210.5]], radius=4, erase=False))
    files = tab.call(p.on_downloads)[p.downloads]
    saved = next(f for f in files if f.endswith(".json"))
    tab.call(p.on_clear)
    out = tab.call(p.on_open_result, saved)
    state = tab.state("prompt")
    assert state.region.as_list() == [150, 90, 470, 330] and state.result.region.as_list() == [150, 90, 470, 330]
    assert "1 of them had been edited by hand" in out[p.shared.message]
