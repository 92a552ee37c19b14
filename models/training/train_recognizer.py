#!/usr/bin/python3
"""Train the line recogniser (CRNN + CTC) on pre-rendered shards; resumable from runs/<name>/latest.pt.

CPU here (Debian torch 1.13) or CUDA elsewhere (torch 2.x). See models/training/README.md for the environment.
  /usr/bin/python3 models/training/train_recognizer.py --data models/training/data/lines/train \
      --val models/training/data/lines/heldout --run models/training/runs/rec --hours 2
"""
import argparse
import glob
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset, lines  # noqa: E402
from recognizer_model import CRNN  # noqa: E402

MAX_WIDTH = 512  # longer lines are dropped from training rather than cut (a cut line no longer matches its text)

# What a digit field (RRN, phone, account, date, amount, a cheque's amount) holds: digits, their separators, a
# currency sign and the 년/월/일/원 of dates and amounts written out. The digit reader's descriptor says it reads these.
DIGIT_FIELD_CHARACTERS = "0123456789-./,()₩원년월일 "
DIGIT_LINE = re.compile("^[" + re.escape(DIGIT_FIELD_CHARACTERS) + "]*$")


def is_digit_line(text):
    return bool(DIGIT_LINE.match(text)) and sum(ch.isdigit() for ch in text) >= 3


def shard_paths(dirs):
    """Finished shards only: a renderer writes shard-N.npz.tmp.npz first, then renames it."""
    return sorted(p for d in dirs for p in glob.glob(os.path.join(d, "shard-*.npz")) if not p.endswith(".tmp.npz"))


def load_shards(dirs, keep=None, limit=None):
    """Lines of every shard in dirs (a folder or a list of them) whose text keep accepts (all when keep is None)."""
    imgs, texts, writers = [], [], []
    for p in shard_paths([dirs] if isinstance(dirs, str) else dirs):
        with np.load(p) as z:
            a, b, c = lines.unpack(z)
        for im, t, w in zip(a, b, c):
            if im.shape[1] <= MAX_WIDTH and (keep is None or keep(t)):
                # a copy: a view would keep the whole shard's pixels alive for the lines it keeps
                imgs.append(im.copy() if keep is not None else im)
                texts.append(t)
                writers.append(w)
        if limit and len(imgs) >= limit:
            break
    return imgs, texts, writers


def batches(imgs, texts, batch_size, rng):
    """Buckets by width so that padding stays small."""
    order = sorted(range(len(imgs)), key=lambda i: imgs[i].shape[1] + rng.random() * 24)
    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(chunks)
    return chunks


def collate(idx, imgs, texts, device, pad_step=0):
    """pad_step: pad the batch with paper to a multiple of this width (0: to its widest line only). The pipeline pads
    every crop to a multiple of its descriptor's batchWidthStep (128) and the BiLSTM reads that padding too."""
    w = min(MAX_WIDTH, max(imgs[i].shape[1] for i in idx))
    w = int(math.ceil(w / 4) * 4)
    if pad_step:
        w = min(MAX_WIDTH, int(math.ceil(w / pad_step) * pad_step))
    x = np.ones((len(idx), 1, lines.LINE_HEIGHT, w), dtype=np.float32)
    for k, i in enumerate(idx):
        im = imgs[i][:, :w].astype(np.float32) / 255.0
        x[k, 0, :, : im.shape[1]] = im
    targets = [charset.encode(texts[i]) for i in idx]
    lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
    flat = torch.tensor([c for t in targets for c in t], dtype=torch.long)
    return torch.from_numpy(x).to(device), flat, lengths


def greedy_decode(logits):
    best = logits.argmax(-1).cpu().numpy()
    out = []
    for row in best:
        s, prev = [], 0
        for c in row:
            if c != prev and c != 0:
                s.append(charset.CHARS[c - 1])
            prev = c
        out.append("".join(s))
    return out


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def evaluate(model, imgs, texts, writers, device, batch_size=64, pad_step=0):
    model.eval()
    errs, total, exact = {}, {}, {}
    with torch.no_grad():
        for s in range(0, len(imgs), batch_size):
            idx = list(range(s, min(len(imgs), s + batch_size)))
            x, _, _ = collate(idx, imgs, texts, device, pad_step)
            preds = greedy_decode(model(x))
            for i, p in zip(idx, preds):
                ref = texts[i].replace(" ", "")
                hyp = p.replace(" ", "")
                w = writers[i]
                errs[w] = errs.get(w, 0) + levenshtein(ref, hyp)
                total[w] = total.get(w, 0) + len(ref)
                exact[w] = exact.get(w, 0) + (ref == hyp)
    model.train()
    counts = {w: writers.count(w) for w in total}
    report = {w: {"cer": errs[w] / max(1, total[w]), "exact": exact[w] / counts[w], "lines": counts[w]} for w in total}
    report["all"] = {"cer": sum(errs.values()) / max(1, sum(total.values())),
                     "exact": sum(exact.values()) / max(1, len(imgs)), "lines": len(imgs)}
    return report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, action="append", help="a folder of shards; repeat for several")
    ap.add_argument("--val", required=True, action="append", help="a folder of held-out shards; repeat for several")
    ap.add_argument("--only", choices=["digits"], default=None,
                    help="train and choose best.pt on digit-field lines alone (the digit reader of the composite)")
    ap.add_argument("--init", default=None,
                    help="on a first start (no latest.pt in --run), begin from this checkpoint's weights with a fresh "
                         "optimiser and schedule")
    ap.add_argument("--run", required=True)
    ap.add_argument("--hours", type=float, default=1.0, help="stop after this wall time (resume later)")
    ap.add_argument("--total-lines", type=int, default=600000, help="length of the cosine schedule in lines seen")
    ap.add_argument("--restart-schedule", action="store_true",
                    help="on resume, start a new warm-up + cosine of --total-lines lines from the lines seen so far "
                         "(continue a finished model on new data)")
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--checkpoint-minutes", type=float, default=5)
    ap.add_argument("--val-lines", type=int, default=1200)
    ap.add_argument("--teacher", default=None,
                    help="a checkpoint whose frame probabilities the model is also pulled towards (KL per frame), so "
                         "that a stage keeps what the teacher read right while it learns new writing")
    ap.add_argument("--teacher-weight", type=float, default=1.0, help="the KL term's weight beside the CTC loss")
    ap.add_argument("--thin-thick", type=float, default=0.0,
                    help="share of the lines written thicker than --thin-target (stroke width over height) that are "
                         "thinned to it, as the pipeline's second look at a thick crop is (pilgi_synth/thinning.py)")
    ap.add_argument("--thin-target", type=float, default=0.10,
                    help="OnnxLineRecognizer.ThickStroke (0.10; the digit reader's SpecialistThickStroke is 0.17)")
    ap.add_argument("--pad-step", type=int, default=0,
                    help="pad each batch with paper to a multiple of this width, as the pipeline pads its crops (128)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    os.makedirs(a.run, exist_ok=True)
    rng = random.Random(0)
    keep = is_digit_line if a.only == "digits" else None
    imgs, texts, _ = load_shards(a.data, keep)
    vimgs, vtexts, vwriters = load_shards(a.val, keep)
    sel = random.Random(1).sample(range(len(vimgs)), min(a.val_lines, len(vimgs)))
    vimgs, vtexts, vwriters = [vimgs[i] for i in sel], [vtexts[i] for i in sel], [vwriters[i] for i in sel]
    print(f"train lines {len(imgs)}, held-out lines {len(vimgs)}, classes {charset.NUM_CLASSES}, device {device}",
          flush=True)

    if a.thin_thick > 0:
        from pilgi_synth import thinning  # scipy: imported only where lines are thinned
    model = CRNN(charset.NUM_CLASSES).to(device)
    teacher = None
    if a.teacher:
        teacher = CRNN(charset.NUM_CLASSES).to(device)
        teacher.load_state_dict(torch.load(a.teacher, map_location=device)["model"])
        teacher.eval()
        print(f"teacher {a.teacher} at weight {a.teacher_weight}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    state = {"step": 0, "seen": 0, "best_cer": 1e9, "history": []}
    latest = os.path.join(a.run, "latest.pt")
    if os.path.exists(latest):
        ck = torch.load(latest, map_location=device)
        model.load_state_dict(ck["model"])
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
        state = ck["state"]
        print(f"resumed at step {state['step']} ({state['seen']} lines seen"
              f"{'' if 'opt' in ck else '; a slim copy, so a fresh optimiser'})", flush=True)
    elif a.init:
        model.load_state_dict(torch.load(a.init, map_location=device)["model"])
        print(f"initialised from {a.init}", flush=True)
    if a.restart_schedule or "schedule" not in state:
        state["schedule"] = {"start": state["seen"] if a.restart_schedule else 0, "lines": a.total_lines, "lr": a.lr}
        if a.restart_schedule:
            state["best_cer"] = 1e9  # best.pt is chosen within the new schedule
    sched = state["schedule"]
    print(f"schedule: {sched}", flush=True)

    def lr_at(seen):
        warm = 4000
        t = seen - sched["start"]
        if t < warm:
            return sched["lr"] * max(0.05, t / warm)
        return sched["lr"] * 0.5 * (1 + math.cos(math.pi * min(1.0, t / sched["lines"])))

    def save(path):
        tmp = path + ".tmp"
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "state": state}, tmp)
        os.replace(tmp, path)

    start = time.time()
    last_ck = time.time()
    t_log, seen_log = time.time(), state["seen"]
    rng.seed(state["step"])
    model.train()
    done = False
    n_shards = len(shard_paths(a.data))
    while not done:
        if len(shard_paths(a.data)) != n_shards:  # the renderer is still adding shards
            imgs, texts, _ = load_shards(a.data, keep)
            n_shards = len(shard_paths(a.data))
            print(f"reloaded: {len(imgs)} train lines", flush=True)
        for idx in batches(imgs, texts, a.batch, rng):
            if a.thin_thick > 0:
                view = [thinning.thinned(imgs[i], a.thin_target) if rng.random() < a.thin_thick else imgs[i] for i in idx]
                x, flat, lengths = collate(range(len(idx)), view, [texts[i] for i in idx], device, a.pad_step)
            else:
                x, flat, lengths = collate(idx, imgs, texts, device, a.pad_step)
            for g in opt.param_groups:
                g["lr"] = lr_at(state["seen"])
            log_probs = model(x).log_softmax(-1)
            logp = log_probs.permute(1, 0, 2)  # T x N x C
            t_len = torch.full((len(idx),), logp.shape[0], dtype=torch.long)
            loss = ctc(logp.cpu() if device == "cpu" else logp, flat, t_len, lengths)
            if teacher is not None:
                with torch.no_grad():
                    t_logp = teacher(x).log_softmax(-1)
                loss = loss + a.teacher_weight * (t_logp.exp() * (t_logp - log_probs)).sum(-1).mean()
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            state["step"] += 1
            state["seen"] += len(idx)
            if state["step"] % 50 == 0:
                rate = (state["seen"] - seen_log) / (time.time() - t_log)
                t_log, seen_log = time.time(), state["seen"]
                print(f"step {state['step']} seen {state['seen']} loss {loss.item():.3f} "
                      f"lr {lr_at(state['seen']):.2e} {rate:.0f} lines/s", flush=True)
            if time.time() - last_ck > a.checkpoint_minutes * 60:
                rep = evaluate(model, vimgs, vtexts, vwriters, device, pad_step=a.pad_step)
                state["history"].append({"step": state["step"], "seen": state["seen"], "heldout": rep})
                print("held-out", json.dumps(rep, ensure_ascii=False), flush=True)
                if rep["all"]["cer"] < state["best_cer"]:
                    state["best_cer"] = rep["all"]["cer"]
                    save(os.path.join(a.run, "best.pt"))
                save(latest)
                last_ck = time.time()
            if time.time() - start > a.hours * 3600 or state["seen"] >= sched["start"] + sched["lines"]:
                done = True
                break
    rep = evaluate(model, vimgs, vtexts, vwriters, device, pad_step=a.pad_step)
    state["history"].append({"step": state["step"], "seen": state["seen"], "heldout": rep})
    if rep["all"]["cer"] < state["best_cer"]:
        state["best_cer"] = rep["all"]["cer"]
        save(os.path.join(a.run, "best.pt"))
    save(latest)
    print("final held-out", json.dumps(rep, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
