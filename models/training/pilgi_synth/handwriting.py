"""Render a line of text as handwriting: an ink-coverage map (uint8, 255 = full ink).

A WriterStyle is sampled once per writer (per scan) so that one customer's fields look alike; each character then
gets its own jitter (size, rotation, baseline, spacing) and the whole line gets slant, stroke width, elastic warp
and uneven pen pressure.
"""
import functools
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage

from . import drawn_digits, jamo, pen, real_digits


class WriterStyle:
    def __init__(self, font_path, size, slant, spacing, jitter, stroke, elastic, pressure, baseline_tilt, writer="",
                 aspect=1.0, nib=None, mix=0.0, mix_fonts=(), digit_hand=None, pen=None, jamo_hand=None):
        self.font_path = font_path
        self.size = size              # nominal glyph em size in pixels
        self.slant = slant            # horizontal shear (x += slant * (y - baseline))
        self.spacing = spacing        # extra advance as a fraction of size
        self.jitter = jitter          # 0..1 scale of per-character randomness
        self.stroke = stroke          # <0 thinner, >0 thicker (pixels at render size)
        self.elastic = elastic        # 0..1 elastic distortion strength
        self.pressure = pressure      # 0..1 unevenness of ink
        self.baseline_tilt = baseline_tilt  # radians the whole line drifts
        self.writer = writer
        self.aspect = aspect          # horizontal scale of the whole line (narrow or wide hands)
        self.nib = nib                # None, or a structuring element: a flat pen nib widens strokes in one direction
        self.mix = mix                # chance that a character comes from another training font (novel hands)
        self.mix_fonts = mix_fonts    # font paths to mix from
        self.digit_hand = digit_hand  # None, or a DigitHand that draws the digits instead of the font
        self.pen = pen                # None, or a pen.PenStyle: the line is redrawn as a ballpoint monoline
        self.jamo_hand = jamo_hand    # None, or a jamo.JamoHand: syllables composed jamo by jamo

    def with_size(self, size):
        s = WriterStyle(**self.__dict__)
        s.size = size
        return s


def sample_style(rng, fonts, size, variety=False, drawn_digits_share=0.0, real_digits_share=0.0, digits_split="train",
                 pen_share=0.0, skeleton_fonts=(), jamo_share=0.0, jamo_crowding=0.0, jamo_small_finals=0.0,
                 touching_digits=0.0, sign_pens=0.0):
    """fonts: list of (writer, path); size: nominal em size in pixels.

    variety adds what the first recogniser lacked on unseen writers: narrow and wide hands, flat-nib and brush-like
    strokes, and lines whose characters mix several training fonts (a hand none of the fonts has).
    drawn_digits_share: the chance that this writer's digits are drawn stroke by stroke (drawn_digits.DigitHand).
    real_digits_share: the chance that this writer's digits are real people's (real_digits.RealDigitHand over the
    digits_split samples); taken before drawn digits. touching_digits: the chance that such a writer's digits touch.
    pen_share: the chance that this writer writes with a pen (pen.PenStyle): the glyphs' parts placed on their own and
    the line redrawn along its centre line. A pen writer may take its skeletons from skeleton_fonts too ((writer, path),
    printed fonts: redrawing removes the font's own shapes).
    jamo_share: the chance that this writer composes syllables jamo by jamo (jamo.JamoHand), borrowing some jamo from
    the other fonts (printed ones only for a pen writer, whose redrawing removes their shapes); jamo_crowding: the
    chance that such a writer presses the jamo together (jamo.Crowding); jamo_small_finals: that they write their
    finals small (jamo.SmallFinals). sign_pens: the chance that a pen writer, or a writer of real digits, writes with a
    felt-tip pen (pen.PenStyle.sample).
    """
    extra = {}
    if pen_share > 0 and rng.random() < pen_share:
        extra["pen"] = pen.PenStyle.sample(rng, sign_pens)
        writer, path = rng.choice(list(fonts) + list(skeleton_fonts) if skeleton_fonts and rng.random() < 0.35
                                  else fonts)
        writer = f"pen:{writer}"
    else:
        writer, path = rng.choice(fonts)
    if jamo_share > 0 and rng.random() < jamo_share:
        sources = [p for _, p in fonts] + ([p for _, p in skeleton_fonts] if "pen" in extra else [])
        extra["jamo_hand"] = jamo.JamoHand.sample(rng, path, sources, crowding=jamo_crowding,
                                                 small_finals=jamo_small_finals)
        writer = f"jamo:{writer}"
    if variety:
        extra["aspect"] = math.exp(rng.uniform(math.log(0.72), math.log(1.3)))
        if size > 30 and rng.random() < 0.35:
            extra["nib"] = _nib(rng, size)
        if rng.random() < 0.3:
            extra["mix"] = rng.uniform(0.15, 0.6)
            extra["mix_fonts"] = tuple(p for _, p in fonts if p != path)
    if real_digits_share > 0 and rng.random() < real_digits_share:
        extra["digit_hand"] = real_digits.RealDigitHand(rng, digits_split,
                                                        touching=touching_digits > 0 and rng.random() < touching_digits,
                                                        sign_pen=sign_pens)
    elif drawn_digits_share > 0 and rng.random() < drawn_digits_share:
        extra["digit_hand"] = drawn_digits.DigitHand(rng)
    return WriterStyle(
        font_path=path,
        size=size * rng.uniform(0.9, 1.1),
        slant=rng.uniform(-0.12, 0.28),
        spacing=rng.uniform(-0.06, 0.18),
        jitter=rng.uniform(0.2, 1.0),
        stroke=rng.choice([-1, 0, 0, 0, 1, 1, 2]) if size > 40 else rng.choice([0, 0, 0, 1]),
        elastic=rng.uniform(0.0, 1.0),
        pressure=rng.uniform(0.0, 0.7),
        baseline_tilt=math.radians(rng.uniform(-1.2, 1.2)),
        writer=writer,
        **extra,
    )


def _nib(rng, size):
    """A flat pen held at an angle: a short line segment (horizontal, vertical or diagonal) as a dilation footprint."""
    k = max(2, int(round(size * rng.uniform(0.04, 0.1))))
    shape = rng.choice(["h", "v", "d", "a"])
    if shape == "h":
        return np.ones((1, k), dtype=bool)
    if shape == "v":
        return np.ones((k, 1), dtype=bool)
    eye = np.eye(k, dtype=bool)
    return eye if shape == "d" else eye[::-1]


@functools.lru_cache(maxsize=512)
def _font(path, size):
    return ImageFont.truetype(path, size)


@functools.lru_cache(maxsize=8)
def _notdef_signature(path):
    f = _font(path, 48)
    return tuple(np.asarray(f.getmask("\uffff")).tolist()), f.getbbox("\uffff")


@functools.lru_cache(maxsize=200000)
def has_glyph(path, ch):
    if ch == " ":
        return True
    f = _font(path, 48)
    mask = f.getmask(ch)
    if mask.size[0] == 0 or mask.size[1] == 0:
        return False
    sig, bbox = _notdef_signature(path)
    return not (f.getbbox(ch) == bbox and tuple(np.asarray(mask).tolist()) == sig)


def supports(path, text):
    return all(has_glyph(path, c) for c in text)


@functools.lru_cache(maxsize=2048)
def _digit_metrics(path, size):
    """(top, height) of the font's own digits at this size: drawn digits sit where the font's would."""
    left, top, right, bottom = _font(path, size).getbbox("0")
    if bottom - top < size * 0.3:  # a font whose 0 is missing or tiny: a plausible figure height
        return int(size * 0.25), int(size * 0.7)
    return top, bottom - top


def _render_char(path, ch, size, angle_deg):
    f = _font(path, max(6, int(round(size))))
    left, top, right, bottom = f.getbbox(ch)
    w, h = max(1, right - left), max(1, bottom - top)
    pad = int(size * 0.15) + 2
    img = Image.new("L", (w + 2 * pad, h + 2 * pad), 0)
    ImageDraw.Draw(img).text((pad - left, pad - top), ch, font=f, fill=255)
    if abs(angle_deg) > 0.2:
        img = img.rotate(angle_deg, resample=Image.BILINEAR, expand=False)
    # (glyph, y of the glyph's top relative to the font's ascent line, advance)
    return np.asarray(img), top - pad, f.getlength(ch), -pad + left


def render_line(text, style, rng, gaps=None):
    """Returns (ink uint8 HxW, char_boxes) with the ink tight-cropped plus a small margin.

    gaps: {character index: extra space before it, as a fraction of the size} (the printed separators of a comb)."""
    size = style.size
    j = style.jitter
    ascent = int(size * 1.4)
    height = int(size * 2.2) + 8
    width = int(size * (len(text) + 2) * 1.4) + 16
    canvas = np.zeros((height, width), dtype=np.uint8)
    x = size * 0.3
    base_y = size * 0.3
    for i, ch in enumerate(text):
        if gaps and i in gaps:
            x += size * gaps[i]
        if ch == " ":
            x += size * rng.uniform(0.25, 0.5)
            continue
        s = size * (1 + j * rng.uniform(-0.08, 0.08))
        angle = j * rng.uniform(-5, 5)
        font_path = style.font_path
        if style.mix > 0 and rng.random() < style.mix:
            options = [p for p in style.mix_fonts if has_glyph(p, ch)]
            if options:
                font_path = rng.choice(options)
        if style.digit_hand is not None and style.digit_hand.draws(ch):
            top_ref, height_ref = _digit_metrics(style.font_path, max(6, int(round(s))))
            glyph, top, advance, xoff = style.digit_hand.render(ch, s, top_ref, height_ref, rng)
        elif style.jamo_hand is not None and style.jamo_hand.composes(ch, rng) and \
                (composed := jamo.render(style.jamo_hand, ch, s, rng)) is not None:
            glyph, top, advance, xoff = composed
        else:
            glyph, top, advance, xoff = _render_char(font_path, ch, s, angle)
            if style.pen is not None:
                glyph = pen.jitter_parts(glyph, style.pen, s, rng)
        y = int(round(base_y + top + j * rng.uniform(-0.05, 0.05) * size + math.tan(style.baseline_tilt) * x))
        xi = int(round(x + xoff + j * rng.uniform(-0.03, 0.03) * size))
        gh, gw = glyph.shape
        if y < 0:
            glyph = glyph[-y:]
            gh += y
            y = 0
        if xi < 0:
            glyph = glyph[:, -xi:]
            gw += xi
            xi = 0
        y1, x1 = min(height, y + gh), min(width, xi + gw)
        if y1 > y and x1 > xi:
            region = canvas[y:y1, xi:x1]
            np.maximum(region, glyph[: y1 - y, : x1 - xi], out=region)
        x += advance * (1 + j * rng.uniform(-0.06, 0.06)) + size * style.spacing
    del ascent
    ink = canvas.astype(np.float32)
    if abs(style.aspect - 1.0) > 0.02:
        ink = ndimage.zoom(ink, (1.0, style.aspect), order=1)
    ink = _shear(ink, style.slant)
    if style.elastic > 0.05:
        ink = _elastic(ink, size, style.elastic, rng)
    if style.pen is not None:
        ink = pen.redraw(ink > 100, style.pen, size, rng).astype(np.float32)
    elif style.nib is not None:
        ink = ndimage.grey_dilation(ink, footprint=style.nib)
    elif style.stroke > 0:
        ink = ndimage.grey_dilation(ink, size=(style.stroke + 1, style.stroke + 1))
    elif style.stroke < 0:
        ink = ndimage.grey_erosion(ink, size=(2, 2))
    if style.pressure > 0.05:
        ink *= _pressure_field(ink.shape, size, style.pressure, rng)
    ink = np.clip(ink, 0, 255).astype(np.uint8)
    return tight(ink, margin=2)


def _shear(ink, slant):
    if abs(slant) < 0.01:
        return ink
    h, w = ink.shape
    extra = int(abs(slant) * h) + 2
    out = np.zeros((h, w + extra), dtype=np.float32)
    # x_src = x_dst - slant * (h - y): the bottom stays put, the top leans
    yy, xx = np.mgrid[0:h, 0:w + extra].astype(np.float32)
    shift = slant * (h - yy)
    if slant < 0:
        shift = shift - slant * h
    src_x = xx - shift
    out = ndimage.map_coordinates(ink, [yy, src_x], order=1, cval=0.0)
    return out


def _elastic(ink, size, strength, rng):
    h, w = ink.shape
    sigma = max(2.0, size * 0.35)
    alpha = size * 0.06 * strength
    seed = rng.randrange(1 << 30)
    nrng = np.random.default_rng(seed)
    # smooth noise at low resolution, then upsample (much cheaper than filtering full size)
    f = max(1, int(sigma / 2))
    sh, sw = h // f + 2, w // f + 2
    dx = ndimage.gaussian_filter(nrng.standard_normal((sh, sw)).astype(np.float32), sigma / f)
    dy = ndimage.gaussian_filter(nrng.standard_normal((sh, sw)).astype(np.float32), sigma / f)
    dx = ndimage.zoom(dx, (h / sh, w / sw), order=1)[:h, :w]
    dy = ndimage.zoom(dy, (h / sh, w / sw), order=1)[:h, :w]
    norm = max(1e-6, float(np.abs(dx).max()), float(np.abs(dy).max()))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return ndimage.map_coordinates(ink, [yy + dy * alpha / norm, xx + dx * alpha / norm], order=1, cval=0.0)


def _pressure_field(shape, size, strength, rng):
    h, w = shape
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    cells_w = max(2, int(w / max(4, size * 0.5)))
    low = nrng.uniform(1 - strength, 1.0, size=(2, cells_w)).astype(np.float32)
    field = ndimage.zoom(low, (h / 2, w / cells_w), order=1)
    out = np.ones(shape, dtype=np.float32)
    out[: field.shape[0], : field.shape[1]] = field[:h, :w]
    return out


def tight(ink, margin=0, threshold=40):
    ys, xs = np.nonzero(ink > threshold)
    if len(ys) == 0:
        return ink[:1, :1] * 0
    y0, y1 = max(0, ys.min() - margin), min(ink.shape[0], ys.max() + 1 + margin)
    x0, x1 = max(0, xs.min() - margin), min(ink.shape[1], xs.max() + 1 + margin)
    return ink[y0:y1, x0:x1]


INK_COLOURS = [  # (R, G, B) ballpoint / gel pen colours
    (20, 20, 25), (35, 35, 40), (10, 25, 90), (25, 40, 120), (15, 30, 70), (50, 50, 60), (5, 5, 5), (30, 30, 110),
]


def ink_colour(rng):
    r, g, b = rng.choice(INK_COLOURS)
    d = rng.randrange(-10, 11)
    return (max(0, r + d), max(0, g + d), max(0, b + d))


def composite(page_rgb, ink, x, y, colour, opacity=1.0):
    """Multiply-blend ink onto an HxWx3 uint8 page at (x, y) in place; returns the ink's bounding box or None."""
    h, w = ink.shape
    H, W = page_rgb.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return None
    a = ink[y0 - y:y1 - y, x0 - x:x1 - x].astype(np.float32) / 255.0 * opacity
    region = page_rgb[y0:y1, x0:x1].astype(np.float32)
    col = np.array(colour, dtype=np.float32)
    region = region * (1 - a[..., None]) + np.minimum(region, col) * a[..., None]
    page_rgb[y0:y1, x0:x1] = region.astype(np.uint8)
    ys, xs = np.nonzero(ink[y0 - y:y1 - y, x0 - x:x1 - x] > 60)
    if len(ys) == 0:
        return None
    return (x0 + int(xs.min()), y0 + int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))
