package org.tsestudio.engine.dsp;

/**
 * Triangular mel filters over the bins of a one-sided FFT spectrum.
 *
 * <p>Construction (the usual one, as {@code librosa.filters.mel}): {@code mels + 2} points evenly
 * spaced on the mel scale from {@code fMin} to {@code fMax} give, in Hz, the lower edge, centre and
 * upper edge of each filter; filter m rises linearly from 0 at point m to 1 at point m+1 and falls
 * to 0 at point m+2, evaluated at the bin frequencies {@code k * sampleRate / fftSize}. With {@code
 * areaNormalized} ("Slaney" normalisation) each triangle is scaled by {@code 2 / (upper - lower)}
 * so that all filters have the same area and a white spectrum gives a flat mel spectrum; otherwise
 * every filter peaks at 1 (HTK style).
 *
 * <p>Stored sparsely (first bin and the non-zero weights of each filter), so applying it costs
 * about two multiply-adds per FFT bin.
 */
public final class MelFilterBank {
  private final int sampleRate;
  private final int fftSize;
  private final MelScale scale;
  private final double[] edgesHz;
  private final int[] firstBin;
  private final float[][] weights;

  /**
   * @throws IllegalArgumentException if a filter would cover no FFT bin (too many mels for this FFT
   *     size), or if the frequency range is not inside [0, sampleRate / 2]
   */
  public MelFilterBank(
      int sampleRate,
      int fftSize,
      int mels,
      double fMin,
      double fMax,
      MelScale scale,
      boolean areaNormalized) {
    if (sampleRate < 1 || fftSize < 2 || mels < 1) {
      throw new IllegalArgumentException(
          "need sampleRate >= 1, fftSize >= 2, mels >= 1; got "
              + sampleRate
              + ", "
              + fftSize
              + ", "
              + mels);
    }
    if (!(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0)) {
      throw new IllegalArgumentException(
          "mel range [" + fMin + ", " + fMax + "] Hz must lie in [0, " + sampleRate / 2.0 + "]");
    }
    this.sampleRate = sampleRate;
    this.fftSize = fftSize;
    this.scale = scale;
    this.edgesHz = new double[mels + 2];
    double melMin = scale.hzToMel(fMin);
    double melMax = scale.hzToMel(fMax);
    for (int i = 0; i < edgesHz.length; i++) {
      edgesHz[i] = scale.melToHz(melMin + (melMax - melMin) * i / (mels + 1));
    }
    int bins = fftSize / 2 + 1;
    this.firstBin = new int[mels];
    this.weights = new float[mels][];
    for (int m = 0; m < mels; m++) {
      double lower = edgesHz[m];
      double centre = edgesHz[m + 1];
      double upper = edgesHz[m + 2];
      double norm = areaNormalized ? 2.0 / (upper - lower) : 1.0;
      float[] w = new float[bins];
      int first = -1;
      int last = -1;
      for (int k = 0; k < bins; k++) {
        double f = (double) k * sampleRate / fftSize;
        double v =
            Math.max(0.0, Math.min((f - lower) / (centre - lower), (upper - f) / (upper - centre)));
        if (v > 0) {
          w[k] = (float) (v * norm);
          first = first < 0 ? k : first;
          last = k;
        }
      }
      if (first < 0) {
        throw new IllegalArgumentException(
            "mel filter "
                + m
                + " ("
                + Math.round(lower)
                + "-"
                + Math.round(upper)
                + " Hz) covers no bin of a "
                + fftSize
                + "-point FFT; use fewer mels or a larger FFT");
      }
      firstBin[m] = first;
      weights[m] = java.util.Arrays.copyOfRange(w, first, last + 1);
    }
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int fftSize() {
    return fftSize;
  }

  public MelScale scale() {
    return scale;
  }

  public int mels() {
    return weights.length;
  }

  /** Centre frequency of filter {@code m} in Hz. */
  public double centreHz(int m) {
    return edgesHz[m + 1];
  }

  /** The weights of filter {@code m} over all {@code fftSize / 2 + 1} bins (a dense copy). */
  public float[] weights(int m) {
    float[] dense = new float[fftSize / 2 + 1];
    System.arraycopy(weights[m], 0, dense, firstBin[m], weights[m].length);
    return dense;
  }

  /** {@code out[m] = sum_k weights(m)[k] * power[k]}. */
  public void apply(float[] power, float[] out) {
    for (int m = 0; m < weights.length; m++) {
      float[] w = weights[m];
      int k0 = firstBin[m];
      double sum = 0;
      for (int i = 0; i < w.length; i++) {
        sum += w[i] * power[k0 + i];
      }
      out[m] = (float) sum;
    }
  }
}
