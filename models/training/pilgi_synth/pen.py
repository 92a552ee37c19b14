"""Redraw ink as a ballpoint would: a thin monoline of slowly varying width along the shape's centre line.

A font's glyph is a filled outline (thick, marker-like, regular); real pen writing at 300 dpi is a 2-5 px line whose
strokes overshoot or stop short of where they meet and are often joined on the way to the next. redraw() reduces any
ink mask to its skeleton (so the font's own stroke shapes go), lengthens or shortens some stroke ends, joins some
nearby ends with a connecting stroke, and draws the result with a pen whose width varies with pressure.
"""
import math

import numpy as np
from scipy import ndimage
from skimage.morphology import skeletonize

_NEIGHBOURS = np.array([[1, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=np.uint8)


class PenStyle:
    def __init__(self, width, pressure, overshoot, joins, jamo_jitter, shorten):
        self.width = width                # pen width as a share of the em size
        self.pressure = pressure          # 0..1 how much the width varies along the line
        self.overshoot = overshoot        # longest extension of a stroke end, share of the em size
        self.joins = joins                # chance that two nearby stroke ends are joined by a connecting stroke
        self.jamo_jitter = jamo_jitter    # each connected part of a glyph moved on its own, share of the em size
        self.shorten = shorten            # chance that a stroke end stops short

    @staticmethod
    def sample(rng, sign_pen=0.0):
        """sign_pen: the chance of a felt-tip (sign) pen, whose line is thicker (0.095-0.17 of the em size, where a
        ballpoint's is 0.03-0.095) and even; real people's words written so read far worse than the same words written
        thin (real words of writers 0-4, their ink grown by 2 px: 0.548 → 0.435 read right)."""
        if sign_pen > 0 and rng.random() < sign_pen:
            width, pressure = math.exp(rng.uniform(math.log(0.095), math.log(0.17))), rng.uniform(0.0, 0.25)
        else:
            width, pressure = math.exp(rng.uniform(math.log(0.03), math.log(0.095))), rng.uniform(0.0, 0.6)
        return PenStyle(width=width, pressure=pressure,
                        overshoot=rng.uniform(0.0, 0.12),
                        joins=rng.uniform(0.0, 0.3),
                        jamo_jitter=rng.uniform(0.0, 0.06),
                        shorten=rng.uniform(0.0, 0.3))


def endpoints(skel):
    n = ndimage.convolve(skel.astype(np.uint8), _NEIGHBOURS, mode="constant")
    ys, xs = np.nonzero(skel & (n == 1))
    return list(zip(ys.tolist(), xs.tolist()))


def _line(canvas, y0, x0, y1, x1):
    n = int(max(abs(y1 - y0), abs(x1 - x0))) + 1
    ys = np.clip(np.round(np.linspace(y0, y1, n)).astype(int), 0, canvas.shape[0] - 1)
    xs = np.clip(np.round(np.linspace(x0, x1, n)).astype(int), 0, canvas.shape[1] - 1)
    canvas[ys, xs] = True


def _direction(skel, y, x, reach):
    """Unit vector pointing out of the stroke at the end (y, x): from the stroke's nearby pixels to the end."""
    y0, y1 = max(0, y - reach), min(skel.shape[0], y + reach + 1)
    x0, x1 = max(0, x - reach), min(skel.shape[1], x + reach + 1)
    ys, xs = np.nonzero(skel[y0:y1, x0:x1])
    if len(ys) < 2:
        return None
    dy, dx = y - (ys.mean() + y0), x - (xs.mean() + x0)
    n = math.hypot(dy, dx)
    return None if n < 0.5 else (dy / n, dx / n)


def redraw(mask, style, size, rng):
    """mask: bool HxW ink; size: the em size in pixels. Returns uint8 ink (255 = full) of the same shape, with a margin
    grown where strokes were lengthened past the edge clipped."""
    skel = skeletonize(mask)
    if not skel.any():
        return (mask * 255).astype(np.uint8)
    H, W = skel.shape
    ends = endpoints(skel)
    reach = max(3, int(size * 0.08))
    out = skel.copy()
    for y, x in ends:
        r = rng.random()
        if r < style.shorten:  # stops short: lift the pen a little before the end
            cut = max(1, int(size * rng.uniform(0.02, 0.06)))
            out[max(0, y - cut):y + cut + 1, max(0, x - cut):x + cut + 1] &= ~_disk_mask(cut, y, x, H, W)
        elif style.overshoot > 0 and r < style.shorten + 0.5:
            d = _direction(skel, y, x, reach)
            if d is not None:
                length = size * style.overshoot * rng.random()
                _line(out, y, x, y + d[0] * length, x + d[1] * length)
    if style.joins > 0 and len(ends) > 1:
        pts = np.array(ends, dtype=np.float32)
        order = np.argsort(pts[:, 1])
        for a, b in zip(order[:-1], order[1:]):
            (ya, xa), (yb, xb) = pts[a], pts[b]
            if math.hypot(ya - yb, xa - xb) < size * 0.35 and rng.random() < style.joins:
                _line(out, ya, xa, yb, xb)
    dist = ndimage.distance_transform_edt(~out)
    radius = max(0.45, size * style.width / 2)
    if style.pressure > 0:
        cells = max(2, int(W / max(4, size * 0.4)))
        low = np.asarray([[rng.uniform(1 - style.pressure, 1 + style.pressure * 0.5) for _ in range(cells)]
                          for _ in range(2)], dtype=np.float32)
        field = ndimage.zoom(low, (H / 2, W / cells), order=1)
        r = np.full((H, W), radius, dtype=np.float32)
        r[: field.shape[0], : field.shape[1]] = radius * field[:H, :W]
    else:
        r = radius
    ink = np.clip(r - dist + 0.5, 0.0, 1.0)
    return (ink * 255).astype(np.uint8)


def _disk_mask(r, y, x, H, W):
    y0, x0 = max(0, y - r), max(0, x - r)
    yy, xx = np.mgrid[y0:min(H, y + r + 1), x0:min(W, x + r + 1)]
    return (yy - y) ** 2 + (xx - x) ** 2 <= r * r


def jitter_parts(glyph, style, size, rng):
    """Move each connected part of a glyph (a jamo, a detached stroke) on its own: parts sized and placed apart."""
    if style.jamo_jitter <= 0:
        return glyph
    labels, n = ndimage.label(glyph > 60)
    if n < 2:
        return glyph
    pad = int(size * style.jamo_jitter * 2) + 1
    H, W = glyph.shape
    out = np.zeros((H + 2 * pad, W + 2 * pad), dtype=np.uint8)
    for i, sl in enumerate(ndimage.find_objects(labels), 1):
        part = np.where(labels[sl] == i, glyph[sl], 0)
        dy = int(round(np.clip(rng.gauss(0, size * style.jamo_jitter), -pad, pad)))
        dx = int(round(np.clip(rng.gauss(0, size * style.jamo_jitter), -pad, pad)))
        y0, x0 = sl[0].start + pad + dy, sl[1].start + pad + dx
        region = out[y0:y0 + part.shape[0], x0:x0 + part.shape[1]]
        np.maximum(region, part, out=region)
    return out[pad:pad + H, pad:pad + W]
