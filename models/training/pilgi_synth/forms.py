"""Fill a registered layout with one customer's handwriting, stamp a seal now and then, scan it, and label it.

make_sample(layout_name, stem, rng, writer_fonts) -> (Scan, label dict). Label boxes are the tight boxes (ink
coverage > 60/255) of each handwritten value and each printed string, pushed through the scanner's affine matrix.
"""
import functools
import os
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from . import charset, handwriting as hw, layouts, scanner, values

INK_THRESHOLD = 60
BLANK_RATE = 0.05
SEAL_RATE = 0.30
MAX_RENDER_EM = 96
SEAL_FONTS = ["/usr/share/fonts/truetype/unfonts-core/UnGungseo.ttf",
              "/usr/share/fonts/truetype/nanum/NanumMyeongjoBold.ttf",
              "/usr/share/fonts/truetype/unfonts-core/UnBatangBold.ttf",
              "/usr/share/fonts/truetype/nanum/NanumMyeongjoExtraBold.ttf"]


def _has_hangul(text):
    return any("\uac00" <= c <= "\ud7a3" for c in text)


@functools.lru_cache(maxsize=64)
def _metrics(font_path):
    """Ink height per em of Hangul and of digits, from a plain rendering at em 100."""
    st = hw.WriterStyle(font_path, 100, 0, 0, 0, 0, 0, 0, 0)
    r = random.Random(0)
    out = {}
    for k, s in (("hangul", "한국은행필기"), ("digit", "0123456789")):
        ink = hw.render_line(s, st, r)
        ys = np.nonzero((ink > INK_THRESHOLD).any(axis=1))[0]
        out[k] = max(0.3, (ys.max() - ys.min() + 1) / 100.0)
    return out


def _est_width(style, text, em):
    f = hw._font(style.font_path, 100)
    n = len(text)
    return f.getlength(text) * em / 100.0 + style.spacing * em * n + abs(style.slant) * em * 1.1


def _ink_box(ink):
    m = ink > INK_THRESHOLD
    rows, cols = np.nonzero(m.any(axis=1))[0], np.nonzero(m.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _shrink(ink, f):
    h, w = ink.shape
    nw, nh = max(1, int(round(w * f))), max(1, int(round(h * f)))
    return np.asarray(Image.fromarray(ink).resize((nw, nh), Image.BILINEAR, reducing_gap=2.0))


def _fit(ink, max_w, max_h):
    """Shrink ink so its tight box fits max_w x max_h; returns (ink, tight box)."""
    b = _ink_box(ink)
    if b is None:
        return ink, None
    for _ in range(3):
        iw, ih = b[2] - b[0], b[3] - b[1]
        f = min(max_w / iw, max_h / ih)
        if f >= 1.0:
            break
        ink = _shrink(ink, f * 0.985)
        b = _ink_box(ink)
        if b is None:
            return ink, None
    return ink, b


def _place(page, ink, b, x, y, colour):
    """Composite so that the ink's tight box starts at (x, y); returns the ink bbox [x, y, w, h] on the page."""
    bb = hw.composite(page, ink, int(x) - b[0], int(y) - b[1], colour)
    return list(bb) if bb else None


class Writer:
    """One customer: one font and style for every field of the scan, one pen colour."""

    def __init__(self, style, colour, frac, digit_frac, render_scale=1.0):
        self.style, self.colour, self.frac, self.digit_frac = style, colour, frac, digit_frac
        self.render_scale = render_scale

    def render(self, text, target_h, max_w, rng):
        m = _metrics(self.style.font_path)
        em = target_h / (m["hangul"] if _has_hangul(text) else m["digit"])
        est = _est_width(self.style, text, em)
        if est > max_w:
            em *= max_w / est
        em = max(8.0, em)
        # Render smaller and enlarge when the scan is made at 200 dpi (nothing is lost) or the pen is very large:
        # the stroke warps cost the square of the size.
        k = min(self.render_scale, MAX_RENDER_EM / em)
        if k > 0.97:
            return hw.render_line(text, self.style.with_size(em), rng)
        ink = hw.render_line(text, self.style.with_size(em * k), rng)
        h, w = ink.shape
        return np.asarray(Image.fromarray(ink).resize((max(1, round(w / k)), max(1, round(h / k))), Image.BILINEAR))


def write_cell(page, fld, text, writer, rng):
    bx, by, bw, bh = fld.write or fld.box
    ref = fld.size_ref or (fld.box[3] if fld.mode != "line" else 150)
    target = ref * writer.frac * rng.uniform(0.93, 1.07)
    right = fld.align == "right" or (fld.align == "either" and rng.random() < 0.45)
    indent = bw * rng.uniform(0.01, 0.06) if bw > 400 else rng.uniform(4, 16)
    if fld.mode == "line":
        indent = rng.uniform(10, min(120, bw * 0.15))
    max_w = bw - indent - 4
    max_h = bh - 4
    ink = writer.render(text, target, max_w, rng)
    ink, b = _fit(ink, max_w, max_h)
    if b is None:
        return None
    iw, ih = b[2] - b[0], b[3] - b[1]
    x = bx + bw - indent - iw if right else bx + indent
    if fld.mode == "line":
        bottom = fld.baseline + rng.uniform(-30, 10)
        y = bottom - ih
    else:
        y = by + (bh - ih) / 2 + rng.uniform(-0.22, 0.22) * (bh - ih)
    x = min(max(x, bx + 1), bx + bw - iw - 1)
    y = min(max(y, by + 1), by + bh - ih - 1)
    return _place(page, ink, b, x, y, writer.colour)


def write_digits(page, fld, text, writer, rng):
    cells = fld.cells
    n = len(text)
    assert n <= len(cells), (fld.key, text)
    chosen = cells[len(cells) - n:] if fld.cell_align == "right" else cells[:n]
    ch = cells[0][3]
    target = ch * writer.digit_frac
    union = None
    for d, (cx, cy, cw, chh) in zip(text, chosen):
        ink = writer.render(d, target * rng.uniform(0.94, 1.06), cw * 0.8, rng)
        ink, b = _fit(ink, cw * 0.84, chh * 0.88)
        if b is None:
            continue
        iw, ih = b[2] - b[0], b[3] - b[1]
        x = cx + (cw - iw) / 2 + rng.uniform(-0.1, 0.1) * cw
        y = cy + (chh - ih) / 2 + rng.uniform(-0.1, 0.1) * chh
        x = min(max(x, cx + 1), cx + cw - iw - 1)
        y = min(max(y, cy + 1), cy + chh - ih - 1)
        bb = _place(page, ink, b, x, y, writer.colour)
        if bb:
            if union is None:
                union = bb
            else:
                x0, y0 = min(union[0], bb[0]), min(union[1], bb[1])
                x1, y1 = max(union[0] + union[2], bb[0] + bb[2]), max(union[1] + union[3], bb[1] + bb[3])
                union = [x0, y0, x1 - x0, y1 - y0]
    return union


def value_for_field(fld, rng, amount_value):
    kind, hints = fld.kind, dict(fld.hints)
    digits = fld.mode == "digits"
    if kind == "amount":
        if digits:
            return str(amount_value)
        styles = hints.pop("styles", None)
        return values.amount(rng, value=amount_value, style=rng.choice(styles) if styles else hints.get("style"))
    if kind == "amount_hangul":
        return values.amount_hangul(rng, value=amount_value, wrapped=hints.get("wrapped", True))
    for _ in range(50):
        v = values.value_for(kind, rng, **hints)
        if digits:
            v = "".join(c for c in v if c.isdigit())
            if len(v) > len(fld.cells):
                continue
        return v
    raise RuntimeError(f"no value fits field {fld.key}")


# -- seals ----------------------------------------------------------------------------------------------------------

def seal_image(rng, chars, diameter):
    """Coverage map (uint8) of a round name seal: a ring and 2-3 characters stacked inside."""
    D = int(diameter)
    S = D + 16
    img = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(img)
    ring = max(4, int(D * rng.uniform(0.045, 0.075)))
    ex = rng.uniform(0.92, 1.0)
    rx, ry = D / 2 * ex, D / 2
    c = S / 2
    d.ellipse([c - rx, c - ry, c + rx, c + ry], outline=255, width=ring)
    font_path = rng.choice([p for p in SEAL_FONTS if os.path.exists(p)])
    n = len(chars)
    inner_h = (2 * ry - 2 * ring) * 0.80
    inner_w = (2 * rx - 2 * ring) * 0.62
    cell_h = inner_h / n
    top = c - inner_h / 2
    for i, chh in enumerate(chars):
        f = ImageFont.truetype(font_path, 120)
        l, t, r, b = f.getbbox(chh)
        g = Image.new("L", (r - l + 4, b - t + 4), 0)
        ImageDraw.Draw(g).text((2 - l, 2 - t), chh, font=f, fill=255)
        gw, gh = max(1, int(inner_w)), max(1, int(cell_h * 0.92))
        g = g.resize((gw, gh), Image.LANCZOS)
        img.paste(255, (int(c - gw / 2), int(top + i * cell_h + cell_h * 0.04)), g)
    a = np.asarray(img, dtype=np.float32)
    # uneven stamp pressure and paper texture
    nr = np.random.default_rng(rng.randrange(1 << 30))
    low = nr.uniform(0.55, 1.0, size=(6, 6)).astype(np.float32)
    field = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize((S, S), Image.BICUBIC),
                       dtype=np.float32) / 255.0
    speck = nr.random((S, S)).astype(np.float32)
    a = a * field * np.where(speck < rng.uniform(0.02, 0.12), 0.25, 1.0)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).rotate(rng.uniform(-18, 18), Image.BILINEAR)
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    return np.asarray(out)


def stamp_seal(page, rng, spot, name_box, name_value):
    if name_value and _has_hangul(name_value) and 2 <= len(name_value) <= 3:
        chars = name_value
    elif name_value and _has_hangul(name_value) and len(name_value) == 4:
        chars = name_value[:2] if rng.random() < 0.5 else name_value[2:]
    else:
        chars = values.name(rng)[:3]
    D = rng.uniform(115, 165)
    seal = seal_image(rng, chars, D)
    S = seal.shape[0]
    if name_box and rng.random() < 0.5:
        overlap = rng.uniform(0.2, 0.5)
        cx = name_box[0] + name_box[2] - overlap * D + D / 2
        cy = name_box[1] + name_box[3] / 2 + rng.uniform(-0.12, 0.12) * D
    elif spot:
        cx, cy = spot[0] + rng.uniform(-18, 18), spot[1] + rng.uniform(-18, 18)
    else:
        return None
    colour = (rng.randrange(190, 231), rng.randrange(20, 61), rng.randrange(20, 61))
    hw.composite(page, seal, int(cx - S / 2), int(cy - S / 2), colour, opacity=rng.uniform(0.6, 0.9))
    return [int(cx), int(cy), int(D)]


# -- one filled page ------------------------------------------------------------------------------------------------

def fill(layout, rng, writer_fonts, blank_rate=BLANK_RATE, seal_rate=SEAL_RATE, render_scale=1.0, hand=None):
    """Returns (page HxWx3 uint8, [(field, text, [x, y, w, h])], {"writer": name, "seal": where or None})."""
    page = np.array(layout.array(), copy=True)
    amount_value = values.amount_number(rng)
    chosen = {}
    for fld in layout.fields:
        if rng.random() < blank_rate:
            continue
        v = value_for_field(fld, rng, amount_value)
        assert charset.covered(v), (fld.key, v)
        chosen[fld.key] = v
    all_text = "".join(chosen.values())
    usable = [(w, p) for w, p in writer_fonts if hw.supports(p, all_text)]
    if not usable:
        raise RuntimeError(f"no writer font covers {all_text!r}")
    style = hw.sample_style(rng, usable, 100, **(hand or {}))
    writer = Writer(style, hw.ink_colour(rng), rng.uniform(0.40, 0.56), rng.uniform(0.50, 0.68), render_scale)
    written = []
    for fld in layout.fields:
        text = chosen.get(fld.key)
        if text is None:
            continue
        bb = write_digits(page, fld, text, writer, rng) if fld.mode == "digits" else write_cell(page, fld, text,
                                                                                              writer, rng)
        if bb:
            written.append((fld, text, bb))
    spots = [f for f in layout.fields if f.seal]
    seal = None
    if spots and rng.random() < seal_rate:
        fld = rng.choice(spots)
        hit = [w for w in written if w[0] is fld]
        seal = stamp_seal(page, rng, fld.seal, hit[0][2] if hit else None, hit[0][1] if hit else None)
    return page, written, {"writer": style.writer, "seal": seal}


def _quad(matrix, box):
    xs, ys = scanner.box_quad(matrix, box)
    return [round(v, 1) for v in xs], [round(v, 1) for v in ys]


def make_sample(layout_name, stem, rng, writer_fonts, fmt=None, jpeg_quality=None, dpi=None, hand=None):
    """Returns (Scan, label dict, info dict). hand: extra handwriting.sample_style arguments (pen writers, real
    digits)."""
    layout = layouts.get(layout_name)
    dpi = dpi or scanner.choose_dpi(rng)
    page, written, meta = fill(layout, rng, writer_fonts, render_scale=dpi / scanner.REFERENCE_DPI, hand=hand)
    sc = scanner.scan(page, rng, fmt=fmt, jpeg_quality=jpeg_quality, dpi=dpi)
    boxes = []
    w, h = sc.image.size

    def inside(xs, ys):
        return min(xs) >= 0 and min(ys) >= 0 and max(xs) <= w and max(ys) <= h

    for fld, text, bb in written:
        xs, ys = _quad(sc.matrix, bb)
        if not inside(xs, ys):  # cannot happen with the layouts' margins; never label what the scan cut off
            raise RuntimeError(f"{stem}: handwritten {fld.key} left the scan")
        boxes.append({"id": len(boxes), "data": text, "x": xs, "y": ys, "handwritten": True, "field": fld.key})
    for text, bb in layout.printed:
        xs, ys = _quad(sc.matrix, bb)
        if inside(xs, ys):  # a shifted page may push a footer line past the scan's edge
            boxes.append({"id": len(boxes), "data": text, "x": xs, "y": ys, "handwritten": False})
    label = {"Images": {"identifier": stem, "width": w, "height": h, "form_type": layout.id}, "bbox": boxes}
    info = {**meta, "page_boxes": {fld.key: bb for fld, text, bb in written}, **sc.params}
    return sc, label, info
