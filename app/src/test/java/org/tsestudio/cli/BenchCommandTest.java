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
    CliRunner.Result result =
        CliRunner.run(new BenchCommand(), "--models", model, "--durations", "3", "--device", "cpu");
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
    CliRunner.Result result =
        CliRunner.run(new BenchCommand(), "--models", "/nonexistent/m.json", "--durations", "1");
    assertEquals(1, result.exitCode());
    assertTrue(
        result.err().startsWith("error: /nonexistent/m.pt: model file not found"), result.err());
  }
}
