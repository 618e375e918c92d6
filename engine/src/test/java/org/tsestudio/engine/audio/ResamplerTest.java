package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({
    "48000, 16000",
    "16000, 48000",
    "44100, 16000",
    "16000, 44100",
    "48000, 8000",
    "8000, 48000",
    "44100, 8000",
    "16000, 8000",
    "8000, 16000",
    "44100, 48000",
    "22050, 16000",
    // 44101 phases: served by the interpolated table rather than one row per phase.
    "16000, 44101",
    "44101, 16000"
  })
  void keepsA1kHzToneLevelWithinATenthOfADecibel(int from, int to) {
    float[] x = Tones.sine(1000, from, from, 0.5);
    float[] y = Resampler.resample(x, from, to);
    assertEquals(Resampler.outputLength(x.length, from, to), y.length);
    int edge = to / 10;
    double level = Tones.amplitudeAt(y, edge, y.length - edge, 1000, to);
    double errorDb = Tones.db(level / 0.5);
    assertTrue(Math.abs(errorDb) < 0.1, "level changed by " + errorDb + " dB");
    // The tone itself must come out clean, not just at the right level.
    double residual = residualDb(y, edge, 1000, to, 0.5);
    assertTrue(residual < -70, "tone distorted: residual " + residual + " dB");
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz, tone at {2} Hz")
  @CsvSource({
    "48000, 16000, 8200",
    "48000, 16000, 9000",
    "48000, 16000, 12000",
    "48000, 16000, 20000",
    "44100, 16000, 8200",
    "44100, 16000, 15000",
    "44100, 16000, 21000",
    "48000, 8000, 4100",
    "48000, 8000, 6000",
    "48000, 8000, 23000",
    "16000, 8000, 4100",
    "16000, 8000, 7000",
    "44101, 16000, 8300",
    "44101, 16000, 13000"
  })
  void attenuatesContentAboveTheNewNyquistBy60dB(int from, int to, double freq) {
    float[] x = Tones.sine(freq, from, from, 0.5);
    float[] y = Resampler.resample(x, from, to);
    int edge = to / 10;
    double inputRms = 0.5 / Math.sqrt(2);
    double leftDb = Tones.db(Tones.rms(y, edge, y.length - edge) / inputRms);
    assertTrue(leftDb < -60, freq + " Hz leaks through at " + leftDb + " dB");
    double alias = Math.abs(freq - to * Math.rint(freq / to));
    double aliasDb = Tones.db(Tones.amplitudeAt(y, edge, y.length - edge, alias, to) / 0.5);
    assertTrue(aliasDb < -60, "alias at " + alias + " Hz is " + aliasDb + " dB");
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz, tone at {2} Hz")
  @CsvSource({"16000, 48000, 7000", "8000, 44100, 3500", "16000, 44100, 6000"})
  void upsamplingLeavesNoImages(int from, int to, double freq) {
    float[] x = Tones.sine(freq, from, from, 0.5);
    float[] y = Resampler.resample(x, from, to);
    int edge = to / 10;
    double image = from - freq;
    double imageDb = Tones.db(Tones.amplitudeAt(y, edge, y.length - edge, image, to) / 0.5);
    assertTrue(imageDb < -60, "image at " + image + " Hz is " + imageDb + " dB");
  }

  @Test
  void streamingInRandomBlocksGivesExactlyTheOneShotSamples() {
    Random random = new Random(7);
    float[] x = new float[48000 * 3 + 17];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian() * 0.1f;
    }
    for (int[] rates :
        new int[][] {{48000, 16000}, {16000, 48000}, {44100, 16000}, {16000, 44101}}) {
      Resampler r = new Resampler(rates[0], rates[1]);
      float[] whole = r.process(x);
      StreamingResampler s = r.newStream();
      float[] pieces = new float[whole.length];
      int written = 0;
      for (int pos = 0; pos < x.length; ) {
        int n = Math.min(x.length - pos, 1 + random.nextInt(5000));
        float[] out = s.process(x, pos, n);
        System.arraycopy(out, 0, pieces, written, out.length);
        written += out.length;
        pos += n;
      }
      float[] tail = s.finish();
      System.arraycopy(tail, 0, pieces, written, tail.length);
      assertEquals(whole.length, written + tail.length);
      assertArrayEquals(whole, pieces, rates[0] + " -> " + rates[1]);
    }
  }

  @Test
  void keepsAConstantSignalConstantAndSamplesAligned() {
    float[] dc = new float[16000];
    java.util.Arrays.fill(dc, 0.25f);
    float[] y = Resampler.resample(dc, 16000, 44100);
    for (int i = 200; i < y.length - 200; i++) {
      assertEquals(0.25f, y[i], 1e-5f, "sample " + i);
    }
    // No delay: a slow ramp sampled at 3x keeps every third sample where it was.
    float[] ramp = new float[8000];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (float) Math.sin(2 * Math.PI * 50 * i / 8000.0);
    }
    float[] up = Resampler.resample(ramp, 8000, 24000);
    for (int i = 400; i < ramp.length - 400; i++) {
      assertEquals(ramp[i], up[3 * i], 2e-4f, "sample " + i);
    }
  }

  @Test
  void equalRatesCopy() {
    float[] x = {0.1f, -0.2f, 0.3f};
    float[] y = Resampler.resample(x, 16000, 16000);
    assertArrayEquals(x, y);
    y[0] = 1;
    assertEquals(0.1f, x[0]);
  }

  @Test
  void handlesEmptyAndTinyInputs() {
    assertEquals(0, Resampler.resample(new float[0], 48000, 16000).length);
    assertEquals(1, Resampler.resample(new float[] {1}, 48000, 16000).length);
    assertEquals(3, Resampler.resample(new float[] {1}, 16000, 48000).length);
  }

  // Level of what is left after removing the best-fitting tone at freq, relative to the tone.
  private static double residualDb(float[] y, int edge, double freq, int rate, double amp) {
    double sumC = 0;
    double sumS = 0;
    int n = y.length - 2 * edge;
    for (int i = edge; i < y.length - edge; i++) {
      double w = 2 * Math.PI * freq * i / rate;
      sumC += y[i] * Math.cos(w);
      sumS += y[i] * Math.sin(w);
    }
    double a = 2 * sumC / n;
    double b = 2 * sumS / n;
    double err = 0;
    for (int i = edge; i < y.length - edge; i++) {
      double w = 2 * Math.PI * freq * i / rate;
      double e = y[i] - a * Math.cos(w) - b * Math.sin(w);
      err += e * e;
    }
    return Tones.db(Math.sqrt(err / n) / (amp / Math.sqrt(2)));
  }
}
