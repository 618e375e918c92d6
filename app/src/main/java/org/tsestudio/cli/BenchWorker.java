package org.tsestudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.inference.DeviceChoice;
import org.tsestudio.engine.inference.ExtractionRequest;
import org.tsestudio.engine.inference.ExtractionResult;
import org.tsestudio.engine.inference.ExtractorCriteria;
import org.tsestudio.engine.inference.TseModel;

/**
 * One benchmark case in a JVM of its own, so that its peak resident memory (VmHWM) is the case's
 * alone: loads the model, extracts from the example mixture repeated to the wanted length, and
 * prints one JSON line. Run by {@link BenchCommand}.
 *
 * <p>Arguments: MODEL SECONDS DEVICE.
 */
public final class BenchWorker {

  private BenchWorker() {}

  public static void main(String[] args) {
    try {
      System.out.println(run(args[0], Double.parseDouble(args[1]), DeviceChoice.parse(args[2])));
    } catch (TseException e) {
      System.out.println("{\"error\": " + new com.google.gson.Gson().toJson(e.getMessage()) + "}");
      System.exit(1);
    }
  }

  static String run(String model, double seconds, DeviceChoice device) throws TseException {
    Path examples = ProjectHome.find().resolve("resources").resolve("examples");
    AudioSignal mixture = repeat(AudioFiles.readMono(examples.resolve("mixture.wav")), seconds);
    AudioSignal reference = AudioFiles.readMono(examples.resolve("reference.wav"));
    long started = System.nanoTime();
    ExtractorCriteria criteria =
        ExtractorCriteria.builder().setModel(model).optDevice(device).build();
    try (TseModel loaded = criteria.loadModel()) {
      double load = (System.nanoTime() - started) / 1e9;
      ExtractionResult result =
          loaded.newExtractor().extract(new ExtractionRequest(mixture, "bench", reference, "ref"));
      return String.format(
          Locale.ROOT,
          "{\"model\": \"%s\", \"seconds\": %.1f, \"chunks\": %d, \"load_seconds\": %.2f,"
              + " \"extract_seconds\": %.2f, \"rtf\": %.4f, \"peak_rss_mb\": %d, \"device\": \"%s\"}",
          loaded.card().name(),
          mixture.durationSeconds(),
          result.chunks(),
          load,
          result.totalSeconds(),
          result.realTimeFactor(),
          peakRssMb(),
          loaded.deviceName());
    }
  }

  private static AudioSignal repeat(AudioSignal signal, double seconds) {
    int length = (int) Math.round(seconds * signal.sampleRate());
    float[] out = new float[length];
    for (int i = 0; i < length; i += signal.length()) {
      System.arraycopy(signal.samples(), 0, out, i, Math.min(signal.length(), length - i));
    }
    return new AudioSignal(out, signal.sampleRate());
  }

  /** Peak resident memory of this process (Linux VmHWM), or -1 elsewhere. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }
}
