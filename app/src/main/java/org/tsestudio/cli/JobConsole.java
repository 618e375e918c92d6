package org.tsestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobEvent;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.JobRecord;
import org.tsestudio.training.JobState;
import org.tsestudio.training.PythonRuntime;
import org.tsestudio.training.TrainingJob;

/**
 * Shows a Python job in the terminal: a progress bar on stderr, each metric as a line, the end
 * state. Ctrl-C cancels the job (SIGTERM, so a trainer writes its checkpoint) and waits for it.
 */
final class JobConsole {

  /** Exit code of a job stopped by the user (as shells report SIGINT). */
  static final int CANCELLED_EXIT = 130;

  private JobConsole() {}

  /** Opens the job list the app also uses; jobs run in the user's current folder. */
  static JobManager openManager(Path stateDir) throws TseException {
    PythonRuntime runtime = PythonRuntime.detect().withWorkingDir(Path.of(""));
    return JobManager.open(stateDir == null ? JobManager.defaultStateDir() : stateDir, runtime);
  }

  /**
   * Follows {@code job} until it ends (or, with {@code detach}, returns at once).
   *
   * @return the exit code: 0 succeeded, 130 cancelled, 1 otherwise
   */
  static int follow(TrainingJob job, PrintWriter out, PrintWriter err, boolean detach)
      throws TseException {
    out.println(
        "job " + job.id() + " (" + job.record().kind().name() + "), log " + job.record().logFile());
    out.flush();
    if (detach) {
      out.println("running in the background; see it in TSE Studio or with `tse train list`");
      out.flush();
      return 0;
    }
    ConsoleProgress progress = new ConsoleProgress(err);
    job.subscribe(
        (record, event) -> {
          if (event instanceof JobEvent.Progress p) {
            progress.update(p.fraction(), p.message());
          } else if (event instanceof JobEvent.Metric m) {
            progress.println(metricLine(m));
          } else if (event instanceof JobEvent.Output o && !o.line().isBlank()) {
            progress.println(o.line());
          }
        });
    Thread hook =
        new Thread(
            () -> {
              job.cancel(JobManager.DEFAULT_GRACE);
              try {
                job.await(JobManager.DEFAULT_GRACE.plusSeconds(5));
              } catch (TseException | InterruptedException e) {
                // the JVM is ending anyway; the job list says what became of the job
              }
            },
            "tse-job-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    JobRecord end;
    try {
      end = job.await(Duration.ofDays(365));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TseException(job.id() + ": interrupted while waiting for the job");
    } finally {
      progress.finish();
      ExtractCommand.removeHook(hook);
    }
    return report(end, out, err);
  }

  static int report(JobRecord end, PrintWriter out, PrintWriter err) {
    if (end.state() == JobState.SUCCEEDED) {
      out.println(end.id() + ": finished" + checkpoint(end));
      out.flush();
      return 0;
    }
    String resume = end.canResume() ? "; resume with: tse train resume " + end.id() : "";
    err.println(
        "tse: "
            + end.id()
            + ": "
            + end.state().name().toLowerCase(Locale.ROOT)
            + ": "
            + end.message()
            + " (log: "
            + end.logFile()
            + resume
            + ")");
    err.flush();
    return end.state() == JobState.CANCELLED ? CANCELLED_EXIT : TseCli.FAILED;
  }

  private static String checkpoint(JobRecord record) {
    return record.lastCheckpoint() == null ? "" : "; checkpoint " + record.lastCheckpoint();
  }

  /** {@code step 200 [train] loss=-7.512 lr=0.001}: the numbers the training panel plots. */
  static String metricLine(JobEvent.Metric metric) {
    StringJoiner line = new StringJoiner(" ");
    line.add("step " + metric.step());
    if (!metric.phase().isEmpty()) {
      line.add("[" + metric.phase() + "]");
    }
    for (Map.Entry<String, Double> value : metric.values().entrySet()) {
      line.add(value.getKey() + "=" + String.format(Locale.ROOT, "%.4g", value.getValue()));
    }
    return line.toString();
  }
}
