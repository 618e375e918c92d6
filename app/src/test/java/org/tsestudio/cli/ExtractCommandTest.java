package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.WavEncoding;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.RandomInitModels;

/** {@code tse extract} on the example speech with a small random-init v8. */
class ExtractCommandTest {

  private static String model;

  @TempDir Path dir;
  private Path mix;
  private Path ref;

  @BeforeAll
  static void exportModel() throws Exception {
    model = RandomInitModels.card(RandomInitModels.V8_SMALL).toString();
  }

  @BeforeEach
  void copyExamples() throws Exception {
    mix = dir.resolve("mix.wav");
    ref = dir.resolve("ref.wav");
    Files.copy(ExampleAudio.dir().resolve("mixture.wav"), mix);
    Files.copy(ExampleAudio.dir().resolve("reference.wav"), ref);
  }

  private CliRun extract(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "extract";
    System.arraycopy(args, 0, all, 1, args.length);
    System.arraycopy(
        new String[] {"--model", model, "--device", "cpu"}, 0, all, args.length + 1, 4);
    return CliRun.of(all);
  }

  @Test
  void oneMixtureGivesOneOutputBesideIt() throws Exception {
    CliRun result = extract(mix.toString(), "-r", ref.toString());
    assertEquals(0, result.exitCode(), result.err());
    Path out = dir.resolve("mix-target.wav");
    AudioSignal written = AudioFiles.readMono(out);
    assertEquals(AudioFiles.readMono(mix).length(), written.length());
    assertEquals(16000, written.sampleRate());
    assertTrue(result.out().startsWith(mix + " -> " + out + " (4.9 s, RTF "), result.out());
    assertTrue(result.err().contains("[1/1] mix.wav ["), "a progress bar: " + result.err());
    assertTrue(result.err().contains("100%"));
  }

  @Test
  void aFolderOfMixturesGoesToAnOutputFolder() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.copy(mix, in.resolve("a.wav"));
    AudioFiles.writeWav(
        in.resolve("b.wav"),
        org.tsestudio.engine.audio.Resampler.resample(AudioFiles.readMono(mix), 44100),
        WavEncoding.PCM_24);
    Files.writeString(in.resolve("notes.txt"), "not audio");
    Path out = dir.resolve("out");
    CliRun result = extract(in.toString(), "-r", ref.toString(), "-o", out.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(44100, AudioFiles.readMono(out.resolve("b-target.wav")).sampleRate());
    assertTrue(Files.exists(out.resolve("a-target.wav")));
    assertTrue(result.err().contains("[2/2] b.wav"));
  }

  @Test
  void inputsAreNeverOverwrittenAndOutputsOnlyWhenAsked() throws Exception {
    byte[] before = Files.readAllBytes(mix);
    CliRun result = extract(mix.toString(), "-r", ref.toString(), "-o", mix.toString());
    assertEquals(1, result.exitCode());
    assertEquals("tse: " + mix + ": refusing to overwrite an input file\n", result.err());
    assertArrayEquals(before, Files.readAllBytes(mix));

    result = extract(mix.toString(), "-r", ref.toString(), "-o", ref.toString());
    assertEquals("tse: " + ref + ": refusing to overwrite an input file\n", result.err());

    Path out = dir.resolve("out.wav");
    Files.writeString(out, "older result");
    result = extract(mix.toString(), "-r", ref.toString(), "-o", out.toString());
    assertEquals(1, result.exitCode());
    assertEquals(
        "tse: " + out + ": already exists (use --overwrite to replace it)\n", result.err());
    assertEquals("older result", Files.readString(out));
    result = extract(mix.toString(), "-r", ref.toString(), "-o", out.toString(), "--overwrite");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(AudioFiles.readMono(mix).length(), AudioFiles.readMono(out).length());
  }

  @Test
  void aBadReferenceStopsEverythingAndWritesNothing() throws Exception {
    Path silent = dir.resolve("silent.wav");
    AudioFiles.writeWav(silent, new AudioSignal(new float[48000], 16000), WavEncoding.PCM_16);
    CliRun result = extract(mix.toString(), "-r", silent.toString());
    assertEquals(1, result.exitCode());
    assertTrue(
        result.err().endsWith("tse: " + silent + ": the reference is silent\n"), result.err());
    assertFalse(Files.exists(dir.resolve("mix-target.wav")));
  }

  @Test
  void aBrokenMixtureFailsAloneInABatch() throws Exception {
    Path broken = dir.resolve("broken.wav");
    Files.write(broken, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
    CliRun result = extract(mix.toString(), broken.toString(), "-r", ref.toString());
    assertEquals(1, result.exitCode());
    assertTrue(Files.exists(dir.resolve("mix-target.wav")));
    assertFalse(Files.exists(dir.resolve("broken-target.wav")));
    assertTrue(result.err().contains("tse: " + broken + ": "), result.err());
    assertTrue(result.err().endsWith("tse: 1 of 2 mixtures failed\n"), result.err());
  }

  @Test
  void aMissingModelOrInputIsOneLine() throws Exception {
    CliRun result =
        CliRun.of(
            "extract",
            mix.toString(),
            "-r",
            ref.toString(),
            "--model",
            dir.resolve("none.json").toString());
    assertEquals(1, result.exitCode());
    assertEquals("tse: " + dir.resolve("none.pt") + ": model file not found\n", result.err());
    result = extract(dir.resolve("nothing.wav").toString(), "-r", ref.toString());
    assertEquals("tse: " + dir.resolve("nothing.wav") + ": file not found\n", result.err());
  }
}
