#!/usr/bin/python3
"""Copy a line set (labels.tsv + crops) with every crop written in lighter ink than any training line (whose ink lies
in grey 0-110 on paper of 215-255, `pilgi_synth/lines.py`): "light" maps each crop's grey range onto ink 110 on paper
232 (a worn pen, a pale scan); "blue" colours it as a blue ballpoint (70, 95, 190) on slightly warm paper (245, 242,
235), saved in colour so that the pipeline's own grey conversion reads it. For validation only: it measures how much a
set's reading depends on the ink's darkness.

  /usr/bin/python3 models/training/make_ink_set.py --from models/training/data/line-sets/real-hangul-words-tuning \
      --out models/training/data/line-sets/real-hangul-words-tuning-blue --ink blue
"""
import argparse
import os

import numpy as np
from PIL import Image

INKS = {
    "light": ((110, 110, 110), (232, 232, 232)),
    "blue": ((70, 95, 190), (245, 242, 235)),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="source", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--ink", choices=sorted(INKS), required=True)
    a = ap.parse_args()
    ink, paper = (np.array(c, np.float32) for c in INKS[a.ink])
    with open(os.path.join(a.source, "labels.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
    for path, _ in rows:
        share = np.asarray(Image.open(os.path.join(a.source, path)).convert("L"), np.float32)[..., None] / 255.0
        coloured = np.round(ink + share * (paper - ink)).astype(np.uint8)
        out = Image.fromarray(coloured, "RGB")
        os.makedirs(os.path.dirname(os.path.join(a.out, path)), exist_ok=True)
        out.save(os.path.join(a.out, path))
    with open(os.path.join(a.out, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{p}\t{t}\n" for p, t in rows))
    print(f"{a.out}: {len(rows)} lines in {a.ink} ink")


if __name__ == "__main__":
    main()
