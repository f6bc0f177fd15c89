#!/usr/bin/env bash
# Training throughput, DJL against PyTorch eager, side by side in one run: the MNIST reference
# network with the reslt loss, Adam, batch 128, 2 threads. The DJL side is the trainer's own step
# loop (ThroughputProbe) started through the launcher with each launcher setting on and off; the
# PyTorch side is throughput_torch.py on Debian's python3-torch. Configurations run interleaved,
# ROUNDS times, and the median counts, so drift of a shared machine hits all of them alike.
# Writes the training section of docs/benchmarks.md.
#
# Usage: trainer/bench/throughput.sh [--rounds N] [--steps N] [--warmup N] [--batch N] [--threads N]
#                                    [--no-write]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=3 steps=200 warmup=30 batch=128 threads=2 write=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --no-write) write=0; shift ;;
    *) echo "error: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "error: $python has no torch; install Debian's python3-torch (apt-get install python3-torch)" >&2
  exit 1
fi
# Always from the checked-out sources (incremental): a stale jar would measure old code
./mvnw -B -q -pl trainer -am package -DskipTests
launcher=trainer/bin/reslt-train
probe=dev.resltj.trainer.training.ThroughputProbe

# name | malloc tuning | inter-op threads | C1 only
configs=(
  "DJL, no settings|0|default|0"
  "DJL + malloc tuning|1|default|0"
  "DJL + 1 inter-op thread|0|1|0"
  "DJL + C1 only (-XX:TieredStopAtLevel=1)|0|default|1"
  "DJL, all three|1|1|1"
  "DJL, all but malloc tuning|0|1|1"
  "DJL, all but 1 inter-op thread|1|default|1"
  "DJL, all but C1 only|1|1|0"
  "DJL through the launcher as shipped|||"
)
declare -A results
run_djl() {
  local malloc="$1" interop="$2" c1="$3" env=()
  [[ -n "$malloc" ]] && env+=("RESLT_MALLOC_TUNING=$malloc")
  [[ -n "$interop" ]] && env+=("RESLT_INTEROP_THREADS=$interop")
  [[ -n "$c1" ]] && env+=("RESLT_C1_ONLY=$c1")
  env "${env[@]}" RESLT_TRAIN_MAIN=$probe JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
    "$launcher" reference reslt "$batch" "$warmup" "$steps" 2>/dev/null | sed -n 's/^images_per_second=\([0-9.]*\).*/\1/p'
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= rounds; r++)); do
  v=$("$python" trainer/bench/throughput_torch.py "$batch" "$warmup" "$steps" "$threads" | sed -n 's/^images_per_second=\([0-9.]*\).*/\1/p')
  results["PyTorch eager"]+="$v "
  echo "round $r: PyTorch eager $v img/s" >&2
  for c in "${configs[@]}"; do
    IFS='|' read -r name malloc interop c1 <<<"$c"
    v=$(run_djl "$malloc" "$interop" "$c1")
    results["$name"]+="$v "
    echo "round $r: $name $v img/s" >&2
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
torch_median=$(echo "${results["PyTorch eager"]}" | median)
table="| configuration | median images/s | runs (images/s) | vs PyTorch eager |
|---|---:|---|---:|"
for name in "PyTorch eager" "${configs[@]%%|*}"; do
  m=$(echo "${results[$name]}" | median)
  ratio=$(awk -v a="$m" -v b="$torch_median" 'BEGIN { if (b > 0 && a > 0) printf "%.2fx", a / b; else print "n/a" }')
  table+="
| $name | $m | ${results[$name]% } | $ratio |"
done
echo "$table"

[[ $write == 1 ]] || exit 0
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
section="<!-- training:begin (written by trainer/bench/throughput.sh) -->
## Training throughput

The MNIST reference network (about 26k parameters) with the \`reslt\` loss, Adam, batch $batch,
$threads threads: DJL $(sed -n 's/.*<djl.version>\(.*\)<.*/\1/p' pom.xml) on PyTorch $(sed -n 's/.*<pytorch.version>\(.*\)<.*/\1/p' pom.xml) (the trainer's own step loop) against PyTorch $("$python" -c 'import torch; print(torch.__version__)') eager, side by
side in one run, $rounds interleaved rounds of $steps timed steps after $warmup warm-up steps; the median counts.
Machine: $cpu, $(nproc) CPUs; load average before $load_before, after $load_after
(the machine is shared, so absolute numbers drift; compare rows of one run).

$table

Command: \`trainer/bench/throughput.sh --rounds $rounds --steps $steps --warmup $warmup --batch $batch --threads $threads\`
(run on $(date -u +%Y-%m-%d)).
<!-- training:end -->"
file=docs/benchmarks.md
if [[ ! -f $file ]]; then
  printf '# Benchmarks\n\n' >"$file"
fi
SECTION="$section" python3 - "$file" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"]
pattern = re.compile(r"<!-- training:begin.*?<!-- training:end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path + ".tmp", "w").write(text)
os.replace(path + ".tmp", path)
PY
echo "wrote $file" >&2
