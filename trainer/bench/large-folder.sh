#!/usr/bin/env bash
# Training on an image folder of ImageNet-LT's size (issue 11): how long `train` takes to index it
# and to finish its first training step, under a 2 GB heap, and whether a stop (SIGTERM) during the
# first epoch exits cleanly. The folder is filled once with synthetic long-tailed JPEGs (100 classes,
# by trainer/bench/loader.sh); the run is resnet18 at --width 16 on --image-size IMAGE_PX, stopped
# after its first step. Prints each line of the run with the seconds since start, then a summary.
#
# Usage: trainer/bench/large-folder.sh [FOLDER] [IMAGES] [SOURCE_PX] [IMAGE_PX] [HEAP] [THREADS]
# Defaults: /tmp/reslt-imagenet-lt-scale 115846 16 224 2g 2. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=${1:-/tmp/reslt-imagenet-lt-scale}
images=${2:-115846}
source_px=${3:-16}
image_px=${4:-224}
heap=${5:-2g}
threads=${6:-2}
if [[ ! -d "$folder/train" ]]; then
  echo "== writing $images synthetic JPEGs into $folder (once)" >&2
  trainer/bench/loader.sh "$folder" "$images" "$source_px" "$image_px" "$threads" 2 "$heap"
fi
runs=$(mktemp -d /tmp/reslt-large-folder.XXXXXX)
log="$runs/train.log"
cmd=(trainer/bin/reslt-train train --dataset folder --data-dir "$folder" --image-size "$image_px"
  --network resnet18 --width 16 --threads "$threads" --name large --runs-dir "$runs" --no-export)
echo "== JAVA_OPTS=-Xmx$heap ${cmd[*]}" >&2
start=$EPOCHREALTIME
JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "peak RSS %M KB" -o "$runs/time.txt" "${cmd[@]}" \
  > >(while IFS= read -r line; do printf '%7.1f s  %s\n' "$(bc <<<"$EPOCHREALTIME - $start")" "$line"; done | tee -a "$log") \
  2> >(grep --line-buffered -v "Warning: AutoNonVariableTypeMode" | while IFS= read -r line; do printf '%7.1f s  %s\n' "$(bc <<<"$EPOCHREALTIME - $start")" "$line"; done | tee -a "$log" >&2) &
runner=$!
# stop the run once its first step is logged (the trainer prints it when standard error is a log)
until grep -q " step 1/" "$log" 2>/dev/null; do
  if ! kill -0 "$runner" 2>/dev/null; then echo "error: the run ended before its first step" >&2; exit 1; fi
  sleep 0.5
done
java_pid=$(pgrep -f -- "--runs-dir $runs" | xargs -r ps -o pid=,comm= -p | awk '$2 == "java" {print $1}' | head -n 1)
kill -TERM "$java_pid"
set +e
wait "$runner"
code=$?
set -e
sleep 1
echo
echo "summary ($(date -u +%F), $(nproc) CPUs, load before: see uptime below)"
grep -m1 "indexed" "$log" | sed 's/^/  /'
grep -m1 " step 1/" "$log" | sed 's/^/  first step: /'
echo "  exit code after SIGTERM: $code (143: stopped cleanly, as docs/training.md says)"
echo "  crash logs: $(find "$runs" . -maxdepth 3 -name 'hs_err_pid*' -newer "$runs/train.log" 2>/dev/null | wc -l)"
echo "  $(cat "$runs/time.txt" | tail -n 1)"
uptime
