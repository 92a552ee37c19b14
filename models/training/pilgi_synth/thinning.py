"""The thinned look at thick writing, as the C# side takes it (`StrokeWidth`, `OnnxLineRecognizer.Prepare`), for
training lines: the stroke width over the inked rows' height (ink at or below min(Otsu, 200); 2 x ink / boundary
pixels), and the paper grown until that ratio is down to a target. A training line is already 32 px high, where one
pixel is a third of a thick stroke, so it is thinned at three times its size and shrunk back by area averaging, close
to what thinning a crop at scan resolution and then scaling it gives."""
import numpy as np
from scipy import ndimage

MIN_INK = 20
UPSCALE = 3


def otsu(img):
    """The grey level that splits the line's histogram with the largest between-class variance (ink at or below it),
    the first of equals, as `Thresholding.Otsu`."""
    hist = np.bincount(img.ravel(), minlength=256).astype(np.float64)
    count_below = np.cumsum(hist)
    sum_below = np.cumsum(hist * np.arange(256))
    count_above = count_below[-1] - count_below
    valid = (count_below > 0) & (count_above > 0)
    if not valid.any():
        return int(np.flatnonzero(hist)[0])
    mean_below = sum_below / np.maximum(count_below, 1)
    mean_above = (sum_below[-1] - sum_below) / np.maximum(count_above, 1)
    variance = np.where(valid, count_below * count_above * (mean_below - mean_above) ** 2, -1)
    return int(np.argmax(variance))


def measure(img):
    """(stroke width / inked rows' height, that height) of a uint8 line, paper light; (0, 0) with too little ink."""
    ink = img <= min(otsu(img), 200)
    n = int(ink.sum())
    if n < MIN_INK:
        return 0.0, 0
    padded = np.pad(ink, 1, constant_values=False)
    inner = padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:]
    boundary = int((ink & ~inner).sum())
    rows = np.flatnonzero(ink.any(axis=1))
    height = int(rows[-1] - rows[0] + 1)
    return 2.0 * n / max(boundary, 1) / height, height


def thinned(img, target):
    """The line with its strokes thinned to `target` (the line itself where they are no thicker)."""
    big = np.kron(img, np.ones((UPSCALE, UPSCALE), dtype=np.uint8))
    ratio, height = measure(big)
    pixels = int(round((ratio - target) * height)) if ratio > target else 0
    if pixels == 0:
        return img
    grown = ndimage.grey_dilation(big, size=(pixels + 1, pixels + 1), mode="constant", cval=0)
    h, w = img.shape
    return grown.reshape(h, UPSCALE, w, UPSCALE).mean(axis=(1, 3)).round().astype(np.uint8)
