#!/usr/bin/python3
"""Renders the glyph atlas that OverlayPainter uses to write labels on review overlays.

Output (next to this script, embedded into Pilgi.Imaging):
  glyph_atlas.png   8-bit grey, 255 = full ink coverage, 0 = none
  glyph_atlas.json  metrics + per-character cell: [x, y, w, h, ox, oy, advance]
                    (ox, oy: where the cell's top-left sits relative to the pen
                    position at the top of the text line)

Characters: the 2,350 KS X 1001 Hangul syllables (every valid EUC-KR code in
0xB0A1-0xC8FE), printable ASCII and a few symbols that appear on bank forms.

Run with Debian's Python and Pillow (python3-pil) and fonts-nanum installed:
  /usr/bin/python3 src/Pilgi.Imaging/Resources/make_glyph_atlas.py
"""
import json
import os
import sys

from PIL import Image, ImageDraw, ImageFont

FONT_PATH = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
PIXEL_SIZE = 20
ATLAS_WIDTH = 1024
PADDING = 1
EXTRA_SYMBOLS = "₩·※㈜–"
HERE = os.path.dirname(os.path.abspath(__file__))


def ks_x_1001_hangul():
    syllables = []
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                syllables.append(bytes([lead, trail]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    return syllables


def wanted_characters():
    chars = [chr(c) for c in range(0x20, 0x7F)]
    chars += ks_x_1001_hangul()
    chars += [c for c in EXTRA_SYMBOLS if c not in chars]
    return chars


def main():
    font = ImageFont.truetype(FONT_PATH, PIXEL_SIZE)
    ascent, descent = font.getmetrics()
    # A private-use code point renders as the font's "missing glyph" box; any
    # character that renders identically is not in the font and is left out.
    missing_glyph = bytes(font.getmask("\ue000"))

    chars = wanted_characters()
    hangul_count = sum(1 for c in chars if "\uac00" <= c <= "\ud7a3")
    if hangul_count != 2350:
        sys.exit(f"expected 2350 KS X 1001 syllables, got {hangul_count}")

    placed = []
    x = y = row_height = 0
    for ch in chars:
        left, top, right, bottom = font.getbbox(ch, anchor="ls")
        w, h = max(0, right - left), max(0, bottom - top)
        if ch != " " and bytes(font.getmask(ch)) == missing_glyph:
            print(f"skipping {ch!r}: not in font", file=sys.stderr)
            continue
        if x + w + PADDING > ATLAS_WIDTH:
            x, y, row_height = 0, y + row_height + PADDING, 0
        advance = round(font.getlength(ch))
        placed.append((ch, x, y, w, h, left, top + ascent, advance, left, top))
        x += w + PADDING
        row_height = max(row_height, h)
    atlas_height = y + row_height

    atlas = Image.new("L", (ATLAS_WIDTH, atlas_height), 0)
    draw = ImageDraw.Draw(atlas)
    glyphs = {}
    for ch, gx, gy, w, h, ox, oy, advance, left, top in placed:
        if w and h:
            draw.text((gx - left, gy - top), ch, font=font, fill=255, anchor="ls")
        glyphs[ch] = [gx, gy, w, h, ox, oy, advance]

    atlas.save(os.path.join(HERE, "glyph_atlas.png"), optimize=True)
    index = {
        "source": os.path.basename(FONT_PATH) + " (SIL OFL 1.1, see NanumFont-OFL.txt)",
        "pixelSize": PIXEL_SIZE,
        "ascent": ascent,
        "descent": descent,
        "lineHeight": ascent + descent,
        "fields": ["x", "y", "w", "h", "ox", "oy", "advance"],
        "glyphs": glyphs,
    }
    with open(os.path.join(HERE, "glyph_atlas.json"), "w", encoding="utf-8") as out:
        json.dump(index, out, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(glyphs)} glyphs, atlas {ATLAS_WIDTH}x{atlas_height}")


if __name__ == "__main__":
    main()
