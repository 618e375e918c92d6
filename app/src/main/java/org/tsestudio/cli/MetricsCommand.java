package org.tsestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.metrics.SeparationMetrics;
import org.tsestudio.engine.metrics.Stoi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tse metrics}: how close an extracted signal is to the clean target, and with the mixture,
 * how much extraction improved on it.
 */
@Command(
    name = "metrics",
    description = {
      "Compare an estimate with the clean target: SI-SDR and SDR (dB), STOI and ESTOI (0..1);"
          + " with --mixture also the improvements SI-SDRi and SDRi over the unprocessed mixture.",
      "Files are mixed down to mono. The estimate and mixture are resampled to the target's rate"
          + " if theirs differ, and all are cut to the shortest length."
    })
final class MetricsCommand implements Callable<Integer> {
  @Option(
      names = {"-e", "--estimate"},
      required = true,
      paramLabel = "FILE",
      description = "The extracted (estimated) signal.")
  Path estimatePath;

  @Option(
      names = {"-t", "--target"},
      required = true,
      paramLabel = "FILE",
      description = "The clean target speech.")
  Path targetPath;

  @Option(
      names = {"-m", "--mixture"},
      paramLabel = "FILE",
      description = "The mixture the estimate was extracted from.")
  Path mixturePath;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws TseException {
    PrintWriter out = spec.commandLine().getOut();
    AudioSignal target = AudioFiles.readMono(targetPath);
    int rate = target.sampleRate();
    float[] estimate = atRate(estimatePath, rate, out);
    float[] mixture = mixturePath == null ? null : atRate(mixturePath, rate, out);
    int n = Math.min(target.length(), estimate.length);
    if (mixture != null) {
      n = Math.min(n, mixture.length);
    }
    if (n != target.length() || n != estimate.length || (mixture != null && n != mixture.length)) {
      out.printf(
          Locale.ROOT,
          "note: lengths differ; compared the first %s (%d samples at %d Hz)%n",
          Durations.format(n / (double) rate),
          n,
          rate);
    }
    float[] t = Arrays.copyOf(target.samples(), n);
    float[] e = Arrays.copyOf(estimate, n);
    out.printf(Locale.ROOT, "SI-SDR   %7.2f dB%n", level(() -> SeparationMetrics.siSdr(e, t)));
    out.printf(Locale.ROOT, "SDR      %7.2f dB%n", level(() -> SeparationMetrics.sdr(e, t)));
    printIntelligibility(out, t, e, rate);
    if (mixture != null) {
      float[] m = Arrays.copyOf(mixture, n);
      out.printf(
          Locale.ROOT,
          "SI-SDRi  %7.2f dB  (mixture SI-SDR %.2f dB)%n",
          level(() -> SeparationMetrics.siSdrImprovement(e, t, m)),
          level(() -> SeparationMetrics.siSdr(m, t)));
      out.printf(
          Locale.ROOT,
          "SDRi     %7.2f dB  (mixture SDR %.2f dB)%n",
          level(() -> SeparationMetrics.sdrImprovement(e, t, m)),
          level(() -> SeparationMetrics.sdr(m, t)));
    }
    out.flush();
    return 0;
  }

  // STOI needs about 0.4 s of speech; for shorter clips the other figures still stand.
  private static void printIntelligibility(PrintWriter out, float[] t, float[] e, int rate) {
    try {
      out.printf(Locale.ROOT, "STOI     %7.3f%n", Stoi.stoi(t, e, rate));
      out.printf(Locale.ROOT, "ESTOI    %7.3f%n", Stoi.estoi(t, e, rate));
    } catch (IllegalArgumentException ex) {
      out.println("STOI     n/a (" + ex.getMessage() + ")");
      out.println("ESTOI    n/a");
    }
  }

  private float[] atRate(Path file, int rate, PrintWriter out) throws TseException {
    AudioSignal s = AudioFiles.readMono(file);
    if (s.sampleRate() == rate) {
      return s.samples();
    }
    out.printf(Locale.ROOT, "note: resampled %s from %d Hz to %d Hz%n", file, s.sampleRate(), rate);
    return Resampler.resample(s.samples(), s.sampleRate(), rate);
  }

  private interface Metric {
    double compute();
  }

  // The metrics reject a silent target; say which file that is.
  private double level(Metric metric) throws TseException {
    try {
      return metric.compute();
    } catch (IllegalArgumentException ex) {
      throw TseException.forFile(targetPath, ex.getMessage());
    }
  }
}
