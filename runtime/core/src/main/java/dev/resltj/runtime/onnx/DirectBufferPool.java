package dev.resltj.runtime.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Reusable direct buffers for input tensors. ONNX Runtime copies a heap buffer into a fresh direct
 * one on every tensor creation; allocating direct memory (zeroing, reservation, a cleaner) costs
 * more than a small model's whole run, so a classifier keeps a few and hands them out per run. A
 * buffer is only reused after the tensor that wrapped it is closed.
 */
final class DirectBufferPool {
  /** Buffers above this size are allocated per run and not kept. */
  static final int MAX_POOLED_FLOATS = 1 << 20;

  private final ArrayBlockingQueue<FloatBuffer> idle;

  DirectBufferPool(int capacity) {
    this.idle = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * A direct buffer holding a copy of {@code data}, positioned at 0 with limit {@code data.length}.
   */
  FloatBuffer fill(float[] data) {
    FloatBuffer buffer = idle.poll();
    if (buffer == null || buffer.capacity() < data.length) {
      buffer =
          ByteBuffer.allocateDirect(Math.max(data.length, 1) * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
    }
    buffer.clear();
    buffer.put(data);
    buffer.flip();
    return buffer;
  }

  /** Returns a buffer once nothing uses it any more. */
  void release(FloatBuffer buffer) {
    if (buffer.capacity() <= MAX_POOLED_FLOATS) {
      idle.offer(buffer); // dropped when the pool is full
    }
  }
}
