"""Segment everything's shortcuts, measured on a small SAM that has learnt something: a
section of docs/performance.md.

    python benchmarks/shortcuts.py [--pictures 20] [--upstream-pictures 3] [--retrain] [--no-write]

Random weights make every approximation look equally fine or equally bad, so:

1. **The model.** A small SAM 1 (``shapes_sam``: a ViT encoder 128 wide and 3 deep on a
   256 input, a 16x16 embedding of 64 channels, a 64-wide mask decoder, 64x64 low-res
   logits) trained from random weights on the synthetic shapes (``sam_app.training.
   shapes``: 400 pictures of 192x256, the last 40 held out) with fine-tuning's
   ``train_step``, the image encoder training too: two pictures a step, a first prompt
   (box or click), 2 correction clicks and 1 mask-only round instead of SAM's 8 and 2
   (more steps in the same time), AdamW, gradients clipped at 0.1, in ``STAGES``: each
   fine-tuning's schedule (warmup, the rate x0.1 at 2/3 and 0.96 of its steps) from the
   last stage's weights, a fresh optimiser and the same seed (a warm restart). Each
   stage is kept in the user's cache folder (``checkpoints.cache_dir()/benchmarks``,
   keyed by the recipe; never committed) with its card, so a second run only measures.
   Scored by ``evaluate`` on the held-out pictures: mIoU after 1 and 3 interactions,
   with a box first and with a click first. It stops short of a box mIoU@1 of 0.8, and
   not for want of pictures: 2,400 instead of 400 (stage 1 alone, 65 min) reached 0.642
   (0.661 on 400), its training loss 0.54 against 0.42. Nor for the 64x64 logits: the
   held-out masks through 64x64 targets and back score 0.923. A wider embedding (patch
   8) costs three times the time a step here.
2. **Shortcuts.** The held-out pictures, scaled to about 1 MP, through segment
   everything with the default settings (the default fast path: the regrouped decoder in
   ONNX Runtime) as the reference, then each shortcut: fewer points per side, the
   hierarchical grid (``EverythingSettings.hierarchical``), the uint8 and bfloat16
   decoders. For each: the time for all pictures (their embeddings cached before, as in
   the app after the first click), the masks, and the recall of the reference's masks at
   mask IoU >= 0.9 (how many of the default's masks the shortcut also finds).
3. **Against upstream at its default thresholds**: upstream's
   ``SamAutomaticMaskGenerator`` on the trained model and the same pictures, against the
   reference run, with the share of upstream's masks it matches at IoU >= 0.99.

Each configuration runs the pictures in turn with the others (picture by picture), so
that the machine's drift falls on all alike.
"""

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path

import cv2
import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from report import publish  # noqa: E402

from sam_app.backends.sam import SamBackend  # noqa: E402
from sam_app.checkpoints import atomic_torch_save, cache_dir  # noqa: E402
from sam_app.export import save_json  # noqa: E402
from sam_app.service import SamService  # noqa: E402
from sam_app.tasks.everything import MaskGenerator  # noqa: E402
from sam_app.training.evaluate import EvalSettings, evaluate, read_coco  # noqa: E402
from sam_app.training.finetune import low_res_target, schedule, train_step  # noqa: E402
from sam_app.training.shapes import make_shapes  # noqa: E402

INPUT, PICTURES, HELD_OUT, DATA_SEED = 256, 400, 40, 5
TRAIN = dict(per_step=2, point_rounds=2, mask_rounds=1, warmup=50, clip=0.1, seed=0)
STAGES = ({"steps": 6000, "lr": 2e-3}, {"steps": 4000, "lr": 5e-4})
MATCH_IOU = 0.9


def shapes_sam(seed: int = 0):
    """The small SAM 1 (module docstring), random weights. Its prompt encoder's Fourier
    features at half SAM's scale (smoother position codes, learnt sooner: docs/evaluation.md)."""
    from segment_anything.modeling import ImageEncoderViT, MaskDecoder, PromptEncoder, Sam, TwoWayTransformer

    torch.manual_seed(seed)
    side = INPUT // 16
    sam = Sam(
        image_encoder=ImageEncoderViT(depth=3, embed_dim=128, img_size=INPUT, mlp_ratio=4, num_heads=4, patch_size=16,
                                      norm_layer=partial(torch.nn.LayerNorm, eps=1e-6), qkv_bias=True,
                                      use_rel_pos=True, global_attn_indexes=[2], window_size=8, out_chans=64),
        prompt_encoder=PromptEncoder(embed_dim=64, image_embedding_size=(side, side), input_image_size=(INPUT, INPUT),
                                     mask_in_chans=16),
        mask_decoder=MaskDecoder(num_multimask_outputs=3, transformer_dim=64, iou_head_depth=3, iou_head_hidden_dim=64,
                                 transformer=TwoWayTransformer(depth=2, embedding_dim=64, mlp_dim=256, num_heads=4)),
    )
    with torch.no_grad():
        sam.prompt_encoder.pe_layer.positional_encoding_gaussian_matrix *= 0.5
    return sam.eval()


def dataset(folder: Path):
    """(annotations path, training pictures [(pixels HxWx3, targets KxLxL)], held-out image ids)."""
    annotations = folder / "annotations.json"
    if not annotations.exists():
        make_shapes(folder, images=PICTURES, seed=DATA_SEED)
    coco = read_coco(annotations)
    ids = sorted(coco.getImgIds())
    side = INPUT // 4
    train = []
    for info in coco.loadImgs(ids[:-HELD_OUT]):
        pixels = cv2.cvtColor(cv2.imread(str(folder / "images" / info["file_name"])), cv2.COLOR_BGR2RGB)
        masks = [coco.annToMask(a) for a in coco.loadAnns(coco.getAnnIds(imgIds=[info["id"]]))]
        targets = np.stack([low_res_target(m.astype(bool), side) for m in masks])
        train.append((pixels, targets[targets.reshape(len(targets), -1).any(1)]))
    return annotations, train, ids[-HELD_OUT:]


def train(model, pictures, steps: int, lr: float) -> dict:
    """``TRAIN``'s recipe (module docstring) for ``steps`` steps at peak rate ``lr``, in
    place; what the stage's card says of it."""
    backend = SamBackend(model, "shapes", torch.device("cpu"), "fp32", "torch")
    learner = backend.trainee(encoder=True)
    net = learner.model
    net.requires_grad_(True)
    optimiser = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.1)
    rates = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule(steps, TRAIN["warmup"]))
    rng, losses, started = np.random.default_rng(TRAIN["seed"]), [], time.perf_counter()
    net.train()
    for step in range(steps):
        optimiser.zero_grad(set_to_none=True)
        loss = 0.0
        for _ in range(TRAIN["per_step"]):
            pixels, targets = pictures[rng.integers(len(pictures))]
            features = net.image_encoder(learner.encoder_input(pixels))
            chosen = targets[rng.permutation(len(targets))[:8]]
            loss += train_step(learner, features, chosen, rng, TRAIN["point_rounds"], TRAIN["mask_rounds"])
        torch.nn.utils.clip_grad_norm_(net.parameters(), TRAIN["clip"])
        optimiser.step()
        rates.step()
        losses.append(loss / TRAIN["per_step"])
        if (step + 1) % 1000 == 0:
            print(f"step {step + 1}/{steps}: loss {np.mean(losses[-1000:]):.3f}, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    net.eval()
    model.load_state_dict(net.state_dict())
    return {"steps": steps, "lr": lr, "seconds": round(time.perf_counter() - started), "train": TRAIN,
            "loss_first_1000": float(np.mean(losses[:1000])), "loss_last_1000": float(np.mean(losses[-1000:]))}


def trained(folder: Path, retrain: bool):
    """(the trained model, the cards of its stages, the annotations, the held-out ids):
    each stage from the cache, or trained now from the one before and cached."""
    model, cards = shapes_sam(), []
    annotations, pictures, held_out = dataset(folder / f"shapes_{PICTURES}_{DATA_SEED}")
    recipe = "_".join(str(v) for v in (INPUT, PICTURES, HELD_OUT, DATA_SEED, TRAIN["per_step"], TRAIN["point_rounds"],
                                       TRAIN["mask_rounds"], TRAIN["seed"]))
    for number, stage in enumerate(STAGES, start=1):
        recipe += f"_{stage['steps']}x{stage['lr']:g}"
        weights, card_path = folder / f"shapes_sam_{recipe}.pth", folder / f"shapes_sam_{recipe}.json"
        if weights.exists() and card_path.exists() and not retrain:
            model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
            cards.append(json.loads(card_path.read_text()))
            continue
        print(f"training stage {number} of {len(STAGES)}: {stage['steps']} steps at {stage['lr']:g}", flush=True)
        card = train(model, pictures, stage["steps"], stage["lr"])
        service = SamService(device="cpu", precision="fp32")
        service.add_backend(SamBackend(model, "shapes", torch.device("cpu"), "fp32", "torch"), True)
        with torch.no_grad():
            for first in ("box", "click"):
                report = evaluate(service, annotations.parent / "images", annotations,
                                  EvalSettings(3, first_prompt=first), "shapes", False, held_out)
                card[f"mIoU_{first}_first"] = report["summary"]["mIoU"]
                card["objects"] = report["summary"]["objects"]
        atomic_torch_save(model.state_dict(), weights)
        save_json(card_path, card)
        cards.append(card)
    return model, cards, annotations, held_out


def pictures_1mp(annotations: Path, ids, count: int):
    """The first ``count`` held-out pictures, scaled (bilinear) to about 1 MP."""
    coco = read_coco(annotations)
    out = []
    for info in coco.loadImgs(ids[:count]):
        pixels = cv2.cvtColor(cv2.imread(str(annotations.parent / "images" / info["file_name"])), cv2.COLOR_BGR2RGB)
        scale = (1e6 / (info["width"] * info["height"])) ** 0.5
        size = (round(info["width"] * scale), round(info["height"] * scale))
        out.append(cv2.resize(pixels, size, interpolation=cv2.INTER_LINEAR))
    return out


def recall(found, reference, threshold: float = MATCH_IOU) -> float:
    """The share of ``reference``'s masks (pycocotools RLEs) that a mask of ``found``
    overlaps at IoU >= ``threshold`` (NaN when the reference has none)."""
    from pycocotools import mask as mask_utils

    if not len(reference):
        return float("nan")  # nothing to find: no share (``weighted`` gives it no weight)
    if not len(found):
        return 0.0
    return float((np.asarray(mask_utils.iou(found, reference, [0] * len(reference))).max(0) >= threshold).mean())


def rles(records):
    return [dict(r["segmentation"], counts=r["segmentation"]["counts"].encode()) for r in records]


LOWERED = {"pred_iou_thresh": 0.5, "stability_score_thresh": 0.3}  # what this model's masks pass (see main)
CONFIGS = {  # name -> (decoder, settings, preset name or None)
    "default (32 points per side)": ("onnx", {}, "default"),
    "24 points per side": ("onnx", {"points_per_side": 24}, None),
    "16 points per side": ("onnx", {"points_per_side": 16}, "fast"),
    "hierarchical, 32": ("onnx", {"hierarchical": True}, None),
    "hierarchical, 24": ("onnx", {"hierarchical": True, "points_per_side": 24}, None),
    "hierarchical, 32, confident above logit 2": ("onnx", {"hierarchical": True, "hierarchical_logit": 2.0}, None),
    "uint8 decoder (fast-int8)": ("fast-int8", {}, None),
    "bf16 decoder (fast-bf16)": ("fast-bf16", {}, None),
}


def measure(model, pictures, upstream_pictures: int, thresholds: dict):
    """(name -> {seconds, masks, recalls, times, counts} for ``CONFIGS``; upstream's
    {seconds, masks, matched} on the first ``upstream_pictures``), every run with
    ``thresholds`` (generator settings) over its own."""
    from segment_anything import SamAutomaticMaskGenerator

    services = {}
    for decoder in {d for d, _, _ in CONFIGS.values()}:
        service = SamService(device="cpu", precision="fp32")
        service.add_backend(SamBackend(model, "shapes", torch.device("cpu"), "fp32", decoder, "reference"), True)
        services[decoder] = service
    totals = {name: {"seconds": 0.0, "masks": 0, "recalls": [], "times": [], "counts": []} for name in CONFIGS}
    upstream = {"seconds": 0.0, "masks": 0, "matched": []}
    generator = SamAutomaticMaskGenerator(model, output_mode="coco_rle", **thresholds)
    for index, pixels in enumerate(pictures):
        found = {}
        for name, (decoder, settings, _) in CONFIGS.items():
            service = services[decoder]
            loaded = service.load_image(pixels)
            service.embedding(loaded)  # encoded before the clock starts, as after a first click
            settings = dict(settings, **thresholds)
            started = time.perf_counter()
            found[name] = rles(MaskGenerator(service, output_mode="coco_rle", **settings).generate(loaded))
            totals[name]["times"].append(time.perf_counter() - started)
            totals[name]["counts"].append(len(found[name]))
            totals[name]["seconds"] += totals[name]["times"][-1]
            totals[name]["masks"] += len(found[name])
        reference = found["default (32 points per side)"]
        for name in CONFIGS:
            totals[name]["recalls"].append((recall(found[name], reference), len(reference)))
        print(f"picture {index + 1}: " + ", ".join(f"{t['times'][-1]:.2f} s" for t in totals.values()), flush=True)
        if index >= upstream_pictures:
            continue
        predictor = generator.predictor
        predictor.set_image(pixels)
        state = {k: getattr(predictor, k) for k in ("features", "original_size", "input_size", "is_image_set")}
        predictor.set_image = lambda image, image_format="RGB": predictor.__dict__.update(state)  # encoded already
        started = time.perf_counter()
        theirs = rles(generator.generate(pixels))
        upstream["seconds"] += time.perf_counter() - started
        del predictor.set_image
        upstream["masks"] += len(theirs)
        upstream["matched"].append((recall(reference, theirs, 0.99), len(theirs)))
        print(f"upstream: {time.perf_counter() - started:.1f} s", flush=True)
    return totals, upstream


def table(totals, upstream, pictures: int, compared: int):
    """Markdown lines: the shortcuts' table, then upstream against the default run."""
    base = totals["default (32 points per side)"]
    ours = sum(base["times"][:compared])
    lines = ["| run | preset | time per picture | speed-up | masks per picture | recall of the default's masks |",
             "|---|---|---:|---:|---:|---:|"]
    for name, (_, _, preset) in CONFIGS.items():
        t = totals[name]
        lines.append(f"| {name} | {preset or '-'} | {t['seconds'] / pictures * 1000:.0f} ms | "
                     f"{base['seconds'] / t['seconds']:.2f}x | {t['masks'] / pictures:.1f} | "
                     f"{weighted(t['recalls'])} |")
    return lines + [
        "",
        "| upstream | ours (default) | speed-up | masks (upstream / ours) | upstream masks we match at IoU >= 0.99 |",
        "|---:|---:|---:|---:|---:|",
        f"| {upstream['seconds'] / compared:.2f} s | {ours / compared:.2f} s | {upstream['seconds'] / ours:.1f}x | "
        f"{upstream['masks']} / {sum(base['counts'][:compared])} | {weighted(upstream['matched'])} |",
    ]


def weighted(pairs) -> str:
    """The mean of per-picture shares weighted by their mask counts, as a percentage;
    "n/a" where there were no masks to find."""
    count = sum(n for _, n in pairs)
    return f"{sum(share * n for share, n in pairs if n) / count:.1%}" if count else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pictures", type=int, default=20, help="held-out pictures segmented (default 20)")
    parser.add_argument("--upstream-pictures", type=int, default=3,
                        help="pictures upstream's generator also runs on (about ten times ours; default 3)")
    parser.add_argument("--retrain", action="store_true", help="train again even when the cache has the model")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    torch.set_grad_enabled(True)
    folder = cache_dir() / "benchmarks"
    model, cards, annotations, held_out = trained(folder, args.retrain)
    torch.set_grad_enabled(False)
    pictures = pictures_1mp(annotations, held_out, args.pictures)
    compared = min(args.upstream_pictures, len(pictures))
    tables = []
    lowered = (f"lowered thresholds (predicted IoU {LOWERED['pred_iou_thresh']}, stability "
               f"{LOWERED['stability_score_thresh']}), which more of this model's masks pass")
    for title, thresholds in (("upstream's default thresholds (predicted IoU 0.88, stability 0.95)", {}),
                              (lowered, LOWERED)):
        totals, upstream = measure(model, pictures, args.upstream_pictures, thresholds)
        tables += [f"At {title}:", "", *table(totals, upstream, len(pictures), compared), ""]
    stages = [f"| {n} | {c['steps']} at {c['lr']:g} | {c['seconds'] / 60:.0f} min | {c['loss_first_1000']:.2f} -> "
              f"{c['loss_last_1000']:.2f} | {c['mIoU_box_first']['1']:.3f} | {c['mIoU_box_first']['3']:.3f} | "
              f"{c['mIoU_click_first']['1']:.3f} | {c['mIoU_click_first']['3']:.3f} |"
              for n, c in enumerate(cards, start=1)]
    h, w = pictures[0].shape[:2]
    body = "\n".join([
        "## Segment everything's shortcuts, on a model that has learnt something",
        "",
        "Made by `python benchmarks/shortcuts.py` (`make bench-shortcuts`). The model: a small SAM 1 (ViT 128",
        "wide, 3 deep, 256 input, 64-wide decoder) trained from random weights, the encoder too, on the synthetic",
        f"shapes ({PICTURES - HELD_OUT} pictures of 256x192; the recipe is in the script's docstring), in stages",
        f"from one to the next. mIoU after 1 and 3 interactions (`evaluate`'s protocol) on the {HELD_OUT} held-out",
        f"pictures ({cards[-1]['objects']} objects), with a box first and with a click first; loss: the mean over",
        "the first and the last 1000 steps of the stage:",
        "",
        "| stage | steps at peak rate | time here | loss | box: mIoU@1 | box: mIoU@3 | click: mIoU@1 | click: mIoU@3 |",
        "|---|---|---:|---|---:|---:|---:|---:|",
        *stages,
        "",
        f"Segment everything on {len(pictures)} held-out pictures scaled to {w}x{h}, box NMS 0.7; time per picture",
        "with its embedding cached; recall: the share of the default run's masks (32 points per side, the",
        f"regrouped decoder in ONNX Runtime, the same thresholds) that the shortcut finds at mask IoU >= {MATCH_IOU};",
        f"upstream's `SamAutomaticMaskGenerator` on the same model and thresholds, on the first {compared} pictures",
        f"only (it takes seconds a picture). CPU with {torch.get_num_threads()} threads.",
        "",
        *tables,
    ])
    publish("shortcuts", body, not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
