import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor load.sh compares the server with: the same model in ONNX Runtime alone, as the server
 * runs it (one session, intra-op threads 1, as many threads as the batcher's workers), no HTTP, no
 * JSON, no queue. Prints "batch32_images_per_s=... batch8_images_per_s=... batch1_p50_ms=...":
 * batch 8 is the server's default largest batch, batch 32 the goal's reference.
 *
 * <p>java -cp onnxruntime.jar BareOrt.java MODEL WORKERS SECONDS
 */
public final class BareOrt {
  public static void main(String[] args) throws Exception {
    String model = args[0];
    int workers = Integer.parseInt(args[1]);
    long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options)) {
        String input = session.getInputNames().iterator().next();
        run(env, session, input, 32, nanos / 4, workers, null); // warm-up
        AtomicLong images = new AtomicLong();
        long start = System.nanoTime();
        run(env, session, input, 32, nanos, workers, images);
        double seconds = (System.nanoTime() - start) / 1e9;
        AtomicLong images8 = new AtomicLong();
        long start8 = System.nanoTime();
        run(env, session, input, 8, nanos, workers, images8);
        double seconds8 = (System.nanoTime() - start8) / 1e9;
        run(env, session, input, 1, nanos / 4, 1, null);
        long[] times = new long[20000];
        int n = 0;
        long end = System.nanoTime() + nanos;
        float[] one = new float[784];
        while (System.nanoTime() < end && n < times.length) {
          long t = System.nanoTime();
          once(env, session, input, one, 1);
          times[n++] = System.nanoTime() - t;
        }
        long[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        System.out.printf(
            "batch32_images_per_s=%.0f batch8_images_per_s=%.0f batch1_p50_ms=%.3f%n",
            images.get() / seconds, images8.get() / seconds8, sorted[n / 2] / 1e6);
      }
    }
  }

  private static void run(
      OrtEnvironment env,
      OrtSession session,
      String input,
      int batch,
      long nanos,
      int workers,
      AtomicLong images)
      throws InterruptedException {
    Thread[] threads = new Thread[workers];
    long end = System.nanoTime() + nanos;
    for (int w = 0; w < workers; w++) {
      threads[w] =
          new Thread(
              () -> {
                float[] data = new float[batch * 784];
                while (System.nanoTime() < end) {
                  try {
                    once(env, session, input, data, batch);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  if (images != null) {
                    images.addAndGet(batch);
                  }
                }
              });
      threads[w].start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void once(OrtEnvironment env, OrtSession session, String input, float[] data, int batch)
      throws Exception {
    try (OnnxTensor t =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {batch, 1, 28, 28});
        OrtSession.Result r = session.run(Map.of(input, t))) {
      r.get(0);
    }
  }
}
