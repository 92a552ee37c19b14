"""Digits drawn stroke by stroke instead of taken from a font.

The training fonts write their digits in few styles; real customers (and the held-out writers) use shapes none of
them has: a flat-topped 3 (its bowl large, small or a z's), a 1 with a flag and a base, an open 4, a barred 7, a 9 with a straight or a curled tail.
A DigitHand picks one variant of each digit per writer (a person writes their 7 the same way every time), and each
character is then drawn as pen strokes with the control points jittered, so no two 7s are identical.

Coordinates are in a unit box: x 0..1 left to right, y 0..1 top to bottom (the digit's height).
"""
import math

import numpy as np
from PIL import Image, ImageDraw


def _arc(cx, cy, rx, ry, a0, a1, n=14):
    """Points of an elliptical arc, angles in degrees (0 = right, 90 = down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / (n - 1))),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / (n - 1)))) for i in range(n)]


def _bezier(p0, p1, p2, p3, n=14):
    out = []
    for i in range(n):
        t = i / (n - 1)
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


# digit -> variant name -> (relative width, list of strokes); each stroke is a list of points
VARIANTS = {
    "0": {
        "oval": (0.62, [_arc(0.5, 0.5, 0.5, 0.5, -90, 275, 24)]),
        "narrow": (0.48, [_arc(0.5, 0.5, 0.5, 0.5, -100, 265, 24)]),
        "overlap": (0.6, [_arc(0.5, 0.5, 0.5, 0.5, -60, 320, 26)]),
    },
    "1": {
        "bar": (0.14, [[(0.5, 0.0), (0.5, 1.0)]]),
        "flag": (0.4, [[(0.0, 0.25), (0.62, 0.0), (0.62, 1.0)]]),
        "flag_base": (0.62, [[(0.12, 0.22), (0.55, 0.0), (0.55, 1.0)], [(0.0, 1.0), (1.0, 1.0)]]),
        "slant_flag": (0.36, [[(0.0, 0.15), (0.7, 0.0), (0.5, 1.0)]]),
    },
    "2": {
        "plain": (0.62, [_arc(0.5, 0.28, 0.48, 0.28, 190, 360, 10) + _bezier((0.98, 0.28), (0.95, 0.55), (0.3, 0.75),
                                                                             (0.0, 1.0), 10) + [(1.0, 0.98)]]),
        "loop": (0.64, [_arc(0.5, 0.27, 0.46, 0.27, 190, 360, 10) + _bezier((0.96, 0.27), (0.9, 0.6), (0.15, 0.7),
                                                                            (0.05, 0.92), 8)
                        + _arc(0.15, 0.88, 0.12, 0.1, 90, 400, 8) + [(1.0, 0.97)]]),
        "z": (0.6, [[(0.05, 0.05), (0.95, 0.05), (0.02, 0.98), (1.0, 0.98)]]),
    },
    "3": {
        "round": (0.58, [_arc(0.45, 0.26, 0.45, 0.26, 200, 450, 14)[:-1] + _arc(0.45, 0.74, 0.52, 0.26, -90, 160, 14)]),
        "flat_top": (0.6, [[(0.0, 0.0), (0.95, 0.0), (0.35, 0.42)] + _arc(0.45, 0.7, 0.52, 0.3, -100, 160, 14)]),
        "pointed": (0.58, [[(0.02, 0.05), (0.9, 0.12), (0.3, 0.48), (0.95, 0.7), (0.5, 1.0), (0.0, 0.88)]]),
        # a quick flat top whose bowl is small and low: the top is most of what the eye (and the network) sees,
        # so it must not be taken for a 7 because of it
        "flat_small_bowl": (0.56, [[(0.02, 0.02), (0.95, 0.0), (0.3, 0.5)]
                                   + _arc(0.45, 0.76, 0.42, 0.24, -110, 150, 12)]),
        "flat_z": (0.58, [[(0.0, 0.04), (0.92, 0.0), (0.25, 0.46)]
                          + _bezier((0.25, 0.46), (1.05, 0.45), (0.95, 1.02), (0.08, 0.92), 10)]),
    },
    "4": {
        "closed": (0.66, [[(0.75, 1.0), (0.75, 0.0), (0.0, 0.68), (1.0, 0.68)]]),
        "open": (0.66, [[(0.1, 0.0), (0.0, 0.62), (1.0, 0.62)], [(0.72, 0.15), (0.72, 1.0)]]),
        "open_tall": (0.62, [[(0.15, 0.0), (0.05, 0.55), (0.95, 0.55)], [(0.75, 0.0), (0.7, 1.0)]]),
    },
    "5": {
        "plain": (0.58, [[(0.92, 0.0), (0.15, 0.0), (0.08, 0.45)] + _arc(0.45, 0.68, 0.5, 0.32, -120, 150, 14)]),
        "separate_bar": (0.58, [[(0.12, 0.02), (0.06, 0.45)] + _arc(0.45, 0.68, 0.5, 0.32, -120, 150, 14),
                                [(0.12, 0.02), (0.95, 0.0)]]),
        "s_like": (0.56, [[(0.95, 0.02), (0.3, 0.02)] + _bezier((0.3, 0.02), (0.0, 0.4), (1.1, 0.35), (0.9, 0.75), 8)
                          + _bezier((0.9, 0.75), (0.8, 1.05), (0.2, 1.05), (0.0, 0.85), 6)]),
    },
    "6": {
        "plain": (0.58, [_bezier((0.9, 0.0), (0.3, 0.1), (-0.05, 0.5), (0.05, 0.75), 10)
                         + _arc(0.5, 0.72, 0.47, 0.28, 180, 530, 18)]),
        "straight": (0.56, [[(0.75, 0.0), (0.05, 0.68)] + _arc(0.5, 0.72, 0.46, 0.28, 180, 535, 18)]),
    },
    "7": {
        "plain": (0.6, [[(0.0, 0.02), (1.0, 0.02), (0.35, 1.0)]]),
        "bar": (0.64, [[(0.0, 0.02), (1.0, 0.02), (0.35, 1.0)], [(0.3, 0.52), (0.95, 0.5)]]),
        "hook": (0.6, [[(0.0, 0.2), (0.0, 0.02), (1.0, 0.02), (0.45, 1.0)]]),
        "curved": (0.58, [[(0.0, 0.05), (1.0, 0.02)] + _bezier((1.0, 0.02), (0.6, 0.35), (0.45, 0.7), (0.45, 1.0), 10)]),
    },
    "8": {
        "two_loops": (0.58, [_arc(0.5, 0.25, 0.4, 0.25, 0, 360, 18), _arc(0.5, 0.74, 0.5, 0.26, 0, 360, 18)]),
        "figure": (0.58, [_bezier((0.85, 0.1), (0.4, -0.15), (-0.1, 0.3), (0.5, 0.5), 10)
                          + _bezier((0.5, 0.5), (1.15, 0.75), (0.6, 1.1), (0.3, 0.98), 8)
                          + _bezier((0.3, 0.98), (-0.1, 0.85), (0.4, 0.4), (0.85, 0.1), 10)]),
    },
    "9": {
        "straight": (0.58, [_arc(0.48, 0.3, 0.46, 0.3, 0, 360, 18), [(0.94, 0.3), (0.9, 1.0)]]),
        "curled": (0.58, [_arc(0.48, 0.3, 0.46, 0.3, -10, 350, 18)
                          + _bezier((0.94, 0.25), (0.95, 0.7), (0.6, 1.0), (0.1, 0.95), 8)]),
        "slanted": (0.56, [_arc(0.5, 0.28, 0.46, 0.28, 0, 360, 18), [(0.96, 0.3), (0.6, 1.0)]]),
    },
}


class DigitHand:
    """One writer's way of drawing digits."""

    def __init__(self, rng):
        self.choice = {d: rng.choice(sorted(v)) for d, v in VARIANTS.items()}
        self.width_scale = rng.uniform(0.8, 1.25)
        self.pen = rng.uniform(0.07, 0.14)       # stroke width as a share of the digit height
        self.height_scale = rng.uniform(0.85, 1.1)
        self.wobble = rng.uniform(0.015, 0.05)    # control-point jitter, share of the height
        self.gap = rng.uniform(0.1, 0.35)         # space after a digit, share of the height

    def draws(self, ch):
        return ch in VARIANTS

    def render(self, ch, size, top_ref, height_ref, rng):
        """Same contract as handwriting._render_char: (glyph uint8, top, advance, x offset).

        top_ref/height_ref: where and how tall the font's own digits sit, so drawn digits line up with the font's
        other characters on the line.
        """
        rel_w, strokes = VARIANTS[ch][self.choice[ch]]
        h = max(6.0, height_ref * self.height_scale * rng.uniform(0.93, 1.07))
        w = max(2.0, h * rel_w * self.width_scale * rng.uniform(0.9, 1.1))
        pen = max(1.0, h * self.pen * rng.uniform(0.85, 1.15))
        k = 3  # draw 3x larger, then shrink: smooth stroke edges
        pad = pen + 2
        W, H = int(math.ceil((w + 2 * pad) * k)), int(math.ceil((h + 2 * pad) * k))
        img = Image.new("L", (W, H), 0)
        draw = ImageDraw.Draw(img)
        for stroke in strokes:
            pts = []
            off = (rng.gauss(0, self.wobble), rng.gauss(0, self.wobble))  # a stroke moves as a whole a little
            for x, y in stroke:
                jx, jy = off[0] + rng.gauss(0, self.wobble * 0.6), off[1] + rng.gauss(0, self.wobble * 0.6)
                pts.append(((pad + (x + jx) * w) * k, (pad + (y + jy) * h) * k))
            width = max(1, int(round(pen * k)))
            draw.line(pts, fill=255, width=width, joint="curve")
            r = width / 2.0  # round pen ends
            for px, py in (pts[0], pts[-1]):
                draw.ellipse((px - r, py - r, px + r, py + r), fill=255)
        img = img.resize((max(1, W // k), max(1, H // k)), Image.LANCZOS)
        top = top_ref + (height_ref - h) * rng.uniform(0.3, 0.7) - pad
        advance = w + h * self.gap
        return np.asarray(img), int(round(top)), advance, -pad
