package dev.resltj.server.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  /** A request: a value and how many items it stands for. */
  private record Job(int value, int items) {}

  /** Records every run and answers each job with its value times ten. */
  private static final class RecordingHandler implements BatchHandler<Job, Integer> {
    final List<List<Job>> runs = new CopyOnWriteArrayList<>();
    final CountDownLatch firstRunStarted = new CountDownLatch(1);
    final CountDownLatch release;

    RecordingHandler(boolean holdFirstRun) {
      release = new CountDownLatch(holdFirstRun ? 1 : 0);
    }

    @Override
    public List<Integer> run(List<Job> requests) {
      runs.add(List.copyOf(requests));
      firstRunStarted.countDown();
      await(release);
      List<Integer> out = new ArrayList<>();
      for (Job j : requests) {
        out.add(j.value() * 10);
      }
      return out;
    }
  }

  private final List<DynamicBatcher<?, ?>> started = new ArrayList<>();

  @AfterEach
  void closeBatchers() {
    started.forEach(DynamicBatcher::close);
  }

  private <O> DynamicBatcher<Job, O> start(
      BatchingPolicy policy, BatchHandler<Job, O> handler, BatchObserver observer) {
    DynamicBatcher<Job, O> b = DynamicBatcher.start("test model", policy, handler, observer);
    started.add(b);
    return b;
  }

  private static BatchingPolicy policy(int maxBatch, Duration delay, int queue, Duration deadline) {
    return new BatchingPolicy(true, maxBatch, delay, queue, deadline, 1);
  }

  @Test
  void runsALoneRequestAtOnceWithoutWaitingForTheBatchDelay() throws Exception {
    var handler = new RecordingHandler(false);
    var batcher = start(policy(32, Duration.ofSeconds(10), 100, LONG), handler, BatchObserver.NONE);

    long start = System.nanoTime();
    int result = batcher.submit(new Job(7, 1), 1).get(5, TimeUnit.SECONDS);

    assertEquals(70, result);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void mergesRequestsThatArriveWhileARunIsBusyInArrivalOrder() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(32, Duration.ZERO, 100, LONG), handler, BatchObserver.NONE);
    var first = batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));

    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      queued.add(batcher.submit(new Job(i, 1), 1));
    }
    handler.release.countDown();

    assertEquals(0, first.get(5, TimeUnit.SECONDS));
    for (int i = 1; i <= 10; i++) {
      assertEquals(i * 10, queued.get(i - 1).get(5, TimeUnit.SECONDS));
    }
    assertEquals(2, handler.runs.size());
    assertEquals(
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        handler.runs.get(1).stream().map(Job::value).toList());
  }

  @Test
  void neverPutsMoreItemsThanTheMaxBatchSizeIntoOneRun() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(8, Duration.ZERO, 100, LONG), handler, BatchObserver.NONE);
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      queued.add(batcher.submit(new Job(i, 3), 3)); // 30 items: runs of 2 jobs (6 items)
    }
    handler.release.countDown();
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

    for (List<Job> run : handler.runs) {
      assertTrue(run.stream().mapToInt(Job::items).sum() <= 8, "run " + run);
    }
    assertEquals(List.of(1, 2, 2, 2, 2, 2), handler.runs.stream().map(List::size).toList());
  }

  @Test
  void runsARequestLargerThanTheMaxBatchSizeAlone() throws Exception {
    var handler = new RecordingHandler(false);
    var batcher = start(policy(4, Duration.ZERO, 100, LONG), handler, BatchObserver.NONE);

    assertEquals(50, batcher.submit(new Job(5, 9), 9).get(5, TimeUnit.SECONDS));
    assertEquals(List.of(List.of(new Job(5, 9))), handler.runs);
  }

  @Test
  void waitsForAnAnnouncedRequestUpToTheBatchDelay() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(4, Duration.ofSeconds(10), 100, LONG), handler, BatchObserver.NONE);
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var a = batcher.submit(new Job(1, 1), 1);
    var b = batcher.submit(new Job(2, 1), 1);
    try (var arriving = batcher.announce()) {
      handler.release.countDown(); // the second run starts with a and b and waits for the third
      Thread.sleep(100);
      assertFalse(a.isDone(), "the run did not wait for the announced request");
      var c = arriving.submit(new Job(3, 1), 1);

      CompletableFuture.allOf(a, b, c).get(5, TimeUnit.SECONDS);
    }
    assertEquals(List.of(1, 2, 3), handler.runs.get(1).stream().map(Job::value).toList());
  }

  @Test
  void neverWaitsForRequestsThatNobodyAnnounced() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(32, Duration.ofSeconds(10), 100, LONG), handler, BatchObserver.NONE);
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var a = batcher.submit(new Job(1, 1), 1);
    var b = batcher.submit(new Job(2, 1), 1);
    handler.release.countDown();

    CompletableFuture.allOf(a, b).get(2, TimeUnit.SECONDS);
    assertEquals(List.of(1, 2), handler.runs.get(1).stream().map(Job::value).toList());
  }

  @Test
  void stopsWaitingWhenAnAnnouncedRequestIsAbandoned() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(32, Duration.ofSeconds(10), 100, LONG), handler, BatchObserver.NONE);
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var a = batcher.submit(new Job(1, 1), 1);
    var abandoned = batcher.announce();
    handler.release.countDown();
    Thread.sleep(100);
    assertFalse(a.isDone());

    abandoned.close();

    assertEquals(10, a.get(2, TimeUnit.SECONDS));
    assertEquals(0, batcher.arriving());
  }

  @Test
  void anArrivalIsSubmittedOnceAndCountsNoLongerAfterARefusal() {
    var handler = new RecordingHandler(false);
    var batcher = start(policy(32, Duration.ZERO, 1, LONG), handler, BatchObserver.NONE);
    var arrival = batcher.announce();
    assertEquals(1, batcher.arriving());

    assertThrows(RequestTooLargeException.class, () -> arrival.submit(new Job(1, 2), 2));

    assertEquals(0, batcher.arriving());
    assertThrows(IllegalStateException.class, () -> arrival.submit(new Job(1, 1), 1));
    arrival.close();
    assertEquals(0, batcher.arriving());
  }

  @Test
  void everyCallerGetsItsOwnResultUnderConcurrency() throws Exception {
    var handler = new RecordingHandler(false);
    var batcher =
        start(
            new BatchingPolicy(true, 16, Duration.ofMillis(1), 10_000, LONG, 2),
            handler,
            BatchObserver.NONE);
    ExecutorService clients = Executors.newFixedThreadPool(32);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 4000; i++) {
        int value = i;
        answers.add(clients.submit(() -> batcher.submit(new Job(value, 1), 1).get() == value * 10));
      }
      for (Future<Boolean> answer : answers) {
        assertTrue(answer.get(30, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
    assertTrue(handler.runs.stream().anyMatch(run -> run.size() > 1), "some runs merged");
  }

  @Test
  void refusesARequestAtOnceWhenTheQueueIsFull() throws Exception {
    var handler = new RecordingHandler(true);
    var rejections = new CopyOnWriteArrayList<BatchObserver.Rejection>();
    var batcher =
        start(
            policy(32, Duration.ZERO, 4, LONG),
            handler,
            new BatchObserver() {
              @Override
              public void rejected(Rejection reason) {
                rejections.add(reason);
              }
            });
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var waiting = batcher.submit(new Job(1, 3), 3);

    var full = assertThrows(QueueFullException.class, () -> batcher.submit(new Job(2, 2), 2));

    assertTrue(full.getMessage().contains("3 of 4 images waiting"), full.getMessage());
    assertEquals(Duration.ofSeconds(1), full.retryAfter());
    assertEquals(List.of(BatchObserver.Rejection.QUEUE_FULL), rejections);
    assertEquals(3, batcher.queuedItems());
    handler.release.countDown();
    assertEquals(10, waiting.get(5, TimeUnit.SECONDS));
  }

  @Test
  void refusesARequestLargerThanTheWholeQueue() {
    var batcher =
        start(policy(32, Duration.ZERO, 4, LONG), new RecordingHandler(false), BatchObserver.NONE);

    assertThrows(RequestTooLargeException.class, () -> batcher.submit(new Job(1, 5), 5));
  }

  @Test
  void failsARequestPastItsDeadlineAndDropsItFromTheQueue() throws Exception {
    var handler = new RecordingHandler(true);
    var rejections = new CopyOnWriteArrayList<BatchObserver.Rejection>();
    var batcher =
        start(
            policy(32, Duration.ZERO, 100, Duration.ofMillis(200)),
            handler,
            new BatchObserver() {
              @Override
              public void rejected(Rejection reason) {
                rejections.add(reason);
              }
            });
    var running = batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var queued = batcher.submit(new Job(1, 2), 2);

    var failure = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));

    assertInstanceOf(DeadlineExceededException.class, failure.getCause());
    assertEquals(0, batcher.queuedItems());
    assertInstanceOf(
        DeadlineExceededException.class,
        assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS)).getCause());
    handler.release.countDown();
    assertEquals(20, batcher.submit(new Job(2, 1), 1).get(5, TimeUnit.SECONDS));
    assertFalse(handler.runs.stream().anyMatch(r -> r.contains(new Job(1, 2))), "dropped job ran");
    assertEquals(
        List.of(
            BatchObserver.Rejection.DEADLINE_EXCEEDED, BatchObserver.Rejection.DEADLINE_EXCEEDED),
        rejections);
  }

  @Test
  void failsEveryRequestOfABatchWhenTheHandlerThrowsAndKeepsServing() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RuntimeException boom = new IllegalStateException("boom");
    var batcher =
        start(
            policy(32, Duration.ZERO, 100, LONG),
            (List<Job> jobs) -> {
              if (calls.getAndIncrement() == 0) {
                throw boom;
              }
              return jobs.stream().map(Job::value).toList();
            },
            BatchObserver.NONE);

    var failure =
        assertThrows(
            ExecutionException.class,
            () -> batcher.submit(new Job(1, 1), 1).get(5, TimeUnit.SECONDS));

    assertSame(boom, failure.getCause());
    assertEquals(2, batcher.submit(new Job(2, 1), 1).get(5, TimeUnit.SECONDS));
  }

  @Test
  void failsTheBatchWhenTheHandlerReturnsTheWrongNumberOfResults() {
    var batcher =
        start(
            policy(32, Duration.ZERO, 100, LONG),
            (List<Job> jobs) -> Collections.<Integer>emptyList(),
            BatchObserver.NONE);

    var failure =
        assertThrows(
            ExecutionException.class,
            () -> batcher.submit(new Job(1, 1), 1).get(5, TimeUnit.SECONDS));

    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(failure.getCause().getMessage().contains("returned 0 results for 1 requests"));
  }

  @Test
  void runsEveryRequestAloneWhenMergingIsOff() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher =
        start(
            policy(32, Duration.ofMillis(50), 100, LONG).withoutMerging(),
            handler,
            BatchObserver.NONE);
    batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      queued.add(batcher.submit(new Job(i, 1), 1));
    }
    handler.release.countDown();
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

    assertEquals(6, handler.runs.size());
    assertTrue(handler.runs.stream().allMatch(run -> run.size() == 1));
  }

  @Test
  void reportsEveryRunToTheObserver() throws Exception {
    var handler = new RecordingHandler(true);
    var runs = new CopyOnWriteArrayList<List<Integer>>();
    var batcher =
        start(
            policy(32, Duration.ZERO, 100, LONG),
            handler,
            new BatchObserver() {
              @Override
              public void batchRan(int requests, int items, long runNanos) {
                runs.add(List.of(requests, items));
              }
            });
    var first = batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    var a = batcher.submit(new Job(1, 2), 2);
    var b = batcher.submit(new Job(2, 3), 3);
    handler.release.countDown();
    CompletableFuture.allOf(first, a, b).get(5, TimeUnit.SECONDS);

    assertEquals(List.of(List.of(1, 1), List.of(2, 5)), runs);
  }

  @Test
  void closeAnswersEveryQueuedRequestThenRefusesNewOnes() throws Exception {
    var handler = new RecordingHandler(true);
    var batcher = start(policy(2, Duration.ZERO, 100, LONG), handler, BatchObserver.NONE);
    var first = batcher.submit(new Job(0, 1), 1);
    assertTrue(handler.firstRunStarted.await(5, TimeUnit.SECONDS));
    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      queued.add(batcher.submit(new Job(i, 1), 1));
    }
    Thread closer = new Thread(batcher::close);
    closer.start();
    Thread.sleep(100);
    handler.release.countDown();
    closer.join(5000);

    assertFalse(closer.isAlive());
    assertEquals(0, first.getNow(-1));
    for (int i = 1; i <= 5; i++) {
      assertEquals(i * 10, queued.get(i - 1).getNow(-1));
    }
    assertThrows(BatcherClosedException.class, () -> batcher.submit(new Job(9, 1), 1));
  }

  @Test
  void closeIsIdempotent() {
    var batcher =
        start(policy(2, Duration.ZERO, 100, LONG), new RecordingHandler(false), BatchObserver.NONE);
    batcher.close();
    batcher.close();
    assertThrows(BatcherClosedException.class, () -> batcher.submit(new Job(1, 1), 1));
  }

  @Test
  void rejectsAnInvalidPolicy() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new BatchingPolicy(true, 0, Duration.ZERO, 1, LONG, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BatchingPolicy(true, 1, Duration.ZERO, 1, Duration.ZERO, 1));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
