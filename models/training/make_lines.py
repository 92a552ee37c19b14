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


def _work(args):
    shard, count, split, seed, out, variety, drawn_digits, combs = args
    path = os.path.join(out, f"shard-{shard:04d}.npz")
    if os.path.exists(path):
        return path
    writers = fonts.TRAIN_WRITERS if split == "train" else fonts.HELDOUT_WRITERS
    renderer = lines.LineRenderer(writers, printed_share=0.15 if split == "train" else 0.0, seed=seed * 100003 + shard,
                                  variety=variety and split == "train",
                                  drawn_digits_share=drawn_digits if split == "train" else 0.0,
                                  combs=combs if split == "train" else 0.0)
    samples = []
    while len(samples) < count:
        s = renderer.sample()
        if s is not None:
            samples.append(s)
    tmp = path + ".tmp.npz"
    np.savez(tmp, **lines.pack(samples))
    os.replace(tmp, path)
    return path


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
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    n = (a.count + a.shard_size - 1) // a.shard_size
    jobs = [(a.first_shard + i, min(a.shard_size, a.count - i * a.shard_size), a.split, a.seed, a.out, a.variety,
             a.drawn_digits, a.combs)
            for i in range(n)]
    t = time.time()
    with mp.Pool(a.workers) as pool:
        for k, p in enumerate(pool.imap_unordered(_work, jobs), 1):
            print(f"[{k}/{n}] {p} {time.time() - t:.0f}s", flush=True)


if __name__ == "__main__":
    main()
