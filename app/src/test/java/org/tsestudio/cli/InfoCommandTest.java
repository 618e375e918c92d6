package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.WavEncoding;
import org.tsestudio.engine.audio.WavWriter;

class InfoCommandTest {
  @TempDir Path dir;

  // Stereo, 1.5 s at 22050 Hz: left a 0.5 sine, right silent.
  private Path stereoWav() throws Exception {
    Path f = dir.resolve("stereo.wav");
    int n = 33075;
    float[][] data = new float[2][n];
    for (int i = 0; i < n; i++) {
      data[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 441 * i / 22050.0));
    }
    try (WavWriter w = WavWriter.create(f, 22050, 2, WavEncoding.PCM_24)) {
      w.write(data, n);
      w.commit();
    }
    return f;
  }

  @Test
  void describesAWavFile() throws Exception {
    Path f = stereoWav();
    CliRun r = CliRun.of("info", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    // Peak 0.5 is -6.0 dBFS; RMS over both channels is 0.5 / sqrt(2) / sqrt(2) = 0.25: -12.0 dBFS.
    assertEquals(
        String.join(
            "\n",
            f.toString(),
            "  format    WAV PCM 24-bit",
            "  rate      22050 Hz",
            "  channels  2",
            "  duration  1.500 s (33075 frames)",
            "  peak      -6.0 dBFS",
            "  RMS       -12.0 dBFS",
            ""),
        r.out());
  }

  @Test
  void describesFlacAndMp3AndLongDurations() throws Exception {
    Path flac = dir.resolve("a.flac");
    Path mp3 = dir.resolve("a.mp3");
    sox(
        "-n",
        "-r",
        "16000",
        "-b",
        "16",
        flac.toString(),
        "synth",
        "75",
        "sine",
        "300",
        "vol",
        "0.25");
    sox("-n", "-r", "44100", "-c", "2", mp3.toString(), "synth", "1", "sine", "300");
    CliRun r = CliRun.of("info", flac.toString(), mp3.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("  format    FLAC 16-bit\n"), r.out());
    assertTrue(r.out().contains("  duration  1:15.000 (1200000 frames)\n"), r.out());
    assertTrue(r.out().contains("  peak      -12.0 dBFS\n"), r.out());
    assertTrue(r.out().contains("  format    MPEG-1 Layer III\n"), r.out());
    assertTrue(r.out().contains("  rate      44100 Hz\n  channels  2\n"), r.out());
  }

  @Test
  void silenceReadsMinusInfinity() throws Exception {
    Path f = dir.resolve("silence.wav");
    AudioFiles.writeWav(f, new AudioSignal(new float[800], 8000), WavEncoding.PCM_16);
    CliRun r = CliRun.of("info", f.toString());
    assertTrue(r.out().contains("  peak      -inf dBFS (silent)\n"), r.out());
  }

  @Test
  void badFilesGetOneLineEachAndTheRestIsStillShown() throws Exception {
    Path good = stereoWav();
    Path missing = dir.resolve("missing.wav");
    Path text = Files.writeString(dir.resolve("notes.wav"), "not audio");
    Path folder = Files.createDirectory(dir.resolve("folder"));
    CliRun r =
        CliRun.of("info", missing.toString(), good.toString(), text.toString(), folder.toString());
    assertEquals(1, r.exitCode());
    assertArrayEquals(
        new String[] {
          "tse: " + missing + ": file not found",
          "tse: " + text + ": not a supported audio file (expected WAV, FLAC or MP3)",
          "tse: " + folder + ": is a folder, not an audio file"
        },
        r.errLines());
    assertTrue(r.out().startsWith(good + "\n  format    WAV PCM 24-bit"), r.out());
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    Path missing = dir.resolve("missing.wav");
    CliRun plain = CliRun.of("info", missing.toString());
    assertEquals(1, plain.errLines().length);
    CliRun debug = CliRun.of("--debug", "info", missing.toString());
    assertEquals(1, debug.exitCode());
    assertTrue(debug.errLines().length > 3, debug.err());
    assertTrue(debug.err().contains("at org.tsestudio.engine.audio"), debug.err());
    // The option is accepted after the command name as well.
    assertTrue(CliRun.of("info", "--debug", missing.toString()).errLines().length > 3);
  }

  static void sox(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "sox";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
  }
}
