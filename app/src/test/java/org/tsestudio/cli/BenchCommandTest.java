package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.RandomInitModels;

/** {@code tse bench} forks a JVM per case and prints its RTF and peak memory. */
class BenchCommandTest {

  @Test
  void oneShortCasePrintsOneRow() throws Exception {
    String model = RandomInitModels.card(RandomInitModels.V8_SMALL).toString();
    CliRun result = CliRun.of("bench", "--models", model, "--durations", "3", "--device", "cpu");
    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().strip().split("\n");
    assertEquals(2, lines.length, result.out());
    String[] cells = lines[1].trim().split("\\s+");
    assertEquals("3", cells[1]);
    assertTrue(Double.parseDouble(cells[5]) > 0, "RTF " + cells[5]);
    assertTrue(Long.parseLong(cells[6]) > 50, "peak MB " + cells[6]);
    assertEquals("cpu()", cells[7]);
  }

  @Test
  void aBadModelIsOneLine() {
    CliRun result = CliRun.of("bench", "--models", "/nonexistent/m.json", "--durations", "1");
    assertEquals(1, result.exitCode());
    assertTrue(
        result.err().startsWith("tse: /nonexistent/m.pt: model file not found"), result.err());
  }
}
