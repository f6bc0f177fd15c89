package dev.resltj.trainer.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * One batch's host memory, allocated once and reused for every step: Java arrays the batch source
 * fills, and direct buffers the engine wraps without copying ({@code from_blob}). An array made
 * from these buffers must be closed before the next {@link #load}, which the per-step sub-manager
 * guarantees.
 */
final class HostBatch {
  final float[] pixels;
  final int[] labels;
  private final ByteBuffer pixelBytes;
  private final FloatBuffer pixelView;
  private final ByteBuffer labelBytes;
  private final LongBuffer labelView;
  private final Shape shape;
  private final Shape labelShape;
  private final int imageSize;

  HostBatch(int images, int channels, int height, int width) {
    this.imageSize = channels * height * width;
    this.pixels = new float[images * imageSize];
    this.labels = new int[images];
    this.pixelBytes =
        ByteBuffer.allocateDirect(Float.BYTES * pixels.length).order(ByteOrder.nativeOrder());
    this.pixelView = pixelBytes.asFloatBuffer();
    this.labelBytes =
        ByteBuffer.allocateDirect(Long.BYTES * labels.length).order(ByteOrder.nativeOrder());
    this.labelView = labelBytes.asLongBuffer();
    this.shape = new Shape(images, channels, height, width);
    this.labelShape = new Shape(images);
  }

  int capacity() {
    return labels.length;
  }

  /**
   * Copies the first {@code count} images and labels of the Java arrays into the direct buffers.
   */
  void load(int count) {
    pixelView.clear();
    pixelView.put(pixels, 0, count * imageSize);
    labelView.clear();
    for (int i = 0; i < count; i++) {
      labelView.put(labels[i]);
    }
  }

  /** The loaded images as a float32 {@code [count, C, H, W]} array on {@code manager}. */
  NDArray images(NDManager manager, int count) {
    if (count == capacity()) {
      pixelBytes.clear();
      return manager.create(pixelBytes, shape, DataType.FLOAT32);
    }
    ByteBuffer part = pixelBytes.duplicate().order(ByteOrder.nativeOrder());
    part.clear().limit(Float.BYTES * count * imageSize);
    return manager.create(
        part.slice().order(ByteOrder.nativeOrder()),
        new Shape(count, shape.get(1), shape.get(2), shape.get(3)),
        DataType.FLOAT32);
  }

  /** The loaded labels as an int64 {@code [count]} array on {@code manager}. */
  NDArray labels(NDManager manager, int count) {
    if (count == capacity()) {
      labelBytes.clear();
      return manager.create(labelBytes, labelShape, DataType.INT64);
    }
    ByteBuffer part = labelBytes.duplicate().order(ByteOrder.nativeOrder());
    part.clear().limit(Long.BYTES * count);
    return manager.create(
        part.slice().order(ByteOrder.nativeOrder()), new Shape(count), DataType.INT64);
  }
}
