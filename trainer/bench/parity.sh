#!/usr/bin/env bash
# Parity with PyTorch (issue 10, part 2): the trainer's default recipe on the default network and the
# same recipe in PyTorch 1.13 (trainer/bench/parity_torch.py), on one split, SEEDS seeds of each
# METHOD, then the section between <!-- parity:begin --> and <!-- parity:end --> of docs/results.md
# (appended at the end when absent, i.e. after results.py's notes marker, so mnist-lt.sh keeps it).
#
# The split is drawn once: by the first trainer run (its split.json is copied to RUNS/split.json and
# every other run, trainer and PyTorch alike, reads it with --split); with --torch-only and no split
# yet, `reslt-train data split` draws it. A finished run (trainer: report.json; PyTorch: its result
# JSON) is skipped, an interrupted trainer run resumed, so the benchmark can be run in pieces.
#
# Usage: trainer/bench/parity.sh [--seeds "1 2 3"] [--epochs 20] [--methods "reslt-la ce"]
#          [--runs-dir runs/parity] [--threads 2] [--results docs/results.md]
#          [--torch-only | --trainer-only] [--report-only] [--no-write]
# Run it on a quiet machine: the times are part of the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
invocation="trainer/bench/parity.sh${*:+ $*}"
seeds="1 2 3"
epochs=20
methods="reslt-la ce"
runs=runs/parity
threads=2
results=docs/results.md
sides="trainer torch"
report_only=0
write=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --methods) methods="${2//,/ }"; shift 2 ;;
    --runs-dir) runs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --torch-only) sides="torch"; shift ;;
    --trainer-only) sides="trainer"; shift ;;
    --report-only) report_only=1; shift ;;
    --no-write) write=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
seeds="${seeds//,/ }"

launcher=trainer/bin/reslt-train
python=/usr/bin/python3
mkdir -p "$runs"
split="$runs/split.json"
commands="$runs/commands.txt"
load_start="$(uptime)"

log_command() {
  echo "$*" >>"$commands"
  echo "== $*" >&2
}

trainer_run() {
  # trainer_run METHOD SEED
  local method="$1" seed="$2" name="parity-$1-s$2"
  local dir="$runs/$name"
  if [[ -f "$dir/report.json" ]]; then
    echo "== $name: done, skipped" >&2
    return
  fi
  local cmd=("$launcher" train --method "$method" --seed "$seed" --epochs "$epochs"
    --threads "$threads" --name "$name" --no-export -q --runs-dir "$runs")
  # the first run draws the split; every later run reuses it
  if [[ -f "$split" ]]; then cmd+=(--split "$split"); fi
  if [[ -f "$dir/run.json" ]]; then cmd=("$launcher" train --resume "$dir" --no-export -q); fi
  log_command "${cmd[*]}"
  local start=$SECONDS
  "${cmd[@]}" 2>&1 | tee -a "$runs/$name.log"
  echo $((SECONDS - start)) >"$dir/wall-seconds.txt"
  if [[ ! -f "$split" ]]; then
    cp "$dir/split.json" "$split"
  fi
}

torch_run() {
  # torch_run METHOD SEED
  local method="$1" seed="$2" name="torch-$1-s$2"
  if [[ -f "$runs/$name.json" ]]; then
    echo "== $name: done, skipped" >&2
    return
  fi
  local cmd=("$python" trainer/bench/parity_torch.py --split "$split" --data-dir data/mnist
    --method "$method" --seed "$seed" --epochs "$epochs" --threads "$threads"
    --out "$runs/$name.partial.json")
  log_command "${cmd[*]}"
  local start=$SECONDS
  "${cmd[@]}" 2>&1 | tee "$runs/$name.log"
  echo $((SECONDS - start)) >"$runs/$name.wall-seconds.txt"
  # renamed only when complete, so an interrupted run is redone rather than counted
  mv "$runs/$name.partial.json" "$runs/$name.json"
}

if [[ $report_only == 0 ]]; then
  if [[ $sides == *trainer* || ! -f "$split" ]]; then
    if [[ ! -f trainer/target/reslt-train.jar ]]; then
      ./mvnw -B -q -pl trainer -am package -DskipTests
    fi
  fi
  if [[ ! -f data/mnist/train-images-idx3-ubyte && ! -f data/mnist/train-images-idx3-ubyte.gz ]]; then
    scripts/fetch-mnist.sh
  fi
  if [[ $sides != *trainer* && ! -f "$split" ]]; then
    first_seed="${seeds%% *}"
    log_command "$launcher data split --profile mnist-lt --seed $first_seed --out $split"
    "$launcher" data split --profile mnist-lt --seed "$first_seed" --out "$split"
  fi
  for seed in $seeds; do
    for method in $methods; do
      if [[ $sides == *trainer* ]]; then trainer_run "$method" "$seed"; fi
      if [[ $sides == *torch* ]]; then torch_run "$method" "$seed"; fi
    done
  done
fi
load_end="$(uptime)"
# the section shows the command that ran the benchmark and its load, also when rebuilt by --report-only
meta="$runs/parity-invocation.txt"
if [[ $report_only == 0 ]]; then
  printf '%s\n%s\n%s\n' "$invocation" "$load_start" "$load_end" >"$meta"
elif [[ -f "$meta" ]]; then
  { read -r invocation; read -r load_start; read -r load_end; } <"$meta"
fi

[[ $write == 1 ]] || exit 0
"$python" - "$runs" "$results" "$invocation" "$load_start" "$load_end" "$seeds" "$methods" <<'PY'
"""Writes the parity section of docs/results.md from the runs (standard library only)."""
import json
import os
import re
import statistics
import sys
import time

runs, results, invocation, load_start, load_end, seeds, methods = sys.argv[1:8]
BEGIN, END = "<!-- parity:begin -->", "<!-- parity:end -->"
GOAL = 0.2  # points of mean top-1, either way


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_number(path):
    try:
        return float(open(path).read().strip())
    except (OSError, ValueError):
        return None


def pick(report, *names):
    """The first of names found at the top level or under a test/validation/selection object: the
    trainer's report.json is gaining validation fields, so look for them in the likely places."""
    for name in names:
        for where in (report, report.get("test"), report.get("validation"), report.get("selection")):
            if isinstance(where, dict) and isinstance(where.get(name), (int, float)):
                return where[name]
    return None


def trainer_row(method, seed):
    d = os.path.join(runs, f"parity-{method}-s{seed}")
    report = read_json(os.path.join(d, "report.json"))
    if report is None:
        return None
    test = report.get("test") if isinstance(report.get("test"), dict) else report
    state = read_json(os.path.join(d, "checkpoint", "state.json")) or {}
    history = state.get("history") or read_json(os.path.join(d, "history.json")) or []
    if isinstance(history, dict):
        history = history.get("epochs", [])
    rates = [e.get("imagesPerSecond") for e in history if isinstance(e, dict)
             and isinstance(e.get("imagesPerSecond"), (int, float))]
    # the lead's report.json: test numbers at the top level, the choice in "selection"
    # ({epoch, epochsTrained, validation: {top1, ...}}); older reports have no selection
    selection = report.get("selection") if isinstance(report.get("selection"), dict) else {}
    validation = selection.get("validation") or report.get("validation")
    val = (validation.get("top1") if isinstance(validation, dict)
           else pick(report, "validationTop1", "validationAccuracy"))
    chosen = selection.get("epoch", pick(report, "chosenEpoch", "bestEpoch", "selectedEpoch"))
    epochs = selection.get("epochsTrained") or len(history) or None
    return {
        "side": "trainer", "method": method, "seed": seed,
        "top1": test.get("top1"), "balanced": test.get("balanced"), "head": test.get("head"),
        "medium": test.get("medium"), "tail": test.get("tail"),
        "chosen": chosen,
        "val": val,
        "wall": read_number(os.path.join(d, "wall-seconds.txt")),
        "ips": statistics.mean(rates) if rates else None,
        "epochs": epochs,
    }


def torch_row(method, seed):
    r = read_json(os.path.join(runs, f"torch-{method}-s{seed}.json"))
    if r is None:
        return None
    return {
        "side": "PyTorch", "method": method, "seed": seed, "top1": r["top1"],
        "balanced": r["balanced"], "head": r.get("head"), "medium": r.get("medium"),
        "tail": r.get("tail"), "chosen": r.get("chosenEpoch"), "val": r.get("validationTop1"),
        "wall": read_number(os.path.join(runs, f"torch-{method}-s{seed}.wall-seconds.txt")),
        "ips": r.get("imagesPerSecond"), "epochs": r.get("epochs"),
    }


def pct(v):
    return "–" if v is None else f"{100 * v:.2f}"


def mean_std(values, scale=100.0, digits=2):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    m = statistics.mean(values) * scale
    if len(values) < 2:
        return f"{m:.{digits}f}"
    return f"{m:.{digits}f} ± {statistics.stdev(values) * scale:.{digits}f}"


seed_list = [int(s) for s in seeds.split()]
method_list = methods.split()
rows = []
for method in method_list:
    for seed in seed_list:
        for row in (trainer_row(method, seed), torch_row(method, seed)):
            if row is not None:
                rows.append(row)
if not rows:
    sys.exit(f"error: no finished parity runs in {runs}")

split = read_json(os.path.join(runs, "split.json")) or {}
validation = split.get("validationIndices") or []
lines = [
    BEGIN,
    "## Parity with PyTorch",
    "",
    "Written by `trainer/bench/parity.sh` on " + time.strftime("%Y-%m-%d", time.gmtime()) + ": the"
    " trainer's default recipe on the default network (`--network mnist`: DEEP_BN trunk; `paper`"
    " ResLT head for `reslt-la`, `single` head for `ce`; Adam 1e-3, batch 128 always full, one"
    " warm-up epoch then per-step cosine, shifts of 2 px) against the same recipe written in"
    " PyTorch 1.13 (`trainer/bench/parity_torch.py`), on one split"
    f" ({len(split.get('indices', [])):,} training images, {len(validation):,} validation images), the"
    " same seeds on both sides (the PyTorch script replays the trainer's batch and shift streams;"
    " the initial weights differ). Each run keeps the epoch with the best validation top-1 and"
    " scores the MNIST test set (10,000 images) once. Accuracies in %, mean ± sample standard"
    " deviation over seeds; time is the wall time of one run's process.",
    "",
    f"Command: `{invocation}`",
    "",
    f"Load at start: `{load_start.strip()}`; at end: `{load_end.strip()}`.",
    "",
    "| side | method | seeds | top-1 | balanced | tail | time per run (s) |",
    "|---|---|---:|---:|---:|---:|---:|",
]
means = {}
for method in method_list:
    for side in ("trainer", "PyTorch"):
        g = [r for r in rows if r["method"] == method and r["side"] == side]
        if not g:
            continue
        means[(side, method)] = statistics.mean(r["top1"] for r in g)
        lines.append(
            f"| {side} | `{method}` | {len(g)} | {mean_std([r['top1'] for r in g])} | "
            f"{mean_std([r['balanced'] for r in g])} | {mean_std([r['tail'] for r in g])} | "
            f"{mean_std([r['wall'] for r in g], 1.0, 0)} |")
lines += ["", "Goal: the trainer's mean top-1 within 0.2 points of PyTorch's, for each method.", ""]
for method in method_list:
    t, p = means.get(("trainer", method)), means.get(("PyTorch", method))
    if t is None or p is None:
        lines.append(f"- `{method}`: not measured on both sides yet.")
        continue
    diff = 100 * (t - p)
    verdict = "met" if abs(diff) <= GOAL else "missed"
    lines.append(f"- `{method}`: trainer − PyTorch = {diff:+.2f} points of mean top-1: goal {verdict}.")
lines += [
    "",
    "| side | method | seed | chosen epoch | validation | top-1 | balanced | head | medium | tail |"
    " time (s) | images/s |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for r in rows:
    chosen = "–" if r["chosen"] is None else f"{int(r['chosen'])}/{r['epochs'] or '?'}"
    wall = "–" if r["wall"] is None else f"{r['wall']:.0f}"
    ips = "–" if r["ips"] is None else f"{r['ips']:,.0f}"
    lines.append(
        f"| {r['side']} | `{r['method']}` | {r['seed']} | {chosen} | {pct(r['val'])} | "
        f"{pct(r['top1'])} | {pct(r['balanced'])} | {pct(r['head'])} | {pct(r['medium'])} | "
        f"{pct(r['tail'])} | {wall} | {ips} |")
lines.append(END)
section = "\n".join(lines) + "\n"

text = open(results).read() if os.path.isfile(results) else "# Results\n"
pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.S)
if pattern.search(text):
    text = pattern.sub(lambda _: section, text, count=1)
else:
    text = text.rstrip("\n") + "\n\n" + section
with open(results, "w") as f:
    f.write(text)
print(f"wrote the parity section of {results} ({len(rows)} runs)")
PY
