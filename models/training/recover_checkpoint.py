#!/usr/bin/python3
"""Recover a trainable checkpoint from a released ONNX model (pilgi-rec.onnx or pilgi-rec-digits.onnx).

A release keeps only its ONNX files; the checkpoint it was exported from may be on no machine any more (the digit
reader of 2026.12.07.5 is one). The export folds each batch norm into the convolution before it, so the ONNX holds
W' = W * s and b' = beta - mean * s per channel. Those cannot be split back, but any split that gives the same W' and
b' is the same network; the one recovered here keeps W' as the convolution and puts in the batch norm the statistics
of that convolution's output over real lines (mean m, variance v), with gamma = sqrt(v + eps) and beta = b' + m. In
evaluation the batch norm then adds exactly b'; in training, where a batch's own statistics stand in for m and v, it
starts where the release is rather than from an identity that no batch would reproduce. The LSTM's gates are put back
from ONNX's order (input, output, forget, cell) into PyTorch's (input, forget, cell, output).

  /usr/bin/python3 models/training/recover_checkpoint.py --onnx models/recognizer/pilgi-rec-digits.onnx \
      --data models/training/data/lines/heldout-digits --only digits --out models/training/runs/digits-release.pt

Check: `export_recognizer.py` exports the result back to the released weights (the script compares them and fails
when any differs by more than 1e-4 relative).
"""
import argparse
import os
import random
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pilgi_synth import charset  # noqa: E402
from recognizer_model import CRNN  # noqa: E402
from train_recognizer import batches, collate, is_digit_line, load_shards  # noqa: E402

# ONNX keeps an LSTM's four gates as (input, output, forget, cell); PyTorch as (input, forget, cell, output).
ONNX_TO_TORCH_GATES = [0, 2, 3, 1]


def onnx_weights(path):
    """The released model's tensors in graph order: five (convolution weight, bias) pairs, two LSTM layers (B, W, R)
    and the head (bias, MatMul weight), told apart by the nodes that read them."""
    graph = onnx.load(path).graph
    tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    convs, lstms, head_w = [], [], None
    for node in graph.node:
        if node.op_type == "Conv":
            convs.append((tensors[node.input[1]], tensors[node.input[2]]))
        elif node.op_type == "LSTM":
            w, r, b = (tensors[n] for n in node.input[1:4])
            lstms.append((w, r, b))
        elif node.op_type == "MatMul" and node.input[1] in tensors:
            head_w = tensors[node.input[1]]
    head_b = next(v for k, v in tensors.items() if k.endswith("head.bias"))
    if len(convs) != 5 or len(lstms) != 2 or head_w is None:
        raise SystemExit(f"{path}: not the CRNN this script knows ({len(convs)} convolutions, {len(lstms)} LSTMs)")
    return convs, lstms, head_w, head_b


def gates(a, hidden):
    """Reorders the gate blocks along the first axis from ONNX's order to PyTorch's."""
    return np.concatenate([a[g * hidden:(g + 1) * hidden] for g in ONNX_TO_TORCH_GATES], axis=0)


def conv_layers(model):
    """The (convolution, batch norm) pairs of CRNN.features, in order: each convolution is followed by its batch norm."""
    convs = [m for m in model.features.modules() if isinstance(m, nn.Conv2d)]
    norms = [m for m in model.features.modules() if isinstance(m, nn.BatchNorm2d)]
    return list(zip(convs, norms))


def recover(onnx_path, imgs, texts, batch_size, pad_step, max_batches):
    convs, lstms, head_w, head_b = onnx_weights(onnx_path)
    model = CRNN(charset.NUM_CLASSES)
    hidden = model.rnn.hidden_size
    sd = model.state_dict()
    for layer, (w, r, b) in enumerate(lstms):
        for d, suffix in enumerate(["", "_reverse"]):
            sd[f"rnn.weight_ih_l{layer}{suffix}"] = torch.from_numpy(gates(w[d], hidden))
            sd[f"rnn.weight_hh_l{layer}{suffix}"] = torch.from_numpy(gates(r[d], hidden))
            sd[f"rnn.bias_ih_l{layer}{suffix}"] = torch.from_numpy(gates(b[d][:4 * hidden], hidden))
            sd[f"rnn.bias_hh_l{layer}{suffix}"] = torch.from_numpy(gates(b[d][4 * hidden:], hidden))
    sd["head.weight"] = torch.from_numpy(np.ascontiguousarray(head_w.T))
    sd["head.bias"] = torch.from_numpy(head_b)
    model.load_state_dict(sd)

    # first each batch norm adds the folded bias and nothing else (mean 0, variance 1 - eps, gamma 1): the release
    pairs = conv_layers(model)
    with torch.no_grad():
        for (conv, bn), (w, b) in zip(pairs, convs):
            conv.weight.copy_(torch.from_numpy(w))
            bn.running_mean.zero_()
            bn.running_var.fill_(1 - bn.eps)
            bn.weight.fill_(1)
            bn.bias.copy_(torch.from_numpy(b))
    model.eval()

    # then the statistics of each convolution's output over real lines (padded as in training)
    sums = [torch.zeros(c.out_channels, dtype=torch.float64) for c, _ in pairs]
    squares = [torch.zeros_like(s) for s in sums]
    counts = [0] * len(pairs)

    def hook(k):
        def record(_, __, out):
            o = out.detach().double().transpose(0, 1).reshape(out.shape[1], -1)
            sums[k] += o.sum(1)
            squares[k] += (o * o).sum(1)
            counts[k] += o.shape[1]
        return record

    handles = [conv.register_forward_hook(hook(k)) for k, (conv, _) in enumerate(pairs)]
    rng = random.Random(0)
    with torch.no_grad():
        for n, idx in enumerate(batches(imgs, texts, batch_size, rng)):
            if n >= max_batches:
                break
            x, _, _ = collate(idx, imgs, texts, "cpu", pad_step)
            model(x)
    for h in handles:
        h.remove()
    with torch.no_grad():
        for k, ((_, bn), (_, b)) in enumerate(zip(pairs, convs)):
            mean = sums[k] / counts[k]
            var = (squares[k] / counts[k] - mean * mean).clamp_min(1e-6)
            bn.running_mean.copy_(mean.float())
            bn.running_var.copy_(var.float())
            bn.weight.copy_(torch.sqrt(var + bn.eps).float())
            bn.bias.copy_(torch.from_numpy(b) + mean.float())
    return model


def check(model, onnx_path, tmp_path):
    """Exports the recovered model and compares every tensor with the release's."""
    from export_recognizer import export
    export({"model": model.state_dict()}, tmp_path)
    released, again = onnx_weights(onnx_path), onnx_weights(tmp_path)
    worst = 0.0
    for a, b in zip(flatten(released), flatten(again)):
        worst = max(worst, float(np.abs(a - b).max() / (np.abs(a).max() + 1e-12)))
    os.remove(tmp_path)
    return worst


def flatten(weights):
    convs, lstms, head_w, head_b = weights
    return [t for pair in convs for t in pair] + [t for layer in lstms for t in layer] + [head_w, head_b]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--onnx", required=True, help="the released model (pilgi-rec.onnx or pilgi-rec-digits.onnx)")
    ap.add_argument("--data", required=True, action="append", help="shards whose lines give the batch norms' statistics")
    ap.add_argument("--only", choices=["digits"], default=None, help="only digit-field lines (for the digit reader)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--lines", type=int, default=3000, help="lines read for the statistics")
    ap.add_argument("--pad-step", type=int, default=128)
    a = ap.parse_args()
    torch.set_num_threads(max(1, int(os.environ.get("OMP_NUM_THREADS", "2"))))
    imgs, texts, _ = load_shards(a.data, keep=is_digit_line if a.only == "digits" else None, limit=a.lines)
    if not imgs:
        raise SystemExit("no lines in --data to take the batch norms' statistics from")
    batches_read = max(1, a.lines // 48)
    model = recover(a.onnx, imgs, texts, batch_size=48, pad_step=a.pad_step, max_batches=batches_read)
    worst = check(model, a.onnx, a.out + ".check.onnx")
    print(f"exported back: largest relative difference from the release {worst:.2e}")
    if worst > 1e-4:
        raise SystemExit("the recovered checkpoint does not export to the release")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    state = {"step": 0, "seen": 0, "best_cer": 1e9, "history": [], "recovered_from": os.path.basename(a.onnx)}
    torch.save({"model": model.state_dict(), "state": state}, a.out)
    print(f"{a.out}: recovered from {a.onnx} (about {min(len(imgs), batches_read * 48)} lines for the batch norms)")


if __name__ == "__main__":
    main()
