"""The project's tolerance for results of different computations (another batch
composition, thread count, graph or implementation): at least 99.99 % of mask pixels
equal and scores within 1e-4. A logit within about 1e-6 of the threshold may fall either
way on another CPU; results of the same computation are compared exactly instead."""

import numpy as np

PIXELS, SCORES = 0.9999, 1e-4


def assert_agree(ours, theirs, ours_scores=None, theirs_scores=None, what: str = "masks") -> None:
    """``ours`` and ``theirs`` (bool arrays of one shape) agree on at least PIXELS of their
    pixels, and the scores (when given) within SCORES."""
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert ours.shape == theirs.shape, f"{what}: shape {ours.shape} != {theirs.shape}"
    agreement = (ours == theirs).mean() if ours.size else 1.0
    assert agreement >= PIXELS, f"{what}: only {agreement:.6f} of pixels agree ({(ours != theirs).sum()} differ)"
    if ours_scores is not None:
        np.testing.assert_allclose(ours_scores, np.asarray(theirs_scores).reshape(np.shape(ours_scores)),
                                   atol=SCORES, err_msg=what)
