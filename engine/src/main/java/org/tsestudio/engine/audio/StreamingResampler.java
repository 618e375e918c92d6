package org.tsestudio.engine.audio;

import java.util.Arrays;

/**
 * Block-wise resampling of one channel, made by {@link Resampler#newStream()}. Feeding a signal in
 * blocks of any sizes and then calling {@link #finish()} yields exactly the samples of {@link
 * Resampler#process(float[])} on the whole signal; output lags input by about {@link
 * Resampler#halfWidth()} input samples, which {@code finish()} releases.
 */
public final class StreamingResampler {
  private static final int CHUNK = 1 << 15;
  private final ResamplingFilter f;
  private final boolean identity;
  // Input samples from absolute index bufStart on; indices below 0 are the zeros before the signal.
  private float[] buf;
  private long bufStart;
  private int bufLength;
  private long received;
  // Next output: its input position is base + phase / up.
  private long produced;
  private long base;
  private long phase;
  private boolean finished;

  StreamingResampler(ResamplingFilter filter, boolean identity) {
    this.f = filter;
    this.identity = identity;
    int half = identity ? 0 : filter.halfTaps;
    this.buf = new float[Math.max(16, 4 * half)];
    this.bufStart = -half;
    this.bufLength = half;
  }

  /** Feeds {@code length} samples and returns the output samples they complete (maybe none). */
  public float[] process(float[] x, int offset, int length) {
    float[] out = new float[maxOutput(length)];
    int n = process(x, offset, length, out, 0);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /**
   * Feeds {@code length} samples and writes the outputs they complete to {@code out} from {@code
   * outOffset}, which must have room for {@link #maxOutput(int) maxOutput(length)} samples.
   *
   * @return the number of output samples written
   */
  public int process(float[] x, int offset, int length, float[] out, int outOffset) {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    if (identity) {
      System.arraycopy(x, offset, out, outOffset, length);
      received += length;
      produced += length;
      return length;
    }
    int written = 0;
    // Feeding in bounded pieces keeps the input buffer small whatever the block size.
    for (int done = 0; done < length; ) {
      int n = Math.min(CHUNK, length - done);
      append(x, offset + done, n);
      received += n;
      done += n;
      written += produce(Long.MAX_VALUE, out, outOffset + written);
    }
    return written;
  }

  /** Ends the signal: returns the remaining outputs, computed with zeros after the last input. */
  public float[] finish() {
    float[] out = new float[maxOutput(0)];
    int n = finish(out, 0);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** As {@link #finish()}, writing to {@code out}, which needs room for {@code maxOutput(0)}. */
  public int finish(float[] out, int outOffset) {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    finished = true;
    if (identity) {
      return 0;
    }
    append(new float[f.halfTaps + 1], 0, f.halfTaps + 1);
    return produce(Resampler.outputLength(received, f.down, f.up), out, outOffset);
  }

  /** The most output samples that feeding {@code length} more inputs (or finishing) can give. */
  public int maxOutput(int length) {
    if (identity) {
      return length;
    }
    return (int) (Resampler.outputLength(received + length, f.down, f.up) - produced);
  }

  private int produce(long limit, float[] out, int outOffset) {
    long available = bufStart + bufLength;
    int count = 0;
    // Output n needs inputs up to base + halfTaps.
    while (produced < limit && base + f.halfTaps < available) {
      out[outOffset + count++] = f.exact ? dotExact() : dotInterpolated();
      produced++;
      phase += f.down;
      base += phase / f.up;
      phase %= f.up;
    }
    discardOld();
    return count;
  }

  private float dotExact() {
    int start = (int) (base - f.halfTaps + 1 - bufStart);
    return dot(start, (int) phase * f.taps);
  }

  private float dotInterpolated() {
    int start = (int) (base - f.halfTaps + 1 - bufStart);
    long scaled = phase * f.rows;
    int row = (int) (scaled / f.up);
    float alpha = (scaled % f.up) / (float) f.up;
    float a = dot(start, row * f.taps);
    float b = dot(start, (row + 1) * f.taps);
    return a + alpha * (b - a);
  }

  // Four partial sums let the CPU overlap the multiply-adds.
  private float dot(int start, int rowOffset) {
    float[] x = buf;
    float[] h = f.table;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = f.taps;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += x[start + j] * h[rowOffset + j];
      s1 += x[start + j + 1] * h[rowOffset + j + 1];
      s2 += x[start + j + 2] * h[rowOffset + j + 2];
      s3 += x[start + j + 3] * h[rowOffset + j + 3];
    }
    for (; j < n; j++) {
      s0 += x[start + j] * h[rowOffset + j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private void append(float[] x, int offset, int length) {
    if (bufLength + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(bufLength + length, 2 * buf.length));
    }
    System.arraycopy(x, offset, buf, bufLength, length);
    bufLength += length;
  }

  // Keeps only the inputs that the next output still needs, so memory stays bounded.
  private void discardOld() {
    long keepFrom = base - f.halfTaps + 1;
    int drop = (int) Math.max(0, Math.min(bufLength, keepFrom - bufStart));
    if (drop > 0) {
      System.arraycopy(buf, drop, buf, 0, bufLength - drop);
      bufLength -= drop;
      bufStart += drop;
    }
  }
}
