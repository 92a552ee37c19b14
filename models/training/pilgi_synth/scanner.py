"""Simulated flatbed scan of a filled page, with the exact geometry kept for the labels.

scan() warps the page with ONE affine matrix (rotation, scale, shift and the 300 -> 200 dpi resampling together) and
returns it, so label quads are the page's points pushed through the same matrix (`transform`). Coordinates are
continuous pixel coordinates (pixel i covers [i, i + 1)), which is Pillow's convention for Image.transform.
"""
import io
import math

import numpy as np
from PIL import Image, ImageChops, ImageFilter

REFERENCE_DPI = 300


class Scan:
    def __init__(self, image, matrix, ext, save_kwargs, dpi, params):
        self.image = image            # PIL image, RGB or L
        self.matrix = matrix          # 3x3 forward matrix: page (reference) coords -> scan coords
        self.ext = ext                # "jpg", "png" or "tif"
        self.save_kwargs = save_kwargs
        self.dpi = dpi
        self.params = params          # what was applied, for debugging

    def save(self, path_stem):
        path = f"{path_stem}.{self.ext}"
        self.image.save(path, **self.save_kwargs)
        return path

    def encode(self):
        buf = io.BytesIO()
        self.image.save(buf, **self.save_kwargs)
        return buf.getvalue()


def transform(matrix, xs, ys):
    """Apply a 3x3 affine matrix to point lists; returns (xs, ys) as lists of floats."""
    p = np.vstack([np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64), np.ones(len(xs))])
    q = matrix @ p
    return q[0].tolist(), q[1].tolist()


def box_quad(matrix, box):
    """[x, y, w, h] in page pixels (tight ink box: pixel columns x .. x+w-1) -> 4 transformed corners TL, TR, BR, BL."""
    x, y, w, h = box
    return transform(matrix, [x, x + w, x + w, x], [y, y, y + h, y + h])


def add_noise(img, sigma, nrng, tile=768):
    """Gaussian sensor noise (same in every channel) from a random tile, added with uint8 arithmetic."""
    w, h = img.size
    t = np.clip(np.rint(128 + nrng.standard_normal((tile, tile), dtype=np.float32) * sigma), 0, 255).astype(np.uint8)
    oy, ox = int(nrng.integers(tile)), int(nrng.integers(tile))
    reps = ((h + oy) // tile + 1, (w + ox) // tile + 1)
    n = np.tile(t, reps)[oy:oy + h, ox:ox + w]
    n = Image.fromarray(np.ascontiguousarray(n))
    if img.mode == "RGB":
        n = Image.merge("RGB", (n, n, n))
    return ImageChops.add(img, n, scale=1.0, offset=-128)


def choose_dpi(rng):
    return rng.choice([200, 300])


def choose_format(rng, fmt=None):
    if fmt and fmt != "mixed":
        return {"jpeg": "jpg", "tiff": "tif"}.get(fmt, fmt)
    r = rng.random()
    return "jpg" if r < 0.7 else ("png" if r < 0.9 else "tif")


def scan(page, rng, fmt=None, jpeg_quality=None, dpi=None, grey=None):
    """page: HxWx3 uint8 (reference geometry, 300 dpi). Returns a Scan."""
    H, W = page.shape[:2]
    nrng = np.random.default_rng(rng.randrange(1 << 32))
    dpi = dpi or choose_dpi(rng)
    k = dpi / REFERENCE_DPI
    angle = math.radians(rng.uniform(-2.0, 2.0))
    scale = rng.uniform(0.96, 1.04)
    sx, sy = rng.uniform(-40, 40), rng.uniform(-40, 40)
    # a little scanner bed around the page now and then
    extra_w = rng.choice([0, 0, rng.randrange(0, 61)])
    extra_h = rng.choice([0, 0, rng.randrange(0, 61)])
    out_w, out_h = int(round((W + extra_w) * k)), int(round((H + extra_h) * k))
    bed = int(rng.choice([rng.uniform(20, 70), rng.uniform(200, 240)]))

    cx, cy = W / 2.0, H / 2.0
    ox, oy = (W + extra_w) / 2.0 + sx, (H + extra_h) / 2.0 + sy
    c, s = math.cos(angle) * scale, math.sin(angle) * scale
    # page -> scan: k * (R S (p - centre) + out_centre + shift)
    m = np.array([[k * c, -k * s, k * (ox - c * cx + s * cy)],
                  [k * s, k * c, k * (oy - s * cx - c * cy)],
                  [0.0, 0.0, 1.0]])
    inv = np.linalg.inv(m)
    img = Image.fromarray(page)
    grey = (rng.random() < 0.35) if grey is None else grey
    if grey:
        img = img.convert("L")
        fill = bed
    else:
        fill = (bed, bed, bed)
    out = img.transform((out_w, out_h), Image.AFFINE, data=tuple(inv[:2].reshape(-1)), resample=Image.BILINEAR,
                        fillcolor=fill)

    # tone: paper tint, brightness, contrast (one LUT per channel)
    tint = (1.0, 1.0, 1.0)
    if rng.random() < 0.5:
        base = rng.uniform(0.93, 1.0)
        tint = (base * rng.uniform(0.99, 1.0), base * rng.uniform(0.97, 1.0), base * rng.uniform(0.9, 0.99))
    contrast = rng.uniform(0.85, 1.15)
    bright = rng.uniform(-18, 12)
    luts = []
    bands = 1 if grey else 3
    for b in range(bands):
        t = sum(tint) / 3 if grey else tint[b]
        v = np.arange(256, dtype=np.float32) * t
        v = (v - 128) * contrast + 128 + bright
        luts.extend(np.clip(v, 0, 255).astype(np.uint8).tolist())
    out = out.point(luts)

    sigma = rng.uniform(0.0, 1.2)
    if sigma > 0.25:
        # one box pass with the Gaussian's variance: a scanner's blur, at half the cost of GaussianBlur
        out = out.filter(ImageFilter.BoxBlur((math.sqrt(12 * sigma * sigma + 1) - 1) / 2))
    noise = rng.uniform(0.0, 6.0)
    if noise > 0.8:
        out = add_noise(out, noise, nrng)

    ext = choose_format(rng, fmt)
    if ext == "jpg":
        q = jpeg_quality or rng.randrange(60, 96)
        kw = {"format": "JPEG", "quality": int(q), "dpi": (dpi, dpi)}
        if rng.random() < 0.5 and not jpeg_quality:
            kw["subsampling"] = 0
    elif ext == "png":
        kw = {"format": "PNG", "compress_level": 3, "dpi": (dpi, dpi)}
    else:
        kw = {"format": "TIFF", "compression": "tiff_deflate", "dpi": (dpi, dpi)}
    params = {"dpi": dpi, "angle": round(math.degrees(angle), 3), "scale": round(scale, 4),
              "shift": [round(sx, 1), round(sy, 1)], "grey": grey, "blur": round(sigma, 2), "noise": round(noise, 2)}
    return Scan(out, m, ext, kw, dpi, params)
