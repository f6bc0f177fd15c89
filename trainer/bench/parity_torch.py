#!/usr/bin/python3
"""PyTorch side of the trainer's parity benchmark (issue 10, part 2; see parity.sh).

Trains, with PyTorch 1.13 eager on the CPU, exactly the recipe `reslt-train train` runs with its
defaults on the default network (`--network mnist`), on the images of a trainer-written split.json:

- network: the DEEP_BN MNIST trunk, Conv3x3(32, no bias) + BN + ReLU twice, MaxPool2, Conv3x3(64, no
  bias) + BN + ReLU twice, MaxPool2 (7x7x64); head per branch Conv1x1(64, no bias) + BN + ReLU, global
  average pool, then ONE linear classifier shared by the branches (`paper` head, three branches
  h+m+t, m+t, t; fused logits = their sum) for reslt-la, or one such branch (`single`) for ce. BN
  eps 1e-5, momentum 0.1 (DJL's 0.9 counts the other way). The network normalises raw 0..255 pixels
  itself: (x / 255 - 0.1307) / 0.3081. PyTorch's default initialisation.
- loss: reslt-la = 0.5 * logit-adjusted CE(fused) + 0.5 * masked branch CE averaged over the
  (branch, sample) pairs that count (tau 1; a class with no image counts as one); ce = mean CE.
- Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8, no weight decay), batch 128, every batch full
  (epoch = ceil(N/128) steps, the last batch completed from a fresh shuffle), per-step linear warm-up
  over the first epoch then cosine to zero at the last step, integer shifts of -2..2 px with zero fill.
- data order: the trainer's own sampler and augmentation streams, ported (java.util.Random and the
  trainer's per-epoch seeding), so with the same --seed both sides see the same batches and shifts.

Each epoch is scored on the split's validation images (`validationIndices`) when the split has them;
the epoch with the best validation top-1 (ties: the later) is kept and the 10,000 test images are
scored once, with its weights. Without validation images the last epoch is kept (the test set never
chooses). Result: one JSON file (--out).

Usage: /usr/bin/python3 parity_torch.py --split SPLIT.json [--data-dir data/mnist]
         [--method reslt-la|ce] [--seed 1] [--epochs 20] [--threads 2] [--out result.json]
"""
import argparse
import copy
import gzip
import json
import math
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# The trainer's defaults (cli/TrainCommand.java, model/NetworkPresets.java, training/*Settings.java).
BATCH = 128
LEARNING_RATE = 1e-3
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8
WEIGHT_DECAY = 0.0
WARMUP_EPOCHS = 1
MAX_SHIFT = 2
ALPHA = 0.5
TAU = 1.0
TAIL_MAX, MEDIUM_MAX = 100, 1000
WIDTH, CONVS_PER_STAGE = 32, 2
BN_EPS, BN_MOMENTUM = 1e-5, 0.1
PIXEL_MAX, MEAN, STD = 255.0, 0.1307, 0.3081
CLASSES = 10
EVAL_BATCH = 1000

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


# ---- the trainer's random streams ----

class JavaRandom:
    """java.util.Random (its algorithm is fixed by its specification), for nextInt only."""
    MULTIPLIER = 0x5DEECE66D
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.state = (seed ^ self.MULTIPLIER) & self.MASK

    def _next(self, bits):
        self.state = (self.state * self.MULTIPLIER + 0xB) & self.MASK
        return self.state >> (48 - bits)  # bits <= 31 here, so the int cast keeps it positive

    def next_int(self, bound):
        r = self._next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            # Java rejects the draw when u - r + m overflows a 32-bit int (a biased last interval)
            if u - r + m < (1 << 31):
                return r
            u = self._next(31)


def epoch_random(seed, epoch):
    """BatchSampler.epochRandom: a SplitMix64 finaliser of (seed, epoch), then a java.util.Random."""
    m64 = (1 << 64) - 1
    z = (seed + (epoch + 1) * 0x9E3779B97F4A7C15) & m64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & m64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & m64
    return JavaRandom(z ^ (z >> 31))


AUGMENT_STREAM = 0x5DEECE66D  # SampledBatches keeps augmentation apart from the sampler this way


class FillingSampler:
    """InstanceSampler with PartialBatch.FILL: a fresh shuffle per epoch, every batch full (an
    exhausted order is reshuffled in place and the batch completed from it)."""

    def __init__(self, size, batch, seed):
        self.size, self.batch, self.seed = size, batch, seed
        self.steps = (size + batch - 1) // batch

    def start_epoch(self, epoch0):
        self.rng = epoch_random(self.seed, epoch0)
        self.order = list(range(self.size))
        self._shuffle()
        self.pos = 0

    def _shuffle(self):
        order, rng = self.order, self.rng
        for i in range(len(order) - 1, 0, -1):
            j = rng.next_int(i + 1)
            order[i], order[j] = order[j], order[i]

    def next(self):
        out = []
        for _ in range(self.batch):
            if self.pos == self.size:
                self._shuffle()
                self.pos = 0
            out.append(self.order[self.pos])
            self.pos += 1
        return out


def shift_batch(x, rng, k):
    """Augmenter.shift for each image in batch order: dx then dy uniform in -k..k, output (y, x)
    reads the source at (y - dy, x - dx), the uncovered border 0."""
    if k == 0:
        return x
    h, w = x.shape[2], x.shape[3]
    padded = F.pad(x, (k, k, k, k))
    out = torch.empty_like(x)
    for i in range(x.shape[0]):
        dx = rng.next_int(2 * k + 1) - k
        dy = rng.next_int(2 * k + 1) - k
        out[i] = padded[i, :, k - dy:k - dy + h, k - dx:k - dx + w]
    return out


# ---- network ----

def conv_bn_relu(cin, cout, kernel):
    # a bias before BatchNorm is cancelled by its mean subtraction: the trainer has none there
    return [nn.Conv2d(cin, cout, kernel, padding=kernel // 2, bias=False),
            nn.BatchNorm2d(cout, eps=BN_EPS, momentum=BN_MOMENTUM), nn.ReLU()]


class MnistNet(nn.Module):
    """NetworkPresets.mnist(DEEP_BN, PAPER | SINGLE); outputs as NetworkBlock's: [fused, hmt, mt, t]
    for three branches, [logits] for one."""

    def __init__(self, branches, mean=MEAN, std=STD):
        super().__init__()
        self.mean, self.std = mean, std
        layers, cin, width = [], 1, WIDTH
        for _ in range(2):
            for _ in range(CONVS_PER_STAGE):
                layers += conv_bn_relu(cin, width, 3)
                cin = width
            layers.append(nn.MaxPool2d(2, 2))
            width *= 2
        self.trunk = nn.Sequential(*layers)
        self.branches = nn.ModuleList(
            [nn.Sequential(*conv_bn_relu(cin, cin, 1)) for _ in range(branches)])
        self.classifier = nn.Linear(cin, CLASSES)

    def forward(self, x):
        x = (x / PIXEL_MAX - self.mean) / self.std
        features = self.trunk(x)
        logits = [self.classifier(b(features).mean(dim=(2, 3))) for b in self.branches]
        if len(logits) == 1:
            return logits
        return [logits[0] + logits[1] + logits[2]] + logits


# ---- losses ----

def logit_adjustment(counts):
    counted = [max(n, 1) for n in counts]
    total = float(sum(counted))
    return torch.tensor([TAU * math.log(n / total) for n in counted], dtype=torch.float32)


def make_loss(method, counts, groups):
    if method == "ce":
        return lambda outputs, y: F.cross_entropy(outputs[0], y)
    shift = logit_adjustment(counts)
    medium_or_tail = set(groups["medium"]) | set(groups["tail"])
    mt_table = torch.tensor([1.0 if c in medium_or_tail else 0.0 for c in range(CLASSES)])
    t_table = torch.tensor([1.0 if c in groups["tail"] else 0.0 for c in range(CLASSES)])

    def reslt_la(outputs, y):
        fused, hmt, mt, t = outputs
        fusion = F.cross_entropy(fused + shift, y)
        mt_mask, t_mask = mt_table[y], t_table[y]
        branch_sum = (F.cross_entropy(hmt, y, reduction="sum")
                      + (F.cross_entropy(mt, y, reduction="none") * mt_mask).sum()
                      + (F.cross_entropy(t, y, reduction="none") * t_mask).sum())
        pairs = mt_mask.sum() + t_mask.sum() + y.numel()
        return (1 - ALPHA) * fusion + ALPHA * branch_sum / pairs

    return reslt_la


def learning_rate(step, warmup, total):
    """LearningRateSchedule.at (cosine) for the 0-based step."""
    if step < warmup:
        return LEARNING_RATE * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * progress))


# ---- data ----

def read_idx(data_dir, name):
    raw = os.path.join(data_dir, name)
    path = raw if os.path.isfile(raw) else raw + ".gz"  # the raw file wins, as MnistFiles does
    if not os.path.isfile(path):
        sys.exit(f"error: {name} (raw or .gz) is missing in {data_dir}; run scripts/fetch-mnist.sh")
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    values = torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8)
    return values.reshape(shape)


def load_split(path):
    split = json.load(open(path))
    counts = split["classCounts"]
    groups = split.get("groups")
    if not groups:
        thresholds = split.get("thresholds") or {}
        tail_max = thresholds.get("tailMax", TAIL_MAX)
        medium_max = thresholds.get("mediumMax", MEDIUM_MAX)
        groups = {"head": [c for c, n in enumerate(counts) if n > medium_max],
                  "medium": [c for c, n in enumerate(counts) if tail_max < n <= medium_max],
                  "tail": [c for c, n in enumerate(counts) if n <= tail_max]}
    validation = split.get("validationIndices")
    if validation is None and isinstance(split.get("validation"), dict):
        validation = split["validation"].get("indices")
    return split, counts, groups, validation


# ---- evaluation ----

@torch.no_grad()
def predict(model, images):
    model.eval()
    out = []
    for start in range(0, images.shape[0], EVAL_BATCH):
        out.append(model(images[start:start + EVAL_BATCH].float())[0].argmax(1))
    model.train()
    return torch.cat(out)


def scores(predicted, labels, groups):
    correct = predicted == labels
    recalls = [correct[labels == c].float().mean().item()
               for c in range(CLASSES) if (labels == c).any()]

    def group_accuracy(classes):
        mask = torch.zeros_like(labels, dtype=torch.bool)
        for c in classes:
            mask |= labels == c
        return correct[mask].float().mean().item() if mask.any() else None

    return {"top1": correct.float().mean().item(), "balanced": sum(recalls) / len(recalls),
            "head": group_accuracy(groups["head"]), "medium": group_accuracy(groups["medium"]),
            "tail": group_accuracy(groups["tail"]),
            "classRecall": [correct[labels == c].float().mean().item() if (labels == c).any()
                            else None for c in range(CLASSES)]}


def percent(value):
    return "n/a" if value is None else f"{100 * value:.2f}%"


# ---- main ----

def parse_args():
    p = argparse.ArgumentParser(
        description="Trains the reslt-train default recipe (default network, Adam 1e-3, batch 128,"
        " warm-up + cosine, shifts of 2 px) in PyTorch on a trainer split.json, keeps the epoch with"
        " the best validation top-1 and scores the MNIST test set once with it. The PyTorch side of"
        " trainer/bench/parity.sh.",
        epilog="Batches and shifts follow the trainer's own random streams for --seed (ported), so"
        " both sides see the same data; the initial weights come from torch.manual_seed(--seed).")
    p.add_argument("--split", required=True, metavar="FILE",
                   help="split.json written by reslt-train (indices into MNIST's 60,000 training"
                   " images; validationIndices when present)")
    p.add_argument("--data-dir", default="data/mnist", metavar="DIR",
                   help="MNIST's four IDX files, raw or .gz (default: %(default)s)")
    p.add_argument("--method", default="reslt-la", choices=["reslt-la", "ce"],
                   help="reslt-la: paper ResLT head, logit-adjusted fusion term; ce: one branch,"
                   " cross-entropy (default: %(default)s)")
    p.add_argument("--seed", type=int, default=1, help="torch and sampler seed (default: %(default)s)")
    p.add_argument("--epochs", type=int, default=20, help="default: %(default)s")
    p.add_argument("--threads", type=int, default=2,
                   help="intra-op threads; one inter-op thread (default: %(default)s)")
    p.add_argument("--mean", type=float, default=MEAN,
                   help="normalisation mean of the training images in [0, 1]; the trainer's is in its"
                   " run's network spec (default: MNIST's, %(default)s)")
    p.add_argument("--std", type=float, default=STD,
                   help="normalisation standard deviation, as --mean (default: MNIST's, %(default)s)")
    p.add_argument("--out", metavar="FILE", help="write the result as JSON here")
    args = p.parse_args()
    if args.epochs < 1 or args.threads < 1:
        p.error("--epochs and --threads must be >= 1")
    if args.std <= 0:
        p.error("--std must be > 0")
    return args


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)

    split, counts, groups, validation = load_split(args.split)
    train_x_all = read_idx(args.data_dir, MNIST_FILES["train_images"]).unsqueeze(1)
    train_y_all = read_idx(args.data_dir, MNIST_FILES["train_labels"]).long()
    test_x = read_idx(args.data_dir, MNIST_FILES["test_images"]).unsqueeze(1)
    test_y = read_idx(args.data_dir, MNIST_FILES["test_labels"]).long()
    indices = torch.tensor(split["indices"], dtype=torch.long)
    train_x, train_y = train_x_all[indices], train_y_all[indices]
    seen = torch.bincount(train_y, minlength=CLASSES).tolist()
    if seen != counts:
        sys.exit(f"error: the split's classCounts {counts} differ from its images' labels {seen}")
    val_x = val_y = None
    if validation:
        vi = torch.tensor(validation, dtype=torch.long)
        val_x, val_y = train_x_all[vi], train_y_all[vi]

    model = MnistNet(3 if args.method == "reslt-la" else 1, args.mean, args.std)
    trainable = sum(p.numel() for p in model.parameters())
    running = sum(b.numel() for n, b in model.named_buffers() if not n.endswith("num_batches_tracked"))
    loss_fn = make_loss(args.method, counts, groups)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=ADAM_BETAS,
                                 eps=ADAM_EPS, weight_decay=WEIGHT_DECAY)
    sampler = FillingSampler(len(indices), BATCH, args.seed)
    steps = sampler.steps
    warmup, total = WARMUP_EPOCHS * steps, args.epochs * steps
    print(f"parity-torch: {args.method} seed {args.seed}, {len(indices):,} training images,"
          f" {len(validation) if validation else 0} validation, {args.epochs} epoch(s) x {steps}"
          f" steps; {trainable:,} trainable parameters (+{running:,} BatchNorm running statistics);"
          f" torch {torch.__version__}, {args.threads} thread(s)", flush=True)

    history, best, best_state = [], None, None
    step_count, train_seconds = 0, 0.0
    model.train()
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        sampler.start_epoch(epoch - 1)
        augment_rng = epoch_random(args.seed ^ AUGMENT_STREAM, epoch - 1)
        loss_sum, correct, images = 0.0, 0, 0
        for _ in range(steps):
            batch = torch.tensor(sampler.next(), dtype=torch.long)
            x = shift_batch(train_x[batch].float(), augment_rng, MAX_SHIFT)
            y = train_y[batch]
            optimizer.zero_grad(set_to_none=True)
            outputs = model(x)
            loss = loss_fn(outputs, y)
            loss.backward()
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(step_count, warmup, total)
            optimizer.step()
            step_count += 1
            loss_sum += loss.item()
            correct += (outputs[0].detach().argmax(1) == y).sum().item()
            images += y.numel()
            if not math.isfinite(loss.item()):
                sys.exit(f"error: training diverged in epoch {epoch} (loss {loss.item()})")
        seconds = time.perf_counter() - start
        train_seconds += seconds
        val_top1 = scores(predict(model, val_x), val_y, groups)["top1"] if val_x is not None else None
        record = {"epoch": epoch, "trainLoss": loss_sum / steps, "trainAccuracy": correct / images,
                  "validationTop1": val_top1,
                  "learningRate": learning_rate(step_count - 1, warmup, total),
                  "imagesPerSecond": images / seconds, "seconds": seconds,
                  "secondsWithValidation": time.perf_counter() - start}
        history.append(record)
        width = len(str(args.epochs))
        print(f"epoch {epoch:{width}d}/{args.epochs}  loss {record['trainLoss']:.4f}  train"
              f" {100 * record['trainAccuracy']:.2f}%  val {percent(val_top1)}  lr"
              f" {record['learningRate']:.2e}  {record['imagesPerSecond']:,.0f} img/s  {seconds:.1f} s",
              flush=True)
        # without validation images the last epoch is kept: the test set must not choose
        if val_top1 is None or best is None or val_top1 >= best["validationTop1"]:
            best = record
            best_state = copy.deepcopy(model.state_dict())

    model.load_state_dict(best_state)
    test = scores(predict(model, test_x), test_y, groups)
    selection = ("best validation top-1 (ties: later epoch)" if val_x is not None
                 else "last epoch (the split has no validationIndices)")
    print(f"chosen epoch {best['epoch']} ({selection}): validation {percent(best['validationTop1'])};"
          f" test top-1 {percent(test['top1'])}, balanced {percent(test['balanced'])}, head"
          f" {percent(test['head'])}, medium {percent(test['medium'])}, tail {percent(test['tail'])};"
          f" trained in {train_seconds:.0f} s", flush=True)
    result = {
        "side": "pytorch", "method": args.method, "seed": args.seed, "epochs": args.epochs,
        "chosenEpoch": best["epoch"], "selection": selection,
        "validationImages": len(validation) if validation else 0,
        "validationTop1": best["validationTop1"],
        "top1": test["top1"], "balanced": test["balanced"], "head": test["head"],
        "medium": test["medium"], "tail": test["tail"], "classRecall": test["classRecall"],
        "trainingSeconds": train_seconds, "imagesPerSecond": steps * BATCH * args.epochs / train_seconds,
        "trainableParameters": trainable, "runningStatistics": running,
        "split": os.path.abspath(args.split), "trainImages": len(indices), "groups": groups,
        "threads": args.threads, "torch": torch.__version__, "history": history,
    }
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
