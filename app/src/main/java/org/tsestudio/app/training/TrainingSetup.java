package org.tsestudio.app.training;

import java.nio.file.Path;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.PythonRuntime;

/**
 * What the training panel runs on: the job manager over the shared job list, and the project folder
 * (with {@code training/python}); or, when either cannot be had, the reason.
 *
 * @param manager the job manager, or null when training is unavailable
 * @param projectRoot where the jobs run and relative form paths point (the working folder when
 *     unknown)
 * @param problem why training is unavailable, or null
 */
public record TrainingSetup(JobManager manager, Path projectRoot, String problem) {

  /** The job list in the shared state folder (the CLI's too), with the detected Python. */
  public static TrainingSetup open() {
    return open(JobManager.defaultStateDir());
  }

  public static TrainingSetup open(Path stateDir) {
    try {
      PythonRuntime runtime = PythonRuntime.detect();
      return new TrainingSetup(JobManager.open(stateDir, runtime), runtime.workingDir(), null);
    } catch (TseException e) {
      return new TrainingSetup(
          null, Path.of("").toAbsolutePath(), "Training is unavailable: " + e.getMessage());
    }
  }
}
