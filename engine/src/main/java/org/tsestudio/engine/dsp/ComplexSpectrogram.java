package org.tsestudio.engine.dsp;

/**
 * A short-time Fourier transform: {@code real[frame][bin]} and {@code imag[frame][bin]} for bins 0
 * .. fftSize/2. The arrays are handed over, not copied, so that a long file's transform is not held
 * twice in memory.
 */
public record ComplexSpectrogram(float[][] real, float[][] imag) {
  public ComplexSpectrogram {
    if (real.length != imag.length) {
      throw new IllegalArgumentException(
          "real and imaginary parts differ in frame count: " + real.length + " vs " + imag.length);
    }
  }

  public int frames() {
    return real.length;
  }

  /** Number of frequency bins (fftSize / 2 + 1); 0 when there are no frames. */
  public int bins() {
    return real.length == 0 ? 0 : real[0].length;
  }
}
