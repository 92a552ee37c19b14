"""Lean CRNN for CTC line recognition: 1x32xW grey line -> (T = W/4) x classes probabilities."""
import torch
from torch import nn


def _conv(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class CRNN(nn.Module):
    def __init__(self, num_classes, hidden=128):
        super().__init__()
        self.features = nn.Sequential(
            _conv(1, 32, stride=2),                 # 16 x W/2  (stride-2 stem)
            _conv(32, 64),
            nn.MaxPool2d(2, 2),                     # 8 x W/4
            _conv(64, 128),
            nn.MaxPool2d((2, 1), (2, 1)),           # 4 x W/4
            _conv(128, 256),
            nn.MaxPool2d((2, 1), (2, 1)),           # 2 x W/4
            nn.Conv2d(256, 256, (2, 1), bias=False),  # 1 x W/4
            nn.BatchNorm2d(256),
            nn.ReLU(inplace=True),
        )
        self.rnn = nn.LSTM(256, hidden, num_layers=2, bidirectional=True, batch_first=True, dropout=0.1)
        self.head = nn.Linear(2 * hidden, num_classes)

    def forward(self, x):
        """x: N x 1 x 32 x W in [0, 1] with ink dark -> logits N x T x C."""
        f = self.features(1.0 - x)                  # ink as signal, paper as zero
        f = f.squeeze(2).permute(0, 2, 1)           # N x T x 256
        f, _ = self.rnn(f)
        return self.head(f)


class ExportWrapper(nn.Module):
    """What goes into ONNX: uint8-free float input, probabilities out (N x T x C)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, image):
        return torch.softmax(self.model(image), dim=-1)
