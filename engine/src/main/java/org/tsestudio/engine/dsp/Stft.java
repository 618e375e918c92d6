package org.tsestudio.engine.dsp;

/**
 * Short-time Fourier transform settings and the forward transform.
 *
 * <p>Framing convention ("centered", like {@code torch.stft(center=True, pad_mode="constant")}):
 * frame {@code t} covers samples {@code [t*hop - fftSize/2, t*hop + fftSize/2)}, samples outside
 * the signal count as zero, and frame {@code t} is centred on sample {@code t*hop}. A signal of
 * {@code n > 0} samples has {@code ceil((n - 1) / hop) + 1} frames: just enough that the last
 * frame's centre is at or past the last sample, so every sample, the first and the last included,
 * lies between two frame centres and gets the same overlap-add weight as the interior. That keeps
 * {@link Istft} exact at the edges at 50% overlap too. ({@code torch.stft} makes {@code n / hop +
 * 1} frames, one fewer when {@code n % hop > 1}, which leaves the last samples under the tail of a
 * single window.)
 *
 * <p>The window may be shorter than the FFT; it is then centred in the frame and zero-padded. The
 * DFT is unnormalised ({@code X[k] = sum x[n] w[n] e^{-2 pi i k n / N}}), so a full-scale sine
 * analysed with a Hann window of length N has a peak magnitude of about N/4.
 *
 * <p>Instances are immutable and thread-safe. Long signals: use {@link #forward(float[], int, int)}
 * for a range of frames or {@link #stream(FrameSink)} to push the signal in blocks; both give the
 * same frames as {@link #forward(float[])}.
 */
public final class Stft {
  private final int fftSize;
  private final int hop;
  private final float[] window;

  /** A transform whose window has the length of the FFT. */
  public Stft(int fftSize, int hop, Window window) {
    this(fftSize, hop, window.coefficients(checkFftSize(fftSize)));
  }

  /**
   * A transform with explicit window coefficients (at most fftSize of them; a shorter window is
   * centred in the frame).
   *
   * @throws IllegalArgumentException if the settings are inconsistent, or if the window overlapped
   *     at this hop leaves some sample with (almost) no weight, so that the transform could not be
   *     inverted
   */
  public Stft(int fftSize, int hop, float[] window) {
    checkFftSize(fftSize);
    if (window.length < 1 || window.length > fftSize) {
      throw new IllegalArgumentException(
          "window length must be in [1, fftSize=" + fftSize + "], got " + window.length);
    }
    if (hop < 1 || hop > window.length) {
      throw new IllegalArgumentException(
          "hop must be in [1, window length=" + window.length + "], got " + hop);
    }
    this.fftSize = fftSize;
    this.hop = hop;
    this.window = new float[fftSize];
    System.arraycopy(window, 0, this.window, (fftSize - window.length) / 2, window.length);
    checkOverlapAdd();
  }

  private static int checkFftSize(int fftSize) {
    if (fftSize < 2 || fftSize % 2 != 0) {
      throw new IllegalArgumentException("FFT size must be even and >= 2, got " + fftSize);
    }
    return fftSize;
  }

  /** Squared windows shifted by multiples of hop must leave no sample without weight. */
  private void checkOverlapAdd() {
    for (int r = 0; r < hop; r++) {
      double sum = 0;
      for (int k = r; k < fftSize; k += hop) {
        sum += (double) window[k] * window[k];
      }
      if (sum < 1e-6) {
        throw new IllegalArgumentException(
            "window overlapped at hop "
                + hop
                + " leaves samples without weight; use a smaller hop");
      }
    }
  }

  public int fftSize() {
    return fftSize;
  }

  public int hop() {
    return hop;
  }

  /** Number of frequency bins, fftSize / 2 + 1. */
  public int bins() {
    return fftSize / 2 + 1;
  }

  /** The window as applied in the frame (length fftSize, zero-padded if it was shorter); a copy. */
  public float[] window() {
    return window.clone();
  }

  float[] windowNoCopy() {
    return window;
  }

  /** Frames for a signal of {@code samples} samples: 0 if empty, else ceil((samples-1)/hop) + 1. */
  public int frameCount(long samples) {
    if (samples < 0) {
      throw new IllegalArgumentException("negative sample count " + samples);
    }
    long frames = samples == 0 ? 0 : (samples - 1 + hop - 1) / hop + 1;
    if (frames > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("signal too long for one transform: " + samples);
    }
    return (int) frames;
  }

  /** Index of the first sample of frame {@code frame} (negative for the first frames). */
  public long frameStart(int frame) {
    return (long) frame * hop - fftSize / 2;
  }

  /** Transform of the whole signal. */
  public ComplexSpectrogram forward(float[] signal) {
    return forward(signal, 0, frameCount(signal.length));
  }

  /**
   * Transform of frames {@code [firstFrame, firstFrame + count)} of {@code signal}; lets a caller
   * compute the part of a long file that is on screen.
   */
  public ComplexSpectrogram forward(float[] signal, int firstFrame, int count) {
    float[][] re = new float[count][];
    float[][] im = new float[count][];
    forEachFrame(
        signal,
        firstFrame,
        count,
        (t, r, i) -> {
          re[t - firstFrame] = r.clone();
          im[t - firstFrame] = i.clone();
        });
    return new ComplexSpectrogram(re, im);
  }

  /**
   * Transforms frames {@code [firstFrame, firstFrame + count)} one at a time into {@code sink}
   * (arrays reused), so callers that reduce each frame never hold the complex transform.
   */
  public void forEachFrame(float[] signal, int firstFrame, int count, FrameSink sink) {
    checkRange(signal.length, firstFrame, count);
    FrameTransformer transformer = new FrameTransformer(fftSize, window);
    float[] frame = new float[fftSize];
    float[] re = new float[bins()];
    float[] im = new float[bins()];
    for (int t = firstFrame; t < firstFrame + count; t++) {
      copyFrame(signal, t, frame);
      transformer.forward(frame, re, im);
      sink.accept(t, re, im);
    }
  }

  /** A push-style transform: write the signal in blocks of any size, frames go to {@code sink}. */
  public StftStream stream(FrameSink sink) {
    return new StftStream(this, sink);
  }

  void checkRange(int signalLength, int firstFrame, int count) {
    int total = frameCount(signalLength);
    if (firstFrame < 0 || count < 0 || firstFrame > total - count) {
      throw new IllegalArgumentException(
          "frames ["
              + firstFrame
              + ", "
              + ((long) firstFrame + count)
              + ") outside [0, "
              + total
              + ") for "
              + signalLength
              + " samples");
    }
  }

  /** Copies frame {@code t} of the signal (zeros outside it) into {@code frame}. */
  void copyFrame(float[] signal, int t, float[] frame) {
    long start = frameStart(t);
    int from = (int) Math.max(0, -start);
    int to = (int) Math.min(fftSize, signal.length - start);
    java.util.Arrays.fill(frame, 0f);
    if (to > from) {
      System.arraycopy(signal, (int) (start + from), frame, from, to - from);
    }
  }
}
