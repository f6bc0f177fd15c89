#!/usr/bin/env bash
# Fashion-MNIST-LT benchmark (issue 11): the exp:100 profile (class 0 the most frequent, 14,886
# images before validation lends its 50 per class), validation from unused training images, the full
# balanced test set (10,000), on one split drawn by the first run. Trainer runs of each METHOD x
# NETWORK x SEED, and PyTorch runs (trainer/bench/parity_torch.py: the default network, same split,
# same batches, shifts and normalisation) of each TORCH_METHOD x SEED. Writes the section between
# <!-- fashion:begin --> and <!-- fashion:end --> of docs/results.md (appended when absent).
# Every choice in the table (the best method) is made on validation; test numbers are reported.
# A finished run is skipped and an interrupted trainer run resumed, so it can run in pieces.
#
# Usage: trainer/bench/fashion-mnist-lt.sh [--methods ce,ce-balanced,logit-adjusted,reslt,reslt-la,reslt-branch-sampling]
#          [--networks mnist,resnet32] [--seeds 1,2,3] [--torch-methods reslt-la,ce | --no-torch]
#          [--threads 2] [--runs-dir runs/fashion] [--data-dir /usr/share/datasets/fashion-mnist]
#          [--results docs/results.md] [--report-only] [--no-write]
# Run it on a quiet machine: the times are part of the table.
set -euo pipefail
cd "$(dirname "$0")/../.."
invocation="trainer/bench/fashion-mnist-lt.sh${*:+ $*}"
methods=ce,ce-balanced,logit-adjusted,reslt,reslt-la,reslt-branch-sampling
networks=mnist,resnet32
seeds=1,2,3
torch_methods=reslt-la,ce
threads=2
runs=runs/fashion
data_dir=/usr/share/datasets/fashion-mnist
results=docs/results.md
report_only=0
write=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --methods) methods="$2"; shift 2 ;;
    --networks) networks="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --torch-methods) torch_methods="$2"; shift 2 ;;
    --no-torch) torch_methods=""; shift ;;
    --threads) threads="$2"; shift 2 ;;
    --runs-dir) runs="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --report-only) report_only=1; shift ;;
    --no-write) write=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
launcher=trainer/bin/reslt-train
split="$runs/split.json"
mkdir -p "$runs"
IFS=, read -r -a method_list <<<"$methods"
IFS=, read -r -a network_list <<<"$networks"
IFS=, read -r -a seed_list <<<"$seeds"
IFS=, read -r -a torch_list <<<"$torch_methods"

log_command() { echo "$*" >>"$runs/commands.txt"; echo "== $*" >&2; }

trainer_run() { # NETWORK METHOD SEED
  local name="$1-$2-s$3"
  local dir="$runs/$name"
  [[ -f "$dir/report.json" ]] && { echo "== $name: done, skipped" >&2; return; }
  local cmd=("$launcher" train --dataset fashion-mnist --data-dir "$data_dir" --profile exp:100
    --network "$1" --method "$2" --seed "$3" --threads "$threads" --name "$name" --runs-dir "$runs"
    --no-export --quiet)
  [[ -f "$split" ]] && cmd+=(--split "$split")
  [[ -f "$dir/run.json" ]] && cmd=("$launcher" train --resume "$dir" --no-export --quiet)
  log_command "${cmd[*]}"
  local start=$SECONDS
  "${cmd[@]}"
  echo $((SECONDS - start)) >"$dir/wall-seconds.txt"
  [[ -f "$split" ]] || cp "$dir/split.json" "$split"
}

torch_run() { # METHOD SEED
  local name="torch-$1-s$2"
  [[ -f "$runs/$name.json" ]] && { echo "== $name: done, skipped" >&2; return; }
  # the trainer's normalisation, measured on this split's training images
  local spec
  spec="$(ls "$runs"/mnist-*-s*/checkpoint/network.json 2>/dev/null | head -n 1)"
  if [[ -z "$spec" ]]; then
    echo "error: no trainer run of the default network in $runs yet (its normalisation is needed)" >&2
    exit 2
  fi
  read -r mean std < <(/usr/bin/python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["input"]; m,s=i["mean"],i["std"]; print((m[0] if isinstance(m,list) else m), (s[0] if isinstance(s,list) else s))' "$spec")
  local cmd=(/usr/bin/python3 trainer/bench/parity_torch.py --split "$split" --data-dir "$data_dir"
    --method "$1" --seed "$2" --threads "$threads" --mean "$mean" --std "$std"
    --out "$runs/$name.partial.json")
  log_command "${cmd[*]}"
  local start=$SECONDS
  "${cmd[@]}" 2>&1 | tee "$runs/$name.log"
  echo $((SECONDS - start)) >"$runs/$name.wall-seconds.txt"
  mv "$runs/$name.partial.json" "$runs/$name.json"
}

if [[ $report_only == 0 ]]; then
  if [[ -z "${RESLT_TRAIN_JAR:-}" ]]; then
    ./mvnw -B -q -pl trainer -am package -DskipTests
  fi
  start_load="$(uptime)"
  for seed in "${seed_list[@]}"; do
    for network in "${network_list[@]}"; do
      for method in "${method_list[@]}"; do
        trainer_run "$network" "$method" "$seed"
      done
    done
    for method in "${torch_list[@]}"; do
      [[ -n "$method" ]] && torch_run "$method" "$seed"
    done
  done
  printf '%s\n%s\n%s\n' "$invocation" "$start_load" "$(uptime)" >"$runs/fashion-invocation.txt"
fi
[[ $write == 1 ]] || exit 0

/usr/bin/python3 - "$runs" "$results" <<'PY'
"""Writes the Fashion-MNIST-LT section of docs/results.md (standard library only)."""
import json, os, re, statistics, sys
runs, results = sys.argv[1:3]
BEGIN, END = "<!-- fashion:begin -->", "<!-- fashion:end -->"
GOAL_DEFAULT = 0.887
RESLT = ("reslt", "reslt-la", "reslt-branch-sampling")
ORDER = ["ce", "ce-balanced", "logit-adjusted", "reslt", "reslt-la", "reslt-branch-sampling"]


def pct(x):
    return "-" if x is None else f"{100 * x:.2f}"


def mean_sd(values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    if len(values) == 1:
        return pct(values[0])
    return f"{100 * statistics.mean(values):.2f} ± {100 * statistics.stdev(values):.2f}"


def mean(values):
    values = [v for v in values if v is not None]
    return statistics.mean(values) if values else None


rows = []
for name in sorted(os.listdir(runs)):
    m = re.fullmatch(r"(mnist|resnet32|resnet18|reference)-(.+)-s(\d+)", name)
    d = os.path.join(runs, name)
    if not m or not os.path.isfile(os.path.join(d, "report.json")):
        continue
    r = json.load(open(os.path.join(d, "report.json")))
    sel = r.get("selection") or {}
    wall = os.path.join(d, "wall-seconds.txt")
    rows.append({"network": m.group(1), "method": m.group(2), "seed": int(m.group(3)),
                 "val": (sel.get("validation") or {}).get("top1"), "top1": r["top1"],
                 "balanced": r["balanced"], "head": r.get("head"), "medium": r.get("medium"),
                 "tail": r.get("tail"), "epoch": sel.get("epoch"),
                 "wall": float(open(wall).read()) if os.path.isfile(wall) else None})
torch_rows = []
for name in sorted(os.listdir(runs)):
    m = re.fullmatch(r"torch-(.+)-s(\d+)\.json", name)
    if not m:
        continue
    t = json.load(open(os.path.join(runs, name)))
    wall = os.path.join(runs, name[:-5] + ".wall-seconds.txt")
    torch_rows.append({"method": m.group(1), "seed": int(m.group(2)), "top1": t.get("top1"),
                       "balanced": t.get("balanced"), "tail": t.get("tail"),
                       "val": t.get("validationTop1"),
                       "wall": float(open(wall).read()) if os.path.isfile(wall) else None})

inv_file = os.path.join(runs, "fashion-invocation.txt")
inv = open(inv_file).read().splitlines() if os.path.isfile(inv_file) else ["trainer/bench/fashion-mnist-lt.sh", "", ""]
split_file = os.path.join(runs, "split.json")
split = json.load(open(split_file)) if os.path.isfile(split_file) else {}
counts = split.get("classCounts", [])
lines = [BEGIN, "", "## Fashion-MNIST-LT", "",
         f"Split: `exp:100` on Fashion-MNIST ({sum(counts):,} training images per class "
         f"{counts}; {len(split.get('validationIndices') or [])} validation images from unused training"
         " images, class 0 lending 50 of its own), tested once on the full balanced test set (10,000)."
         " Means ± sample standard deviation over seeds; the validation column chooses, the test"
         " columns report.", "",
         f"Command: `{inv[0]}`", f"Load at start: `{inv[1].strip() if len(inv) > 1 else ''}`; at end: `{inv[2].strip() if len(inv) > 2 else ''}`.", "",
         "| network | method | seeds | validation top-1 | top-1 | balanced | head | medium | tail | time per run (s) |",
         "|---|---|---|---|---|---|---|---|---|---|"]
groups = {}
for r in rows:
    groups.setdefault((r["network"], r["method"]), []).append(r)
def order(key):
    return (key[0] != "mnist", key[0], ORDER.index(key[1]) if key[1] in ORDER else 99)
for key in sorted(groups, key=order):
    g = groups[key]
    walls = [x["wall"] for x in g if x["wall"] is not None]
    lines.append(f"| {key[0]} | {key[1]} | {','.join(str(x['seed']) for x in sorted(g, key=lambda x: x['seed']))} |"
                 f" {mean_sd([x['val'] for x in g])} | {mean_sd([x['top1'] for x in g])} |"
                 f" {mean_sd([x['balanced'] for x in g])} | {mean_sd([x['head'] for x in g])} |"
                 f" {mean_sd([x['medium'] for x in g])} | {mean_sd([x['tail'] for x in g])} |"
                 f" {round(statistics.mean(walls)) if walls else '-'} |")
tg = {}
for t in torch_rows:
    tg.setdefault(t["method"], []).append(t)
for method in sorted(tg):
    g = tg[method]
    walls = [x["wall"] for x in g if x["wall"] is not None]
    lines.append(f"| PyTorch 1.13, default network | {method} | {','.join(str(x['seed']) for x in g)} |"
                 f" {mean_sd([x['val'] for x in g])} | {mean_sd([x['top1'] for x in g])} |"
                 f" {mean_sd([x['balanced'] for x in g])} | - | - | {mean_sd([x['tail'] for x in g])} |"
                 f" {round(statistics.mean(walls)) if walls else '-'} |")

lines += ["", "Goals (issue 11):"]
default = groups.get(("mnist", "reslt-la"))
if default:
    m = mean([x["top1"] for x in default])
    lines.append(f"- `train --dataset fashion-mnist` with every other default (reslt-la, default network):"
                 f" {pct(m)}% top-1, goal ≥ 88.70%: **{'met' if m >= GOAL_DEFAULT else 'missed'}**"
                 f" ({len(default)} seed(s)).")
for network in sorted({k[0] for k in groups}):
    best = {}
    for (net, method), g in groups.items():
        if net == network:
            best[method] = (mean([x["val"] for x in g]), mean([x["balanced"] for x in g]))
    res = {k: v for k, v in best.items() if k in RESLT}
    base = {k: v for k, v in best.items() if k not in RESLT}
    if res and base:
        rm = max(res, key=lambda k: res[k][0] or 0)
        bm = max(base, key=lambda k: base[k][0] or 0)
        ok = res[rm][1] >= base[bm][1]
        lines.append(f"- {network}: best ResLT method on validation `{rm}` has balanced accuracy"
                     f" {pct(res[rm][1])}% vs the best baseline on validation `{bm}` {pct(base[bm][1])}%:"
                     f" **{'met' if ok else 'missed'}**.")
if "reslt-la" in tg and default:
    # the same seeds on both sides
    torch_seeds = {x["seed"] for x in tg["reslt-la"]}
    paired = [x for x in default if x["seed"] in torch_seeds]
    if paired:
        tm = mean([x["top1"] for x in tg["reslt-la"] if x["seed"] in {p["seed"] for p in paired}])
        dm = mean([x["top1"] for x in paired])
        lines.append(f"- reslt-la, trainer vs PyTorch (same network, split, batches; seeds"
                     f" {','.join(str(x['seed']) for x in sorted(paired, key=lambda x: x['seed']))}):"
                     f" {pct(dm)}% vs {pct(tm)}% top-1: **{'met' if dm > tm else 'missed'}** (goal: ahead).")
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
print(f"wrote the Fashion-MNIST-LT section of {results}")
PY
