#!/usr/bin/env python3
"""Writes the benchmark's request bodies: an Open Inference Protocol JSON body, the same request with
the tensor as raw bytes (Triton's binary extension: infer.bin, its JSON part's length in
infer.bin.header-length) and a PNG of the same 28x28 digit. The digit is the first image of the MNIST test set when its IDX file is given,
else a drawn stroke. Standard library only."""
import json
import struct
import sys
import zlib


def mnist_digit(path):
    with open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 2051 or rows != 28 or cols != 28:
            raise SystemExit(f"{path} is not an MNIST image file")
        return list(f.read(28 * 28))


def drawn_digit():
    pixels = [0] * (28 * 28)
    for y in range(6, 22):  # a "1"
        for x in (13, 14):
            pixels[y * 28 + x] = 255
    return pixels


def png(pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * 28:(y + 1) * 28]) for y in range(28))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def main():
    out_dir, idx = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
    pixels = mnist_digit(idx) if idx else drawn_digit()
    body = {"id": "bench", "inputs": [{"name": "image", "shape": [1, 1, 28, 28],
                                       "datatype": "FP32", "data": pixels}]}
    with open(f"{out_dir}/infer.json", "w") as f:
        json.dump(body, f, separators=(",", ":"))
    # the binary form asks for binary probabilities too, as Triton's clients do
    header = json.dumps({"id": "bench", "inputs": [{"name": "image", "shape": [1, 1, 28, 28],
                                                     "datatype": "FP32",
                                                     "parameters": {"binary_data_size": 4 * len(pixels)}}],
                         "outputs": [{"name": "probabilities", "parameters": {"binary_data": True}}]},
                        separators=(",", ":")).encode()
    with open(f"{out_dir}/infer.bin", "wb") as f:
        f.write(header + struct.pack(f"<{len(pixels)}f", *pixels))
    with open(f"{out_dir}/infer.bin.header-length", "w") as f:
        f.write(str(len(header)))
    with open(f"{out_dir}/digit.png", "wb") as f:
        f.write(png(pixels))
    print("mnist test image 0" if idx else "a drawn 1")


if __name__ == "__main__":
    main()
