#!/usr/bin/env bash
# Builds the runtime and its JMH benchmarks, then runs them. Extra arguments go to JMH
# (for example: ./runtime/core/bench/run.sh -f 1 -wi 2 -i 3 'RuntimeBenchmark.c_.*').
# Run from the repository root; results land in runtime/core/bench/results/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -Pjmh -pl runtime/core/bench -am package -DskipTests -Dinvoker.skip=true
mkdir -p runtime/core/bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
echo "load before: $(cat /proc/loadavg) on $(nproc) cores"
java -jar runtime/core/bench/target/benchmarks.jar -rf json \
  -rff "runtime/core/bench/results/runtime-$stamp.json" "$@" | tee "runtime/core/bench/results/runtime-$stamp.txt"
echo "load after: $(cat /proc/loadavg)" | tee -a "runtime/core/bench/results/runtime-$stamp.txt"
