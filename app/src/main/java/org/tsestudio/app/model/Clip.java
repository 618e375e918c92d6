package org.tsestudio.app.model;

import java.nio.file.Path;
import java.util.Objects;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * A piece of audio on screen: a label for the track header, where it came from (null when it was
 * recorded or cut from another clip), and the samples.
 */
public record Clip(String label, Path source, AudioSignal signal) {
  public Clip {
    Objects.requireNonNull(label);
    Objects.requireNonNull(signal);
  }

  public double durationSeconds() {
    return signal.durationSeconds();
  }

  public int sampleRate() {
    return signal.sampleRate();
  }

  /** The part between two times (clamped), e.g. a selection dragged out of the mixture. */
  public Clip slice(String newLabel, double fromSeconds, double toSeconds) {
    float[] x = signal.samples();
    int from = (int) Math.max(0, Math.min(x.length, Math.round(fromSeconds * sampleRate())));
    int to = (int) Math.max(from, Math.min(x.length, Math.round(toSeconds * sampleRate())));
    float[] part = new float[to - from];
    System.arraycopy(x, from, part, 0, part.length);
    return new Clip(newLabel, null, new AudioSignal(part, sampleRate()));
  }
}
