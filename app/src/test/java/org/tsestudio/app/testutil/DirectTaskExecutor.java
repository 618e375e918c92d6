package org.tsestudio.app.testutil;

import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.CancelledException;
import org.tsestudio.app.core.TaskExecutor;

/**
 * Runs tasks at once on the calling thread, handlers included, so view models can be tested without
 * a UI toolkit and without waiting (JabRef's CurrentThreadTaskExecutor in spirit).
 */
public final class DirectTaskExecutor implements TaskExecutor {
  @Override
  public TaskHandle execute(BackgroundTask<?> task) {
    run(task);
    return new TaskHandle() {
      @Override
      public void cancel() {}

      @Override
      public boolean isDone() {
        return true;
      }
    };
  }

  private static <T> void run(BackgroundTask<T> task) {
    BackgroundTask.Progress progress =
        new BackgroundTask.Progress() {
          @Override
          public void update(double fraction, String message) {
            task.progressHandler().progress(fraction, message);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    T result;
    try {
      result = task.work().run(progress);
    } catch (CancelledException e) {
      task.cancelledHandler().run();
      return;
    } catch (Exception e) {
      task.failureHandler().accept(e);
      return;
    }
    task.successHandler().accept(result);
  }

  @Override
  public void runOnUiThread(Runnable action) {
    action.run();
  }

  @Override
  public void close() {}
}
