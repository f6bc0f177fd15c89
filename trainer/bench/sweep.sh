#!/usr/bin/env bash
# Sweeps of the default recipe (issue 10, part 4): each variant is the default `reslt-train train`
# (reslt-la on the default network) with one change, trained on the accuracy benchmark's split
# (runs/bench/split-mnist-lt.json) with the same seeds as its baseline runs (runs/bench/mnist-reslt-la-sN).
# Every variant is judged on the VALIDATION set against the baseline of the same seed; the test
# columns are shown for the record and choose nothing. Writes the section between
# <!-- sweep:begin --> and <!-- sweep:end --> of docs/results.md (appended when absent).
# A finished run (report.json) is skipped, an interrupted one resumed.
#
# Usage: trainer/bench/sweep.sh [--seeds 1] [--variants NAME=OPTIONS;NAME=OPTIONS...]
#          [--runs-dir runs/sweep] [--threads 1] [--results docs/results.md] [--report-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
invocation="trainer/bench/sweep.sh${*:+ $*}"
seeds=1
variants="rotate10=--augment shift=2,rotate=10;alpha0.7=--alpha 0.7;epochs30=--epochs 30;width48=--width 48"
runs=runs/sweep
threads=1
results=docs/results.md
report_only=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="${2//,/ }"; shift 2 ;;
    --variants) variants="$2"; shift 2 ;;
    --runs-dir) runs="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --report-only) report_only=1; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
launcher=trainer/bin/reslt-train
split=runs/bench/split-mnist-lt.json
if [[ ! -f "$split" ]]; then
  echo "error: $split not found: run trainer/bench/mnist-lt.sh first (the baselines live there)" >&2
  exit 2
fi
mkdir -p "$runs"
IFS=';' read -r -a variant_list <<<"$variants"

if [[ $report_only == 0 ]]; then
  if [[ -z "${RESLT_TRAIN_JAR:-}" ]]; then
    ./mvnw -B -q -pl trainer -am package -DskipTests
  fi
  for seed in $seeds; do
    for variant in "${variant_list[@]}"; do
      name="${variant%%=*}-s$seed"
      read -r -a options <<<"${variant#*=}"
      dir="$runs/$name"
      [[ -f "$dir/report.json" ]] && { echo "== $name: done, skipped" >&2; continue; }
      cmd=("$launcher" train --name "$name" --runs-dir "$runs" --seed "$seed" --split "$split"
        --threads "$threads" --no-export --quiet "${options[@]}")
      [[ -f "$dir/run.json" ]] && cmd=("$launcher" train --resume "$dir" --no-export --quiet)
      echo "${cmd[*]}" | tee -a "$runs/commands.txt" >&2
      start=$SECONDS
      "${cmd[@]}"
      echo $((SECONDS - start)) >"$dir/wall-seconds.txt"
    done
  done
  echo "$invocation" >"$runs/sweep-invocation.txt"
fi

/usr/bin/python3 - "$runs" "$results" "$seeds" "$variants" <<'PY'
"""Writes the sweep section of docs/results.md (standard library only)."""
import json, os, sys
runs, results, seeds, variants = sys.argv[1:5]
BEGIN, END = "<!-- sweep:begin -->", "<!-- sweep:end -->"


def selected(d):
    f = os.path.join(d, "report.json")
    if not os.path.isfile(f):
        return None
    r = json.load(open(f))
    v = (r.get("selection") or {}).get("validation") or {}
    wall = os.path.join(d, "wall-seconds.txt")
    return {"val": v.get("top1"), "val_tail": v.get("tail"), "top1": r["top1"], "tail": r.get("tail"),
            "epoch": (r.get("selection") or {}).get("epoch"),
            "wall": int(float(open(wall).read())) if os.path.isfile(wall) else None}


def pct(x):
    return "-" if x is None else f"{100 * x:.2f}"


def delta(a, b):
    return "-" if a is None or b is None else f"{100 * (a - b):+.2f}"


invocation_file = os.path.join(runs, "sweep-invocation.txt")
invocation = open(invocation_file).read().strip() if os.path.isfile(invocation_file) else "trainer/bench/sweep.sh"
rows = []
for seed in seeds.split():
    base = selected(f"runs/bench/mnist-reslt-la-s{seed}")
    rows.append((f"baseline (defaults)", seed, "", base, base))
    for variant in variants.split(";"):
        name, options = variant.split("=", 1)
        rows.append((name, seed, options, selected(os.path.join(runs, f"{name}-s{seed}")), base))
lines = [BEGIN, "", "## Sweeps of the default recipe (chosen on validation)", "",
         "Each variant is `reslt-train train` with every default but one option, on the accuracy"
         " benchmark's split and seed; it is judged by validation top-1 against the baseline run of the"
         " same seed (500 validation images: one image is 0.20 points, so differences of a few tenths"
         " are within noise). Test columns are reported once and choose nothing.", "",
         f"Command: `{invocation}` (one thread per run; baselines from `trainer/bench/mnist-lt.sh`).", "",
         "| variant | options | seed | validation top-1 | Δ validation | validation tail | test top-1 | test tail | chosen epoch | wall (s) |",
         "|---|---|---|---|---|---|---|---|---|---|"]
for name, seed, options, r, base in rows:
    if r is None:
        lines.append(f"| {name} | `{options}` | {seed} | not run | | | | | | |")
        continue
    lines.append(f"| {name} | {'`' + options + '`' if options else ''} | {seed} | {pct(r['val'])} |"
                 f" {delta(r['val'], base and base['val']) if options else ''} | {pct(r['val_tail'])} |"
                 f" {pct(r['top1'])} | {pct(r['tail'])} | {r['epoch']} | {r['wall'] if r['wall'] is not None else '-'} |")
lines += ["", END]
section = "\n".join(lines)
text = open(results).read() if os.path.isfile(results) else ""
if BEGIN in text and END in text:
    text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
else:
    text = text.rstrip("\n") + "\n\n" + section + "\n"
tmp = results + ".tmp"
open(tmp, "w").write(text)
os.replace(tmp, results)
print(f"wrote the sweep section of {results}")
PY
