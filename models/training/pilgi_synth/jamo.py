"""Hangul syllables composed from their jamo, each drawn from its own source and placed on its own.

A font draws every syllable as one designed shape: its jamo are sized, shaped and spaced to fit one another. A person
writes the initial, the vowel and the final one after another, each sized and placed by eye, the same jamo alike
across syllables and a little differently each time. A JamoHand (one per writer) decomposes a syllable
(초성/중성/종성), draws each jamo from the writer's font or now and then from another (the isolated compatibility
jamo U+3131-318E), squeezes it into the box the syllable's shape gives it (the vowel beside, below or around the
initial; the final underneath) with the writer's own proportions, and jitters box, size and angle per syllable.
"""
import functools
import math

import numpy as np
from PIL import Image, ImageDraw

from . import handwriting as hw

CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONGSEONG = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
             "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
# vowels written below the initial, and those written below and beside it (their two strokes placed apart)
HORIZONTAL = "ㅗㅛㅜㅠㅡ"
COMBINED = {"ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ"}
WIDE = "ㅐㅒㅔㅖ"  # two upright strokes: the vowel takes more of the width

# (x0, y0, x1, y1) of each part in the syllable's em box, by the vowel's shape and whether there is a final:
# "L" initial, "V" upright vowel, "H" flat vowel, "T" final.
LAYOUTS = {
    ("upright", False): {"L": (0.04, 0.12, 0.56, 0.88), "V": (0.54, 0.0, 0.96, 1.0)},
    ("upright", True): {"L": (0.06, 0.04, 0.54, 0.50), "V": (0.52, 0.0, 0.94, 0.60), "T": (0.14, 0.62, 0.86, 0.98)},
    ("flat", False): {"L": (0.18, 0.02, 0.82, 0.50), "H": (0.02, 0.50, 0.98, 0.92)},
    ("flat", True): {"L": (0.22, 0.0, 0.78, 0.34), "H": (0.04, 0.34, 0.96, 0.60), "T": (0.18, 0.64, 0.82, 0.98)},
    ("both", False): {"L": (0.04, 0.04, 0.56, 0.46), "H": (0.02, 0.46, 0.70, 0.86), "V": (0.64, 0.0, 0.96, 1.0)},
    ("both", True): {"L": (0.06, 0.02, 0.52, 0.32), "H": (0.02, 0.32, 0.64, 0.58), "V": (0.62, 0.0, 0.94, 0.62),
                     "T": (0.16, 0.64, 0.84, 0.98)},
}
MAX_STRETCH = 1.4  # a jamo is squeezed into its box, but not so far one way that its strokes thicken into blobs


def decompose(ch):
    """(initial, vowel, final or "") as compatibility jamo, or None for anything but a precomposed syllable."""
    code = ord(ch) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return CHOSEONG[code // 588], JUNGSEONG[(code % 588) // 28], JONGSEONG[code % 28]


def parts(ch):
    """[(part letter, jamo)] in writing order, and the layout's key; None for a non-syllable."""
    d = decompose(ch)
    if d is None:
        return None
    initial, vowel, final = d
    if vowel in COMBINED:
        flat, upright = COMBINED[vowel]
        shape, drawn = "both", [("L", initial), ("H", flat), ("V", upright)]
    elif vowel in HORIZONTAL:
        shape, drawn = "flat", [("L", initial), ("H", vowel)]
    else:
        shape, drawn = "upright", [("L", initial), ("V", vowel)]
    if final:
        drawn.append(("T", final))
    return drawn, (shape, bool(final)), vowel in WIDE


@functools.lru_cache(maxsize=20000)
def _jamo_ink(path, jamo, size):
    """The jamo's ink in this font at this size, cropped tight (uint8, 255 = ink); None when the font lacks it."""
    if not hw.has_glyph(path, jamo):
        return None
    f = hw._font(path, size)
    left, top, right, bottom = f.getbbox(jamo)
    if right - left < 1 or bottom - top < 1:
        return None
    img = Image.new("L", (right - left + 4, bottom - top + 4), 0)
    ImageDraw.Draw(img).text((2 - left, 2 - top), jamo, font=f, fill=255)
    ink = hw.tight(np.asarray(img))
    return ink if ink.size > 1 else None


class LoopHand:
    """How one writer draws ㅇ: not a font's clean circle but one quick loop, rounder or squarer, wider or taller,
    tilted, its end stopping short of where it began or running on past it."""

    def __init__(self, share, squareness, aspect, tilt, gap, overrun, width):
        self.share = share            # chance that an ㅇ is drawn this way (else the font's)
        self.squareness = squareness  # superellipse exponent: 2 a circle, 3 a rounded square (no squarer: that is ㅁ)
        self.aspect = aspect          # width over height
        self.tilt = tilt              # degrees
        self.gap = gap                # share of the loop left open at its end
        self.overrun = overrun        # share of the loop drawn again past its start
        self.width = width            # stroke width, share of the em

    @staticmethod
    def sample(rng):
        return LoopHand(share=rng.uniform(0.3, 1.0), squareness=rng.uniform(2.0, 3.0),
                        aspect=math.exp(rng.uniform(math.log(0.8), math.log(1.25))), tilt=rng.uniform(-20, 20),
                        gap=max(0.0, rng.uniform(-0.05, 0.12)), overrun=max(0.0, rng.uniform(-0.05, 0.15)),
                        width=rng.uniform(0.06, 0.11))

    def draw(self, em, rng):
        """The loop's ink (uint8, 255 = ink), cropped tight."""
        size = max(16, em)
        start = math.radians(rng.uniform(-120, -60))  # people start an ㅇ near its top
        sweep = 2 * math.pi * (1 - self.gap * rng.uniform(0.5, 1.5) + self.overrun * rng.uniform(0.5, 1.5))
        steps = 64
        n = self.squareness * rng.uniform(0.9, 1.1)
        a, b = 0.4 * size * math.sqrt(self.aspect), 0.4 * size / math.sqrt(self.aspect)
        tilt = math.radians(self.tilt + rng.uniform(-5, 5))
        wobble = [rng.gauss(0, 0.04) for _ in range(4)]
        pts = []
        for k in range(steps + 1):
            t = start + sweep * k / steps
            c, s_ = math.cos(t), math.sin(t)
            r = 1 + wobble[0] * math.sin(2 * t) + wobble[1] * math.cos(3 * t) + (wobble[2] + wobble[3]) * k / steps
            x = a * r * math.copysign(abs(c) ** (2 / n), c)
            y = b * r * math.copysign(abs(s_) ** (2 / n), s_)
            pts.append((size / 2 + x * math.cos(tilt) - y * math.sin(tilt),
                        size / 2 + x * math.sin(tilt) + y * math.cos(tilt)))
        img = Image.new("L", (size, size), 0)
        ImageDraw.Draw(img).line(pts, fill=255, width=max(1, int(round(size * self.width))), joint="curve")
        ink = hw.tight(np.asarray(img))
        return ink if ink.size > 1 else None


class Crowding:
    """How a writer presses a syllable's jamo together: real hands leave no gap between the parts, so a final's top
    stroke touches the flat vowel above it (들 read as 둘), an initial runs into the vowel beside it (나 read as 4),
    and a syllable of three rows is written narrower than it is tall."""

    def __init__(self, vertical, horizontal, narrow):
        self.vertical = vertical      # share of the em by which stacked parts close up (overlapping at the top)
        self.horizontal = horizontal  # share of the em by which the initial and the upright vowel close up
        self.narrow = narrow          # width of a syllable with a final or a flat vowel, as a share of the em

    @staticmethod
    def sample(rng):
        return Crowding(vertical=rng.uniform(0.0, 0.14), horizontal=rng.uniform(0.0, 0.12),
                        narrow=rng.uniform(0.72, 1.0))

    def press(self, letter, key, box):
        """The part's box (x0, y0, x1, y1) in the em, pressed towards its neighbours."""
        shape, final = key
        x0, y0, x1, y1 = box
        v, h = self.vertical, self.horizontal
        if letter == "L":
            y1 += v * (0.6 if shape != "upright" else 0.0)
            x1 += h if shape != "flat" else 0.0
        elif letter == "H":
            y0, y1 = y0 - 0.3 * v, y1 - (0.5 * v if final else 0.0)
        elif letter == "V":
            x0 -= h
            y1 += 0.5 * v if final else 0.0
        elif letter == "T":
            y0, y1 = y0 - v, y1 - 0.4 * v
        if final or shape != "upright":
            x0, x1 = 0.5 + (x0 - 0.5) * self.narrow, 0.5 + (x1 - 0.5) * self.narrow
        return x0, y0, x1, y1


class SmallFinals:
    """How a writer writes a syllable's final consonant small: a quick ㅇ or ㄴ tucked under the initial and vowel
    rather than spread across the syllable's width (real writers' 상 read as 삼, 정 as 점: our finals were as wide
    as the syllable)."""

    def __init__(self, scale, offset, lift):
        self.scale = scale    # the final's box, as a share of the usual one (both ways)
        self.offset = offset  # where its centre sits across the em, from the middle (negative: under the initial)
        self.lift = lift      # share of the freed height by which it rises towards the parts above

    @staticmethod
    def sample(rng):
        return SmallFinals(scale=rng.uniform(0.45, 0.8), offset=rng.uniform(-0.14, 0.04), lift=rng.uniform(0.3, 1.0))

    def shrink(self, box, rng):
        """The final's box (x0, y0, x1, y1) in the em, made small."""
        x0, y0, x1, y1 = box
        s = self.scale * rng.uniform(0.9, 1.1)
        w, h = (x1 - x0) * s, (y1 - y0) * min(1.0, s * 1.3)
        cx = (x0 + x1) / 2 + self.offset + rng.gauss(0, 0.03)
        top = y0 + (1 - self.lift) * ((y1 - y0) - h)
        return cx - w / 2, top, cx + w / 2, top + h


class JamoHand:
    def __init__(self, share, main_path, sources, borrow, layout_shift, size_jitter, angle_jitter, place_jitter,
                 loops=None, crowding=None, small_finals=None):
        self.share = share                # chance that a syllable is composed (else the font's own syllable)
        self.main_path = main_path        # the writer's font
        self.sources = sources            # font paths a jamo may be borrowed from
        self.borrow = borrow              # chance that a jamo comes from another source than the writer's font
        self.layout_shift = layout_shift  # the writer's own proportions: part letter -> (dx0, dy0, dx1, dy1)
        self.size_jitter = size_jitter    # per jamo, share of its box it may shrink by
        self.angle_jitter = angle_jitter  # per jamo, degrees
        self.place_jitter = place_jitter  # per jamo, share of the em it may move by
        self.loops = loops                # None, or a LoopHand: this writer's own ㅇ
        self.crowding = crowding          # None, or a Crowding: this writer's jamo pressed together
        self.small_finals = small_finals  # None, or a SmallFinals: this writer's finals written small

    @staticmethod
    def sample(rng, main_path, sources, crowding=0.0, small_finals=0.0):
        """crowding: the chance that this writer presses the jamo together (Crowding); small_finals: that they write
        their finals small (SmallFinals). 0 draws nothing for either, so recipes without them render as before."""
        spread = rng.uniform(0.0, 0.05)
        shift = {p: tuple(rng.gauss(0, spread) for _ in range(4)) for p in "LVHT"}
        hand = JamoHand(share=rng.uniform(0.5, 1.0), main_path=main_path, sources=tuple(sources),
                        borrow=rng.uniform(0.0, 0.4), layout_shift=shift, size_jitter=rng.uniform(0.0, 0.2),
                        angle_jitter=rng.uniform(0.0, 6.0), place_jitter=rng.uniform(0.0, 0.04),
                        loops=LoopHand.sample(rng) if rng.random() < 0.7 else None)
        if crowding > 0 and rng.random() < crowding:
            hand.crowding = Crowding.sample(rng)
        if small_finals > 0 and rng.random() < small_finals:
            hand.small_finals = SmallFinals.sample(rng)
        return hand

    def composes(self, ch, rng):
        return decompose(ch) is not None and rng.random() < self.share

    def compose(self, ch, em, rng):
        """The syllable drawn into an em x em box (uint8, 255 = ink), or None when no source has its jamo."""
        drawn, key, wide = parts(ch)
        layout = LAYOUTS[key]
        canvas = np.zeros((em, em), dtype=np.uint8)
        for letter, jamo in drawn:
            ink = self._jamo(jamo, em, rng)
            if ink is None:
                return None
            x0, y0, x1, y1 = layout[letter]
            if wide and letter in "LV":  # two upright strokes need more room
                x0, x1 = (x0, x1 - 0.06) if letter == "L" else (x0 - 0.08, x1)
            if self.crowding is not None:
                x0, y0, x1, y1 = self.crowding.press(letter, key, (x0, y0, x1, y1))
            if letter == "T" and self.small_finals is not None:
                x0, y0, x1, y1 = self.small_finals.shrink((x0, y0, x1, y1), rng)
            d = self.layout_shift[letter]
            x0, y0, x1, y1 = x0 + d[0], y0 + d[1], x1 + d[2], y1 + d[3]
            j = self.place_jitter
            dx, dy = rng.gauss(0, j), rng.gauss(0, j)
            shrink = 1 - rng.uniform(0, self.size_jitter)
            box_w, box_h = max(0.08, (x1 - x0) * shrink), max(0.08, (y1 - y0) * shrink)
            cx, cy = (x0 + x1) / 2 + dx, (y0 + y1) / 2 + dy
            _paste(canvas, _fit(ink, box_w * em, box_h * em, rng.gauss(0, self.angle_jitter)), cx * em, cy * em)
        return canvas

    def _jamo(self, jamo, em, rng):
        if jamo == "ㅇ" and self.loops is not None and rng.random() < self.loops.share:
            loop = self.loops.draw(em, rng)
            if loop is not None:
                return loop
        paths = [self.main_path]
        if self.sources and rng.random() < self.borrow:
            paths.insert(0, rng.choice(self.sources))
        for path in paths:
            ink = _jamo_ink(path, jamo, max(8, int(round(em))))
            if ink is not None:
                return ink
        return None


def _fit(ink, box_w, box_h, angle):
    h, w = ink.shape
    sx, sy = box_w / w, box_h / h
    sx, sy = min(sx, sy * MAX_STRETCH), min(sy, sx * MAX_STRETCH)
    nw, nh = max(1, int(round(w * sx))), max(1, int(round(h * sy)))
    img = Image.fromarray(ink).resize((nw, nh), Image.BILINEAR)
    if abs(angle) > 0.3:
        img = img.rotate(angle, resample=Image.BILINEAR, expand=True)
    return np.asarray(img)


def _paste(canvas, ink, cx, cy):
    h, w = ink.shape
    y, x = int(round(cy - h / 2)), int(round(cx - w / 2))
    H, W = canvas.shape
    ys, xs = max(0, y), max(0, x)
    ye, xe = min(H, y + h), min(W, x + w)
    if ye <= ys or xe <= xs:
        return
    region = canvas[ys:ye, xs:xe]
    np.maximum(region, ink[ys - y:ye - y, xs - x:xe - x], out=region)


def placement(path, size):
    """(em box size, top, left) where a composed syllable sits in this font at this size: over the font's own 한."""
    left, top, right, bottom = hw._font(path, size).getbbox("한")
    return max(8, int(round(max(right - left, bottom - top)))), top, left


def render(hand, ch, size, rng):
    """(glyph, top, advance, xoff) as handwriting._render_char returns them, or None when ch is not composed."""
    s = max(6, int(round(size)))
    em, top, left = placement(hand.main_path, s)
    glyph = hand.compose(ch, em, rng)
    if glyph is None:
        return None
    pad = int(size * 0.15) + 2
    out = np.zeros((em + 2 * pad, em + 2 * pad), dtype=np.uint8)
    out[pad:pad + em, pad:pad + em] = glyph
    advance = hw._font(hand.main_path, s).getlength(ch)
    return out, top - pad, max(advance, em * 0.9), left - pad
