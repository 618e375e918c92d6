package org.tsestudio.engine.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * One FFT plan plus scratch space: windows a frame, transforms it, and unpacks JTransforms' packed
 * real-FFT layout into separate real and imaginary halves (and back).
 *
 * <p>Not thread-safe (it owns the scratch buffer); every stream or whole-signal call makes its own.
 */
final class FrameTransformer {
  private final int fftSize;
  private final float[] window;
  private final FloatFFT_1D fft;
  private final float[] scratch;

  FrameTransformer(int fftSize, float[] window) {
    this.fftSize = fftSize;
    this.window = window;
    this.fft = new FloatFFT_1D(fftSize);
    this.scratch = new float[fftSize];
  }

  /**
   * Windows {@code frame} (length fftSize, left untouched) and writes bins 0..fftSize/2 to re/im.
   */
  void forward(float[] frame, float[] re, float[] im) {
    for (int k = 0; k < fftSize; k++) {
      scratch[k] = frame[k] * window[k];
    }
    fft.realForward(scratch);
    // JTransforms layout for even n: a[0] = Re[0], a[1] = Re[n/2], a[2k] = Re[k], a[2k+1] = Im[k].
    int half = fftSize / 2;
    re[0] = scratch[0];
    im[0] = 0f;
    re[half] = scratch[1];
    im[half] = 0f;
    for (int k = 1; k < half; k++) {
      re[k] = scratch[2 * k];
      im[k] = scratch[2 * k + 1];
    }
  }

  /**
   * Inverse FFT of the one-sided spectrum re/im into {@code out} (length fftSize), not windowed.
   * The imaginary parts of DC and Nyquist are ignored, as they must be zero for a real signal.
   */
  void inverse(float[] re, float[] im, float[] out) {
    int half = fftSize / 2;
    out[0] = re[0];
    out[1] = re[half];
    for (int k = 1; k < half; k++) {
      out[2 * k] = re[k];
      out[2 * k + 1] = im[k];
    }
    fft.realInverse(out, true);
  }
}
