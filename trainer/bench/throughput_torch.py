"""PyTorch eager side of the training throughput benchmark (see throughput.sh).

Trains the MNIST reference network (Conv3x3(32)+LeakyReLU(0.2)+MaxPool2, Conv3x3(64)+LeakyReLU(0.2)+
MaxPool2; three branches of Conv1x1(32) + global average pool + Linear(10); fused logits = their sum)
with the ResLT loss (one batch, a 0/1 mask per branch, alpha 0.5) and Adam, on synthetic MNIST-sized
images with MNIST-LT's class frequencies: the same work as the Java ThroughputProbe. The input is
normalised inside the network, as the trainer's network does.

With a fifth argument `mnist`, the trainer's default network instead (parity_torch.MnistNet, the
paper head; the same masked ResLT loss).

Usage: /usr/bin/python3 throughput_torch.py [batch] [warmup_steps] [timed_steps] [threads] [network]
Prints one line: images_per_second=... train_mflop_per_image=... (multiply-adds of convolutions and
linear layers counted by forward hooks, times 2 FLOP, times 3 for forward + the two backward
products; BatchNorm, pooling and the optimiser are left out).
"""
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

COUNTS = [42, 125, 187, 28, 601, 300, 5918, 2698, 1188, 67]
TAIL_MAX, MEDIUM_MAX = 100, 1000


class ReferenceResLT(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.branch_convs = nn.ModuleList([nn.Conv2d(64, 32, 1) for _ in range(3)])
        self.classifiers = nn.ModuleList([nn.Linear(32, 10) for _ in range(3)])

    def forward(self, x):
        x = (x / 255.0 - 0.1307) / 0.3081
        x = F.max_pool2d(F.leaky_relu(self.conv1(x), 0.2), 2)
        x = F.max_pool2d(F.leaky_relu(self.conv2(x), 0.2), 2)
        outs = []
        for conv, fc in zip(self.branch_convs, self.classifiers):
            outs.append(fc(conv(x).mean(dim=(2, 3))))
        return outs[0] + outs[1] + outs[2], outs[0], outs[1], outs[2]


def reslt_loss(outputs, labels, mt_table, t_table, alpha=0.5):
    fused, hmt, mt, t = outputs
    mt_mask = mt_table[labels]
    t_mask = t_table[labels]
    ce_hmt = F.cross_entropy(hmt, labels, reduction="none")
    ce_mt = F.cross_entropy(mt, labels, reduction="none") * mt_mask
    ce_t = F.cross_entropy(t, labels, reduction="none") * t_mask
    pairs = labels.numel() + mt_mask.sum() + t_mask.sum()
    branch = (ce_hmt.sum() + ce_mt.sum() + ce_t.sum()) / pairs
    return (1 - alpha) * F.cross_entropy(fused, labels) + alpha * branch


def train_mflop_per_image(model):
    """Forward multiply-adds per image from hooks on one forward pass, as training MFLOP."""
    macs = [0]

    def conv_hook(module, inputs, output):
        k = module.kernel_size[0] * module.kernel_size[1] * module.in_channels // module.groups
        macs[0] += output.numel() * k

    def linear_hook(module, inputs, output):
        macs[0] += output.numel() * module.in_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    with torch.no_grad():
        model(torch.zeros(1, 1, 28, 28))
    for h in hooks:
        h.remove()
    return 3 * 2 * macs[0] / 1e6


class Setup:
    """What a timed step needs: threads set, synthetic MNIST-sized images with MNIST-LT's class
    frequencies, the ResLT masks per class, and the network (`mnist` or the reference one)."""

    def __init__(self, network, threads):
        torch.set_num_threads(threads)
        torch.set_num_interop_threads(1)
        torch.manual_seed(1)
        self.total = sum(COUNTS)
        self.images = torch.randint(0, 256, (self.total, 1, 28, 28), dtype=torch.uint8)
        self.labels = torch.cat([torch.full((n,), c, dtype=torch.long) for c, n in enumerate(COUNTS)])
        self.mt_table = torch.tensor([1.0 if n <= MEDIUM_MAX else 0.0 for n in COUNTS])
        self.t_table = torch.tensor([1.0 if n <= TAIL_MAX else 0.0 for n in COUNTS])
        if network == "mnist":
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            from parity_torch import MnistNet
            self.model = MnistNet(3)
        else:
            self.model = ReferenceResLT()


def main():
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else 128
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    timed = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    setup = Setup(sys.argv[5] if len(sys.argv) > 5 else "reference", threads)
    total, images, labels = setup.total, setup.images, setup.labels
    mt_table, t_table, model = setup.mt_table, setup.t_table, setup.model
    model.eval()
    mflop = train_mflop_per_image(model)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        index = torch.randint(0, total, (batch,))
        x = images[index].float()
        y = labels[index]
        optimizer.zero_grad(set_to_none=True)
        loss = reslt_loss(model(x), y, mt_table, t_table)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(warmup):
        step()
    start = time.perf_counter()
    loss = 0.0
    for _ in range(timed):
        loss = step()
    seconds = time.perf_counter() - start
    print("images_per_second=%.1f steps=%d batch=%d seconds=%.3f loss=%.4f torch=%s"
          " train_mflop_per_image=%.2f"
          % (batch * timed / seconds, timed, batch, seconds, loss, torch.__version__, mflop))


if __name__ == "__main__":
    main()
