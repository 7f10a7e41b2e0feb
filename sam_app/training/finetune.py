"""Fine-tuning a SAM model on a COCO dataset with SAM's own recipe (``python -m sam_app
finetune``; the paper's section 3 and appendix A): SAM 1 (segment_anything) and the
families transformers implements (SAM 2.1, HQ-SAM, EdgeTAM), each through ``Trainee``.

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
  the images, before and after.
- After every epoch the trainable weights, the optimiser and the progress are written
  (whole, never half) to ``<output>.resume.pt``: ``resume=True`` goes on from there.
  The result, with its card ``<output>.json`` (base model, data, settings, validation)
  beside it, is served by the registry as a custom model: for SAM 1 a state dict at
  ``output``, for a transformers model a ``save_pretrained`` folder at ``output``.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import cv2
import numpy as np
import torch

from ..errors import SamAppError
from ..export import atomic_write_bytes, save_json
from .clicks import noisy_box, sampled_click
from .evaluate import EvalSettings, evaluate, figure_png, pyplot, read_coco
from .losses import sam_loss

POINT_ROUNDS, MASK_ROUNDS = 8, 2


@dataclass(frozen=True)
class TrainSettings:
    """epochs; lr: AdamW's peak rate; batch_size: objects per step (of one image);
    val_split: the share of images held out; val_clicks: interactions per validation
    object; warmup: steps of linear warmup; weight_decay; seed: the split, the prompts;
    train_encoder: low-rank adapters (peft's LoRA, rank ``lora_rank``) on the image
    encoder's attention train too, merged into its weights at the end (its embeddings are
    then computed at every step, not cached); clip_grad: each step's gradient is scaled
    to at most this L2 norm (0: never), as SAM 2's fine-tuning configs do (0.1)."""

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

    def __post_init__(self):
        if self.epochs < 1 or self.batch_size < 1 or self.val_clicks < 1:
            raise SamAppError("epochs, batch size and validation clicks must be at least 1")
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


Decode = Callable[..., Any]


@dataclass
class Trainee:
    """What training needs of a model family. model: the whole model (its
    ``prompt_encoder`` and ``mask_decoder`` train); frame: the side of its square input
    (1024), clicks' frame; side: its low-res logits' side (256); stretch: the image fills
    the square (SAM 2, EdgeTAM) instead of being padded (SAM 1, HQ-SAM); decode:
    (features, points BxNx2 (X, Y) in the frame and labels BxN, or both None; boxes Bx4
    XYXY or None; mask_input Bx1xLxL or None; multimask) -> (logits BxCxLxL, predicted
    IoU BxC), with gradients; save(output): the trained model written whole at
    ``output`` (SAM 1: a state dict; transformers: a ``save_pretrained`` folder)."""

    model: torch.nn.Module
    frame: int
    side: int
    stretch: bool
    decode: Decode
    save: Callable[[Path], None]


def sam1_decode(sam) -> Decode:
    def decode(features, points, labels, boxes, mask_input, multimask):
        sparse, dense = sam.prompt_encoder(points=None if points is None else (points, labels), boxes=boxes,
                                           masks=mask_input)
        return sam.mask_decoder(image_embeddings=features, image_pe=sam.prompt_encoder.get_dense_pe(),
                                sparse_prompt_embeddings=sparse, dense_prompt_embeddings=dense,
                                multimask_output=multimask)
    return decode


def hf_decode(model) -> Decode:
    """The model's own forward, each object as an image of its own (the image features
    repeated) so that each takes its own mask input."""
    def decode(features, points, labels, boxes, mask_input, multimask):
        count = len(points if points is not None else boxes)
        kwargs = {name: _map(value, lambda t: t.expand(count, *t.shape[1:])) for name, value in features.items()}
        if points is not None:
            kwargs.update(input_points=points[:, None], input_labels=labels[:, None])
        if boxes is not None:
            kwargs["input_boxes"] = boxes[:, None]
        out = model(**kwargs, input_masks=mask_input, multimask_output=multimask)
        return out.pred_masks[:, 0], out.iou_scores[:, 0]
    return decode


def trainee(service, model: Optional[str]):
    """(the backend, its ``Trainee``); SamAppError for families that cannot train."""
    from ..backends.transformers_sam import TransformersSamBackend

    backend = service.backend(model)
    net = getattr(backend, "model", None)
    if isinstance(backend, TransformersSamBackend):
        side = getattr(net.prompt_encoder, "mask_input_size", (256, 256))[0]  # HQ-SAM names none: 256
        return backend, Trainee(net, backend.frame_size, side, backend.square, hf_decode(net),
                                lambda output: save_folder(net, backend.processor, output))
    if not all(hasattr(net, part) for part in ("image_encoder", "prompt_encoder", "mask_decoder")) or \
            not hasattr(backend, "transform"):
        raise SamAppError(f"finetune trains SAM 1 models (vit_b, vit_l, vit_h), SAM 2.1, HQ-SAM and EdgeTAM; "
                          f"{backend.name} is none of them")
    backend.onnx = None  # the decoder changes: PyTorch runs it from now on (decoder says "torch")
    return backend, Trainee(net, net.image_encoder.img_size, net.prompt_encoder.mask_input_size[0], False,
                            sam1_decode(net), lambda output: atomic_torch_save(net.state_dict(), output))


def _map(value, fn):
    """``value`` (a tensor, or dicts and lists of them: an embedding's features) with
    ``fn`` applied to each tensor."""
    if isinstance(value, torch.Tensor):
        return fn(value)
    if isinstance(value, dict):
        return {k: _map(v, fn) for k, v in value.items()}
    return [_map(v, fn) for v in value]


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
                atomic_torch_save(_map(backend.encode(image.pixels).features, lambda t: t.half().cpu()), path)
        samples.append(Sample(file, path, targets[targets.reshape(len(targets), -1).any(1)]))
    if not samples:
        raise SamAppError("no training image has an object with a non-empty mask")
    return samples


def train_step(learner: Trainee, features, targets: np.ndarray, rng: np.random.Generator) -> float:
    """SAM's 11 rounds (module docstring) on one image's objects; gradients accumulate.
    features: the image's embedding as the model takes it (SAM 1: 1xCxExE, 1x256x64x64);
    targets: BxLxL float32 (L = ``learner.side``). Returns the mean round loss."""
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
    for round_ in range(1 + POINT_ROUNDS + MASK_ROUNDS):
        if 1 <= round_ <= POINT_ROUNDS:
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
        last = round_ == POINT_ROUNDS + MASK_ROUNDS
        loss.backward(retain_graph=encoder_trains and not last)  # a training encoder serves every round
        total += float(loss.detach())
        mask_input = logits.detach()[torch.arange(count), chosen][:, None]
        predicted = (mask_input[:, 0] > 0).cpu().numpy()
    return total / (1 + POINT_ROUNDS + MASK_ROUNDS)


def add_adapters(sam, rank: int):
    """peft's LoRA of ``rank`` on every attention block's qkv projection of the image
    encoder (in place; only the adapters train). Returns the peft model, whose
    ``merge_and_unload()`` folds them into the weights."""
    try:
        from peft import LoraConfig
        from peft.tuners.lora import LoraModel
    except ImportError:
        raise SamAppError("--train-encoder needs peft: pip install -r requirements.txt") from None
    config = LoraConfig(r=rank, lora_alpha=2 * rank, lora_dropout=0.0, target_modules=["qkv"])
    return LoraModel(sam.image_encoder, config, "default")


def schedule(steps: int, warmup: int):
    """The rate's factor at each step: linear warmup, then x0.1 at 2/3 and 0.96 of ``steps``."""
    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return 0.01 if step >= 0.96 * steps else 0.1 if step >= steps * 2 / 3 else 1.0
    return factor


def save_folder(model, processor, output: Path) -> None:
    """A transformers model and its processor as a ``save_pretrained`` folder at
    ``output``, written beside it first and put in place whole (an old one replaced)."""
    partial, old = output.with_name(output.name + ".partial"), output.with_name(output.name + ".old")
    for leftover in (partial, old):
        shutil.rmtree(leftover, ignore_errors=True)
    model.save_pretrained(partial)
    processor.save_pretrained(partial)
    if output.exists():
        output.rename(old)
    partial.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def atomic_torch_save(value, path: Path) -> None:
    buffer = io.BytesIO()
    torch.save(value, buffer)
    atomic_write_bytes(path, buffer.getvalue())


def finetune(service, images: Path, annotations: Path, output: Path, settings: TrainSettings,
             model: Optional[str] = None, resume: bool = False, progress: bool = True) -> Dict[str, object]:
    """Train as the module docstring says; returns the report (also written beside
    ``output``: ``<stem>_report.json``, ``_report.md`` and ``_loss.png``)."""
    from tqdm import tqdm

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    backend, learner = trainee(service, model)
    sam, base = learner.model, backend.name
    if settings.train_encoder and not hasattr(sam, "image_encoder"):
        raise SamAppError(f"--train-encoder adapts SAM 1's image encoder; {base}'s encoder stays frozen (leave the "
                          "flag out)")
    coco = read_coco(Path(annotations))
    train_ids, val_ids = split(coco.getImgIds(), settings.val_split, settings.seed)
    val_settings = EvalSettings(max_clicks=settings.val_clicks, seed=settings.seed)
    state_path = output.with_name(output.name + ".resume.pt")
    state = torch.load(state_path, map_location="cpu", weights_only=True) if resume and state_path.exists() else None
    if state is not None and (state["base"], state["settings"]["seed"]) != (base, settings.seed):
        raise SamAppError(f"{state_path} is a run of {state['base']} with seed {state['settings']['seed']}; resume "
                          "it with the same model and seed, or start afresh without --resume")
    before = json.loads(state["before"]) if state else evaluate(service, images, annotations, val_settings, base, progress, val_ids)
    cache = None if settings.train_encoder else output.with_name(output.stem + "_embeddings")
    samples = prepare(service, backend, learner, coco, images, train_ids, cache, progress)
    sam.requires_grad_(False)
    sam.prompt_encoder.requires_grad_(True)
    sam.mask_decoder.requires_grad_(True)
    adapters = add_adapters(sam, settings.lora_rank) if settings.train_encoder else None
    trainable = [p for p in sam.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trainable, lr=settings.lr, weight_decay=settings.weight_decay)
    chunks = [(i, k) for i, s in enumerate(samples) for k in range(0, len(s.targets), settings.batch_size)]
    steps = settings.epochs * len(chunks)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule(steps, min(settings.warmup, steps)))
    rng, losses, start = np.random.default_rng(settings.seed), [], 0
    if state is not None:
        if adapters is not None:
            sam.image_encoder.load_state_dict(state["adapters"], strict=False)
        sam.prompt_encoder.load_state_dict(state["prompt_encoder"])
        sam.mask_decoder.load_state_dict(state["mask_decoder"])
        optimiser.load_state_dict(state["optimiser"])
        scheduler.load_state_dict(state["scheduler"])
        rng.bit_generator.state, losses, start = state["rng"], state["losses"], state["epoch"]
    device = backend.torch_device
    sam.prompt_encoder.train()
    sam.mask_decoder.train()
    try:
        for epoch in range(start, settings.epochs):
            order = rng.permutation(len(chunks))
            bar = tqdm(order, desc=f"epoch {epoch + 1}/{settings.epochs}", unit="step", disable=not progress)
            for index in bar:
                sample_index, first = chunks[index]
                sample = samples[sample_index]
                optimiser.zero_grad(set_to_none=True)
                if sample.embedding is None:  # the encoder trains: its features, with gradients, now
                    features = sam.image_encoder(backend.encoder_input(service.load_image(sample.image).pixels))
                else:
                    features = _map(torch.load(sample.embedding, map_location=device, weights_only=True),
                                    lambda t: t.float())
                losses.append(train_step(learner, features, sample.targets[first:first + settings.batch_size], rng))
                if settings.clip_grad:
                    torch.nn.utils.clip_grad_norm_(trainable, settings.clip_grad)
                optimiser.step()
                scheduler.step()
                bar.set_postfix(loss=f"{losses[-1]:.4f}")
            atomic_torch_save({"base": base, "settings": asdict(settings), "epoch": epoch + 1, "before": json.dumps(before),
                               "prompt_encoder": sam.prompt_encoder.state_dict(),
                               "mask_decoder": sam.mask_decoder.state_dict(), "optimiser": optimiser.state_dict(),
                               "adapters": {} if adapters is None else
                               {k: v for k, v in sam.image_encoder.state_dict().items() if "lora_" in k},
                               "scheduler": scheduler.state_dict(), "rng": rng.bit_generator.state,
                               "losses": losses}, state_path)
    finally:
        sam.eval()
        sam.requires_grad_(False)
    if adapters is not None:  # the adapters merged into the encoder's weights; its embeddings changed
        sam.image_encoder = adapters.merge_and_unload()
        service.clear_cache()
    after = evaluate(service, images, annotations, val_settings, base, progress, val_ids)
    learner.save(output)
    report = {"base_model": base, "annotations": str(annotations), "settings": asdict(settings),
              "train_images": len(train_ids), "val_images": len(val_ids), "steps": steps, "losses": losses,
              "before": before["summary"], "after": after["summary"]}
    save_json(output.with_name(output.name + ".json"), {k: v for k, v in report.items() if k != "losses"})
    write_report(report, output)
    state_path.unlink(missing_ok=True)  # finished: a new run starts afresh
    return report


def markdown(report: Dict[str, object]) -> str:
    """Validation before and after, as a Markdown table."""
    rows = [("before", report["before"]), ("after", report["after"])]
    ats, targets = list(report["before"]["mIoU"]), list(report["before"]["NoC"])
    head = ["", *(f"mIoU@{k}" for k in ats), *(f"NoC@{t}" for t in targets)]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name, s in rows:
        lines.append("| " + " | ".join([name, *(f"{s['mIoU'][k]:.3f}" for k in ats),
                                        *(f"{s['NoC'][t]:.2f}" for t in targets)]) + " |")
    return (f"{report['base_model']} fine-tuned on {report['annotations']}: {report['train_images']} training "
            f"images, {report['steps']} steps; validation on {report['val_images']} images "
            f"({report['before']['objects']} objects)\n\n" + "\n".join(lines) + "\n")


def loss_png(losses: List[float]) -> bytes:
    """PNG of the loss per step, and its running mean."""
    figure, axes = pyplot().subplots(figsize=(7, 4), dpi=100)
    axes.plot(losses, lw=0.6, alpha=0.5, label="step")
    window = max(1, len(losses) // 20)
    if len(losses) >= window:
        axes.plot(np.arange(window - 1, len(losses)), np.convolve(losses, np.ones(window) / window, "valid"),
                  lw=2, label=f"mean of {window}")
    axes.set(xlabel="step", ylabel="loss (focal x20 + dice + IoU MSE)", title="training loss")
    axes.grid(alpha=0.3)
    axes.legend()
    return figure_png(figure)


def write_report(report: Dict[str, object], output: Path) -> None:
    stem = output.with_name(output.stem)
    save_json(Path(f"{stem}_report.json"), report)
    atomic_write_bytes(Path(f"{stem}_report.md"), markdown(report).encode())
    atomic_write_bytes(Path(f"{stem}_loss.png"), loss_png(report["losses"]))
