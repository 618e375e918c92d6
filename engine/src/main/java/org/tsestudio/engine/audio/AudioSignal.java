package org.tsestudio.engine.audio;

/**
 * A mono signal held in memory: samples nominally in [-1, 1] (float files may exceed it; nothing is
 * clipped on reading) at {@code sampleRate} samples per second.
 *
 * <p>The array is shared, not copied: callers that keep a signal should not modify its samples.
 */
public record AudioSignal(float[] samples, int sampleRate) {

  public AudioSignal {
    if (samples == null) {
      throw new IllegalArgumentException("samples must not be null");
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
  }

  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }

  public int length() {
    return samples.length;
  }
}
