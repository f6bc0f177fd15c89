#!/usr/bin/env bash
# The image-folder loader alone (no network): indexing time and batches/s of the decoding threads.
# Usage: trainer/bench/loader.sh [FOLDER] [IMAGES] [SOURCE_PX] [IMAGE_PX] [THREADS] [BATCHES] [HEAP]
# Builds the trainer's test classes first; the folder is filled with synthetic JPEGs once.
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=${1:-/tmp/reslt-loader-bench}
images=${2:-20000}
source_px=${3:-64}
image_px=${4:-64}
threads=${5:-2}
batches=${6:-100}
heap=${7:-2g}
./mvnw -B -q -o -pl trainer -am test-compile -Dspotless.check.skip=true >/dev/null
./mvnw -B -q -o -pl trainer dependency:build-classpath -Dmdep.outputFile=/tmp/reslt-loader-cp.txt >/dev/null
cp="trainer/target/test-classes:trainer/target/classes:$(cat /tmp/reslt-loader-cp.txt)"
exec java "-Xmx$heap" -cp "$cp" dev.resltj.trainer.data.LoaderBench \
  "$folder" "$images" "$source_px" "$image_px" "$threads" "$batches"
