"""Fine-tuning a SAM model on a COCO dataset with SAM's own recipe (``python -m sam_app
finetune``; the paper's section 3 and appendix A): SAM 1 (segment_anything) and the
families transformers implements (SAM 2.1, HQ-SAM, EdgeTAM): any model whose family
declares ``fine_tuning``, through the ``Trainee`` its backend gives (``backends.base``).

- What trains is a copy (``Trainee.model``): the model the service serves never changes.

- The prompt encoder and mask decoder train; the image encoder is frozen, and each
  training image's embedding is computed once and kept on disk (``<output>_embeddings/``,
  float16) for every epoch and for a resumed run.
- Per step, the objects of one image (at most ``batch_size``) go through 11 rounds: a
  first prompt, for the whole step a foreground point drawn from each mask or each
  object's box with SAM's noise, with equal probability; 8 rounds that each add a point
  drawn uniformly from the previous mask's error region (positive where it misses,
  negative where it spills) with the previous candidate's logits as mask input; 2 rounds
  with only those logits added. Three candidates on the first round of a point (SAM's
  ambiguity-aware output), one after.
- Loss (``losses.sam_loss``): focal and dice 20:1 on the lowest-loss candidate, plus the
  IoU head's MSE; everything at the 256x256 low-res frame (masks resized into the 1024
  input as the model's processor does, padded or stretched, then by 4). AdamW; linear
  warmup, then the rate x0.1 at 2/3 and again at 0.96 of the steps (SAM's schedule,
  shortened); each step's gradient clipped to L2 norm ``clip_grad`` (0.1, as SAM 2's
  fine-tuning configs). The recipe is SAM 1's: SAM 2's object-score head gets no loss
  and keeps its weights.
- Validation: the evaluate protocol (``evaluate``, clicks first) on a held-out share of
  the images, before training and after every epoch, scored by its mean mIoU over the
  clicks. The best weights so far are kept (the base model's count: epoch 0); training
  stops early after ``patience`` validations without a better score; the output holds
  the best (``keep="best"``, the default: the base model's weights when no epoch beat
  it, which the report and the command say plainly) or the last weights.
- After every epoch the trainable weights, the best ones, the optimiser and the
  progress are written (whole, never half) to ``<output>.resume.pt``: ``resume=True``
  goes on from there. The result, with its card ``<output>.json`` (base model, data,
  settings, validation) beside it, is served by the registry as a custom model: for
  SAM 1 a state dict at ``output``, for a transformers model a ``save_pretrained``
  folder at ``output``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import cv2
import numpy as np
import torch

from ..backends.base import Trainee, map_tensors
from ..checkpoints import atomic_torch_save
from ..errors import SamAppError
from .clicks import noisy_box, sampled_click
from .losses import sam_loss

POINT_ROUNDS, MASK_ROUNDS = 8, 2
KEEP = ("best", "last")


@dataclass(frozen=True)
class TrainSettings:
    """epochs; lr: AdamW's peak rate; batch_size: objects per step (of one image);
    val_split: the share of images held out; val_clicks: interactions per validation
    object; warmup: steps of linear warmup; weight_decay; seed: the split, the prompts;
    train_encoder: low-rank adapters (peft's LoRA, rank ``lora_rank``) on the image
    encoder's attention train too, merged into its weights at the end (its embeddings are
    then computed at every step, not cached); clip_grad: each step's gradient is scaled
    to at most this L2 norm (0: never), as SAM 2's fine-tuning configs do (0.1);
    patience: validations without a better score before training stops (0: never);
    keep: which weights the output holds, the best by validation or the last."""

    epochs: int = 4
    lr: float = 1e-4
    batch_size: int = 8
    val_split: float = 0.2
    val_clicks: int = 5
    warmup: int = 20
    weight_decay: float = 0.1
    seed: int = 0
    train_encoder: bool = False
    lora_rank: int = 4
    clip_grad: float = 0.1
    patience: int = 2
    keep: str = "best"

    def __post_init__(self):
        if self.epochs < 1 or self.batch_size < 1 or self.val_clicks < 1:
            raise SamAppError("epochs, batch size and validation clicks must be at least 1")
        if self.patience < 0 or self.keep not in KEEP:
            raise SamAppError(f"patience must be 0 or more and keep one of {', '.join(KEEP)}; got {self.patience}, "
                              f"{self.keep!r}")
        if not 0 < self.val_split < 1:
            raise SamAppError(f"val split must be between 0 and 1 (a share of the images), got {self.val_split}")
        if not self.lr > 0:
            raise SamAppError(f"learning rate must be positive, got {self.lr}")
        if self.clip_grad < 0:
            raise SamAppError(f"gradient clipping must be 0 (off) or a positive norm, got {self.clip_grad}")


@dataclass
class Sample:
    """One training image: its file, its embedding's cache file (None when the encoder
    trains), and K target masks KxLxL float32 (0 / 1) in the low-res frame (L = 256 for
    SAM's 1024 input)."""

    image: Path
    embedding: Optional[Path]
    targets: np.ndarray


def low_res_target(mask: np.ndarray, side: int, stretch: bool = False) -> np.ndarray:
    """HxW bool -> side x side float32 (side = the low-res logits', 256 for SAM): resized
    as the image into the model's square input (longest side first, padded right and
    bottom; or, with ``stretch``, to the whole square as SAM 2's processor does), at a
    quarter of its resolution."""
    height, width = mask.shape
    scale = side / max(height, width)
    size = (side, side) if stretch else (max(1, int(width * scale + 0.5)), max(1, int(height * scale + 0.5)))
    small = cv2.resize(mask.astype(np.float32), size, interpolation=cv2.INTER_AREA) >= 0.5
    out = np.zeros((side, side), np.float32)
    out[:size[1], :size[0]] = small
    return out


def split(image_ids: List[int], share: float, seed: int):
    """(train ids, validation ids): a seeded shuffle, at least one image on each side."""
    if len(image_ids) < 2:
        raise SamAppError("finetune needs at least 2 images (some to train on, some to validate on)")
    order = list(np.random.default_rng(seed).permutation(sorted(image_ids)))
    held = min(max(1, round(len(order) * share)), len(order) - 1)
    return sorted(int(i) for i in order[held:]), sorted(int(i) for i in order[:held])


def prepare(service, backend, learner: Trainee, coco, images: Path, ids: List[int], folder: Optional[Path],
            progress: bool) -> List[Sample]:
    """The training images' samples, embeddings computed now into ``folder`` unless
    already there (none with ``folder`` None)."""
    from tqdm import tqdm

    side = learner.side
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    samples = []
    for info in tqdm(coco.loadImgs(ids), desc="embeddings", unit="image", disable=not progress):
        anns = [a for a in coco.loadAnns(coco.getAnnIds(imgIds=[info["id"]])) if not a.get("iscrowd")]
        masks = [coco.annToMask(a).astype(bool) for a in anns]
        targets = np.stack([low_res_target(m, side, learner.stretch) for m in masks if m.any()]
                           or [np.zeros((side, side), np.float32)])
        if not targets.any():
            continue
        file = Path(images) / info["file_name"]
        path = None
        if folder is not None:
            image = service.load_image(file)
            path = folder / f"{backend.name}_{image.digest[:32]}.pt"
            if not path.exists():
                atomic_torch_save(map_tensors(backend.encode(image.pixels).features, lambda t: t.half().cpu()), path)
        samples.append(Sample(file, path, targets[targets.reshape(len(targets), -1).any(1)]))
    if not samples:
        raise SamAppError("no training image has an object with a non-empty mask")
    return samples


def train_step(learner: Trainee, features, targets: np.ndarray, rng: np.random.Generator,
               point_rounds: int = POINT_ROUNDS, mask_rounds: int = MASK_ROUNDS) -> float:
    """The recipe's rounds (module docstring; SAM's 11 by default: a first prompt,
    ``point_rounds`` that add a click, ``mask_rounds`` with the mask only) on one image's
    objects; gradients
    accumulate. features: the image's embedding as the model takes it (SAM 1: 1xCxExE,
    1x256x64x64); targets: BxLxL float32 (L = ``learner.side``). Returns the mean round
    loss."""
    device = next(learner.model.mask_decoder.parameters()).device
    encoder_trains = isinstance(features, torch.Tensor) and features.requires_grad  # SAM 1's, with adapters
    scale = learner.frame / targets.shape[-1]  # low-res pixel -> input frame
    truth = targets > 0.5
    target = torch.as_tensor(targets[:, None], device=device)
    count = len(targets)
    points = np.zeros((count, 0, 2), np.float32)
    labels = np.zeros((count, 0), np.int64)
    boxes = None
    if rng.random() < 0.5:  # a box for every object of the step
        boxes = torch.as_tensor(np.stack([noisy_box(t, rng) for t in truth]) * scale, device=device)
    else:  # a foreground point drawn from each mask
        first = [sampled_click(t, np.zeros_like(t), rng) for t in truth]
        points = np.array([[[(x + 0.5) * scale, (y + 0.5) * scale]] for x, y, _ in first],
                          np.float32)
        labels = np.ones((count, 1), np.int64)
    mask_input, predicted, total = None, np.zeros_like(truth), 0.0
    for round_ in range(1 + point_rounds + mask_rounds):
        if 1 <= round_ <= point_rounds:
            clicks = [sampled_click(t, p, rng) for t, p in zip(truth, predicted)]
            new = np.array([[((c[0] + 0.5) * scale, (c[1] + 0.5) * scale)] if c else [(0, 0)]
                            for c in clicks], np.float32)
            points = np.concatenate([points, new], axis=1)
            labels = np.concatenate([labels, [[c[2] if c else -1] for c in clicks]], axis=1)  # -1: no point
        given = points.shape[1] > 0
        logits, iou = learner.decode(features, torch.as_tensor(points, device=device) if given else None,
                                     torch.as_tensor(labels, device=device) if given else None, boxes, mask_input,
                                     round_ == 0 and boxes is None)
        loss, chosen = sam_loss(logits, iou, target)
        last = round_ == point_rounds + mask_rounds
        loss.backward(retain_graph=encoder_trains and not last)  # a training encoder serves every round
        total += float(loss.detach())
        mask_input = logits.detach()[torch.arange(count), chosen][:, None]
        predicted = (mask_input[:, 0] > 0).cpu().numpy()
    return total / (1 + point_rounds + mask_rounds)


def add_adapters(sam, rank: int):
    """peft's LoRA of ``rank`` on every attention block's qkv projection of the image
    encoder (in place; only the adapters train). Returns the peft model, whose
    ``merge_and_unload()`` folds them into the weights."""
    try:
        from peft import LoraConfig
        from peft.tuners.lora import LoraModel
    except ImportError:
        raise SamAppError("--train-encoder needs peft: pip install peft (it comes with sam-app)") from None
    config = LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.0, target_modules=["qkv"])
    return LoraModel(sam.image_encoder, config, "default")


def schedule(steps: int, warmup: int):
    """The rate's factor at each step: linear warmup, then x0.1 at 2/3 and 0.96 of ``steps``."""
    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return 0.01 if step >= 0.96 * steps else 0.1 if step >= steps * 2 / 3 else 1.0
    return factor
