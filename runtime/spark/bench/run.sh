#!/usr/bin/env bash
# Spark scoring benchmark: images/s of the reslt-spark job on local[2] against classifyAll on the same
# files in one JVM, side by side, then the packaged job end to end (java -jar, JVM and Spark start-up
# included).
#
#   runtime/spark/bench/run.sh                     # 10,000 MNIST test digits, 3 rounds + a warm-up
#   IMAGES=2000 ROUNDS=1 runtime/spark/bench/run.sh
#   BUILD=0 SPARK_TARGET=/tmp/spark-target RUNTIME_TARGET=/tmp/core-target runtime/spark/bench/run.sh
#
# Needs data/mnist (scripts/fetch-mnist.sh) and models/reslt-mnist-lt.onnx. Prints `uptime` before
# and after: on a shared 2-core machine the load decides the numbers. Writes nothing into the
# repository except target/ folders; the images and outputs live in a temporary folder.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
IMAGES=${IMAGES:-10000}
ROUNDS=${ROUNDS:-3}
BATCH=${BATCH:-64}
MODEL=${MODEL:-$REPO/models/reslt-mnist-lt.onnx}
MNIST=${MNIST:-$REPO/data/mnist}
MVN=${MVN:-$REPO/mvnw}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -f "$MNIST/t10k-images-idx3-ubyte" ] || { echo "no MNIST in $MNIST: run scripts/fetch-mnist.sh" >&2; exit 2; }
[ -f "$MODEL" ] || { echo "no model at $MODEL" >&2; exit 2; }

# BUILD=0 runs what is already built; SPARK_TARGET and RUNTIME_TARGET point at copies of the two target/
# folders, so a build in the checkout cannot change the classes under a running benchmark
if [ "${BUILD:-1}" = 1 ]; then
  (cd "$REPO" && $MVN -B -q -pl runtime/spark -am package -DskipTests -Dinvoker.skip)
fi
SPARK=${SPARK_TARGET:-$REPO/runtime/spark/target}
TESTS=$(ls "${RUNTIME_TARGET:-$REPO/runtime/core/target}"/reslt-runtime-*-tests.jar | head -1)
# the same JVM flags as the packaged jar's manifest (Add-Opens), which java -cp does not read
OPENS=$(unzip -p "$SPARK/reslt-spark.jar" META-INF/MANIFEST.MF | tr -d '\r' \
  | awk '/^Add-Opens:/ { on = 1; sub(/^Add-Opens: /, ""); printf "%s", $0; next }
         on && /^ / { sub(/^ /, ""); printf "%s", $0; next } { on = 0 }')
JAVA_FLAGS=(-Xmx1g)
for o in $OPENS; do JAVA_FLAGS+=("--add-opens=$o=ALL-UNNAMED"); done

echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== load before: $(uptime)"
java "${JAVA_FLAGS[@]}" -Dlog4j2.configurationFile=reslt-spark-log4j2.properties \
  -cp "$SPARK/classes:$SPARK/test-classes:$TESTS:$SPARK/lib/*" \
  dev.resltj.spark.bench.ScoringBenchmark "$MODEL" "$MNIST" "$WORK" "$IMAGES" "$ROUNDS" "$BATCH"
echo "== load after in-JVM rounds: $(uptime)"

start=$(date +%s.%N)
java -Xmx1g -jar "$SPARK/reslt-spark.jar" --model "$MODEL" --input "$WORK/images/*.png" \
  --output "$WORK/job-out" --master 'local[2]' --batch-size "$BATCH"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$IMAGES" \
  'BEGIN { printf "java -jar reslt-spark.jar, local[2], end to end: %.1f s, %.0f img/s\n", e - s, n / (e - s) }'
echo "== load after: $(uptime)"
