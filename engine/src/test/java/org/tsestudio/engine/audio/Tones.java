package org.tsestudio.engine.audio;

/** Test signals and level measurements. */
final class Tones {
  private Tones() {}

  static float[] sine(double freq, int rate, int length, double amplitude) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
    }
    return x;
  }

  /**
   * Amplitude of the component at {@code freq} in x[from, to), by the Goertzel algorithm on a
   * Hann-windowed segment: evaluated at exactly {@code freq}, so a tone there is measured without
   * the scalloping loss of FFT bins.
   */
  static double amplitudeAt(float[] x, int from, int to, double freq, int rate) {
    int n = to - from;
    double w = 2 * Math.PI * freq / rate;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    double windowSum = 0;
    for (int i = 0; i < n; i++) {
      double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      windowSum += hann;
      double s0 = x[from + i] * hann + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double re = s1 - s2 * Math.cos(w);
    double im = s2 * Math.sin(w);
    return 2 * Math.hypot(re, im) / windowSum;
  }

  static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  static double db(double ratio) {
    return 20 * Math.log10(ratio);
  }
}
