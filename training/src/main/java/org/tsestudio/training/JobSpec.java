package org.tsestudio.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A job to launch.
 *
 * @param kind which Python module to run
 * @param args its command-line arguments; {@code --progress json} is added by the launcher
 * @param runDir the folder the job writes its results and checkpoints to (it must also be named in
 *     {@code args} the way the module expects); searched for the last checkpoint on resume
 * @param title a human-readable label for job lists
 */
public record JobSpec(JobKind kind, List<String> args, Path runDir, String title) {

  public JobSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(runDir, "runDir");
    args = List.copyOf(args);
    title = title == null || title.isBlank() ? kind.name() + " " + runDir.getFileName() : title;
  }
}
