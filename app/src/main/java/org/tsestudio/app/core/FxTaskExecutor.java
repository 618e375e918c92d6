package org.tsestudio.app.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs tasks on a small pool of daemon threads and hands results to the JavaFX thread. Progress is
 * coalesced (only the newest update is delivered) so a chatty task cannot flood the UI queue.
 */
public final class FxTaskExecutor implements TaskExecutor {
  private final ExecutorService pool;

  public FxTaskExecutor(int threads) {
    AtomicInteger counter = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread t = new Thread(runnable, "tse-task-" + counter.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.NORM_PRIORITY - 1);
              return t;
            });
  }

  @Override
  public TaskHandle execute(BackgroundTask<?> task) {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    pool.submit(() -> runTask(task, cancelled, done));
    return new TaskHandle() {
      @Override
      public void cancel() {
        cancelled.set(true);
      }

      @Override
      public boolean isDone() {
        return done.get();
      }
    };
  }

  private static <T> void runTask(
      BackgroundTask<T> task, AtomicBoolean cancelled, AtomicBoolean done) {
    AtomicReference<Object[]> pending = new AtomicReference<>();
    BackgroundTask.Progress progress =
        new BackgroundTask.Progress() {
          @Override
          public void update(double fraction, String message) {
            if (pending.getAndSet(new Object[] {fraction, message}) == null) {
              Platform.runLater(
                  () -> {
                    Object[] latest = pending.getAndSet(null);
                    if (latest != null) {
                      task.progressHandler().progress((Double) latest[0], (String) latest[1]);
                    }
                  });
            }
          }

          @Override
          public boolean isCancelled() {
            return cancelled.get();
          }
        };
    try {
      T result = task.work().run(progress);
      finish(done, () -> deliver(task.successHandler(), result, cancelled, task));
    } catch (CancelledException e) {
      finish(done, task.cancelledHandler());
    } catch (Exception e) {
      if (cancelled.get()) {
        finish(done, task.cancelledHandler());
      } else {
        finish(done, () -> task.failureHandler().accept(e));
      }
    } catch (OutOfMemoryError e) {
      finish(
          done, () -> task.failureHandler().accept(new UserFacingException(Errors.userMessage(e))));
    }
  }

  private static <T> void deliver(
      Consumer<T> handler, T result, AtomicBoolean cancelled, BackgroundTask<T> task) {
    if (cancelled.get()) {
      task.cancelledHandler().run();
    } else {
      handler.accept(result);
    }
  }

  private static void finish(AtomicBoolean done, Runnable onFxThread) {
    Platform.runLater(
        () -> {
          done.set(true);
          onFxThread.run();
        });
  }

  @Override
  public void runOnUiThread(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
