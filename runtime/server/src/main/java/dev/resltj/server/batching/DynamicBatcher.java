package dev.resltj.server.batching;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges concurrent requests into shared runs of a {@link BatchHandler}.
 *
 * <p>Requests wait in one bounded queue (bounded in items, not requests, since a request may hold
 * several images). Worker threads take the oldest request and, when requests are merged, as many
 * following ones as fit into {@link BatchingPolicy#maxBatchSize()}, in arrival order. A request
 * that does not fit into the queue is refused at once, a request that is not answered before its
 * deadline fails and leaves the queue, and {@link #close()} answers everything already queued
 * before it returns.
 *
 * <p>A run waits for more requests (up to {@link BatchingPolicy#maxQueueDelay()} after its oldest
 * request arrived) only while requests are on their way: announced with {@link #announce()} by the
 * caller as soon as it starts reading them, and not yet queued. A lone request on an idle model
 * runs at once, and a run never waits for requests nobody has sent: with fewer concurrent clients
 * than the batch size, waiting for a full batch would only add the delay to every request.
 *
 * @param <I> one caller's request
 * @param <O> one caller's result
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamicBatcher.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final String name;
  private final BatchingPolicy policy;
  private final BatchHandler<I, O> handler;
  private final BatchObserver observer;
  private final long maxQueueDelayNanos;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition(); // idle workers wait here
  private final Condition moreForBatch = lock.newCondition(); // a worker filling a run waits here
  private int forming; // guarded by lock: workers waiting to fill a run
  private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
  private int queuedItems; // guarded by lock
  private boolean closed; // guarded by lock
  private final AtomicInteger arriving = new AtomicInteger();

  private final List<Thread> workers;
  private final ScheduledExecutorService deadlines;

  private DynamicBatcher(
      String name, BatchingPolicy policy, BatchHandler<I, O> handler, BatchObserver observer) {
    this.name = Objects.requireNonNull(name, "name");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.maxQueueDelayNanos = policy.maxQueueDelay().toNanos();
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, name + "-deadlines");
              t.setDaemon(true);
              return t;
            });
    // most deadlines are cancelled because the answer came first: drop them at once
    timer.setRemoveOnCancelPolicy(true);
    this.deadlines = Executors.unconfigurableScheduledExecutorService(timer);
    List<Thread> threads = new ArrayList<>(policy.workers());
    for (int i = 0; i < policy.workers(); i++) {
      Thread t = new Thread(this::work, name + "-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    this.workers = List.copyOf(threads);
  }

  /**
   * Starts a batcher and its worker threads.
   *
   * @param name names the batcher in messages and thread names, e.g. {@code "model 'mnist'"}
   */
  public static <I, O> DynamicBatcher<I, O> start(
      String name, BatchingPolicy policy, BatchHandler<I, O> handler, BatchObserver observer) {
    DynamicBatcher<I, O> batcher = new DynamicBatcher<>(name, policy, handler, observer);
    batcher.workers.forEach(Thread::start);
    return batcher;
  }

  /** The policy this batcher follows. */
  public BatchingPolicy policy() {
    return policy;
  }

  /**
   * Queues a request.
   *
   * @param items how many items (images) the request holds, at least 1
   * @return completes with the request's own result, or with {@link DeadlineExceededException}, or
   *     with what the handler threw
   * @throws QueueFullException at once when the queue has no room
   * @throws RequestTooLargeException when the request alone exceeds the queue's capacity
   * @throws BatcherClosedException after {@link #close()}
   */
  public CompletableFuture<O> submit(I request, int items) {
    return enqueue(request, items, null);
  }

  /**
   * Announces a request the caller has started to read (parse, decode): runs being formed may wait
   * for it. Submit it through the returned {@link Arrival}, and close the arrival in any case (a
   * finally block or try-with-resources), so an abandoned request stops being waited for.
   */
  public Arrival announce() {
    arriving.incrementAndGet();
    return new Arrival();
  }

  /** A request on its way to the queue; see {@link #announce()}. */
  public final class Arrival implements AutoCloseable {
    private boolean pending = true; // confined to the caller's thread

    private Arrival() {}

    /** Queues the announced request; same contract as {@link DynamicBatcher#submit}. */
    public CompletableFuture<O> submit(I request, int items) {
      if (!pending) {
        throw new IllegalStateException("this arrival was already submitted or closed");
      }
      pending = false;
      return enqueue(request, items, this);
    }

    /** Stops announcing the request if it was never submitted. Idempotent. */
    @Override
    public void close() {
      if (pending) {
        pending = false;
        arriving.decrementAndGet();
        lock.lock();
        try {
          moreForBatch.signalAll(); // a run waiting for this request stops waiting
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private CompletableFuture<O> enqueue(I request, int items, Arrival arrival) {
    try {
      Objects.requireNonNull(request, "request");
      if (items < 1) {
        throw new IllegalArgumentException("a request holds at least one item, got " + items);
      }
      if (items > policy.maxQueueSize()) {
        throw new RequestTooLargeException(name, items, policy.maxQueueSize());
      }
    } catch (RuntimeException e) {
      if (arrival != null) {
        arriving.decrementAndGet();
      }
      throw e;
    }
    Pending<I, O> pending = new Pending<>(request, items, System.nanoTime());
    lock.lock();
    try {
      if (arrival != null) {
        arriving.decrementAndGet(); // under the lock: a waiting run sees it queued, not arriving
      }
      if (closed) {
        observer.rejected(BatchObserver.Rejection.SHUT_DOWN);
        throw new BatcherClosedException(name);
      }
      if (queuedItems + items > policy.maxQueueSize()) {
        observer.rejected(BatchObserver.Rejection.QUEUE_FULL);
        throw new QueueFullException(name, queuedItems, items, policy.maxQueueSize(), RETRY_AFTER);
      }
      queue.addLast(pending);
      queuedItems += items;
      // a run being filled takes it first; otherwise an idle worker starts a run with it
      if (forming > 0) {
        moreForBatch.signal();
      } else {
        notEmpty.signal();
      }
    } finally {
      lock.unlock();
    }
    pending.deadline =
        deadlines.schedule(
            () -> expire(pending), policy.deadline().toNanos(), TimeUnit.NANOSECONDS);
    if (pending.result.isDone()) {
      pending.deadline.cancel(false); // answered before the deadline was even scheduled
    }
    return pending.result;
  }

  /** Requests announced and not yet queued. */
  int arriving() {
    return arriving.get();
  }

  /** Items (images) waiting in the queue now. */
  public int queuedItems() {
    lock.lock();
    try {
      return queuedItems;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking requests, answers every queued one, and waits for the workers to finish (at most
   * the deadline, since no queued request lives longer). Idempotent.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      moreForBatch.signalAll();
    } finally {
      lock.unlock();
    }
    long waitUntil = System.nanoTime() + policy.deadline().toNanos() * 2;
    for (Thread worker : workers) {
      if (worker == Thread.currentThread()) {
        continue;
      }
      long remainingMillis = TimeUnit.NANOSECONDS.toMillis(waitUntil - System.nanoTime());
      try {
        worker.join(Math.max(1, remainingMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    deadlines.shutdownNow();
  }

  private void expire(Pending<I, O> pending) {
    lock.lock();
    try {
      if (queue.remove(pending)) {
        queuedItems -= pending.items;
      }
    } finally {
      lock.unlock();
    }
    if (pending.result.completeExceptionally(
        new DeadlineExceededException(name, policy.deadline()))) {
      observer.rejected(BatchObserver.Rejection.DEADLINE_EXCEEDED);
    }
  }

  private void work() {
    List<Pending<I, O>> batch = new ArrayList<>(policy.maxBatchSize());
    while (takeBatch(batch)) {
      run(batch);
      batch.clear();
    }
  }

  /** Fills {@code batch} from the queue; {@code false} once closed and drained. */
  private boolean takeBatch(List<Pending<I, O>> batch) {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closed) {
          return false;
        }
        await(notEmpty, Long.MAX_VALUE);
      }
      Pending<I, O> first = take();
      batch.add(first);
      int items = first.items;
      if (!policy.mergeRequests()) {
        return true;
      }
      long waitUntil = first.queuedAtNanos + maxQueueDelayNanos;
      while (items < policy.maxBatchSize()) {
        Pending<I, O> next = queue.peekFirst();
        if (next != null) {
          if (items + next.items > policy.maxBatchSize()) {
            break; // keeps arrival order: the next request starts the next batch
          }
          batch.add(take());
          items += next.items;
          continue;
        }
        long remaining = waitUntil - System.nanoTime();
        if (arriving.get() == 0 || closed || remaining <= 0) {
          break;
        }
        forming++;
        try {
          await(moreForBatch, remaining);
        } finally {
          forming--;
        }
      }
      if (!queue.isEmpty()) {
        notEmpty.signal(); // what did not fit (or arrived meanwhile) goes to an idle worker
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private Pending<I, O> take() {
    Pending<I, O> pending = queue.pollFirst();
    queuedItems -= pending.items;
    return pending;
  }

  private void await(Condition condition, long nanos) {
    try {
      if (nanos == Long.MAX_VALUE) {
        condition.await();
      } else {
        condition.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      // only close() stops a worker: an interrupt from elsewhere must not strand queued requests
      LOG.debug("{} worker interrupted; keeps serving until closed", name);
    }
  }

  private void run(List<Pending<I, O>> batch) {
    batch.removeIf(p -> p.result.isDone()); // expired while being taken
    if (batch.isEmpty()) {
      return;
    }
    List<I> requests = new ArrayList<>(batch.size());
    int items = 0;
    for (Pending<I, O> p : batch) {
      requests.add(p.request);
      items += p.items;
    }
    long start = System.nanoTime();
    List<O> results;
    try {
      results = handler.run(requests);
      if (results == null || results.size() != batch.size()) {
        throw new IllegalStateException(
            name
                + " returned "
                + (results == null ? "no" : results.size())
                + " results for "
                + batch.size()
                + " requests");
      }
    } catch (RuntimeException | Error e) {
      if (e instanceof Error) {
        // the worker keeps running: a dead worker would strand every queued request
        LOG.error("{} failed a batch of {} requests", name, batch.size(), e);
      }
      for (Pending<I, O> p : batch) {
        p.finish(null, e);
      }
      return;
    }
    observer.batchRan(batch.size(), items, System.nanoTime() - start);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).finish(results.get(i), null);
    }
  }

  /** One queued request. Identity equality: the queue removes exactly this one on expiry. */
  private static final class Pending<I, O> {
    final I request;
    final int items;
    final long queuedAtNanos;
    final CompletableFuture<O> result = new CompletableFuture<>();
    volatile ScheduledFuture<?> deadline;

    Pending(I request, int items, long queuedAtNanos) {
      this.request = request;
      this.items = items;
      this.queuedAtNanos = queuedAtNanos;
    }

    void finish(O value, Throwable failure) {
      ScheduledFuture<?> d = deadline;
      if (d != null) {
        d.cancel(false);
      }
      if (failure == null) {
        result.complete(value);
      } else {
        result.completeExceptionally(failure);
      }
    }
  }
}
