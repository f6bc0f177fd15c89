#!/usr/bin/env bash
# Training throughput, DJL against PyTorch eager, side by side in one run: the MNIST reference
# network and the default (mnist) network with the reslt loss, Adam, batch 128, 2 threads. The DJL side is the trainer's own step
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
    "$launcher" "${network:-reference}" reslt "$batch" "$warmup" "$steps" 2>/dev/null | sed -n 's/^images_per_second=\([0-9.]*\).*/\1/p'
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
# The default network: the shipped launcher against PyTorch eager (the settings' effects are the
# reference network's table above). Its steps take ~4x longer, so fewer of them are timed.
network=mnist
mnist_steps=$(( steps / 4 > 10 ? steps / 4 : 10 ))
mnist_warmup=$(( warmup / 4 > 3 ? warmup / 4 : 3 ))
declare -A mnist_results
for ((r = 1; r <= rounds; r++)); do
  line=$("$python" trainer/bench/throughput_torch.py "$batch" "$mnist_warmup" "$mnist_steps" "$threads" mnist)
  mnist_mflop=$(sed -n 's/.*train_mflop_per_image=\([0-9.]*\).*/\1/p' <<<"$line")
  v=$(sed -n 's/^images_per_second=\([0-9.]*\).*/\1/p' <<<"$line")
  mnist_results["PyTorch eager"]+="$v "
  echo "round $r: default network, PyTorch eager $v img/s" >&2
  v=$(steps=$mnist_steps warmup=$mnist_warmup; run_djl "" "" "")
  mnist_results["DJL through the launcher as shipped"]+="$v "
  echo "round $r: default network, DJL as shipped $v img/s" >&2
done
unset network
reference_mflop=$("$python" trainer/bench/throughput_torch.py 8 1 1 1 | sed -n 's/.*train_mflop_per_image=\([0-9.]*\).*/\1/p')
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
# peak FP32 of this CPU: cores x clock x 32 FLOP/cycle (two 256-bit FMA pipes, as on AVX2 Zen and
# Intel cores; the clock is the one /proc/cpuinfo reports, boost clocks would raise it)
mhz=$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')
peak=$(awk -v m="$mhz" -v n="$threads" 'BEGIN { printf "%.0f", m * 1e6 * n * 32 / 1e9 }')
flops() { awk -v r="$1" -v f="$2" -v p="$peak" 'BEGIN { if (r > 0) printf "%.1f GFLOP/s (%.0f%% of %d)", r * f / 1000, 100 * r * f / 1000 / p, p; else print "n/a" }'; }
mnist_torch=$(echo "${mnist_results["PyTorch eager"]}" | median)
mnist_djl=$(echo "${mnist_results["DJL through the launcher as shipped"]}" | median)
ref_djl=$(echo "${results["DJL through the launcher as shipped"]}" | median)
mnist_table="| network | side | median images/s | runs (images/s) | vs PyTorch eager | training FLOP/s (share of peak) |
|---|---|---:|---|---:|---|
| reference ($reference_mflop MFLOP/image) | PyTorch eager | $torch_median | ${results["PyTorch eager"]% } | 1.00x | $(flops "$torch_median" "$reference_mflop") |
| reference | DJL as shipped | $ref_djl | ${results["DJL through the launcher as shipped"]% } | $(awk -v a="$ref_djl" -v b="$torch_median" 'BEGIN { printf "%.2fx", a / b }') | $(flops "$ref_djl" "$reference_mflop") |
| mnist, the default ($mnist_mflop MFLOP/image) | PyTorch eager | $mnist_torch | ${mnist_results["PyTorch eager"]% } | 1.00x | $(flops "$mnist_torch" "$mnist_mflop") |
| mnist | DJL as shipped | $mnist_djl | ${mnist_results["DJL through the launcher as shipped"]% } | $(awk -v a="$mnist_djl" -v b="$mnist_torch" 'BEGIN { printf "%.2fx", a / b }') | $(flops "$mnist_djl" "$mnist_mflop") |"
echo "$mnist_table"

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

Both networks, the launcher as shipped against PyTorch eager, with the work per image (multiply-adds
of the convolutions and linear layers counted by hooks on the PyTorch model, x2 FLOP, x3 for the
forward pass and the two backward products) and the share of the CPU's FP32 peak ($threads cores x
${mhz} MHz x 32 FLOP/cycle = $peak GFLOP/s) that it reaches:

$mnist_table

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
