"""SAM's training losses (the paper's section 3 and appendix A): a mask loss of focal and
dice loss 20:1, the IoU head trained with MSE against each candidate's true IoU, and of
several candidates only the lowest-loss one's mask loss back-propagated.

Shapes: logits BxCxHxW (C candidates per object), targets Bx1xHxW of 0 / 1 float.
"""

from __future__ import annotations

from typing import Tuple

import torch
from torchvision.ops import sigmoid_focal_loss

FOCAL_WEIGHT, DICE_WEIGHT = 20.0, 1.0
FOCAL_ALPHA, FOCAL_GAMMA = 0.25, 2.0


def focal_loss(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """BxC: the sigmoid focal loss (alpha 0.25, gamma 2) averaged over each mask's pixels."""
    per_pixel = sigmoid_focal_loss(logits, targets.expand_as(logits), FOCAL_ALPHA, FOCAL_GAMMA, reduction="none")
    return per_pixel.flatten(2).mean(-1)


def dice_loss(logits: torch.Tensor, targets: torch.Tensor, smooth: float = 1.0) -> torch.Tensor:
    """BxC: 1 - (2 |P T| + smooth) / (|P| + |T| + smooth), P the sigmoid probabilities."""
    probabilities, targets = logits.sigmoid().flatten(2), targets.expand_as(logits).flatten(2)
    overlap = (probabilities * targets).sum(-1)
    return 1 - (2 * overlap + smooth) / (probabilities.sum(-1) + targets.sum(-1) + smooth)


def mask_iou(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """BxC: the IoU of each candidate's mask (logits > 0) with the target (1 when both
    are empty); no gradient."""
    with torch.no_grad():
        masks, truth = logits > 0, targets.expand_as(logits) > 0.5
        union = (masks | truth).flatten(2).sum(-1)
        inter = (masks & truth).flatten(2).sum(-1)
        return torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(union, dtype=torch.float))


def sam_loss(logits: torch.Tensor, iou_predictions: torch.Tensor, targets: torch.Tensor
             ) -> Tuple[torch.Tensor, torch.Tensor]:
    """(loss: a scalar, the mean over objects of the lowest-loss candidate's mask loss plus
    the MSE of every candidate's predicted IoU; chosen: B, that candidate's index)."""
    masks = FOCAL_WEIGHT * focal_loss(logits, targets) + DICE_WEIGHT * dice_loss(logits, targets)
    chosen = masks.detach().argmin(dim=1)
    best = masks.gather(1, chosen[:, None]).squeeze(1)
    iou = ((iou_predictions - mask_iou(logits, targets)) ** 2).mean(dim=1)
    return (best + iou).mean(), chosen
