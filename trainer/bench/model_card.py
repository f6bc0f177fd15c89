"""Writes the model card of a model exported from a finished run (standard library only).

Usage: model_card.py RUN_DIR MODEL.onnx CARD.md IMAGES_DIR "COMMAND" ["COMMAND" ...]
Numbers come from the run's run.json, report.json and checkpoint/state.json; the plots are copied from
RUN_DIR/plots to IMAGES_DIR as <model>-<plot>.png; COMMANDs are the exact commands that made the model.
The hand-written sections of an existing CARD.md, from "## Why this model" or "## Checked by" on, are
kept.
"""
import hashlib
import json
import os
import shutil
import sys

METHODS = {
    "reslt": "ResLT as in the paper (alpha {alpha}): fused cross-entropy on every image plus each branch's "
             "cross-entropy on the images of its own groups, one instance-sampled batch",
    "reslt-la": "`reslt-la`: ResLT (alpha {alpha}) whose fusion term is the logit-adjusted cross-entropy; "
                "branches trained as in the paper",
    "reslt-branch-sampling": "`reslt-branch-sampling`: ResLT (alpha {alpha}) with one instance-sampled batch "
                             "per branch (all / medium+tail / tail images), as in the MNIST reference",
    "ce": "`ce`: cross-entropy, instance sampling (baseline)",
    "ce-balanced": "`ce-balanced`: cross-entropy with class-balanced sampling (baseline)",
    "logit-adjusted": "`logit-adjusted`: logit-adjusted cross-entropy, tau 1 (baseline)",
}
NETWORKS = {
    "mnist": ": two stages of two 3x3 conv + BatchNorm + ReLU (32 then 64 channels) with max-pooling; per branch"
             " 1x1 conv + BN + ReLU, global average pool, one classifier shared by the branches; 78,506 parameters",
}
# what each data set's model classifies and what its input looks like (dataset.json's name)
DATASETS = {
    "MNIST": ("digit", "a light digit on a dark background", "MNIST-LT (the MNIST reference split"),
    "Fashion-MNIST": ("clothing", "a light garment on a dark background",
                      "Fashion-MNIST-LT (Fashion-MNIST"),
}
PUBLISHED = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}
KEPT_SECTIONS = ["## Why this model", "## Checked by"]
PLOTS = ["confusion-matrix", "class-distribution", "recall-vs-training-count", "training-curves"]
CAPTIONS = {
    "confusion-matrix": "Confusion matrix, row-normalised",
    "class-distribution": "Training images per class, coloured by group, with the thresholds",
    "recall-vs-training-count": "Per-class recall against training count",
    "training-curves": "Loss and accuracy per epoch",
}


def pct(v):
    return f"{100 * v:.2f}%"


def main():
    run_dir, model, card, images = sys.argv[1:5]
    commands = sys.argv[5:]
    run = json.load(open(os.path.join(run_dir, "run.json")))
    report = json.load(open(os.path.join(run_dir, "report.json")))
    history = json.load(open(os.path.join(run_dir, "checkpoint", "state.json")))["history"]
    split = json.load(open(os.path.join(run_dir, "split.json")))
    data = open(model, "rb").read()
    described = os.path.join(run_dir, "dataset.json")
    # runs older than dataset.json name their kind in run.json's data settings
    kind = run.get("data", {}).get("dataset", "mnist")
    dataset = json.load(open(described))["name"] if os.path.isfile(described) else PUBLISHED.get(kind, kind)
    what, looks, long_tail = DATASETS.get(dataset, ("image", "an image", dataset + "-LT (" + dataset))
    spec = json.load(open(os.path.join(run_dir, "checkpoint", "network.json")))["input"]
    classes = len(report["classLabels"])
    name = os.path.splitext(os.path.basename(model))[0]
    training = run["training"]
    net, sched, opt, aug = run["network"], training["schedule"], training["optimizer"], training["augmentation"]
    counts = report["groups"]["classCounts"]
    labels = report["classLabels"]
    groups = {}
    for c, n in enumerate(counts):
        t = report["groups"]["thresholds"]
        g = "tail" if n <= t["tailMax"] else "medium" if n <= t["mediumMax"] else "head"
        groups.setdefault(g, []).append(labels[c])
    seconds = sum(e["seconds"] for e in history)
    rate = sum(e["imagesPerSecond"] for e in history) / len(history)
    out = [
        f"# Model card: {name}",
        "",
        f"A model the server serves out of the box: a ResLT {what} classifier trained on {long_tail},",
        f"imbalance {max(split['classCounts']) / max(1, min(split['classCounts'])):.0f}) and exported to ONNX by `reslt-train`.",
        "",
        "| | |",
        "|---|---|",
        f"| file | `models/{os.path.basename(model)}`, {len(data):,} bytes |",
        f"| SHA-256 | `{hashlib.sha256(data).hexdigest()}` |",
        f"| input | `image`: float32 `[batch, {spec['channels']}, {spec['height']}, {spec['width']}]`, raw pixels 0..255, {looks} (normalisation is inside the graph) |",
        f"| outputs | `logits`, `probabilities` `[batch, {classes}]`; branch logits `logits_hmt`, `logits_mt`, `logits_t` |",
        f"| method | {METHODS.get(run['method'], run['method']).format(alpha=run['alpha'])} |",
        f"| network | `{net['preset']}` preset, `{net['branchStyle']}` head (`docs/training.md`){NETWORKS.get(net['preset'], '')} |",
        f"| training | {opt['kind'].capitalize()}, lr {sched['learningRate']}, {sched['warmupEpochs']} warm-up epoch{'s' if sched['warmupEpochs'] != 1 else ''} then {sched['kind']} over {training['epochs']} epochs, batch {training['batchSize']}{' per branch (' + str(3 * training['batchSize']) + ' images a step)' if run['method'] == 'reslt-branch-sampling' else ''}, random shifts of up to {aug['maxShift']} pixels, seed {run['seed']}, CPU ({run['machine']['threads']} thread{'s' if run['machine']['threads'] != 1 else ''}): {seconds:.0f} s, {rate:,.0f} images/s |",
        "| metadata | labels, class groups and counts, input spec, method, alpha, branch style, test metrics, run config, split, provenance (`docs/onnx-contract.md`) |",
        "",
        "## How it was made",
        "",
        "```bash",
        *commands,
        "```",
        "",
        "## Data",
        "",
        f"- Training: {dataset}-LT, the `{split['profile']}` profile drawn without replacement with seed {split['seed']}: per class "
        + "{" + ", ".join(f"{labels[c]}:{n}" for c, n in enumerate(counts)) + "}, "
        + f"{sum(counts):,} images, out of the 60,000 {dataset} training images (`split.json` of the run lists them; the metadata keeps the split without them).",
        f"- Groups by training count: tail <= {report['groups']['thresholds']['tailMax']} {{{', '.join(groups.get('tail', []))}}}, "
        f"medium {report['groups']['thresholds']['tailMax'] + 1}..{report['groups']['thresholds']['mediumMax']} {{{', '.join(groups.get('medium', []))}}}, "
        f"head > {report['groups']['thresholds']['mediumMax']} {{{', '.join(groups.get('head', []))}}}.",
        f"- Test: the full, balanced {dataset} test set (10,000 images), files verified by SHA-256 (`docs/data.md`).",
        "",
        "## Metrics",
        "",
    ]
    sel = report.get("selection")
    if sel:
        v = sel["validation"]
        out += [
            f"Epoch {sel['epoch']} of {sel['epochsTrained']}, chosen by {sel['rule']} on {v['images']:,}"
            f" validation images (unused {dataset} training images, 50 per class). The test set (the full"
            f" {dataset} test set, 10,000 images) was scored once, for that epoch.",
            "",
            "| metric | validation | test |",
            "|---|---:|---:|",
        ]
        for key, label in [("top1", "top-1 accuracy"), ("balanced", "balanced accuracy (mean per-class recall)"),
                           ("head", "head accuracy"), ("medium", "medium accuracy"), ("tail", "tail accuracy")]:
            out.append(f"| {label} | {pct(v[key])} | {pct(report[key])} |")
        out.append("")
    else:
        out += ["| metric | test |", "|---|---:|"]
        for key, label in [("top1", "top-1 accuracy"), ("balanced", "balanced accuracy (mean per-class recall)"),
                           ("head", "head accuracy"), ("medium", "medium accuracy"), ("tail", "tail accuracy")]:
            out.append(f"| {label} | {pct(report[key])} |")
        out.append("")
    if report.get("branches"):
        bg = report["branchGroups"]
        trained = {"hmt": "all classes", "mt": "medium + tail", "t": "tail"}
        title = {"hmt": "h+m+t", "mt": "m+t", "t": "t"}
        out += ["Each branch alone (the model predicts with their sum):", "",
                "| branch | trained on | top-1 | head | medium | tail |", "|---|---|---:|---:|---:|---:|"]
        for b in ("hmt", "mt", "t"):
            out.append(f"| {title[b]} | {trained[b]} | {pct(report['branches'][b])} | {pct(bg[b]['head'])} | "
                       f"{pct(bg[b]['medium'])} | {pct(bg[b]['tail'])} |")
        out += ["", "Each branch alone is strong where it was trained and weak elsewhere (h+m+t on the head,",
                "t on the tail); the sum is better than any of them: the residual idea at work.", ""]
    out += ["Per-class recall: " + ", ".join(f"{labels[c]} {pct(v)}" for c, v in enumerate(report["classRecall"])) + ".", ""]
    os.makedirs(images, exist_ok=True)
    rel = os.path.relpath(images, os.path.dirname(card))
    for p in PLOTS:
        src = os.path.join(run_dir, "plots", p + ".png")
        if os.path.isfile(src):
            shutil.copyfile(src, os.path.join(images, f"{name}-{p}.png"))
            out += [f"![{CAPTIONS[p]}]({rel}/{name}-{p}.png)", ""]
    tail = ""
    if os.path.isfile(card):
        # the hand-written sections of an existing card are kept
        text = open(card).read()
        found = [i for i in (text.find(h) for h in KEPT_SECTIONS) if i >= 0]
        tail = text[min(found):] if found else ""
    body = "\n".join(out) + "\n" + tail
    tmp = card + ".tmp"
    open(tmp, "w").write(body)
    os.replace(tmp, card)
    print(f"wrote {card}", file=sys.stderr)


if __name__ == "__main__":
    main()
