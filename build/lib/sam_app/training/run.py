"""The fine-tuning run (``finetune``): a copy of the served model trained epoch by epoch,
validated after each, the best weights kept, stopped early, resumable. The recipe and
the pieces it is made of are in ``finetune``; what the run writes in ``report``."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np
import torch

from ..backends.base import map_tensors
from ..checkpoints import atomic_torch_save
from ..errors import SamAppError
from ..export import save_json
from .evaluate import EvalSettings, evaluate, read_coco
from .finetune import TrainSettings, add_adapters, prepare, schedule, split, train_step
from .report import write_report


def score(summary: Dict[str, Any]) -> float:
    """A validation's score: its mean mIoU over the clicks it reports."""
    return float(np.mean(list(summary["mIoU"].values())))


class Run:
    """One fine-tuning run of ``service``'s model ``base`` (a name that declares
    ``fine_tuning``) on the COCO file ``annotations`` (images under ``images``); the
    trained copy is validated through the service as ``<base>+training``."""

    def __init__(self, service, base: str, images: Path, annotations: Path, output: Path, settings: TrainSettings,
                 progress: bool):
        self.service, self.base, self.settings, self.progress = service, base, settings, progress
        self.images, self.annotations, self.output = Path(images), Path(annotations), Path(output)
        backend = service.backend(base)
        self.learner = backend.trainee(encoder=settings.train_encoder)
        if settings.train_encoder and self.learner.encoder_input is None:
            raise SamAppError(f"--train-encoder adapts SAM 1's image encoder; {base}'s encoder stays frozen (leave the "
                              "flag out)")
        self.net = self.learner.model
        coco = read_coco(self.annotations)
        self.train_ids, self.val_ids = split(coco.getImgIds(), settings.val_split, settings.seed)
        self.val_settings = EvalSettings(max_clicks=settings.val_clicks, seed=settings.seed)
        cache = None if settings.train_encoder else self.output.with_name(self.output.stem + "_embeddings")
        self.samples = prepare(service, backend, self.learner, coco, self.images, self.train_ids, cache, progress)
        self.net.requires_grad_(False)
        self.net.prompt_encoder.requires_grad_(True)
        self.net.mask_decoder.requires_grad_(True)
        self.adapters = add_adapters(self.net, settings.lora_rank) if settings.train_encoder else None
        self.trainable = [p for p in self.net.parameters() if p.requires_grad]
        self.optimiser = torch.optim.AdamW(self.trainable, lr=settings.lr, weight_decay=settings.weight_decay)
        self.chunks = [(i, k) for i, sample in enumerate(self.samples)
                       for k in range(0, len(sample.targets), settings.batch_size)]
        self.steps = settings.epochs * len(self.chunks)
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(self.optimiser,
                                                           schedule(self.steps, min(settings.warmup, self.steps)))
        self.rng, self.losses, self.epoch = np.random.default_rng(settings.seed), [], 0
        self.history: List[Dict[str, Any]] = []  # per validation: epoch, its summary, its score
        self.best = {"epoch": 0, "score": -1.0, "weights": self.weights()}  # the base model's own, until beaten
        self.served = self.learner.serve(f"{base}+training")
        service.add_backend(self.served)

    # ---------------------------------------------------------------- weights and state

    def weights(self) -> Dict[str, Dict[str, torch.Tensor]]:
        """Copies of what trains: the prompt encoder, the mask decoder, the adapters."""
        parts = {"prompt_encoder": self.net.prompt_encoder, "mask_decoder": self.net.mask_decoder}
        copied = {name: {k: v.detach().clone() for k, v in part.state_dict().items()} for name, part in parts.items()}
        copied["adapters"] = {} if self.adapters is None else {
            k: v.detach().clone() for k, v in self.net.image_encoder.state_dict().items() if "lora_" in k}
        return copied

    def load_weights(self, weights: Dict[str, Dict[str, torch.Tensor]]) -> None:
        self.net.prompt_encoder.load_state_dict(weights["prompt_encoder"])
        self.net.mask_decoder.load_state_dict(weights["mask_decoder"])
        if self.adapters is not None:
            self.net.image_encoder.load_state_dict(weights["adapters"], strict=False)

    @property
    def state_path(self) -> Path:
        return self.output.with_name(self.output.name + ".resume.pt")

    def save_state(self) -> None:
        """The run as it is after an epoch (and its validation, once done), whole or not at all."""
        atomic_torch_save({"base": self.base, "settings": asdict(self.settings), "epoch": self.epoch,
                           "weights": self.weights(), "best": self.best, "history": json.dumps(self.history),
                           "optimiser": self.optimiser.state_dict(), "scheduler": self.scheduler.state_dict(),
                           "rng": self.rng.bit_generator.state, "losses": self.losses}, self.state_path)

    def resume(self) -> None:
        """Go on from the state a run of the same model and seed left, if there is one."""
        if not self.state_path.exists():
            return
        state = torch.load(self.state_path, map_location="cpu", weights_only=True)
        if (state["base"], state["settings"]["seed"]) != (self.base, self.settings.seed):
            raise SamAppError(f"{self.state_path} is a run of {state['base']} with seed {state['settings']['seed']}; "
                              "resume it with the same model and seed, or start afresh without --resume")
        self.load_weights(state["weights"])
        self.optimiser.load_state_dict(state["optimiser"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.rng.bit_generator.state, self.losses, self.epoch = state["rng"], state["losses"], state["epoch"]
        self.best, self.history = state["best"], json.loads(state["history"])

    # ---------------------------------------------------------------- training and validation

    def train_epoch(self) -> None:
        from tqdm import tqdm

        device, settings = self.served.torch_device, self.settings
        self.net.prompt_encoder.train()
        self.net.mask_decoder.train()
        bar = tqdm(self.rng.permutation(len(self.chunks)), desc=f"epoch {self.epoch + 1}/{settings.epochs}",
                   unit="step", disable=not self.progress)
        for index in bar:
            sample_index, first = self.chunks[index]
            sample = self.samples[sample_index]
            self.optimiser.zero_grad(set_to_none=True)
            if sample.embedding is None:  # the encoder trains: its features, with gradients, now
                pixels = self.service.load_image(sample.image).pixels
                features = self.net.image_encoder(self.learner.encoder_input(pixels))
            else:
                features = map_tensors(torch.load(sample.embedding, map_location=device, weights_only=True),
                                       lambda t: t.float())
            targets = sample.targets[first:first + settings.batch_size]
            self.losses.append(train_step(self.learner, features, targets, self.rng))
            if settings.clip_grad:
                torch.nn.utils.clip_grad_norm_(self.trainable, settings.clip_grad)
            self.optimiser.step()
            self.scheduler.step()
            bar.set_postfix(loss=f"{self.losses[-1]:.4f}")
        self.net.eval()
        self.epoch += 1

    def validate(self, name: Optional[str] = None) -> Dict[str, Any]:
        """The evaluate protocol on the validation images, with model ``name`` (default the
        copy being trained); its report."""
        return evaluate(self.service, self.images, self.annotations, self.val_settings, name or self.served.name,
                        self.progress, self.val_ids)

    def record(self, summary: Dict[str, Any]) -> int:
        """Note a validation of the weights after ``self.epoch`` epochs (0: the base
        model's); keep them when they score best. Validations since the best one."""
        self.history.append({"epoch": self.epoch, "summary": summary, "score": round(score(summary), 6)})
        if self.history[-1]["score"] > self.best["score"]:
            self.best = {"epoch": self.epoch, "score": self.history[-1]["score"], "weights": self.weights()}
        return sum(1 for h in self.history if h["epoch"] > self.best["epoch"])

    def train(self) -> Optional[int]:
        """Epochs until the last, or until ``patience`` validations bring nothing better;
        the epoch it stopped early after, or None."""
        if not self.history:
            self.record(self.validate(self.base)["summary"])  # epoch 0: the base model, on its own embeddings
            self.save_state()
        if self.history[-1]["epoch"] < self.epoch:  # resumed after an epoch whose validation did not finish
            self.record(self.validate()["summary"])
            self.save_state()
        while self.epoch < self.settings.epochs:
            self.train_epoch()
            self.save_state()  # trained, not validated yet: a resumed run validates it and goes on
            stale = self.record(self.validate()["summary"])
            self.save_state()
            if self.settings.patience and stale >= self.settings.patience and self.epoch < self.settings.epochs:
                return self.epoch
        return None

    def finish(self, stopped_after: Optional[int]) -> Dict[str, Any]:
        """Put the kept weights in the copy, write it, its card and its report; the report."""
        if self.settings.keep == "best":
            self.load_weights(self.best["weights"])
        kept = self.best["epoch"] if self.settings.keep == "best" else self.epoch
        if self.adapters is not None:  # the adapters merged into the encoder's weights
            self.net.image_encoder = self.adapters.merge_and_unload()
        self.learner.save(self.output)
        self.service.models.remove(self.served.name)
        summaries = {h["epoch"]: h["summary"] for h in self.history}
        report = {"base_model": self.base, "annotations": str(self.annotations), "settings": asdict(self.settings),
                  "train_images": len(self.train_ids), "val_images": len(self.val_ids), "steps": self.steps,
                  "steps_run": len(self.losses), "losses": self.losses, "before": summaries[0],
                  "after": summaries[kept], "kept_epoch": kept, "best_epoch": self.best["epoch"],
                  "improved": self.best["epoch"] > 0, "stopped_after": stopped_after,
                  "history": [{"epoch": h["epoch"], "score": h["score"], "mIoU": h["summary"]["mIoU"]}
                              for h in self.history]}
        save_json(self.output.with_name(self.output.name + ".json"),
                  {k: v for k, v in report.items() if k not in ("losses", "history")})
        write_report(report, self.output)
        self.state_path.unlink(missing_ok=True)  # finished: a new run starts afresh
        return report


def finetune(service, images: Path, annotations: Path, output: Path, settings: TrainSettings,
             model: Optional[str] = None, resume: bool = False, progress: bool = True) -> Dict[str, object]:
    """Train as ``finetune``'s module docstring says; returns the report (also written
    beside ``output``: ``<stem>_report.json``, ``_report.md`` and ``_loss.png``). The
    one-line refusal for a model that does not declare ``fine_tuning``."""
    base = service.require(model, "fine_tuning")
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    run = Run(service, base, images, annotations, output, settings, progress)
    try:
        if resume:
            run.resume()
        stopped_after = run.train()
    except BaseException:
        service.models.remove(run.served.name)
        raise
    return run.finish(stopped_after)
