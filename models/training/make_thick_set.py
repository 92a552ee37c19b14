#!/usr/bin/python3
"""Copy a line set (labels.tsv + crops) with every crop's ink grown by N pixels, as if written with a felt-tip (sign)
pen instead of a ballpoint: grey dilation of the ink (a minimum filter of (N+1)x(N+1) over the grey crop). For
validation only: it measures how much a set's reading depends on the pen's width.

  /usr/bin/python3 models/training/make_thick_set.py --from models/training/data/line-sets/real-hangul-words-tuning \
      --out models/training/data/line-sets/real-hangul-words-tuning-thick2 --grow 2
"""
import argparse
import os

import numpy as np
from PIL import Image
from scipy import ndimage


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--grow", type=int, required=True, help="pixels the strokes grow by (1 or 2 for a sign pen)")
    a = ap.parse_args()
    with open(os.path.join(a.source, "labels.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
    for path, _ in rows:
        grey = np.asarray(Image.open(os.path.join(a.source, path)).convert("L"))
        thick = ndimage.grey_erosion(grey, size=(a.grow + 1, a.grow + 1))  # paper is light: erosion grows the ink
        os.makedirs(os.path.dirname(os.path.join(a.out, path)), exist_ok=True)
        Image.fromarray(thick).save(os.path.join(a.out, path))
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{p}\t{t}\n" for p, t in rows))
    print(f"{a.out}: {len(rows)} lines, ink grown by {a.grow} px")


if __name__ == "__main__":
    main()
