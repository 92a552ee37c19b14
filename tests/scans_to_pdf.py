#!/usr/bin/python3
"""Writes a scanned-PDF copy of a labelled forms set, as a copier would: one JPEG page image per PDF page.

    /usr/bin/python3 tests/scans_to_pdf.py <set> <out> [--every N] [--limit N] [--images-too <dir>]

<set> holds scans/, labels/ and templates/ (the layout `pilgi eval --data` reads). Every N-th scan (by name) is
written to <out>/scans/<stem>.pdf, up to --limit scans, with its label and all templates; the last one selected becomes
a two-page PDF (the scan twice: multi-page PDFs are scored against their one label, like a multi-page TIFF).
--images-too copies the same selection of the original images into a set of their own, for the comparison.
The PDFs are PIL's (a writer independent of Pilgi's test PDFs); pages are sized at 200 dpi, JPEG quality 90.
"""
import argparse
import os
import shutil

from PIL import Image

SCAN_EXTENSIONS = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def copy_set_files(source, target, stems):
    for sub in ("scans", "labels", "templates"):
        os.makedirs(os.path.join(target, sub), exist_ok=True)
    for name in os.listdir(os.path.join(source, "templates")):
        shutil.copy(os.path.join(source, "templates", name), os.path.join(target, "templates", name))
    for stem in stems:
        shutil.copy(os.path.join(source, "labels", stem + ".json"), os.path.join(target, "labels", stem + ".json"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set")
    parser.add_argument("out")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--images-too")
    args = parser.parse_args()

    scans = sorted(n for n in os.listdir(os.path.join(args.set, "scans")) if n.lower().endswith(SCAN_EXTENSIONS))
    scans = [n for n in scans if os.path.exists(os.path.join(args.set, "labels", os.path.splitext(n)[0] + ".json"))]
    chosen = scans[:: args.every]
    if args.limit:
        chosen = chosen[: args.limit]
    stems = [os.path.splitext(n)[0] for n in chosen]

    copy_set_files(args.set, args.out, stems)
    for i, name in enumerate(chosen):
        with Image.open(os.path.join(args.set, "scans", name)) as image:
            page = image.convert("RGB")
            more = [page.copy()] if i == len(chosen) - 1 else []
            page.save(os.path.join(args.out, "scans", stems[i] + ".pdf"), "PDF", resolution=200.0, quality=90,
                      save_all=bool(more), append_images=more)
    if args.images_too:
        copy_set_files(args.set, args.images_too, stems)
        for name in chosen:
            shutil.copy(os.path.join(args.set, "scans", name), os.path.join(args.images_too, "scans", name))
    print(f"{len(chosen)} scans as PDFs in {args.out} (the last one as two pages)")


if __name__ == "__main__":
    main()
