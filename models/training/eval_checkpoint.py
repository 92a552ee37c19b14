#!/usr/bin/python3
"""Read line sets (labels.tsv + crops, the layout `pilgi eval --lines` reads) with a training checkpoint, without
exporting it: for choosing between checkpoints while a run trains. Crops are scaled to 32 px as the pipeline scales
the main network's (Pillow's bilinear, the descriptor's "triangle"; `--scaling area` for the digit reader's), and
decoded greedily over every character (no kind), so figures sit a little below `pilgi eval --lines` with the exported
model; compare checkpoints with this, releases with that.

  /usr/bin/python3 models/training/eval_checkpoint.py models/training/runs/rec/latest.pt \
      models/training/data/line-sets/real-syllables-tuning models/training/data/line-sets/pen-words
"""
import argparse
import os
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset, lines  # noqa: E402
from recognizer_model import CRNN  # noqa: E402
import train_recognizer  # noqa: E402


def read_set(folder, scaling="triangle"):
    """(images scaled to the model's height, texts) of a labelled line set."""
    imgs, texts = [], []
    with open(os.path.join(folder, "labels.tsv"), encoding="utf-8") as f:
        for n, row in enumerate(f, 1):
            if not row.strip():
                continue
            parts = row.rstrip("\n").split("\t")
            if len(parts) != 2:
                raise SystemExit(f"{folder}/labels.tsv line {n}: expected 'path<TAB>text'")
            im = Image.open(os.path.join(folder, parts[0])).convert("L")
            w = max(4, int(round(im.width * lines.LINE_HEIGHT / im.height)))
            filt = Image.BILINEAR if scaling == "triangle" else Image.BOX
            imgs.append(np.asarray(im.resize((w, lines.LINE_HEIGHT), filt), dtype=np.uint8))
            texts.append(parts[1])
    return imgs, texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("sets", nargs="+", help="line-set folders")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--pad-step", type=int, default=0,
                    help="pad each crop with paper to a multiple of this width, as the pipeline does (128)")
    ap.add_argument("--scaling", choices=["area", "triangle"], default="triangle",
                    help="the filter crops are shrunk with: the descriptor's for the model read (triangle: the main one)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    ck = torch.load(a.checkpoint, map_location="cpu")
    model = CRNN(charset.NUM_CLASSES)
    model.load_state_dict(ck["model"])
    seen = ck.get("state", {}).get("seen", "?")
    print(f"{a.checkpoint} ({seen} lines seen)")
    for folder in a.sets:
        imgs, texts = read_set(folder, a.scaling)
        rep = train_recognizer.evaluate(model, imgs, texts, ["all"] * len(imgs), "cpu",
                                       pad_step=a.pad_step)["all"]
        print(f"  {os.path.basename(os.path.normpath(folder))}: lines {rep['lines']}, CER {rep['cer']:.4f}, "
              f"exact {rep['exact']:.3f}")


if __name__ == "__main__":
    main()
