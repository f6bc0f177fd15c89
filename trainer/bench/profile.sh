#!/usr/bin/env bash
# Step profile, DJL against PyTorch eager, for the 1.2x training-throughput goal (docs/benchmarks.md,
# "Where a training step's time goes"): the wall time of each part of a step (batch, forward, loss,
# backward, read-back, release, optimiser) on both sides, batch 128, ResLT loss, Adam. The DJL side
# is ThroughputProbe (the trainer's own step loop, which reads the clock between the parts) through
# the launcher as shipped; the PyTorch side is step_profile_torch.py (the same step, timed the same
# way, plus torch.profiler's operators by self CPU time). ROUNDS interleaved rounds; run it on a
# quiet machine.
#
# Usage: trainer/bench/profile.sh [--network mnist|reference] [--rounds N] [--steps N] [--warmup N]
#                                 [--batch N] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/../.."
network=mnist rounds=2 steps=100 warmup=10 batch=128 threads=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --network) network="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "${RESLT_TRAIN_JAR:-}" ]]; then
  ./mvnw -B -q -pl trainer -am package -DskipTests
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= rounds; r++)); do
  echo "== round $r, PyTorch eager"
  /usr/bin/python3 trainer/bench/step_profile_torch.py "$network" "$batch" "$warmup" "$steps" "$threads"
  echo "== round $r, DJL (launcher as shipped)"
  RESLT_TRAIN_MAIN=dev.resltj.trainer.training.ThroughputProbe \
    JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
    trainer/bin/reslt-train "$network" reslt "$batch" "$warmup" "$steps" 2>/dev/null
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
