"""Font registry. Handwriting for TRAINING comes only from the allow-list; two allow-list writers are held out."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING_DIR = os.path.dirname(HERE)
# what pack_device_kit.py packs for a GPU machine that has neither the Debian fonts nor the npm packages
DEVICE_KIT = os.path.join(TRAINING_DIR, "device-kit")


def kit_name(path):
    """A font's file name in the device kit: its own, as a WOFF."""
    return os.path.splitext(os.path.basename(path))[0] + ".woff"


def kit_wanted(kit, original_present):
    """Whether to read the device kit's copy at kit: where the original is missing, or always with PILGI_DEVICE_KIT=1
    (to check a kit here); never where the kit has no such copy."""
    return os.path.exists(kit) and (os.environ.get("PILGI_DEVICE_KIT") == "1" or not original_present)


def _resolve(path):
    """The font at path, or its device-kit copy (kit_wanted)."""
    kit = os.path.join(DEVICE_KIT, "fonts", kit_name(path))
    return kit if kit_wanted(kit, os.path.exists(path)) else path

_NANUM = "/usr/share/fonts/truetype/nanum"
_UN_CORE = "/usr/share/fonts/truetype/unfonts-core"
_UN_EXTRA = "/usr/share/fonts/truetype/unfonts-extra"
_BM = "/usr/share/fonts/truetype/woowa-bm"
_LEXI = "/usr/share/fonts/truetype/lexi"


def _fontsource(name):
    # npm @fontsource/<name> ships the Korean subset as WOFF (FreeType reads WOFF directly).
    rel = f"node_modules/@fontsource/{name}/files/{name}-korean-400-normal.woff"
    for base in (TRAINING_DIR, os.getcwd()):
        p = os.path.join(base, rel)
        if os.path.exists(p):
            return p
    return os.path.join(TRAINING_DIR, rel)


# writer name -> font files (a writer may have several weights)
HANDWRITING = {
    "nanum_pen": [f"{_NANUM}/NanumPen.ttf"],
    "nanum_brush": [f"{_NANUM}/NanumBrush.ttf"],
    "nanum_barunpen": [f"{_NANUM}/NanumBarunpenR.ttf", f"{_NANUM}/NanumBarunpenB.ttf"],
    "un_pilgi": [f"{_UN_CORE}/UnPilgi.ttf", f"{_UN_CORE}/UnPilgiBold.ttf"],
    "un_pen": [f"{_UN_EXTRA}/UnPen.ttf"],
    "un_penheulim": [f"{_UN_EXTRA}/UnPenheulim.ttf"],
    "bm_yeonsung": [f"{_BM}/BMYEONSUNG_ttf.ttf"],
    "poor_story": [_fontsource("poor-story")],
    "lexi_saebom": [f"{_LEXI}/LexiSaebomR.ttf"],
    "gamja_flower": [_fontsource("gamja-flower")],
    "east_sea_dokdo": [_fontsource("east-sea-dokdo")],
    "cute_font": [_fontsource("cute-font")],
    "single_day": [_fontsource("single-day")],
    "stylish": [_fontsource("stylish")],
    "hi_melody": [_fontsource("hi-melody")],
}

HANDWRITING = {writer: [_resolve(p) for p in files] for writer, files in HANDWRITING.items()}

# Held out of every training run: validation reports these as "unseen writers".
HELDOUT_WRITERS = ["poor_story", "nanum_brush"]
# Held out as well, for the pen-like validation writers (their skeletons redrawn with a pen) and never trained on.
PEN_HELDOUT_WRITERS = HELDOUT_WRITERS + ["hi_melody"]
TRAIN_WRITERS = [w for w in HANDWRITING if w not in PEN_HELDOUT_WRITERS]

# Printed fonts: the forms' own text, and a minority of recogniser lines (printed text may use any font).
PRINTED = [
    f"{_NANUM}/NanumGothic.ttf", f"{_NANUM}/NanumGothicBold.ttf", f"{_NANUM}/NanumMyeongjo.ttf",
    f"{_NANUM}/NanumMyeongjoBold.ttf", f"{_NANUM}/NanumSquareR.ttf", f"{_NANUM}/NanumSquareRoundR.ttf",
    f"{_NANUM}/NanumBarunGothic.ttf", f"{_UN_CORE}/UnDotum.ttf", f"{_UN_CORE}/UnBatang.ttf",
    f"{_UN_CORE}/UnGraphic.ttf", f"{_BM}/BMJUA_ttf.ttf", f"{_BM}/BMDOHYEON_ttf.ttf", f"{_BM}/BMHANNAPro.ttf",
]
PRINTED = [_resolve(p) for p in PRINTED]
FORM_FONTS = [f"{_NANUM}/NanumGothic.ttf", f"{_NANUM}/NanumBarunGothic.ttf", f"{_UN_CORE}/UnDotum.ttf",
              f"{_NANUM}/NanumMyeongjo.ttf", f"{_NANUM}/NanumSquareR.ttf"]
FORM_FONTS_BOLD = [f"{_NANUM}/NanumGothicBold.ttf", f"{_NANUM}/NanumMyeongjoBold.ttf", f"{_NANUM}/NanumSquareB.ttf"]


def writer_fonts(writers):
    out = []
    for w in writers:
        for p in HANDWRITING[w]:
            if not os.path.exists(p):
                raise FileNotFoundError(f"font for writer {w} missing: {p} (see models/training/README.md)")
            out.append((w, p))
    return out


def existing(paths):
    return [p for p in paths if os.path.exists(p)]
