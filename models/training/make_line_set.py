#!/usr/bin/python3
"""Write a labelled set of line crops as PNG files + labels.tsv (path, tab, text): the layout `pilgi eval --lines`
reads, for validating the recogniser the way the pipeline runs it.

  /usr/bin/python3 models/training/make_line_set.py --out models/training/data/line-sets/real-digits-amount \
      --count 200 --kinds amount --writers heldout --real-digits 1.0 --seed 21
"""
import argparse
import os
import random
import sys

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import lines  # noqa: E402
import make_lines  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    make_lines.add_recipe_arguments(ap)
    a = ap.parse_args()
    a.split, a.variety, a.drawn_digits, a.combs = "heldout", False, 0.0, 0.0
    renderer = make_lines.renderer_for(a, a.seed)
    renderer.native_size = True  # crops as a detector cuts them from a scan; the pipeline scales them itself
    os.makedirs(os.path.join(a.out, "crops"), exist_ok=True)
    rows = []
    while len(rows) < a.count:
        s = renderer.sample()
        if s is None:
            continue
        img, text, writer = s
        name = f"crops/{len(rows):05d}.png"
        Image.fromarray(img).save(os.path.join(a.out, name))
        rows.append(f"{name}\t{text}")
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{a.out}: {len(rows)} lines")


if __name__ == "__main__":
    main()
