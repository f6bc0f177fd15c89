#!/usr/bin/env bash
# Fashion-MNIST-LT benchmark (issue 11): the exp:100 profile (class 0 the most frequent, 14,886
# images before validation lends its 50 per class), validation from unused training images, the full
# balanced test set (10,000), on one split drawn by the first run. Trainer runs of each METHOD x
# NETWORK x SEED, and PyTorch runs (trainer/bench/parity_torch.py: the default network, same split,
# same batches, shifts and normalisation) of each TORCH_METHOD x SEED. Each finished run is recorded
# in the committed ledger (run folders under runs/ are scratch and lost with the machine); the
# section between <!-- fashion:begin --> and <!-- fashion:end --> of docs/results.md is written from
# it (trainer/bench/fashion_results.py).
# Every choice in the table (the best method) is made on validation; test numbers are reported.
# A finished run is skipped and an interrupted trainer run resumed, so it can run in pieces.
#
# Usage: trainer/bench/fashion-mnist-lt.sh [--methods ce,ce-balanced,logit-adjusted,reslt,reslt-la,reslt-branch-sampling]
#          [--networks mnist,resnet32] [--seeds 1,2,3] [--torch-methods reslt-la,ce | --no-torch]
#          [--threads 2] [--runs-dir runs/fashion] [--data-dir /usr/share/datasets/fashion-mnist]
#          [--results docs/results.md] [--ledger docs/runs/fashion-mnist-lt-runs.jsonl]
#          [--report-only] [--no-write]
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
ledger=docs/runs/fashion-mnist-lt-runs.jsonl
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
    --ledger) ledger="$2"; shift 2 ;;
    --report-only) report_only=1; shift ;;
    --no-write) write=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
  record
}

record() { /usr/bin/python3 trainer/bench/fashion_results.py record "$runs" "$ledger"; }

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
  record
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

record
/usr/bin/python3 trainer/bench/fashion_results.py report "$runs" "$ledger" "$results"
