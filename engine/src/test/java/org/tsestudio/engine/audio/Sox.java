package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the sox command-line tool, an independent encoder and decoder for test fixtures. */
final class Sox {
  private Sox() {}

  /** Runs {@code sox args...}; fails the test with sox's output if it does not succeed. */
  static String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("sox");
    command.addAll(List.of(args));
    return exec(command);
  }

  /** Runs {@code soxi args...} (header information as sox sees it). */
  static String info(String... args) {
    List<String> command = new ArrayList<>();
    command.add("soxi");
    command.addAll(List.of(args));
    return exec(command).strip();
  }

  private static String exec(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sox timed out: " + command);
      assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + out);
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command.get(0) + " (is sox installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
