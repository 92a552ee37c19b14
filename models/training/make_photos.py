#!/usr/bin/python3
"""Turn a set of generated scans (make_forms.py's layout: scans/, labels/, templates/) into phone photos of the same
sheets, for validating page finding: the sheet lying on a desk, seen at an angle (each corner moved by up to
--perspective of the page's size), uneven light and a soft shadow, a little blur, sensor noise, a 12 MP JPEG.
Labels follow the sheet: every box's corners go through the same homography, so they are in the photo's pixels.

  /usr/bin/python3 models/training/make_photos.py --src models/training/data/forms/val \
      --out models/training/data/photos/val --count 30 --seed 51
  (--exif-sideways 0.3: that share of photos stored sideways with an EXIF Orientation tag, as phones write them;
   their labels are in the photo as displayed.)

Only validation: nothing here is trained on.
"""
import argparse
import io
import json
import os
import random
import shutil

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

PHOTO_SIZE = (3024, 4032)  # a 12 MP phone camera held upright


def homography(src, dst):
    """3x3 H with dst ~ H @ src for four point pairs."""
    a = []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, _, vt = np.linalg.svd(np.asarray(a, dtype=np.float64))
    h = vt[-1].reshape(3, 3)
    return h / h[2, 2]


def apply(h, xs, ys):
    p = h @ np.vstack([xs, ys, np.ones(len(xs))])
    return p[0] / p[2], p[1] / p[2]


DESKS = [(120, 84, 52), (150, 110, 70), (70, 70, 74), (95, 92, 88), (40, 44, 52), (165, 150, 130)]
LIGHT_DESKS = [(196, 178, 150), (205, 200, 192), (185, 160, 120), (214, 212, 205)]


def desk(rng, size, light=False):
    """A desk or table top: a base colour, wood-like streaks or speckle."""
    w, h = size
    base = rng.choice(LIGHT_DESKS if light else DESKS)
    small = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 1, (h // 48, w // 48, 1))
    noise = np.asarray(Image.fromarray(((small[:, :, 0] * 12) + 128).clip(0, 255).astype(np.uint8)).resize(size, Image.BICUBIC),
                       dtype=np.float32)[:, :, None] - 128
    if rng.random() < 0.5:  # grain along one direction
        streak = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 8, (1, w, 1)).repeat(h, axis=0)
        noise = noise + streak
    img = np.asarray(base, dtype=np.float32)[None, None, :] + noise
    return img.clip(0, 255)


def light_field(rng, size, shadow_strength=(0.2, 0.45)):
    """Multiplicative light: a gradient across the frame and a soft shadow (a hand or the phone) over part of it."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    t = (np.cos(angle) * xx / w + np.sin(angle) * yy / h)
    t = (t - t.min()) / max(1e-6, t.max() - t.min())
    light = rng.uniform(0.62, 0.85) + (1.0 - rng.uniform(0.62, 0.85)) * t
    if rng.random() < 0.8:
        shadow = Image.new("L", (w // 8, h // 8), 0)
        d = ImageDraw.Draw(shadow)
        cx, cy = rng.uniform(0, w // 8), rng.uniform(0, h // 8)
        pts = [(cx + rng.uniform(-1, 1) * w / 10, cy + rng.uniform(-1, 1) * h / 10) for _ in range(6)]
        d.polygon(pts, fill=255)
        shadow = shadow.filter(ImageFilter.GaussianBlur(rng.uniform(8, 30))).resize(size, Image.BILINEAR)
        light = light * (1 - rng.uniform(*shadow_strength) * np.asarray(shadow, dtype=np.float32) / 255)
    return light[:, :, None]


def photograph(scan, rng, perspective, light_desk=False, shadow_strength=(0.2, 0.45)):
    """The scan as a phone photo; returns the photo (RGB) and the homography scan pixels -> photo pixels."""
    pw, ph = PHOTO_SIZE
    sw, sh = scan.size
    fill = rng.uniform(0.72, 0.88)  # the sheet's height in the frame
    scale = fill * ph / sh
    cw, ch = sw * scale, sh * scale
    ox, oy = (pw - cw) / 2 + rng.uniform(-0.04, 0.04) * pw, (ph - ch) / 2 + rng.uniform(-0.03, 0.03) * ph
    turn = np.deg2rad(rng.uniform(-6, 6))
    c, s = np.cos(turn), np.sin(turn)
    mx, my = pw / 2, ph / 2
    corners = []
    for x, y in [(0, 0), (sw, 0), (sw, sh), (0, sh)]:
        u, v = ox + x * scale, oy + y * scale
        u, v = mx + c * (u - mx) - s * (v - my), my + s * (u - mx) + c * (v - my)
        u += rng.uniform(-perspective, perspective) * cw
        v += rng.uniform(-perspective, perspective) * ch
        corners.append((u, v))
    h = homography([(0, 0), (sw, 0), (sw, sh), (0, sh)], corners)
    inv = np.linalg.inv(h)
    inv = inv / inv[2, 2]
    paper = scan.convert("RGB")
    tint = np.asarray([rng.uniform(0.93, 1.0), rng.uniform(0.92, 0.99), rng.uniform(0.85, 0.97)], dtype=np.float32)
    sheet = paper.transform(PHOTO_SIZE, Image.PERSPECTIVE, tuple(inv.flatten()[:8]), Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", scan.size, 255).transform(PHOTO_SIZE, Image.PERSPECTIVE, tuple(inv.flatten()[:8]), Image.BILINEAR, fillcolor=0)
    sheet = np.asarray(sheet, dtype=np.float32) * tint[None, None, :]
    m = np.asarray(mask, dtype=np.float32)[:, :, None] / 255
    img = desk(rng, PHOTO_SIZE, light_desk) * (1 - m) + sheet * m
    img = img * light_field(rng, PHOTO_SIZE, shadow_strength)
    out = Image.fromarray(img.clip(0, 255).astype(np.uint8))
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.6)))
    arr = np.asarray(out, dtype=np.float32) + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(1.5, 4), (ph, pw, 1))
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8)), h


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True, help="a make_forms.py set (scans/, labels/, templates/)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=None, help="the first N scans (default: all)")
    ap.add_argument("--seed", type=int, default=51)
    ap.add_argument("--perspective", type=float, default=0.05, help="largest corner move, as a share of the page")
    ap.add_argument("--exif-sideways", type=float, default=0.0,
                    help="share of photos stored turned a quarter with EXIF Orientation 6 or 8")
    ap.add_argument("--hard", action="store_true",
                    help="light desks (pale wood, white tables: little contrast with the paper) and deeper shadows")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "scans"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "labels"), exist_ok=True)
    shutil.copytree(os.path.join(a.src, "templates"), os.path.join(a.out, "templates"), dirs_exist_ok=True)
    names = sorted(os.listdir(os.path.join(a.src, "scans")))[: a.count]
    for name in names:
        stem = os.path.splitext(name)[0]
        scan = Image.open(os.path.join(a.src, "scans", name))
        scan.load()
        photo, h = photograph(scan, rng, a.perspective, light_desk=a.hard,
                              shadow_strength=(0.35, 0.6) if a.hard else (0.2, 0.45))
        with open(os.path.join(a.src, "labels", stem + ".json"), encoding="utf-8") as f:
            label = json.load(f)
        for box in label["bbox"]:
            xs, ys = apply(h, np.asarray(box["x"], dtype=np.float64), np.asarray(box["y"], dtype=np.float64))
            box["x"], box["y"] = [round(float(v), 1) for v in xs], [round(float(v), 1) for v in ys]
        label["Images"]["width"], label["Images"]["height"] = PHOTO_SIZE
        quality = rng.randint(82, 93)
        exif = None
        if rng.random() < a.exif_sideways:
            # stored as the sensor saw it (turned), displayed upright through the tag
            orientation = rng.choice([6, 8])
            photo = photo.transpose(Image.ROTATE_90 if orientation == 6 else Image.ROTATE_270)
            exif = Image.Exif()
            exif[0x0112] = orientation
        kwargs = {"quality": quality}
        if exif is not None:
            kwargs["exif"] = exif.tobytes()
        photo.save(os.path.join(a.out, "scans", stem + ".jpg"), "JPEG", **kwargs)
        with open(os.path.join(a.out, "labels", stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(label, f, ensure_ascii=False)
        print(f"{stem}: quality {quality}{' exif' if exif else ''}", flush=True)


if __name__ == "__main__":
    main()
