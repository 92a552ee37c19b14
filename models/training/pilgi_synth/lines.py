"""Recogniser training lines: a text, rendered by one writer, cropped the way the pipeline crops a detected region."""
import io
import math
import random

import numpy as np
from PIL import Image, ImageFilter

from . import charset, fonts, handwriting as hw, values

LINE_HEIGHT = 32

KIND_WEIGHTS = {"name": 14, "rrn": 8, "date": 9, "phone": 9, "account": 9, "amount": 10, "amount_hangul": 8,
                "bank": 7, "address": 10, "text": 10}


COMB_KINDS = ("rrn", "account", "phone", "date", "amount")


def cheque_amount(rng):
    """An amount as people write it in a cheque's amount box: any digits, dots or commas between thousands (or none),
    sometimes a currency sign before or a closing dash after."""
    value = rng.choice([rng.randrange(1, 1000), rng.randrange(1000, 100000), rng.randrange(1, 10000) * 1000,
                        rng.randrange(100000, 100000000)])
    sep = rng.choice([",", ".", "", ","])
    t = f"{value:,}".replace(",", sep)
    if rng.random() < 0.15:
        t = "₩" + t
    if rng.random() < 0.12:
        t += rng.choice(["-", ".-", "원"])
    return t


def place_word(rng):
    """One word of an address (a province, city, district, road or building name), as a word crop shows it."""
    words = [w for w in values.value_for("address", rng).replace(",", " ").split()
             if any("\uac00" <= c <= "\ud7a3" for c in w)]
    return rng.choice(words)


def sample_text(rng, combs=0.0, cheques=0.0, kinds=None):
    """A line's text, and whether it is written into a comb of per-digit cells (digits only, see comb_layout).
    kinds: only values of these kinds (KIND_WEIGHTS' names, "place": one word of an address, or "cheque")."""
    if (cheques > 0 and rng.random() < cheques) or kinds == ("cheque",):
        return cheque_amount(rng), False
    r = 0.0 if kinds else rng.random()
    if r < 0.62:
        if kinds and "place" in kinds and rng.random() < 1 / len(kinds):
            return place_word(rng), False
        pool = [k for k in KIND_WEIGHTS if not kinds or k in kinds]
        kind = rng.choices(pool, weights=[KIND_WEIGHTS[k] for k in pool])[0]
        hints = {}
        if kind == "amount_hangul":
            hints["wrapped"] = rng.random() < 0.6
        if kind == "name" and rng.random() < 0.08:
            hints["latin"] = True
        if kind == "account":
            hints["hyphens"] = rng.random() < 0.8
        t = values.value_for(kind, rng, **hints)
        if combs > 0:
            if kind in COMB_KINDS and rng.random() < combs:
                return t, True
            if kind == "rrn" and rng.random() < 0.25:
                t = t.replace("-", "")  # many write it without the hyphen
        if kind == "address" and len(t) > 14 and rng.random() < 0.5:
            # long addresses are often split over the field; also keeps lines short for training speed
            words = t.split(" ")
            k = rng.randrange(1, len(words))
            t = " ".join(words[:k]) if rng.random() < 0.5 else " ".join(words[k:])
        return t, False
    if r < 0.86:
        n = rng.randrange(1, 9)
        t = "".join(rng.choice(charset.HANGUL) for _ in range(n))
        if n > 3 and rng.random() < 0.3:
            k = rng.randrange(1, n)
            t = t[:k] + " " + t[k:]
        return t, False
    pool = charset.DIGITS * 4 + charset.LATIN + charset.PUNCTUATION
    n = rng.randrange(1, 12)
    t = "".join(rng.choice(pool) for _ in range(n)).strip()
    return t or "0", False


def comb_layout(value, rng):
    """A value as written into a comb of cells (one digit a cell, the form printing the separators between groups):
    the digits alone, and the extra space before each group's first digit where a printed '-' or a wider gap sat."""
    groups = [g for g in "".join(c if c.isdigit() else " " for c in value).split() if g]
    text, gaps = "", {}
    for g in groups:
        if text:
            gaps[len(text)] = rng.uniform(0.3, 1.3)
        text += g
    return text, gaps


class LineRenderer:
    def __init__(self, writers, printed_share=0.15, seed=0, variety=False, drawn_digits_share=0.0, combs=0.0,
                 pen_share=0.0, real_digits_share=0.0, digits_split="train", cheques=0.0, binarised=0.0,
                 printed_skeletons=True, kinds=None, backgrounds=0.0, jamo_share=0.0, box_scaled=0.0,
                 jamo_crowding=0.0, jamo_small_finals=0.0, touching_digits=0.0, sign_pens=0.0, light_ink=0.0):
        """light_ink: lines written in ink lighter than the usual grey 0-110 (110-170: a blue ballpoint scanned grey, a
        worn pen); sign_pens: pen writers and real-digit writers who write with a felt-tip pen (pen.PenStyle.sample);
        touching_digits: real-digit writers whose digits touch their neighbours (real_digits.RealDigitHand);
        pen_share: writers who write with a pen (their glyphs' skeletons, printed fonts' too, redrawn);
        real_digits_share: writers whose digits are real people's (MNIST samples of digits_split);
        cheques: lines that are cheque amounts; binarised: crops thresholded to black and white, as some systems
        send them; backgrounds: crops on a printed security ground (cheques); jamo_share: writers who compose syllables jamo by
        jamo (jamo.JamoHand), jamo_crowding of them pressing the jamo together (jamo.Crowding), jamo_small_finals of them writing their finals small (jamo.SmallFinals); box_scaled: lines scaled to the model's height by area averaging (as the pipeline scales
        its crops) instead of Pillow's bilinear filter; printed_skeletons: pen writers may redraw printed fonts' skeletons (never for held-out writers)."""
        self.hand_fonts = fonts.writer_fonts(writers)
        self.printed = [("printed", p) for p in fonts.existing(fonts.PRINTED)]
        self.printed_share = printed_share
        self.variety = variety
        self.drawn_digits_share = drawn_digits_share
        self.combs = combs
        self.pen_share = pen_share
        self.real_digits_share = real_digits_share
        self.digits_split = digits_split
        self.cheques = cheques
        self.binarised = binarised
        self.backgrounds = backgrounds
        self.kinds = tuple(kinds) if kinds else None
        self.jamo_share = jamo_share
        self.jamo_crowding = jamo_crowding
        self.jamo_small_finals = jamo_small_finals
        self.box_scaled = box_scaled
        self.touching_digits = touching_digits
        self.sign_pens = sign_pens
        self.light_ink = light_ink
        self.native_size = False  # True: crops at the size they were written (labelled sets), not the model's height
        self.skeleton_fonts = self.printed if printed_skeletons else []
        self.rng = random.Random(seed)

    def _style(self, text):
        rng = self.rng
        size = rng.uniform(26, 60)
        for _ in range(8):
            if self.printed and rng.random() < self.printed_share:
                style = hw.sample_style(rng, self.printed, size)
                style.jitter *= 0.3
                style.elastic *= 0.3
            else:
                style = hw.sample_style(rng, self.hand_fonts, size, variety=self.variety,
                                        drawn_digits_share=self.drawn_digits_share,
                                        real_digits_share=self.real_digits_share, digits_split=self.digits_split,
                                        pen_share=self.pen_share,
                                        skeleton_fonts=self.skeleton_fonts, jamo_share=self.jamo_share,
                                        jamo_crowding=self.jamo_crowding,
                                        jamo_small_finals=self.jamo_small_finals,
                                        touching_digits=self.touching_digits, sign_pens=self.sign_pens)
            if hw.supports(style.font_path, text):
                return style
        return None

    def sample(self, text=None):
        """Returns (uint8 image of height 32, text, writer) or None when no font covers the text."""
        rng = self.rng
        comb, gaps = False, None
        if text is None:
            text, comb = sample_text(rng, self.combs, self.cheques, self.kinds)
        if comb:
            text, gaps = comb_layout(text, rng)
        if not charset.covered(text):
            return None
        style = self._style(text)
        if style is None:
            return None
        if comb:
            style.spacing = rng.uniform(0.3, 0.9)  # one digit a cell: far apart
        ink = hw.render_line(text, style, rng, gaps)
        if ink.shape[0] < 4 or ink.shape[1] < 2:
            return None
        return self._photograph(ink, rng), text, style.writer

    def _photograph(self, ink, rng):
        h, w = ink.shape
        # margins as the detector leaves them: a few percent of the height, uneven
        mt, mb = int(h * rng.uniform(0.0, 0.15)), int(h * rng.uniform(0.0, 0.15))
        ml, mr = int(h * rng.uniform(0.0, 0.2)), int(h * rng.uniform(0.0, 0.2))
        H, W = h + mt + mb, w + ml + mr
        paper = rng.uniform(215, 255)
        img = np.full((H, W), paper, dtype=np.float32)
        img += np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(0, 6), (H, W))
        self._distractors(img, ml, mt, w, h, rng)
        if self.backgrounds > 0 and rng.random() < self.backgrounds:
            self._security_background(img, rng)
        # no draw for light ink unless asked: every earlier recipe renders the same lines
        light = self.light_ink > 0 and rng.random() < self.light_ink
        ink_level = rng.uniform(110, 170) if light else rng.uniform(0, 110)
        a = np.zeros((H, W), dtype=np.float32)
        a[mt:mt + h, ml:ml + w] = ink.astype(np.float32) / 255.0
        img = img * (1 - a) + ink_level * a
        if rng.random() < 0.25:
            self._erase_stripes(img, paper, rng)
        out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
        if rng.random() < 0.35:
            out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.4) * h / 50))
        if rng.random() < 0.3:
            buf = io.BytesIO()
            out.save(buf, "JPEG", quality=rng.randrange(25, 90))
            out = Image.open(io.BytesIO(buf.getvalue())).convert("L")
        if self.binarised > 0 and rng.random() < self.binarised:
            # thresholded at the scan's resolution, as a capture system does, before the crop is scaled
            g = np.asarray(out, dtype=np.float32)
            cut = (float(np.percentile(g, 1)) + float(np.median(g))) / 2
            out = Image.fromarray(np.where(g < cut, 0, 255).astype(np.uint8))
        if self.native_size:
            line = np.asarray(out, dtype=np.uint8)
        else:
            nw = max(4, int(round(W * LINE_HEIGHT / H)))
            # the pipeline scales crops by area averaging (Image.BOX); Pillow's bilinear blurs thin strokes a little more
            resample = Image.BOX if self.box_scaled > 0 and rng.random() < self.box_scaled else Image.BILINEAR
            line = np.asarray(out.resize((nw, LINE_HEIGHT), resample), dtype=np.uint8)
        return line

    @staticmethod
    def _distractors(img, ml, mt, w, h, rng):
        H, W = img.shape
        level = rng.uniform(60, 180)
        if rng.random() < 0.12:  # faint residue of a printed rule left by imperfect subtraction
            y = rng.choice([rng.randrange(0, max(1, mt + 2)), rng.randrange(min(H - 1, mt + h - 2), H)])
            t = rng.randrange(1, 3)
            img[y:y + t, :] = np.minimum(img[y:y + t, :], level)
        if rng.random() < 0.08:
            x = rng.randrange(0, W)
            t = rng.randrange(1, 3)
            img[:, x:x + t] = np.minimum(img[:, x:x + t], level)

    @staticmethod
    def _security_background(img, rng):
        """A cheque's or voucher's printed ground under the writing: guilloche waves, a tint gradient or fine dots."""
        H, W = img.shape
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        kind = rng.choice(["waves", "waves", "gradient", "dots"])
        if kind == "waves":
            period = rng.uniform(4, 14) * H / 50
            theta = rng.uniform(0, math.pi)
            wobble = rng.uniform(0, 3)
            phase = (xx * math.cos(theta) + yy * math.sin(theta)) / period
            phase += wobble * np.sin(2 * math.pi * xx / (period * rng.uniform(4, 12)))
            lines_ = np.abs(np.sin(math.pi * phase)) < rng.uniform(0.1, 0.35)
            img[lines_] -= rng.uniform(15, 70)
        elif kind == "gradient":
            ramp = np.linspace(0, 1, W, dtype=np.float32)[None, :] if rng.random() < 0.5 else \
                np.linspace(0, 1, H, dtype=np.float32)[:, None]
            img -= rng.uniform(20, 70) * (ramp if rng.random() < 0.5 else 1 - ramp)
        else:
            nrng = np.random.default_rng(rng.randrange(1 << 30))
            img[nrng.random((H, W)) < rng.uniform(0.02, 0.1)] -= rng.uniform(40, 100)

    @staticmethod
    def _erase_stripes(img, paper, rng):
        # the pipeline whitens the printed form under the handwriting, cutting strokes along rules and cell borders
        H, W = img.shape
        for _ in range(rng.randrange(1, 4)):
            t = rng.randrange(1, max(2, H // 25 + 2))
            if rng.random() < 0.5:
                y = rng.randrange(0, H)
                img[y:y + t, :] = paper
            else:
                x = rng.randrange(0, W)
                img[:, x:x + t] = paper


def pack(samples):
    """samples: list of (img, text, writer) -> dict of arrays for np.savez."""
    widths = np.array([s[0].shape[1] for s in samples], dtype=np.int32)
    flat = np.concatenate([s[0].reshape(-1) for s in samples]) if samples else np.zeros(0, np.uint8)
    return {"pixels": flat, "widths": widths, "texts": np.array([s[1] for s in samples]),
            "writers": np.array([s[2] for s in samples])}


def unpack(npz):
    pixels, widths = npz["pixels"], npz["widths"]
    out, o = [], 0
    for w in widths:
        n = int(w) * LINE_HEIGHT
        out.append(pixels[o:o + n].reshape(LINE_HEIGHT, int(w)))
        o += n
    return out, [str(t) for t in npz["texts"]], [str(t) for t in npz["writers"]]
