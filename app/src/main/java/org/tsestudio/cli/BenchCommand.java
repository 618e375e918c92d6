package org.tsestudio.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tse bench}: real-time factor and peak memory of each model on inputs of several lengths.
 * Every case runs in a fresh JVM ({@link BenchWorker}) so that its peak RSS is its own and earlier
 * cases leave no warm caches behind.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure real-time factor (processing time / audio time) and peak memory (RSS) of the"
          + " models on the example speech repeated to 10 s, 60 s and 10 min."
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--models",
      split = ",",
      defaultValue = "v7,v8",
      paramLabel = "MODEL",
      description = "models to measure (names or paths; default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(
      names = "--durations",
      split = ",",
      defaultValue = "10,60,600",
      paramLabel = "S",
      description = "input lengths in seconds (default: ${DEFAULT-VALUE})")
  List<Double> durations;

  @Option(
      names = "--device",
      defaultValue = "cpu",
      paramLabel = "DEVICE",
      description = "cpu, gpu or auto")
  String device;

  @Override
  public Integer call() throws TseException {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%-28s %8s %6s %8s %9s %7s %9s %s%n",
        "model",
        "input s",
        "chunks",
        "load s",
        "extract s",
        "RTF",
        "peak MB",
        "device");
    out.flush();
    for (String model : models) {
      for (double seconds : durations) {
        JsonObject row = runCase(model, seconds);
        out.printf(
            Locale.ROOT,
            "%-28s %8.0f %6d %8.2f %9.2f %7.3f %9d %s%n",
            shorten(model),
            row.get("seconds").getAsDouble(),
            row.get("chunks").getAsInt(),
            row.get("load_seconds").getAsDouble(),
            row.get("extract_seconds").getAsDouble(),
            row.get("rtf").getAsDouble(),
            row.get("peak_rss_mb").getAsLong(),
            row.get("device").getAsString());
        out.flush();
      }
    }
    return 0;
  }

  private JsonObject runCase(String model, double seconds) throws TseException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String property : new String[] {"tsestudio.home", "ai.djl.offline"}) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchWorker.class.getName(),
            model,
            Double.toString(seconds),
            device));
    String output;
    int code;
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      code = process.waitFor();
    } catch (IOException e) {
      throw new TseException("cannot start a benchmark JVM (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TseException("benchmark interrupted");
    }
    String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
    try {
      JsonObject row = JsonParser.parseString(last).getAsJsonObject();
      if (row.has("error")) {
        throw new TseException(row.get("error").getAsString());
      }
      return row;
    } catch (JsonParseException | IllegalStateException e) {
      throw new TseException(
          model + ": the benchmark run failed (exit code " + code + ", output '" + last + "')");
    }
  }

  private static String shorten(String model) {
    return model.length() <= 28 ? model : "..." + model.substring(model.length() - 25);
  }
}
