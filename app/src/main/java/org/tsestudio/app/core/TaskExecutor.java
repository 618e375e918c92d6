package org.tsestudio.app.core;

/** Runs {@link BackgroundTask}s off the UI thread; the handlers come back on the UI thread. */
public interface TaskExecutor extends AutoCloseable {

  /** Starts the task; the returned handle cancels it cooperatively. */
  TaskHandle execute(BackgroundTask<?> task);

  /** Runs a small piece of work on the UI thread (or inline in toolkit-free tests). */
  void runOnUiThread(Runnable action);

  @Override
  void close();

  /** A running task as seen by the one who started it. */
  interface TaskHandle {
    /** Asks the task to stop; it ends through its cancelled handler, not its failure handler. */
    void cancel();

    boolean isDone();
  }
}
