package org.tsestudio.engine.inference;

import java.util.Arrays;
import java.util.Locale;
import org.tsestudio.engine.TseException;

/**
 * Prepares the reference clip: trims leading and trailing silence, caps its length at what the
 * model was made for, and rejects a clip that is silent or too short to tell a voice by.
 */
final class ReferenceClip {

  /** Frames quieter than this relative to the loudest frame count as silence. */
  static final double SILENCE_BELOW_PEAK_DB = -40;

  /** Frames quieter than this (dBFS) are silence whatever the loudest frame is. */
  static final double SILENCE_FLOOR_DBFS = -70;

  private static final double FRAME_SECONDS = 0.02;
  private static final double KEEP_SECONDS = 0.05; // breath room kept around the speech

  private ReferenceClip() {}

  /**
   * The part of {@code samples} to use as reference.
   *
   * @param name the reference file's name, for messages
   * @throws TseException when the clip is silent or has less than {@code limits.minSeconds()} of
   *     sound between its first and last non-silent frame
   */
  static float[] prepare(
      float[] samples, int sampleRate, ModelCard.ReferenceLimits limits, String name)
      throws TseException {
    int frame = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
    int frames = samples.length / frame;
    double[] rms = new double[frames];
    double loudest = 0;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int i = f * frame; i < (f + 1) * frame; i++) {
        sum += (double) samples[i] * samples[i];
      }
      rms[f] = Math.sqrt(sum / frame);
      loudest = Math.max(loudest, rms[f]);
    }
    double floor = Math.pow(10, SILENCE_FLOOR_DBFS / 20);
    if (loudest < floor) {
      throw new TseException(name + ": the reference is silent");
    }
    double threshold = Math.max(floor, loudest * Math.pow(10, SILENCE_BELOW_PEAK_DB / 20));
    int first = 0;
    while (rms[first] < threshold) {
      first++;
    }
    int last = frames - 1;
    while (rms[last] < threshold) {
      last--;
    }
    int keep = (int) Math.round(KEEP_SECONDS * sampleRate);
    int start = Math.max(0, first * frame - keep);
    int end = Math.min(samples.length, (last + 1) * frame + keep);
    double seconds = (double) (end - start) / sampleRate;
    if (seconds < limits.minSeconds()) {
      throw new TseException(
          String.format(
              Locale.ROOT,
              "%s: the reference has only %.1f s of sound after trimming silence (at least %.1f s"
                  + " needed)",
              name,
              seconds,
              limits.minSeconds()));
    }
    int cap = (int) Math.floor(limits.maxSeconds() * sampleRate);
    return Arrays.copyOfRange(samples, start, Math.min(end, start + cap));
  }
}
