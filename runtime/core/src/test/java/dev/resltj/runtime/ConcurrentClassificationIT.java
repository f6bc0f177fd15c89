package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resltj.runtime.fixtures.OnnxFixtures;
import dev.resltj.runtime.fixtures.TestImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One classifier shared by 8 threads, mixing every kind of call, gives the single-thread answers.
 */
class ConcurrentClassificationIT {
  static final int THREADS = 8;
  static final int IMAGES = 64;

  @Test
  void eightThreadsForSeveralSecondsGetTheSingleThreadAnswers() throws Exception {
    Random random = new Random(11);
    List<float[]> tensors = new ArrayList<>();
    List<byte[]> pngs = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      float[] pixels = new float[784];
      for (int p = 0; p < 784; p++) {
        int v = random.nextInt(100) < 20 ? random.nextInt(256) : 0; // sparse light strokes
        pixels[p] = v;
        image.getRaster().setSample(p % 28, p / 28, 0, v);
      }
      tensors.add(pixels);
      pngs.add(TestImages.encode(image, "png"));
    }
    try (ResltClassifier classifier =
        ResltClassifier.open(
            OnnxFixtures.mnistSizedCnn(3),
            ClassifierOptions.builder().includeLogits(true).topK(3).build())) {
      List<Prediction> expected = new ArrayList<>();
      for (float[] t : tensors) {
        expected.add(classifier.classify(t));
      }
      // sanity: the fixture does not answer the same class for everything
      assertThat(expected.stream().map(Prediction::label).distinct().count()).isGreaterThan(1);

      ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
      AtomicLong calls = new AtomicLong();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        futures.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  start.await();
                  while (System.nanoTime() < deadline) {
                    int i = r.nextInt(IMAGES);
                    switch (r.nextInt(3)) {
                      case 0 ->
                          check(
                              classifier.classify(tensors.get(i)), expected.get(i), i, mismatches);
                      case 1 ->
                          check(classifier.classify(pngs.get(i)), expected.get(i), i, mismatches);
                      default -> {
                        int n = 1 + r.nextInt(8);
                        float[] batch = new float[n * 784];
                        int[] which = new int[n];
                        for (int b = 0; b < n; b++) {
                          which[b] = r.nextInt(IMAGES);
                          System.arraycopy(tensors.get(which[b]), 0, batch, b * 784, 784);
                        }
                        List<Prediction> got = classifier.classifyAll(batch, n);
                        for (int b = 0; b < n; b++) {
                          check(got.get(b), expected.get(which[b]), which[b], mismatches);
                        }
                      }
                    }
                    calls.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS); // rethrows any exception from a worker
      }
      pool.shutdown();
      assertThat(mismatches).isEmpty();
      assertThat(calls.get()).isGreaterThan(THREADS * 10L);
    }
  }

  private static void check(
      Prediction got, Prediction want, int i, ConcurrentLinkedQueue<String> bad) {
    // exact: ORT runs each row the same way whatever the batch and whichever thread
    if (!got.equals(want)) {
      bad.add("image " + i + ": " + got + " != " + want);
    }
  }

  @Test
  void closingWhileOtherThreadsClassifyNeverCrashes() throws Exception {
    ResltClassifier classifier = ResltClassifier.open(OnnxFixtures.mnistSizedCnn(3));
    float[] image = new float[784];
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicLong afterClose = new AtomicLong();
    CountDownLatch running = new CountDownLatch(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                running.countDown();
                while (true) {
                  try {
                    classifier.classify(image);
                  } catch (IllegalStateException closed) {
                    afterClose.incrementAndGet();
                    return null;
                  }
                }
              }));
    }
    running.await();
    Thread.sleep(200);
    classifier.close();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(afterClose.get()).isEqualTo(4);
  }
}
