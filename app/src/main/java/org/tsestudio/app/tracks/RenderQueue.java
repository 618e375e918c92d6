package org.tsestudio.app.tracks;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Background threads for drawing work (peak pyramids, spectrogram tiles). Newest requests run first
 * - they are what is on screen now - and a request whose {@code stillWanted} turned false while it
 * waited (the user scrolled on) is dropped without running.
 */
public final class RenderQueue implements AutoCloseable {
  private final PriorityBlockingQueue<Job> jobs = new PriorityBlockingQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread[] workers;
  private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public RenderQueue(int threads) {
    workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(this::work, "tse-render-" + i);
      workers[i].setDaemon(true);
      workers[i].setPriority(Thread.MIN_PRIORITY + 1);
      workers[i].start();
    }
  }

  /** A queue sized for this machine: half the cores, at least one. */
  public static RenderQueue forThisMachine() {
    return new RenderQueue(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  public void submit(Runnable job, BooleanSupplier stillWanted) {
    jobs.add(new Job(sequence.incrementAndGet(), job, stillWanted));
  }

  private void work() {
    while (!closed) {
      Job job;
      try {
        job = jobs.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job.stillWanted.getAsBoolean()) {
        try {
          job.run.run();
        } catch (RuntimeException | OutOfMemoryError e) {
          // A failed tile stays blank; drawing must never take the workstation down. Say so once
          // per kind of failure, for whoever started the studio from a terminal.
          if (reported.add(e.getClass().getName() + e.getMessage())) {
            System.err.println("tse studio: drawing failed: " + e);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      t.interrupt();
    }
  }

  private record Job(long seq, Runnable run, BooleanSupplier stillWanted)
      implements Comparable<Job> {
    @Override
    public int compareTo(Job o) {
      return Long.compare(o.seq, seq);
    }
  }
}
