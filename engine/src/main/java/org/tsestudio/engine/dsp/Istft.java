package org.tsestudio.engine.dsp;

/**
 * Inverse of {@link Stft} by weighted overlap-add: each inverse-transformed frame is multiplied by
 * the window again and added at its place, and the sum is divided by the sum of squared windows at
 * every sample. Dividing by the actual sum (rather than by a constant) makes the reconstruction
 * exact for any window and hop that {@link Stft} accepts, at the edges of the signal too, and it is
 * the least-squares signal estimate when the spectrogram was modified (Griffin and Lim, 1984).
 */
public final class Istft {
  private final Stft stft;

  public Istft(Stft stft) {
    this.stft = stft;
  }

  /**
   * Rebuilds a signal of {@code length} samples from its transform.
   *
   * @param length the original signal's length; the frame count must be {@code
   *     stft.frameCount(length)}
   */
  public float[] inverse(ComplexSpectrogram spectrogram, int length) {
    int frames = spectrogram.frames();
    if (frames != stft.frameCount(length)) {
      throw new IllegalArgumentException(
          frames
              + " frames cannot come from "
              + length
              + " samples at hop "
              + stft.hop()
              + " (expected "
              + stft.frameCount(length)
              + ")");
    }
    if (frames > 0 && spectrogram.bins() != stft.bins()) {
      throw new IllegalArgumentException(
          spectrogram.bins() + " bins do not match FFT size " + stft.fftSize());
    }
    int fftSize = stft.fftSize();
    float[] window = stft.windowNoCopy();
    float[] out = new float[length];
    float[] weight = new float[length];
    float[] frame = new float[fftSize];
    FrameTransformer transformer = new FrameTransformer(fftSize, window);
    for (int t = 0; t < frames; t++) {
      transformer.inverse(spectrogram.real()[t], spectrogram.imag()[t], frame);
      long start = stft.frameStart(t);
      int from = (int) Math.max(0, -start);
      int to = (int) Math.min(fftSize, length - start);
      for (int k = from; k < to; k++) {
        int n = (int) (start + k);
        out[n] += frame[k] * window[k];
        weight[n] += window[k] * window[k];
      }
    }
    for (int n = 0; n < length; n++) {
      // Stft's constructor guarantees weight >= 1e-6 inside the signal for the windows it accepts.
      out[n] = weight[n] > 0f ? out[n] / weight[n] : 0f;
    }
    return out;
  }
}
