package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;

class TseCliTest {
  @TempDir Path dir;

  @Test
  void helpListsEveryCommand() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exitCode());
    for (String command :
        new String[] {
          "info", "metrics", "studio", "extract", "dataset", "train", "eval", "bench"
        }) {
      assertTrue(r.out().contains("\n  " + command + " "), command + " missing from:\n" + r.out());
    }
    assertTrue(r.out().contains("not built yet"));
    assertEquals(0, CliRun.of("--version").exitCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"extract", "dataset", "train", "eval", "bench"})
  void plannedCommandsSayTheyAreNotBuiltAndExitWith2(String command) {
    CliRun r = CliRun.of(command, "--model", "v8", "mix.wav");
    assertEquals(2, r.exitCode());
    assertArrayEquals(new String[] {"tse: '" + command + "' is not built yet"}, r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void usageErrorsAreOneLine() {
    CliRun none = CliRun.of();
    assertEquals(1, none.exitCode());
    assertArrayEquals(new String[] {"tse: no command given (see 'tse --help')"}, none.errLines());
    CliRun unknown = CliRun.of("separate", "x.wav");
    assertEquals(1, unknown.exitCode());
    assertEquals(1, unknown.errLines().length, unknown.err());
    assertTrue(unknown.err().startsWith("tse: Unmatched arguments"), unknown.err());
    CliRun noFiles = CliRun.of("info");
    assertEquals(1, noFiles.exitCode());
    assertArrayEquals(
        new String[] {"tse: Missing required parameter: 'FILE' (see 'tse info --help')"},
        noFiles.errLines());
    CliRun badOption = CliRun.of("metrics", "--target", "t.wav");
    assertArrayEquals(
        new String[] {"tse: Missing required option: '--estimate=FILE' (see 'tse metrics --help')"},
        badOption.errLines());
  }

  /** jFLAC prints debug lines on some damaged files; they must not reach the CLI's output. */
  @Test
  void decoderChatterIsKeptOutOfStandardOutput() throws Exception {
    Path damaged = dir.resolve("damaged.flac");
    try (InputStream in = getClass().getResourceAsStream("/cli/damaged-prints-jflac.flac")) {
      Files.copy(in, damaged);
    }
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      decodeIgnoringTheError(damaged);
      assertTrue(
          captured.toString(StandardCharsets.UTF_8).contains("readResidual"),
          "the fixture should make jFLAC print");
      captured.reset();
      LibraryChatterFilter.install();
      decodeIgnoringTheError(damaged);
      System.out.println("our own line");
    } finally {
      System.setOut(original);
    }
    assertEquals("our own line\n", captured.toString(StandardCharsets.UTF_8));
  }

  private static void decodeIgnoringTheError(Path file) {
    try {
      AudioFiles.readMono(file);
    } catch (TseException e) {
      assertFalse(e.getMessage().contains("\n"));
    }
  }
}
