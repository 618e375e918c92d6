package org.tsestudio.training;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tsestudio.engine.TseException;

/**
 * A job whose process this app watches: one it started, or one still running from before an app
 * restart. A watcher thread reads the process's event file, turns lines into {@link JobEvent}s,
 * keeps the registry up to date, and records how the process ended.
 */
public final class TrainingJob {

  private static final System.Logger LOG = System.getLogger(TrainingJob.class.getName());
  private static final long POLL_MILLIS = 100;
  private static final long PROGRESS_SAVE_MILLIS = 5_000;
  private static final long SETTLE_WAIT_NANOS = 2_000_000_000L;

  private final JobRegistry registry;
  private final Process process; // null when adopted after a restart: no exit code then
  private final ProcessHandle handle; // null when the process was already gone
  private final Path workingDir;
  private final Object lock = new Object();
  private final List<JobEvent> history = new ArrayList<>();
  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<JobRecord> completion = new CompletableFuture<>();
  private volatile JobRecord record;
  private volatile boolean cancelRequested;
  private volatile boolean detached;
  private boolean sawDone;
  private String lastError;
  private long lastProgressSave;

  TrainingJob(
      JobRegistry registry, JobRecord record, Process process, ProcessHandle handle, Path workDir) {
    this.registry = registry;
    this.record = record;
    this.process = process;
    this.handle = process != null ? process.toHandle() : handle;
    this.workingDir = workDir;
  }

  public String id() {
    return record.id();
  }

  /** The job as the registry holds it now. */
  public JobRecord record() {
    return record;
  }

  /** Whether the process is still running. */
  public boolean isRunning() {
    return !completion.isDone();
  }

  /**
   * Adds a listener. It first receives, in order, this attempt's metric, done, error and state
   * events seen so far and the latest progress, then every new event, so a panel opened late still
   * draws the whole curve.
   */
  public void subscribe(JobListener listener) {
    synchronized (lock) {
      for (JobEvent event : history) {
        deliver(listener, event);
      }
      listeners.add(listener);
    }
  }

  public void unsubscribe(JobListener listener) {
    listeners.remove(listener);
  }

  /** Completes with the final record when the process has ended and the registry is updated. */
  public CompletableFuture<JobRecord> completion() {
    return completion;
  }

  /** Waits for the end of the job. */
  public JobRecord await(Duration timeout) throws TseException, InterruptedException {
    try {
      return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TseException(id() + ": still running after " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new TseException(id() + ": watching the job failed (" + e.getCause() + ")");
    }
  }

  /**
   * Asks the job to stop: SIGTERM first, so a trainer can write its checkpoint; if it is still
   * running after {@code grace}, it and its children are killed.
   */
  public void cancel(Duration grace) {
    if (handle == null || completion.isDone()) {
      return;
    }
    cancelRequested = true;
    handle.destroy();
    CompletableFuture.runAsync(
        () -> {
          if (handle.isAlive()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
          }
        },
        CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Starts the watcher thread. */
  void startWatching() {
    Thread thread = new Thread(this::watch, "tse-job-" + id());
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops watching without touching the process (the app is closing; the job runs on). */
  void detach() {
    detached = true;
  }

  /** Reads events until the process has ended, then records the end. */
  void watch() {
    try (EventFileTailer tailer = new EventFileTailer(record.eventsFile(), record.eventsOffset())) {
      while (!detached) {
        boolean alive = handle != null && handle.isAlive();
        for (String line : tailer.readNewLines(!alive)) {
          handle(JobEventParser.parse(line));
        }
        if (!alive) {
          break;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      // Settle the job all the same: a watcher that died silently would leave it "running".
      LOG.log(Level.WARNING, record.eventsFile() + ": watching the job failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!detached) {
      finish();
    }
  }

  private void handle(JobEvent event) {
    synchronized (lock) {
      JobRecord updated = record;
      boolean save = false;
      if (event.checkpoint().isPresent()) {
        updated = updated.withCheckpoint(workingDir.resolve(event.checkpoint().get()));
        save = true;
      }
      if (event instanceof JobEvent.Progress progress) {
        updated = updated.withProgress(progress.done(), progress.total());
        long now = System.currentTimeMillis();
        if (now - lastProgressSave >= PROGRESS_SAVE_MILLIS) {
          lastProgressSave = now;
          save = true;
        }
        history.removeIf(JobEvent.Progress.class::isInstance);
      } else if (event instanceof JobEvent.Done) {
        sawDone = true;
      } else if (event instanceof JobEvent.Failed failed) {
        lastError = failed.message().isBlank() ? "the job reported an error" : failed.message();
      }
      record = updated;
      if (save) {
        save(updated);
      }
      if (!(event instanceof JobEvent.Output)) {
        history.add(event);
      }
      for (JobListener listener : listeners) {
        deliver(listener, event);
      }
    }
  }

  private void finish() {
    Integer code = null;
    if (process != null) {
      try {
        code = process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (handle != null) {
      JobRecord settled = settledByParent();
      if (settled != null) {
        complete(settled);
        return;
      }
    }
    JobRecord ended = JobOutcome.settle(record, code, cancelRequested, sawDone, lastError);
    save(ended);
    complete(ended);
  }

  private void complete(JobRecord ended) {
    synchronized (lock) {
      record = ended;
      JobEvent event = new JobEvent.StateChanged(ended.state(), ended.message());
      history.add(event);
      for (JobListener listener : listeners) {
        deliver(listener, event);
      }
    }
    completion.complete(ended);
  }

  /**
   * A process this app adopted may still have its parent watching it (a job the CLI started while
   * the app was open). The parent knows the exit code and whether it cancelled the job, so its
   * record wins: wait briefly for it to settle the job.
   */
  private JobRecord settledByParent() {
    long deadline = System.nanoTime() + SETTLE_WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      JobRecord onDisk = registry.get(id()).orElse(null);
      if (onDisk != null
          && onDisk.state().finished()
          && onDisk.pid() == record.pid()
          && onDisk.attempts() == record.attempts()) {
        return onDisk;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private void save(JobRecord updated) {
    try {
      registry.put(updated);
    } catch (TseException e) {
      LOG.log(Level.WARNING, e.getMessage());
    }
  }

  private void deliver(JobListener listener, JobEvent event) {
    try {
      listener.onEvent(record, event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job listener failed on " + event, e);
    }
  }
}
