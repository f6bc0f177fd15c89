#!/usr/bin/env bash
# Soak test of training fidelity (issue: runs that follow their seed and survive a stop).
#  1. seed: trains the same short configuration RUNS times, alternating the default JVM and one that
#     collects garbage every few steps (-XX:+UseSerialGC -Xmn1m), and counts the runs whose
#     per-epoch losses equal the first run's exactly;
#  2. stop: RUNS times starts the same configuration for more epochs, sends SIGTERM at a random
#     moment after the first checkpoint, checks the exit status (143), that no hs_err_pid*.log was
#     written, resumes, and compares the final per-epoch losses with an uninterrupted run.
# Writes a section of docs/results.md between <!-- soak:begin --> and <!-- soak:end -->.
#
# Usage: trainer/bench/soak.sh [--runs 20] [--part seed|stop|both] [--threads 2] [--runs-dir /tmp/reslt-soak]
#          [--results docs/results.md] [--no-write]
set -euo pipefail
cd "$(dirname "$0")/../.."
invocation="trainer/bench/soak.sh $*"
runs_wanted=20
threads=2
part=both
root=/tmp/reslt-soak
results=docs/results.md
write=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs_wanted="$2"; shift 2 ;;
    --part) part="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs-dir) root="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    --no-write) write=0; shift ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

launcher=trainer/bin/reslt-train
if [[ -z "${RESLT_TRAIN_JAR:-}" ]]; then
  ./mvnw -B -q -pl trainer -am package -DskipTests
fi
rm -rf "$root"
mkdir -p "$root"
load_start="$(uptime | sed 's/.*load average: //')"
# the configuration of the reported divergence: reference network, masked ResLT loss, seed 5
shown=(--network reference --method reslt --seed 5 --threads "$threads" --no-export --quiet)
config=("${shown[@]}" --runs-dir "$root")
# the stop part trains 3 epochs on half of MNIST-LT's counts: long enough to stop inside a run
half=(--profile counts:21,62,93,14,300,150,2959,1349,594,33)
losses() {
  python3 -c 'import json,sys; h=json.load(open(sys.argv[1]))["history"]; print(" ".join("%.9g" % e["trainLoss"] for e in h))' \
    "$root/$1/checkpoint/state.json"
}

seed_same=0; seed_total=0; seed_lines=()
if [[ $part == seed || $part == both ]]; then
  for i in $(seq 1 "$runs_wanted"); do
    if (( i % 2 == 0 )); then gc="-XX:+UseSerialGC -Xmn1m"; else gc=""; fi
    JAVA_OPTS="$gc" "$launcher" train --name "seed-$i" --epochs 2 "${config[@]}" >"$root/seed-$i.log" 2>&1
    l="$(losses "seed-$i")"
    [[ $i == 1 ]] && first="$l"
    seed_total=$((seed_total + 1))
    if [[ "$l" == "$first" ]]; then seed_same=$((seed_same + 1)); fi
    seed_lines+=("| $i | ${gc:-default} | $l | $([[ "$l" == "$first" ]] && echo yes || echo NO) |")
    echo "seed run $i (${gc:-default GC}): $l" >&2
  done
fi

stop_clean=0; stop_same=0; stop_total=0; stop_lines=()
if [[ $part == stop || $part == both ]]; then
  "$launcher" train --name whole --epochs 3 "${config[@]}" "${half[@]}" >"$root/whole.log" 2>&1
  whole="$(losses whole)"
  for i in $(seq 1 "$runs_wanted"); do
    name="stop-$i"
    "$launcher" train --name "$name" --epochs 3 "${config[@]}" "${half[@]}" >"$root/$name.log" 2>&1 &
    pid=$!
    while [[ ! -f "$root/$name/checkpoint/state.json" ]] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    # a random moment within the next epoch: inside a step, a validation pass or a checkpoint write
    sleep "$(python3 -c 'import random; print(round(random.uniform(0, 4), 2))')"
    kill -TERM "$pid" 2>/dev/null || true
    set +e; wait "$pid"; code=$?; set -e
    crash="$(find "$root" /tmp -maxdepth 3 -name 'hs_err_pid*.log' -newer "$root/whole.log" 2>/dev/null | wc -l)"
    after="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["epochsCompleted"])' "$root/$name/checkpoint/state.json")"
    "$launcher" train --resume "$root/$name" --quiet --no-export >>"$root/$name.log" 2>&1
    l="$(losses "$name")"
    stop_total=$((stop_total + 1))
    ok_exit=$([[ $code == 143 || $code == 0 ]] && [[ $crash == 0 ]] && echo yes || echo NO)
    [[ $ok_exit == yes ]] && stop_clean=$((stop_clean + 1))
    same=$([[ "$l" == "$whole" ]] && echo yes || echo NO)
    [[ $same == yes ]] && stop_same=$((stop_same + 1))
    stop_lines+=("| $i | $code | $after | $crash | $same |")
    echo "stop run $i: exit $code after epoch $after, crash logs $crash, same losses: $same" >&2
  done
fi
load_end="$(uptime | sed 's/.*load average: //')"

section="$(mktemp)"
{
  echo "<!-- soak:begin -->"
  echo "## Soak: runs follow their seed and survive a stop"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`$invocation\` (load average at start $load_start, at end $load_end)."
  echo "Configuration: \`reslt-train train ${shown[*]}\` (the run that diverged before the fix), 2 epochs for the seed part; the stop part trains 3 epochs on half of MNIST-LT's counts (\`${half[*]}\`) and is stopped at a random moment up to 4 s after its first checkpoint."
  echo
  if (( seed_total > 0 )); then
    echo "**Seed:** $seed_same of $seed_total runs gave exactly the first run's per-epoch losses (goal: all). Even runs used \`JAVA_OPTS=\"-XX:+UseSerialGC -Xmn1m\"\`, a collection every few steps."
    echo
    echo "| run | JVM | epoch losses | same as run 1 |"
    echo "|---:|---|---|---|"
    printf '%s\n' "${seed_lines[@]}"
    echo
  fi
  if (( stop_total > 0 )); then
    echo "**Stop and resume:** $stop_clean of $stop_total SIGTERM stops exited cleanly (status 143, or 0 when the run had finished) without a crash log; $stop_same of $stop_total resumed runs ended with exactly the per-epoch losses of the uninterrupted run ($whole)."
    echo
    echo "| run | exit status | epochs done at stop | crash logs | same final losses |"
    echo "|---:|---:|---:|---:|---|"
    printf '%s\n' "${stop_lines[@]}"
    echo
  fi
  echo "<!-- soak:end -->"
} >"$section"
cat "$section"
if [[ $write == 1 ]]; then
  python3 - "$results" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read().strip() + "\n"
text = open(path).read()
pattern = re.compile(r"<!-- soak:begin -->.*?<!-- soak:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
fi
