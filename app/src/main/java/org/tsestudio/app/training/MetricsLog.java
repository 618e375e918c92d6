package org.tsestudio.app.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobEvent;
import org.tsestudio.training.JobEventParser;

/**
 * Reads a run's {@code metrics.jsonl} (the trainer's own log, one {@code metric} event a line), so
 * the curves of any run can be drawn, including runs trained on another machine.
 */
public final class MetricsLog {
  private MetricsLog() {}

  /** The metric events of the file, in order. */
  public static List<JobEvent.Metric> read(Path file) throws TseException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TseException(file + ": file not found");
    } catch (IOException e) {
      throw new TseException(file + ": cannot read (" + e.getMessage() + ")");
    }
    List<JobEvent.Metric> metrics = new ArrayList<>();
    for (String line : lines) {
      if (JobEventParser.parse(line) instanceof JobEvent.Metric m) {
        metrics.add(m);
      }
    }
    if (metrics.isEmpty()) {
      throw new TseException(
          file + ": no metric lines in it (not a training metrics log, metrics.jsonl)");
    }
    return metrics;
  }
}
