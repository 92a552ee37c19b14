#!/usr/bin/python3
"""Copy a training checkpoint without its optimiser state: the weights and the run's state (lines seen, schedule,
history), a third of the size. The committed checkpoints are kept this way so that the repository stays small enough
to travel to a GPU machine (its working tree is limited to 64 MiB); a run resumed from one starts a fresh optimiser.

  /usr/bin/python3 models/training/slim_checkpoint.py models/training/runs/rec/latest.pt \
      models/training/checkpoints/rec-latest.pt
"""
import argparse
import os

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("out")
    a = ap.parse_args()
    ck = torch.load(a.checkpoint, map_location="cpu")
    slim = {k: v for k, v in ck.items() if k != "opt"}
    tmp = a.out + ".tmp"
    torch.save(slim, tmp)
    os.replace(tmp, a.out)
    print(f"{a.out}: {os.path.getsize(a.out) / 1e6:.1f} MB (was {os.path.getsize(a.checkpoint) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
