#!/usr/bin/python3
"""Line sets of real people's Hangul, for validation only: 6,400 hand-drawn syllables (64 classes, 100 each) of the
repository jiseungjeong/korean_ocr at commit 577ee7e (`archive/Hangul Database`). Its licence is unknown, so it is
never trained on; nothing of it is committed, only this script.

  git -C <korean_ocr checkout> archive 577ee7e "archive/Hangul Database" | tar -x -C /tmp/korean_ocr
  /usr/bin/python3 models/training/make_real_hangul_set.py --src "/tmp/korean_ocr/archive/Hangul Database" \
      --out models/training/data/line-sets

Each class has 10 writers (the file name's second number) writing it 10 times. Writers 0-4 may be used to choose
between models (`real-syllables-tuning`); writers 5-9 are only reported: `real-syllables-heldout` (their syllables as
drawn, 64x64) and `real-hangul-words` (words of 2-4 of one writer's syllables side by side, spaced and aligned the
way a hand writes a word: the shape of the private word set's crops). `real-hangul-words-tuning` is the same made of
writers 0-4, for choosing what only words show (a reading's script switching inside a word). Each has labels.tsv for
`pilgi eval --lines`.
"""
import argparse
import collections
import os
import random

import numpy as np
from PIL import Image

TUNING_WRITERS = {"0", "1", "2", "3", "4"}
# The folder `gi` holds 기 but its files are named 가_*: the folder is the truth.
_FOLDER_FIXES = {"gi": "기"}


def load(src):
    """{(syllable, writer): [grey arrays]} from <src>/Hangul Database/<romanised>/<syllable>_<writer>_<n>.jpg."""
    root = os.path.join(src, "Hangul Database") if os.path.isdir(os.path.join(src, "Hangul Database")) else src
    samples = collections.defaultdict(list)
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            stem, ext = os.path.splitext(name)
            parts = stem.split("_")
            if ext.lower() not in (".jpg", ".png") or len(parts) != 3:
                continue
            syllable = _FOLDER_FIXES.get(folder, parts[0])
            samples[(syllable, parts[1])].append(np.asarray(Image.open(os.path.join(path, name)).convert("L")))
    if not samples:
        raise SystemExit(f"no syllable images under {root}")
    return samples


def tight(grey, threshold=160, margin=1):
    ys, xs = np.nonzero(grey < threshold)
    if len(ys) == 0:
        return grey
    return grey[max(0, ys.min() - margin):ys.max() + 1 + margin, max(0, xs.min() - margin):xs.max() + 1 + margin]


def word(glyphs, rng):
    """Syllables side by side: each centred on a common middle line give or take a little, with a writer's gap."""
    height = max(g.shape[0] for g in glyphs)
    gap = rng.randint(1, 9)
    pad = rng.randint(4, 10)
    width = sum(g.shape[1] for g in glyphs) + gap * (len(glyphs) - 1) + 2 * pad
    canvas = np.full((height + 2 * pad + 6, width), 255, dtype=np.uint8)
    x = pad
    for g in glyphs:
        y = pad + 3 + (height - g.shape[0]) // 2 + rng.randint(-3, 3)
        y = min(max(0, y), canvas.shape[0] - g.shape[0])
        np.minimum(canvas[y:y + g.shape[0], x:x + g.shape[1]], g, out=canvas[y:y + g.shape[0], x:x + g.shape[1]])
        x += g.shape[1] + gap
    return canvas


def write(out, rows):
    os.makedirs(os.path.join(out, "crops"), exist_ok=True)
    lines = []
    for i, (img, text) in enumerate(rows):
        name = f"crops/{i:05d}.png"
        Image.fromarray(img).save(os.path.join(out, name))
        lines.append(f"{name}\t{text}")
    with open(os.path.join(out, "labels.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{out}: {len(rows)} lines")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True, help="the extracted 'archive/Hangul Database' folder")
    ap.add_argument("--out", required=True, help="the line-sets folder")
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=27)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    samples = load(a.src)
    for name, tuning in (("real-syllables-tuning", True), ("real-syllables-heldout", False)):
        write(os.path.join(a.out, name), [(img, syllable) for (syllable, writer), imgs in sorted(samples.items())
                                          if (writer in TUNING_WRITERS) == tuning for img in imgs])
    # the held-out words first, so that they stay what they were before the tuning words were added
    write(os.path.join(a.out, "real-hangul-words"), words(samples, False, a.words, rng))
    write(os.path.join(a.out, "real-hangul-words-tuning"), words(samples, True, a.words, rng))


def words(samples, tuning, count, rng):
    """count words of 2-4 syllables, each word one writer's (tuning writers or held-out ones)."""
    by_writer = collections.defaultdict(list)
    for (syllable, writer), imgs in sorted(samples.items()):
        if (writer in TUNING_WRITERS) == tuning:
            by_writer[writer].extend((syllable, img) for img in imgs)
    writers = sorted(by_writer)
    rows = []
    for _ in range(count):
        pool = by_writer[rng.choice(writers)]
        picked = [pool[rng.randrange(len(pool))] for _ in range(rng.choice([2, 2, 3, 3, 3, 4]))]
        rows.append((word([tight(img) for _, img in picked], rng), "".join(s for s, _ in picked)))
    return rows


if __name__ == "__main__":
    main()
