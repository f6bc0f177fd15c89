#!/usr/bin/env bash
# Accuracy benchmark on MNIST-LT: SEEDS seeds of each method on the default network, plus the
# reference network's runs, all on the very same images (one mnist-lt split), then docs/results.md.
# Runs can be done in pieces: a finished run (its report.json exists) is skipped, an interrupted one
# is resumed, and --report-only rebuilds docs/results.md from whatever runs exist.
#
# Usage: trainer/bench/mnist-lt.sh [--methods ce,ce-balanced,logit-adjusted,reslt,reslt-branch-sampling]
#          [--reference-methods ce,reslt-branch-sampling | --no-reference] [--seeds 1,2,3]
#          [--epochs N] [--runs-dir runs/bench] [--results docs/results.md] [--images docs/images]
#          [--report-only] [--no-write] [-- extra train options]
set -euo pipefail
cd "$(dirname "$0")/../.."
invocation=("$@")
methods=ce,ce-balanced,logit-adjusted,reslt,reslt-branch-sampling
reference_methods=ce,reslt-branch-sampling
seeds=1,2,3
epochs=
runs=runs/bench
report_only=0
write=1
results=docs/results.md
images=docs/images
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --methods) methods="$2"; shift 2 ;;
    --reference-methods) reference_methods="$2"; shift 2 ;;
    --no-reference) reference_methods=""; shift ;;
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --runs-dir) runs="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --images) images="$2"; shift 2 ;;
    --report-only) report_only=1; shift ;;
    --no-write) write=0; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

launcher=trainer/bin/reslt-train
# Build from the checked-out sources (incremental, seconds when nothing changed) so a stale jar never
# trains; RESLT_TRAIN_JAR points the launcher at a frozen copy instead (to keep building meanwhile).
if [[ -z "${RESLT_TRAIN_JAR:-}" ]]; then
  ./mvnw -B -q -pl trainer -am package -DskipTests
fi
mkdir -p "$runs"
split="$runs/split-mnist-lt.json"
commands="$runs/commands.txt"

run() {
  # run NETWORK METHOD SEED
  local network="$1" method="$2" seed="$3" name="$1-$2-s$3"
  local dir="$runs/$name"
  if [[ -f "$dir/report.json" ]]; then
    echo "== $name: done, skipped" >&2
    return
  fi
  local cmd=("$launcher" train --name "$name" --runs-dir "$runs" --network "$network"
    --method "$method" --seed "$seed" --split "$split" --quiet)
  [[ -n "$epochs" ]] && cmd+=(--epochs "$epochs")
  cmd+=("${extra[@]}")
  if [[ -f "$dir/run.json" ]]; then
    cmd=("$launcher" train --resume "$dir" --quiet)
  fi
  echo "== $name: ${cmd[*]}" >&2
  echo "${cmd[*]}" >>"$commands"
  local start=$SECONDS
  "${cmd[@]}"
  echo $((SECONDS - start)) >"$dir/wall-seconds.txt"
}

if [[ $report_only == 0 ]]; then
  if [[ ! -f "$split" ]]; then
    "$launcher" data split --profile mnist-lt --seed 0 --out "$split"
    echo "$launcher data split --profile mnist-lt --seed 0 --out $split" >>"$commands"
  fi
  IFS=, read -r -a seed_list <<<"$seeds"
  IFS=, read -r -a method_list <<<"$methods"
  IFS=, read -r -a reference_list <<<"$reference_methods"
  for seed in "${seed_list[@]}"; do
    for method in "${method_list[@]}"; do
      run mnist "$method" "$seed"
    done
    for method in "${reference_list[@]}"; do
      [[ -n "$method" ]] && run reference "$method" "$seed"
    done
  done
fi

if [[ $write == 1 ]]; then
  /usr/bin/python3 trainer/bench/results.py "$runs" "$results" "$images" "${invocation[@]}"
fi
