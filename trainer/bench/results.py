"""Summarises the benchmark runs of mnist-lt.sh into docs/results.md (standard library only).

Usage: results.py RUNS_DIR RESULTS_MD IMAGES_DIR
Every RUNS_DIR/NETWORK-METHOD-sSEED/ with a report.json counts. Means and sample standard deviations
over seeds of top-1, balanced, head/medium/tail accuracy, training wall time and images/s; the
per-class recall of the best run (highest top-1) and its confusion-matrix plot, copied to IMAGES_DIR;
every run on its own line (an outlier seed shows there), and the issue's goals checked against the means.
A run folder holding a file timing-disturbed.txt (why, in a line) shared the CPU with other work: its
accuracy counts, its time and images/s are left out of the means and marked in the run table.
A note.txt in a run folder (a line) is shown beside the run.
Whatever follows the line NOTES_MARKER in an existing RESULTS_MD (hand-written reading of the numbers)
is kept, so rerunning the script never loses it.
"""
import json
import os
import re
import shutil
import statistics
import sys
import time

NOTES_MARKER = "<!-- notes below are kept by results.py -->"
RESLT_FAMILY = ("reslt", "reslt-la", "reslt-branch-sampling")
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
        selection = report.get("selection") or {}
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
            "first_loss": history[0]["trainLoss"] if history else None,
            "val_top1": (selection.get("validation") or {}).get("top1"),
            "val_tail": (selection.get("validation") or {}).get("tail"),
            "chosen_epoch": selection.get("epoch"),
            "disturbed": read_text(os.path.join(d, "timing-disturbed.txt")),
            "note": read_text(os.path.join(d, "note.txt")),
        })
    return rows


def split_summary(runs_dir):
    """Training images, imbalance and groups of the benchmark's split, from its file."""
    path = os.path.join(runs_dir, "split-mnist-lt.json")
    if not os.path.isfile(path):
        return "its split file is missing"
    split = json.load(open(path))
    counts = split["classCounts"]
    g = split["groups"]
    fmt = lambda cs: "{" + ", ".join(str(c) for c in cs) + "}"
    return (f"{sum(counts):,} training images, imbalance {max(counts) / max(1, min(counts)):.0f}; tail "
            f"{fmt(g['tail'])}, medium {fmt(g['medium'])}, head {fmt(g['head'])}; "
            f"{len(split.get('validationIndices') or [])} validation images")


def pct2(v):
    return "n/a" if v is None else f"{100 * v:.2f}"


def read_text(path):
    return open(path).read().strip() if os.path.isfile(path) else None


def timed(group, key):
    """Time figures of the runs whose timing was not disturbed."""
    return [r[key] for r in group if not r["disturbed"]]


def mean_std(values, scale=1.0, digits=2):
    values = [v * scale for v in values if v is not None]
    if not values:
        return "n/a"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} ± {statistics.stdev(values):.{digits}f}"


def goals(groups):
    """The trainer issue's goals, checked against the means of the default network's runs."""
    def mean(g, key):
        return statistics.mean(r[key] for r in g)
    ce = groups.get(("mnist", "ce"))
    out = ["", "## Goals (default network, mean over seeds)", ""]
    for method in RESLT_FAMILY:
        g = groups.get(("mnist", method))
        if not g:
            continue
        times = timed(g, "train_seconds")
        checks = [
            f"top-1 {100 * mean(g, 'top1'):.2f}% (goal >= 98.5%: "
            f"{'met' if mean(g, 'top1') >= 0.985 else '**missed**'})",
            f"tail {100 * mean(g, 'tail'):.2f}% (goal >= 98.0%: "
            f"{'met' if mean(g, 'tail') >= 0.98 else '**missed**'})",
            (f"slowest undisturbed run {max(times):.0f} s (goal < 600 s: "
             f"{'met' if max(times) < 600 else '**missed**'})") if times else "no undisturbed timing",
        ]
        if ce:
            verdict = "met" if mean(g, "balanced") >= mean(ce, "balanced") else "**missed**"
            checks.append(
                f"balanced {100 * mean(g, 'balanced'):.2f}% vs `ce` {100 * mean(ce, 'balanced'):.2f}%"
                f" (goal >= `ce`: {verdict})")
        out.append(f"- `{method}` ({len(g)} seed(s)): " + "; ".join(checks) + ".")
    return out


def kept_notes(path):
    if not os.path.isfile(path):
        return ["", NOTES_MARKER, ""]
    text = open(path).read()
    at = text.find(NOTES_MARKER)
    return ["", NOTES_MARKER, ""] if at < 0 else ["", text[at:].rstrip("\n"), ""]


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
        + ". Every run trains on the same `mnist-lt` split (" + split_summary(runs_dir) + ") and is tested on the"
        " full MNIST test set (10,000 images) once, with the epoch each run chose on its validation set"
        " (50 unused training images per class; best validation top-1, ties to the later epoch)."
        " Accuracies in %, mean ± sample standard deviation over seeds; time is the training wall time"
        " of one run (epochs plus the per-epoch validation pass), over the runs whose timing no other"
        " work disturbed (see the run table). Every choice below (the default method, the shipped run)"
        " is made on validation; the test columns are reported, never used to choose.",
        "",
        "| network | method | seeds | epochs | validation top-1 | top-1 | balanced | head | medium | tail | time (s) | images/s |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k in keys:
        g = groups[k]
        lines.append(
            f"| {k[0]} | `{k[1]}` | {len(g)} | {g[0]['epochs']} | "
            f"{mean_std([r['val_top1'] for r in g], 100)} | "
            f"{mean_std([r['top1'] for r in g], 100)} | {mean_std([r['balanced'] for r in g], 100)} | "
            f"{mean_std([r['head'] for r in g], 100)} | {mean_std([r['medium'] for r in g], 100)} | "
            f"{mean_std([r['tail'] for r in g], 100)} | {mean_std(timed(g, 'train_seconds'), 1, 0)} | "
            f"{mean_std(timed(g, 'images_per_second'), 1, 0)} |")
    lines += goals(groups)
    ranked = [k for k in keys if k[0] == "mnist" and all(r["val_top1"] is not None for r in groups[k])]
    if ranked:
        pick = max(ranked, key=lambda k: statistics.mean(r["val_top1"] for r in groups[k]))
        lines += [
            "",
            "## The default, chosen on validation",
            "",
            "Rule: the default network's method with the best mean validation top-1 over seeds is what"
            " `reslt-train train` does with no options; the shipped model is that method's run with the"
            " best validation top-1 (ties: better validation tail). Means of validation top-1: "
            + ", ".join(f"`{k[1]}` {100 * statistics.mean(r['val_top1'] for r in groups[k]):.2f}%"
                        for k in sorted(ranked, key=lambda k: -statistics.mean(r['val_top1'] for r in groups[k])))
            + f". Chosen: `{pick[1]}`.",
        ]
    lines += [
        "",
        "## Every run",
        "",
        "| run | chosen epoch | validation top-1 | top-1 | balanced | tail | epoch-1 loss | time (s) | images/s | note |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for k in keys:
        for r in sorted(groups[k], key=lambda r: r["seed"]):
            mark = " (disturbed: " + r["disturbed"] + ")" if r["disturbed"] else ""
            lines.append(
                f"| `{r['name']}` | {r['chosen_epoch'] or 'last'} | "
                f"{pct2(r['val_top1'])} | {100 * r['top1']:.2f} | {100 * r['balanced']:.2f} | "
                f"{100 * r['tail']:.2f} | {r['first_loss']:.4f} | {r['train_seconds']:.0f}{mark} | "
                f"{r['images_per_second']:.0f} | {r['note'] or ''} |")
    # the best run by validation (ties: the better validation tail); the test set never chooses
    chosen = [r for r in rows if r["val_top1"] is not None] or rows
    best = max(chosen, key=lambda r: (r["val_top1"] or 0, r["val_tail"] or 0))
    rep = best["report"]
    lines += [
        "",
        f"## Best run on validation: `{best['name']}` (validation top-1"
        f" {100 * (best['val_top1'] or 0):.2f}%, test top-1 {100 * best['top1']:.2f}%)",
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
    lines += kept_notes(out)
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines))
    os.replace(tmp, out)
    print(f"wrote {out} ({len(rows)} runs)", file=sys.stderr)


if __name__ == "__main__":
    main()
