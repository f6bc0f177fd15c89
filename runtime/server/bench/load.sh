#!/usr/bin/env bash
# Load benchmark of reslt-server with wrk, on 127.0.0.1 only.
#
#   runtime/server/bench/load.sh            # from anywhere; about 5 minutes
#   DURATION=5s CONCURRENCY="1 64" runtime/server/bench/load.sh
#   SERVER_ENV="RESLT_BATCHING_MAX_QUEUE_DELAY=0ms" runtime/server/bench/load.sh   # other settings
#   JAVA_OPTS="-Xmx192m" runtime/server/bench/load.sh                             # other JVM options
#
# Serves one model twice from a temporary folder, as "bench" (dynamic batching on) and
# "bench-nobatch" (batching off), and measures with wrk, at each concurrency: the trivial
# GET /v2/health/live (the HTTP stack's own ceiling), JSON infer and PNG classify, each with
# batching on and off. Reports requests/s, p50/p99 latency, server CPU per request, the time
# from launch to ready and the peak resident memory under load. The model is the repository's
# models/reslt-mnist-lt.onnx, or, when it is not there yet, a fixture CNN of realistic size
# (107k parameters) built by the test sources. The server runs through its launcher,
# runtime/server/bin/reslt-server (-Xmx256m -Xms64m -XX:+UseSerialGC, MALLOC_ARENA_MAX=2; JAVA_OPTS
# replaces the JVM options). Ready time and peak memory are for two models loaded. Bounded: every wrk run has a fixed duration and the server is stopped on
# exit, error or interrupt. Results: bench/results/latest.md.
#
# Then, with the server idle, the same model in bare ONNX Runtime (bench/BareOrt.java: one session,
# intra-op threads 1, as many threads as the batcher's workers): batch-32 images/s and batch-1 p50,
# and the issue-12 goals side by side: JSON infer at 64 connections >= 0.95x bare batch-32
# throughput, its p99 <= 1.5x the queueing bound (64 / its requests/s), at 1 connection p50 <= bare
# batch-1 p50 + 0.25 ms, ready <= 3 s, peak RSS <= 400 MiB. The 1-minute load average is in every row.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-4s}
CONCURRENCY=${CONCURRENCY:-"1 16 64"}
PORT=${PORT:-18181}
SERVER_ENV=${SERVER_ENV:-}
JAVA_OPTS=${JAVA_OPTS:-}
LAUNCHER="$HERE/../bin/reslt-server"
OUT=${OUT:-$HERE/results/latest.md}
BASE="http://127.0.0.1:$PORT"
TICKS=$(getconf CLK_TCK)

command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }
WORK=$(mktemp -d)
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# ---- the server jar ----
MVN=${MVN:-$(command -v mvn || echo ./mvnw)}
JAR=${JAR:-$(ls "$REPO"/runtime/server/target/reslt-server-*-all.jar 2>/dev/null | head -1 || true)}
if [ -z "$JAR" ]; then
  (cd "$REPO" && $MVN -B -q -pl runtime/server -am package -DskipTests)
  JAR=$(ls "$REPO"/runtime/server/target/reslt-server-*-all.jar | head -1)
fi

# ---- the model ----
mkdir -p "$WORK/models"
if [ -f "$REPO/models/reslt-mnist-lt.onnx" ]; then
  MODEL="$REPO/models/reslt-mnist-lt.onnx"
  MODEL_DESC="models/reslt-mnist-lt.onnx (the default model)"
else
  # the reactor resolves reslt-runtime to this checkout; the server module writes cp.txt last
  (cd "$REPO" && $MVN -B -q -pl runtime/server -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt")
  java -cp "$REPO/runtime/server/target/test-classes:$(cat "$WORK/cp.txt")" \
    dev.resltj.server.fixtures.FixtureModels "$WORK/fixtures" >/dev/null
  MODEL="$WORK/fixtures/cnn.onnx"
  MODEL_DESC="fixture CNN (FixtureModels.cnn: conv 1-16, conv 16-32, dense 1568-64-10; 107k parameters), since models/reslt-mnist-lt.onnx is not there yet"
fi
cp "$MODEL" "$WORK/models/bench.onnx"
cp "$MODEL" "$WORK/models/bench-nobatch.onnx"

# ---- the request bodies ----
IDX="$REPO/data/mnist/t10k-images-idx3-ubyte"
[ -f "$IDX" ] || IDX=""
DIGIT=$(python3 "$HERE/inputs.py" "$WORK" $IDX)

# ---- start and time to ready ----
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# the launcher's class archive (bin/reslt-server): its state decides part of the time to ready
ARCHIVE="${JAR%.jar}.jsa"
if [ "${RESLT_CDS:-on}" = off ]; then CDS_STATE="off (RESLT_CDS=off)"
elif { [ -f "$ARCHIVE" ] && [ "$ARCHIVE" -nt "$JAR" ]; } || ls "$ARCHIVE".rec-* >/dev/null 2>&1; then
  CDS_STATE="mapped (recorded by an earlier start)"
else CDS_STATE="none yet (this start records it at exit)"; fi
START=$(date +%s%N)
env $SERVER_ENV RESLT_MODELS_DIR="$WORK/models" RESLT_HOST=127.0.0.1 RESLT_PORT=$PORT RESLT_GRPC_PORT=0 \
  RESLT_BATCHING_DISABLED_FOR=bench-nobatch JAR="$JAR" JAVA_OPTS="$JAVA_OPTS" \
  "$LAUNCHER" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
READY=""
for _ in $(seq 1 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v2/health/ready" || true)" = 200 ]; then
    READY=$(( ($(date +%s%N) - START) / 1000000 ))
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$READY" ] || { echo "server not ready in 60 s" >&2; cat "$WORK/server.log" >&2; exit 1; }
READY_CPU=$(( $(cpu_ticks "$SERVER_PID") * 1000 / TICKS ))
RSS_IDLE=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER_PID/status")

# peak resident memory while under load
( while kill -0 "$SERVER_PID" 2>/dev/null; do
    awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER_PID/status" 2>/dev/null || true
    sleep 0.2
  done >"$WORK/rss.txt" ) &
SAMPLER_PID=$!

# ---- runs ----
# the binary body's JSON part length (Inference-Header-Content-Length), empty for other bodies
header_length() { [ -f "${1:-}.header-length" ] && cat "$1.header-length" || true; }

# run NAME METHOD PATH CONNECTIONS [BODY_FILE CONTENT_TYPE] -> one table row
run() {
  local name=$1 method=$2 path=$3 c=$4 body=${5:-} type=${6:-}
  local threads=$(( c < 2 ? 1 : 2 ))
  local args=(-t"$threads" -c"$c" -d"$DURATION" --latency --timeout 10s)
  [ "$method" = POST ] && args+=(-s "$HERE/body.lua")
  local load cpu0 cpu1 out
  load=$(cut -d' ' -f1 /proc/loadavg)
  cpu0=$(cpu_ticks "$SERVER_PID")
  out=$(BODY_FILE=$body CONTENT_TYPE=$type HEADER_LENGTH=$(header_length "$body") wrk "${args[@]}" "$BASE$path")
  cpu1=$(cpu_ticks "$SERVER_PID")
  echo "$out" >>"$WORK/wrk.log"
  awk -v name="$name" -v c="$c" -v load="$load" -v cpu="$(( cpu1 - cpu0 ))" -v ticks="$TICKS" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 }
    /Non-2xx/ { bad = $5 } /Socket errors/ { errs = $0 }
    /^Requests\/sec/ { rps = $2 }
    END {
      cpuus = n > 0 ? cpu * 1000000 / ticks / n : 0
      printf "| %s | %d | %.0f | %.3f | %.3f | %.0f | %s | %s |\n", name, c, rps, p50, p99, cpuus, load, (bad == "" ? "0" : bad) (errs == "" ? "" : " (" errs ")")
    }' <<<"$out"
}

warm() {
  local c=$1 path=$2 body=${3:-} type=${4:-}
  BODY_FILE=$body CONTENT_TYPE=$type HEADER_LENGTH=$(header_length "$body") wrk -t$(( c < 2 ? 1 : 2 )) -c"$c" -d"$WARMUP" \
    ${body:+-s "$HERE/body.lua"} "$BASE$path" >/dev/null
}
# every endpoint at every concurrency before anything is measured: the JIT recompiles when the
# profile changes (a lone request takes other branches than a full batch), and that CPU would
# otherwise land in the first measured run
for c in $CONCURRENCY; do
  warm "$c" /v2/health/live
  warm "$c" /v2/models/bench/infer "$WORK/infer.json" application/json
  warm "$c" /v2/models/bench-nobatch/infer "$WORK/infer.json" application/json
  warm "$c" /v2/models/bench/infer "$WORK/infer.bin" application/octet-stream
  warm "$c" /v1/models/bench/classify "$WORK/digit.png" image/png
  warm "$c" /v1/models/bench-nobatch/classify "$WORK/digit.png" image/png
done

ROWS=""
for c in $CONCURRENCY; do
  ROWS+=$(run "trivial GET /v2/health/live" GET /v2/health/live "$c")$'\n'
  ROWS+=$(run "JSON infer, batching on" POST /v2/models/bench/infer "$c" "$WORK/infer.json" application/json)$'\n'
  ROWS+=$(run "JSON infer, batching off" POST /v2/models/bench-nobatch/infer "$c" "$WORK/infer.json" application/json)$'\n'
  ROWS+=$(run "binary infer, batching on" POST /v2/models/bench/infer "$c" "$WORK/infer.bin" application/octet-stream)$'\n'
  ROWS+=$(run "PNG classify, batching on" POST /v1/models/bench/classify "$c" "$WORK/digit.png" image/png)$'\n'
  ROWS+=$(run "PNG classify, batching off" POST /v1/models/bench-nobatch/classify "$c" "$WORK/digit.png" image/png)$'\n'
done
RSS_PEAK=$(sort -n "$WORK/rss.txt" | tail -1)
BATCHES=$(curl -s "$BASE/prometheus" | awk '/^reslt_batch_size_images_(sum|count)\{model="bench"\}/ {v[$1 ~ /sum/ ? "sum" : "count"] = $2} END {if (v["count"] > 0) printf "%.1f", v["sum"] / v["count"]}')

# ---- bare ONNX Runtime, same model and threads, server idle ----
WORKERS=${WORKERS:-2}
BARE_LOAD=$(cut -d' ' -f1 /proc/loadavg)
BARE=$(java -cp "$JAR" "$HERE/BareOrt.java" "$MODEL" "$WORKERS" "${DURATION%s}")
BARE32=$(sed -n 's/.*batch32_images_per_s=\([0-9.]*\).*/\1/p' <<<"$BARE")
BARE1=$(sed -n 's/.*batch1_p50_ms=\([0-9.]*\).*/\1/p' <<<"$BARE")
# JSON infer with batching: requests/s and p99 at 64 connections, p50 at 1
field() { awk -F'|' -v c="$1" -v f="$2" '$2 ~ /JSON infer, batching on/ && $3 + 0 == c {gsub(/ /, "", $f); print $f}' <<<"$ROWS"; }
RPS64=$(field 64 4); P99_64=$(field 64 6); P50_1=$(field 1 5)
GOALS=$(awk -v rps="$RPS64" -v p99="$P99_64" -v p50="$P50_1" -v b32="$BARE32" -v b1="$BARE1" \
  -v ready="$READY" -v rss="$RSS_PEAK" '
  function verdict(ok) { return ok ? "met" : "**missed**" }
  BEGIN {
    if (rps != "") {
      bound = 64 / rps * 1000
      printf "| c=64 throughput >= 0.95x bare batch-32 (%.0f images/s) | %.0f requests/s = %.2fx | %s |\n", b32, rps, rps / b32, verdict(rps >= 0.95 * b32)
      printf "| c=64 p99 <= 1.5x queueing bound (64 / %.0f per s = %.1f ms) | %.1f ms = %.2fx | %s |\n", rps, bound, p99, p99 / bound, verdict(p99 <= 1.5 * bound)
    } else {
      printf "| c=64 throughput >= 0.95x bare batch-32 | not measured (CONCURRENCY has no 64) | **missed** |\n"
      printf "| c=64 p99 <= 1.5x queueing bound | not measured (CONCURRENCY has no 64) | **missed** |\n"
    }
    if (p50 != "") printf "| c=1 p50 <= bare batch-1 p50 (%.3f ms) + 0.25 ms | %.3f ms | %s |\n", b1, p50, verdict(p50 <= b1 + 0.25)
    else printf "| c=1 p50 <= bare batch-1 p50 + 0.25 ms | not measured (CONCURRENCY has no 1) | **missed** |\n"
    printf "| ready <= 3 s (two models loaded) | %.1f s | %s |\n", ready / 1000, verdict(ready <= 3000)
    printf "| peak RSS <= 400 MiB (two models loaded) | %d MiB | %s |\n", rss, verdict(rss <= 400)
  }')

# ---- report ----
mkdir -p "$(dirname "$OUT")"
{
  echo "# reslt-server load benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) CPUs, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//'); $(java -version 2>&1 | head -1)"
  echo "- model: $MODEL_DESC; request image: $DIGIT"
  echo "- server: bin/reslt-server, JVM options: ${JAVA_OPTS:-launcher defaults (-Xmx256m -Xms64m -XX:+UseSerialGC)}, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}, settings: ${SERVER_ENV:-defaults}; wrk on 127.0.0.1, $DURATION per run after a $WARMUP warm-up of every endpoint at every concurrency; wrk and the server share the machine"
  echo "- ready: $READY ms from launch to 200 on /v2/health/ready (server CPU until then: $READY_CPU ms; class archive: $CDS_STATE)"
  echo "- resident memory: $RSS_IDLE MiB when ready, $RSS_PEAK MiB peak under load"
  echo "- mean images per model run for the batching model over all runs: ${BATCHES:-n/a}"
  echo
  echo "| endpoint | connections | requests/s | p50 ms | p99 ms | server CPU µs/request | load avg (1 min) at start | non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf "%s" "$ROWS"
  echo
  echo "Bare ONNX Runtime, same model, $WORKERS threads, intra-op 1 (bench/BareOrt.java, load avg $BARE_LOAD at start): $BARE"
  echo
  echo "| goal | measured | |"
  echo "|---|---:|---|"
  printf "%s\n" "$GOALS"
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
