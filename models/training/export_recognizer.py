#!/usr/bin/python3
"""Export a recogniser checkpoint to ONNX (dynamic batch and width) plus the descriptor the C# side reads.

  /usr/bin/python3 models/training/export_recognizer.py --checkpoint models/training/runs/rec/best.pt \
      --out models/recognizer --version 2026.11.25 [--digits-checkpoint models/training/runs/digits/best.pt]

With --digits-checkpoint the release has a second model, the digit reader (pilgi-rec-digits.onnx: the same network
fine-tuned on digit-field lines alone, `train_recognizer.py --only digits`), declared in the descriptor's
"specialists": the C# side reads every line whose field alphabet holds only the characters it "reads" with it.

--scaling / --digits-scaling name the filter the C# side shrinks each model's crops with ("scaling" in the
descriptor): triangle (Pillow's bilinear) for the main network, area averaging for the digit reader, as chosen on the
tuning sets (model card).

With --prior (syllable counts, `make_syllable_prior.py`) the release lowers the frame probabilities of syllables
Korean words rarely hold before decoding (`characterPrior`; the C# `CharacterPrior`): the file is copied beside the
model as pilgi-rec-prior.tsv. --prior-weight and --prior-shift default to the values chosen on the tuning sets
(model card).

--ink-level (and --digits-ink-level) is the grey the C# side darkens lighter ink to before the main model (the digit
reader) reads a crop ("inkLevel"; `InkContrast`): the training lines' ink lies in 0-110 (`lines.py`), and real light
ink (a blue ballpoint scanned grey) reads better brought into it. None by default for the digit reader (model card).
"""
import argparse
import json
import os
import shutil
import sys

import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset, lines  # noqa: E402
from recognizer_model import CRNN, ExportWrapper  # noqa: E402
from train_recognizer import DIGIT_FIELD_CHARACTERS  # noqa: E402

NAME = "pilgi-rec"


def export(ck, onnx_path):
    model = CRNN(charset.NUM_CLASSES)
    model.load_state_dict(ck["model"])
    model.eval()
    wrapper = ExportWrapper(model).eval()
    dummy = torch.ones(2, 1, lines.LINE_HEIGHT, 128)
    torch.onnx.export(wrapper, dummy, onnx_path, input_names=["image"], output_names=["probs"],
                      dynamic_axes={"image": {0: "batch", 3: "width"}, "probs": {0: "batch", 1: "frames"}},
                      opset_version=14, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(onnx_path))
    return onnx_path


def counts_source(path):
    """What a counts file says it was taken from: its first '#' line (make_syllable_prior.py writes one)."""
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    return first[1:].strip() if first.startswith("#") else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--digits-checkpoint", default=None, help="the digit reader's checkpoint (a specialist of the release)")
    ap.add_argument("--prior", default=None, help="syllable counts (make_syllable_prior.py) for the release's character prior")
    ap.add_argument("--prior-source", default=None, help="what the counts were taken from (default: the file's # line)")
    ap.add_argument("--scaling", choices=["area", "triangle"], default="triangle",
                    help="the filter the C# side shrinks crops with for the main model (the training lines use both)")
    ap.add_argument("--digits-scaling", choices=["area", "triangle"], default="area",
                    help="the same for the digit reader")
    ap.add_argument("--ink-level", type=int, default=60, help="lighter ink darkened to this grey for the main model (-1: none)")
    ap.add_argument("--digits-ink-level", type=int, default=-1, help="the same for the digit reader (-1: none)")
    ap.add_argument("--prior-weight", type=float, default=0.6)
    ap.add_argument("--prior-shift", type=float, default=2.0)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ck = torch.load(a.checkpoint, map_location="cpu")
    onnx_path = export(ck, os.path.join(a.out, f"{NAME}.onnx"))
    state = ck.get("state", {})
    descriptor = {
        "name": NAME, "version": a.version, "file": f"{NAME}.onnx", "input": "image", "output": "probs",
        "height": lines.LINE_HEIGHT, "minWidth": 8, "maxWidth": 1024, "widthMultiple": 4, "batchWidthStep": 128, "scaling": a.scaling, "blank": 0,
        "inputRange": "grey in [0,1], paper 1, ink 0; N x 1 x 32 x W",
        "outputLayout": "N x T x C softmax, T = W / 4",
        "trainedLines": state.get("seen"), "steps": state.get("step"),
        "charset": charset.CHARS,
    }
    if a.ink_level >= 0:
        descriptor["inkLevel"] = a.ink_level
    if a.digits_checkpoint:
        digits = torch.load(a.digits_checkpoint, map_location="cpu")
        export(digits, os.path.join(a.out, f"{NAME}-digits.onnx"))
        d_state = digits.get("state", {})
        descriptor["specialists"] = [{"file": f"{NAME}-digits.onnx", "reads": DIGIT_FIELD_CHARACTERS,
                                      "trainedLines": d_state.get("seen"), "steps": d_state.get("step"),
                                      "scaling": a.digits_scaling}]
        if a.digits_ink_level >= 0:
            descriptor["specialists"][0]["inkLevel"] = a.digits_ink_level
    if a.prior:
        target = os.path.join(a.out, f"{NAME}-prior.tsv")
        if os.path.abspath(a.prior) != os.path.abspath(target):
            shutil.copyfile(a.prior, target)
        descriptor["characterPrior"] = {"file": f"{NAME}-prior.tsv", "source": a.prior_source or counts_source(a.prior),
                                        "weight": a.prior_weight, "shift": a.prior_shift, "smoothing": 1}
    with open(os.path.join(a.out, f"{NAME}.json"), "w", encoding="utf-8") as f:
        json.dump(descriptor, f, ensure_ascii=False, indent=1)
    print(f"wrote {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
