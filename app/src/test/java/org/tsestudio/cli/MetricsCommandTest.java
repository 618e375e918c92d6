package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.audio.WavEncoding;
import org.tsestudio.engine.metrics.SeparationMetrics;
import org.tsestudio.engine.metrics.Stoi;

/** Metrics on the committed two-talker example (real speech, resources/examples). */
class MetricsCommandTest {
  @TempDir Path dir;

  private static Path example(String name) {
    String configured = System.getProperty("tse.examples.dir");
    Path folder = configured != null ? Path.of(configured) : Path.of("..", "resources", "examples");
    Path file = folder.resolve(name);
    assertTrue(Files.isRegularFile(file), "example file missing: " + file.toAbsolutePath());
    return file;
  }

  @Test
  void mixtureAgainstTargetMatchesTheEngineMetrics() throws Exception {
    Path mixture = example("mixture.wav");
    Path target = example("target.wav");
    CliRun r =
        CliRun.of(
            "metrics", "-e", mixture.toString(), "-t", target.toString(), "-m", mixture.toString());
    assertEquals(0, r.exitCode(), r.err());
    float[] m = AudioFiles.readMono(mixture).samples();
    float[] t = AudioFiles.readMono(target).samples();
    int rate = AudioFiles.readMono(target).sampleRate();
    String expected =
        String.format(
            Locale.ROOT,
            "SI-SDR   %7.2f dB%nSDR      %7.2f dB%nSTOI     %7.3f%nESTOI    %7.3f%n"
                + "SI-SDRi  %7.2f dB  (mixture SI-SDR %.2f dB)%nSDRi     %7.2f dB  (mixture SDR %.2f dB)%n",
            SeparationMetrics.siSdr(m, t),
            SeparationMetrics.sdr(m, t),
            Stoi.stoi(t, m, rate),
            Stoi.estoi(t, m, rate),
            0.0,
            SeparationMetrics.siSdr(m, t),
            0.0,
            SeparationMetrics.sdr(m, t));
    assertEquals(expected, r.out());
  }

  @Test
  void thePerfectEstimateScoresTheMaximum() {
    Path target = example("target.wav");
    CliRun r = CliRun.of("metrics", "--estimate", target.toString(), "--target", target.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().startsWith("SI-SDR    100.00 dB\nSDR       100.00 dB\nSTOI       1.000\n"),
        r.out());
  }

  @Test
  void estimatesAtAnotherRateAreResampledAndLengthsAligned() throws Exception {
    Path target = example("target.wav");
    AudioSignal t = AudioFiles.readMono(target);
    // The target at 8 kHz and cut short: what a v7 model run on part of the file would give.
    float[] low = Resampler.resample(t.samples(), t.sampleRate(), 8000);
    float[] cut = java.util.Arrays.copyOf(low, low.length - 800);
    Path estimate = dir.resolve("estimate-8k.wav");
    AudioFiles.writeWav(estimate, new AudioSignal(cut, 8000), WavEncoding.FLOAT_32);
    CliRun r = CliRun.of("metrics", "-e", estimate.toString(), "-t", target.toString());
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(
        "note: resampled " + estimate + " from 8000 Hz to " + t.sampleRate() + " Hz", lines[0]);
    assertTrue(lines[1].startsWith("note: lengths differ; compared the first 4."), lines[1]);
    // Only the band above 4 kHz is lost, so the estimate stays close to the target.
    double siSdr = Double.parseDouble(lines[2].replace("SI-SDR", "").replace("dB", "").strip());
    assertTrue(siSdr > 10, r.out());
  }

  @Test
  void badInputsAreOneLineErrors() throws Exception {
    Path target = example("target.wav");
    Path missing = dir.resolve("nope.wav");
    CliRun r = CliRun.of("metrics", "-e", missing.toString(), "-t", target.toString());
    assertEquals(1, r.exitCode());
    assertArrayEquals(new String[] {"tse: " + missing + ": file not found"}, r.errLines());

    Path silent = dir.resolve("silent.wav");
    AudioFiles.writeWav(silent, new AudioSignal(new float[16000], 16000), WavEncoding.PCM_16);
    r = CliRun.of("metrics", "-e", target.toString(), "-t", silent.toString());
    assertEquals(1, r.exitCode());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().startsWith("tse: " + silent + ": reference is silent"), r.err());
  }

  @Test
  void shortClipsGetTheLevelMetricsWithoutStoi() throws Exception {
    AudioSignal t = AudioFiles.readMono(example("target.wav"));
    float[] clip = java.util.Arrays.copyOfRange(t.samples(), 16000, 16000 + t.sampleRate() / 5);
    Path f = dir.resolve("clip.wav");
    AudioFiles.writeWav(f, new AudioSignal(clip, t.sampleRate()), WavEncoding.PCM_16);
    CliRun r = CliRun.of("metrics", "-e", f.toString(), "-t", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("STOI     n/a ("), r.out());
    assertTrue(r.out().startsWith("SI-SDR    100.00 dB"), r.out());
  }
}
