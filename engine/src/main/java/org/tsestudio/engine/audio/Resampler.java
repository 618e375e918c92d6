package org.tsestudio.engine.audio;

/**
 * Sample-rate conversion by any ratio of two integer rates with a polyphase Kaiser-windowed sinc
 * filter: flat to 0.45 of the lower rate (within 0.01 dB), at least {@value
 * ResamplingFilter#STOP_BAND_DB} dB down from 0.5 of it, linear phase and no delay (output sample n
 * sits at input time n * fromRate / toRate).
 *
 * <p>A resampler is immutable and can be shared between threads; for long signals use {@link
 * #newStream()}, which gives the same samples block by block.
 */
public final class Resampler {
  private static final int MAX_RATE = 10_000_000;

  private final int fromRate;
  private final int toRate;
  private final ResamplingFilter filter;

  public Resampler(int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0 || fromRate > MAX_RATE || toRate > MAX_RATE) {
      throw new IllegalArgumentException("invalid sample rates " + fromRate + " -> " + toRate);
    }
    this.fromRate = fromRate;
    this.toRate = toRate;
    int g = gcd(fromRate, toRate);
    this.filter = fromRate == toRate ? null : new ResamplingFilter(toRate / g, fromRate / g);
  }

  /** Resamples a whole signal; returns a copy when the rates are equal. */
  public static float[] resample(float[] x, int fromRate, int toRate) {
    return new Resampler(fromRate, toRate).process(x);
  }

  /** Resamples a signal to {@code toRate}. */
  public static AudioSignal resample(AudioSignal signal, int toRate) {
    return new AudioSignal(resample(signal.samples(), signal.sampleRate(), toRate), toRate);
  }

  public float[] process(float[] x) {
    if (filter == null) {
      return x.clone();
    }
    StreamingResampler s = newStream();
    long length = outputLength(x.length);
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "output of " + length + " samples is too long for an array");
    }
    float[] out = new float[(int) length];
    int n = s.process(x, 0, x.length, out, 0);
    n += s.finish(out, n);
    assert n == out.length;
    return out;
  }

  /** A stateful converter for one channel fed in blocks of any size. */
  public StreamingResampler newStream() {
    return new StreamingResampler(filter, fromRate == toRate);
  }

  /**
   * Output samples for {@code inputLength} input samples: ceil(inputLength * toRate / fromRate).
   */
  public long outputLength(long inputLength) {
    return outputLength(inputLength, fromRate, toRate);
  }

  static long outputLength(long inputLength, int fromRate, int toRate) {
    int g = gcd(fromRate, toRate);
    long up = toRate / g;
    long down = fromRate / g;
    return Math.floorDiv(inputLength * up + down - 1, down);
  }

  public int fromRate() {
    return fromRate;
  }

  public int toRate() {
    return toRate;
  }

  /** Input samples on each side of an output sample that it depends on (0 when rates match). */
  public int halfWidth() {
    return filter == null ? 0 : filter.halfTaps;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
