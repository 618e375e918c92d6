package org.tsestudio.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsestudio.engine.testutil.TestSignals;

class RationalResamplerTest {

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({"16000, 10000", "48000, 10000", "44100, 10000", "8000, 10000", "10000, 10000"})
  void passBandSinesComeThroughUnchanged(int from, int to) {
    int seconds = 1;
    // Up to 85.5% of the lower Nyquist frequency: 4276 Hz, the top of STOI's bands, at 10 kHz.
    double top = 0.855 * Math.min(from, to) / 2;
    for (double hz : new double[] {150, 1000, 3000, top}) {
      float[] x = TestSignals.sine(from * seconds, hz, from, 0.5);
      double[] y = RationalResampler.resample(x, from, to);
      assertEquals(((long) x.length * to + from - 1) / from, y.length);
      double maxError = 0;
      // Skip 50 ms at each end, where the kernel overhangs the signal.
      for (int n = to / 20; n < y.length - to / 20; n++) {
        double expected = 0.5 * Math.sin(2 * Math.PI * hz * n / to);
        maxError = Math.max(maxError, Math.abs(y[n] - expected));
      }
      assertTrue(maxError < 1e-3, hz + " Hz: max error " + maxError);
    }
  }

  @ParameterizedTest(name = "{0} Hz -> 10000 Hz")
  @CsvSource({"16000", "48000"})
  void componentsAboveTheNewNyquistAreRemoved(int from) {
    // 5.3 kHz and up would alias into 10 kHz's band; they must come out at least 70 dB down.
    for (double hz : new double[] {5300, 6500, 7900}) {
      float[] x = TestSignals.sine(from, hz, from, 0.5);
      double[] y = RationalResampler.resample(x, from, 10_000);
      double energy = 0;
      int count = 0;
      for (int n = 500; n < y.length - 500; n++) {
        energy += y[n] * y[n];
        count++;
      }
      double db = 10 * Math.log10(energy / count / (0.5 * 0.5 / 2));
      assertTrue(db < -70, hz + " Hz leaks at " + db + " dB");
    }
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({"16000, 10000", "8000, 10000", "44100, 10000"})
  void aConstantStaysConstantAwayFromTheEdges(int from, int to) {
    float[] x = new float[from];
    java.util.Arrays.fill(x, 0.25f);
    double[] y = RationalResampler.resample(x, from, to);
    for (int n = to / 20; n < y.length - to / 20; n++) {
      assertEquals(0.25, y[n], 1e-12);
    }
  }
}
