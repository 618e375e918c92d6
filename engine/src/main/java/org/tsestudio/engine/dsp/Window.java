package org.tsestudio.engine.dsp;

/**
 * Analysis windows for the short-time Fourier transform.
 *
 * <p>All windows are <em>periodic</em> (DFT-even): {@code w[n] = f(n / length)} for n in [0,
 * length), the form used by {@code torch.hann_window(periodic=True)} and {@code
 * scipy.signal.get_window}. Periodic windows overlap-add to a constant at the usual hops (Hann at
 * 50% and 75% overlap), which is what spectral analysis and resynthesis want; the symmetric form is
 * meant for FIR filter design.
 */
public enum Window {
  /** Hann (raised cosine): the default for analysis and for resynthesis at 50% or 75% overlap. */
  HANN,
  /** Square root of Hann: its square is Hann, so analysis and synthesis together make a Hann. */
  SQRT_HANN,
  /** Hamming (0.54 - 0.46 cos): lower first side lobe than Hann, does not reach zero. */
  HAMMING,
  /** Blackman (0.42, 0.5, 0.08): low leakage, wide main lobe. */
  BLACKMAN,
  /** Rectangular (all ones). */
  RECTANGULAR;

  /**
   * Returns the window's coefficients.
   *
   * @param length number of samples, at least 1
   */
  public float[] coefficients(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + length);
    }
    float[] w = new float[length];
    for (int n = 0; n < length; n++) {
      double phase = 2.0 * Math.PI * n / length;
      double v =
          switch (this) {
            case HANN -> 0.5 - 0.5 * Math.cos(phase);
            case SQRT_HANN -> Math.sqrt(0.5 - 0.5 * Math.cos(phase));
            case HAMMING -> 0.54 - 0.46 * Math.cos(phase);
            case BLACKMAN -> 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2.0 * phase);
            case RECTANGULAR -> 1.0;
          };
      w[n] = (float) v;
    }
    return w;
  }
}
