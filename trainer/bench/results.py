"""Summarises the benchmark runs of mnist-lt.sh into docs/results.md (standard library only).

Usage: results.py RUNS_DIR RESULTS_MD IMAGES_DIR
Every RUNS_DIR/NETWORK-METHOD-sSEED/ with a report.json counts. Means and sample standard deviations
over seeds of top-1, balanced, head/medium/tail accuracy, training wall time and images/s; the
per-class recall of the best run (highest top-1) and its confusion-matrix plot, copied to IMAGES_DIR.
"""
import json
import os
import re
import shutil
import statistics
import sys
import time

ORDER = ["ce", "ce-balanced", "logit-adjusted", "reslt", "reslt-la", "reslt-branch-sampling"]


def load(runs_dir):
    rows = []
    for name in sorted(os.listdir(runs_dir)):
        m = re.fullmatch(r"(mnist|reference)-(.+)-s(\d+)", name)
        d = os.path.join(runs_dir, name)
        if not m or not os.path.isfile(os.path.join(d, "report.json")):
            continue
        report = json.load(open(os.path.join(d, "report.json")))
        state = json.load(open(os.path.join(d, "checkpoint", "state.json")))
        run = json.load(open(os.path.join(d, "run.json")))
        history = state["history"]
        wall_file = os.path.join(d, "wall-seconds.txt")
        train_seconds = sum(e["seconds"] for e in history)
        rows.append({
            "name": name, "dir": d, "network": m.group(1), "method": m.group(2),
            "seed": int(m.group(3)), "report": report, "run": run,
            "top1": report["top1"], "balanced": report["balanced"], "head": report.get("head"),
            "medium": report.get("medium"), "tail": report.get("tail"),
            "train_seconds": train_seconds,
            "wall_seconds": float(open(wall_file).read()) if os.path.isfile(wall_file) else None,
            "images_per_second": statistics.mean(e["imagesPerSecond"] for e in history),
            "epochs": len(history),
        })
    return rows


def mean_std(values, scale=1.0, digits=2):
    values = [v * scale for v in values if v is not None]
    if not values:
        return "n/a"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} ± {statistics.stdev(values):.{digits}f}"


def main():
    runs_dir, out, images = sys.argv[1:4]
    rows = load(runs_dir)
    if not rows:
        sys.exit(f"error: no finished runs (with report.json) in {runs_dir}")
    groups = {}
    for r in rows:
        groups.setdefault((r["network"], r["method"]), []).append(r)
    keys = sorted(groups, key=lambda k: (k[0] != "mnist", ORDER.index(k[1]) if k[1] in ORDER else 99))
    lines = [
        "# Results on MNIST-LT",
        "",
        "Written by `trainer/bench/mnist-lt.sh` on " + time.strftime("%Y-%m-%d", time.gmtime())
        + ". Every run trains on the same `mnist-lt` split (11,154 images, imbalance 211; tail"
        " {0, 3, 9} <= 100 images, medium {1, 2, 4, 5}, head {6, 7, 8} > 1000) and is tested on the"
        " full MNIST test set (10,000 images). Accuracies in %, mean ± sample standard deviation over"
        " seeds; time is the training wall time of one run (epochs plus the per-epoch test pass).",
        "",
        "| network | method | seeds | epochs | top-1 | balanced | head | medium | tail | time (s) | images/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k in keys:
        g = groups[k]
        lines.append(
            f"| {k[0]} | `{k[1]}` | {len(g)} | {g[0]['epochs']} | "
            f"{mean_std([r['top1'] for r in g], 100)} | {mean_std([r['balanced'] for r in g], 100)} | "
            f"{mean_std([r['head'] for r in g], 100)} | {mean_std([r['medium'] for r in g], 100)} | "
            f"{mean_std([r['tail'] for r in g], 100)} | {mean_std([r['train_seconds'] for r in g], 1, 0)} | "
            f"{mean_std([r['images_per_second'] for r in g], 1, 0)} |")
    best = max(rows, key=lambda r: r["top1"])
    rep = best["report"]
    lines += [
        "",
        f"## Best run: `{best['name']}` (top-1 {100 * best['top1']:.2f}%)",
        "",
        "| class | " + " | ".join(rep["classLabels"]) + " |",
        "|---|" + "---:|" * len(rep["classLabels"]),
        "| training images | " + " | ".join(str(n) for n in rep["groups"]["classCounts"]) + " |",
        "| recall (%) | " + " | ".join(f"{100 * v:.2f}" for v in rep["classRecall"]) + " |",
        "",
    ]
    src = os.path.join(best["dir"], "plots", "confusion-matrix.png")
    if os.path.isfile(src):
        os.makedirs(images, exist_ok=True)
        dst = os.path.join(images, "results-best-confusion-matrix.png")
        shutil.copyfile(src, dst)
        rel = os.path.relpath(dst, os.path.dirname(out))
        lines += [f"![Confusion matrix of {best['name']}]({rel})", ""]
    commands = os.path.join(runs_dir, "commands.txt")
    lines += ["## Commands", "", "```bash", "trainer/bench/mnist-lt.sh " + " ".join(sys.argv[4:])]
    if os.path.isfile(commands):
        lines += ["# which ran:"] + [l.rstrip() for l in open(commands) if l.strip()]
    lines += ["```", ""]
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines))
    os.replace(tmp, out)
    print(f"wrote {out} ({len(rows)} runs)", file=sys.stderr)


if __name__ == "__main__":
    main()
