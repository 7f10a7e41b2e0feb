"""Pictures: overlays tint only their masks, markers are where the prompt is, axes preview."""

import numpy as np

from sam_app.render import BACKGROUND, FOREGROUND, colour, draw_prompts, overlay_masks, preview_with_axes


def test_overlay_tints_inside_and_leaves_far_pixels_alone():
    pixels = np.full((200, 300, 3), 100, np.uint8)
    mask = np.zeros((200, 300), bool)
    mask[50:150, 100:200] = True
    out = overlay_masks(pixels, [mask, np.zeros_like(mask)], [0.9, None])
    expected = (100 * 0.55 + np.array(colour(0)) * 0.45).round()
    assert np.abs(out[100, 150].astype(int) - expected).max() <= 1
    assert (out[190:, :50] == 100).all() and (out[:, 260:] == 100).all()
    assert out.shape == pixels.shape and (pixels == 100).all()  # input untouched


def test_prompt_markers_are_drawn_at_their_coordinates():
    pixels = np.zeros((300, 400, 3), np.uint8)
    out = draw_prompts(pixels, np.array([[50, 60], [300, 200]]), np.array([1, 0]), np.array([[10, 20, 390, 290]]))
    assert tuple(out[60, 50]) == FOREGROUND
    assert tuple(out[200, 300 + 3]) == BACKGROUND
    assert out[20, 200].any() and not out[150, 200].any()  # the box edge, not its inside


def test_axes_preview_adds_margins_for_the_axes():
    picture = preview_with_axes(np.zeros((100, 200, 3), np.uint8))
    assert picture.ndim == 3 and picture.shape[2] == 3
    assert picture.shape[0] > 100 and picture.shape[1] > 200
