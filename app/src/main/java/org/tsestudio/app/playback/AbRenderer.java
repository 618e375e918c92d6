package org.tsestudio.app.playback;

import java.util.ArrayList;
import java.util.List;

/**
 * Mixes time-aligned sources (mixture, outputs, ...) into one mono stream, playing one of them at a
 * time. Every change of what is heard - switching source, seeking, wrapping a loop, starting,
 * pausing - is a short raised-cosine cross-fade between "voices", so the listener hears no gap and
 * no click, and the playhead never moves on a switch.
 *
 * <p>Thread use: the audio thread calls {@link #render}; the UI calls the other methods. All are
 * synchronized; a render block is a few milliseconds, so contention is negligible.
 */
public final class AbRenderer {
  /** Returned by {@link #render} once playback has ended or faded out after a pause. */
  public static final int STOPPED = -1;

  private static final int MAX_FADING = 6;

  private final float[][] sources;
  private final float[] gains;
  private final long length;
  private final int fadeFrames;

  private Voice active;
  private final List<Voice> fading = new ArrayList<>();
  private int selected;
  private long position;
  private long loopStart = -1;
  private long loopEnd = -1;
  private boolean running;

  /**
   * @param sources the time-aligned sources at one sample rate; shorter ones are silent at the end
   * @param gains linear gain per source (loudness matching)
   * @param fadeFrames cross-fade length in frames (about 10 ms)
   */
  public AbRenderer(float[][] sources, float[] gains, int fadeFrames) {
    if (sources.length == 0 || sources.length != gains.length) {
      throw new IllegalArgumentException("one gain per source, at least one source");
    }
    this.sources = sources.clone();
    this.gains = gains.clone();
    long len = 0;
    for (float[] s : sources) {
      len = Math.max(len, s.length);
    }
    this.length = len;
    this.fadeFrames = Math.max(1, fadeFrames);
  }

  public synchronized long length() {
    return length;
  }

  public int sourceCount() {
    return sources.length;
  }

  public synchronized int selected() {
    return selected;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /** True while something is heard: playing, or still fading out after a pause. */
  public synchronized boolean isAudible() {
    return active != null || !fading.isEmpty();
  }

  /** The frame the next render starts at. */
  public synchronized long position() {
    long pos = active != null ? active.pos : position;
    // The wrap happens when the next sample is rendered; the loop end is the loop start.
    return loopEnd > 0 && active != null && pos >= loopEnd ? loopStart : pos;
  }

  /** Starts (or resumes) at the current position with a fade-in. */
  public synchronized void start() {
    if (running) {
      return;
    }
    if (position >= length && loopEnd < 0) {
      position = 0;
    }
    running = true;
    active = new Voice(selected, position, 0f, 1f, fadeFrames);
  }

  /** Fades out; {@link #render} returns {@link #STOPPED} once the fade is done. */
  public synchronized void pause() {
    if (!running) {
      return;
    }
    position = active.pos;
    retire(active);
    active = null;
    running = false;
  }

  /** Switches the heard source at the same playhead. */
  public synchronized void select(int source) {
    if (source < 0 || source >= sources.length) {
      throw new IllegalArgumentException("no source " + source);
    }
    if (source == selected) {
      return;
    }
    selected = source;
    if (active != null) {
      long pos = active.pos;
      retire(active);
      active = new Voice(source, pos, 0f, 1f, fadeFrames);
    }
  }

  /** Moves the playhead; while playing, the jump is cross-faded. */
  public synchronized void seek(long frame) {
    long f = Math.max(0, Math.min(frame, length));
    if (active != null) {
      retire(active);
      active = new Voice(selected, f, 0f, 1f, fadeFrames);
    } else {
      position = f;
    }
  }

  /** Loops {@code [start, end)} while playing; a negative start clears the loop. */
  public synchronized void setLoop(long start, long end) {
    if (start < 0 || end <= start) {
      loopStart = -1;
      loopEnd = -1;
      return;
    }
    loopStart = Math.max(0, Math.min(start, length));
    loopEnd = Math.max(loopStart + 1, Math.min(end, length));
    if (active != null && (active.pos < loopStart || active.pos >= loopEnd)) {
      seek(loopStart);
    }
  }

  /**
   * Renders the next {@code frames} mono samples into {@code out}.
   *
   * @return frames written (the rest is zeroed), or {@link #STOPPED} once nothing is audible
   */
  public synchronized int render(float[] out, int frames) {
    if (active == null && fading.isEmpty()) {
      return STOPPED;
    }
    for (int i = 0; i < frames; i++) {
      if (active != null) {
        if (loopEnd > 0 && active.pos >= loopEnd) {
          long wrapTo = loopStart;
          retire(active);
          active = new Voice(selected, wrapTo, 0f, 1f, fadeFrames);
        } else if (loopEnd < 0 && active.pos >= length) {
          position = length;
          active = null;
          running = false;
        }
      }
      float v = active != null ? active.next() : 0f;
      for (int k = fading.size() - 1; k >= 0; k--) {
        Voice f = fading.get(k);
        v += f.next();
        if (f.done()) {
          fading.remove(k);
        }
      }
      out[i] = v;
      if (active == null && fading.isEmpty()) {
        java.util.Arrays.fill(out, i + 1, frames, 0f);
        return i + 1;
      }
    }
    return frames;
  }

  private void retire(Voice v) {
    fading.add(new Voice(v.source, v.pos, v.gain(), 0f, fadeFrames));
    if (fading.size() > MAX_FADING) {
      fading.remove(0);
    }
  }

  /** One source read from a position, with a gain that ramps between two values. */
  private final class Voice {
    final int source;
    long pos;
    final float from;
    final float to;
    final int ramp;
    int step;

    Voice(int source, long pos, float from, float to, int ramp) {
      this.source = source;
      this.pos = pos;
      this.from = from;
      this.to = to;
      this.ramp = ramp;
    }

    float gain() {
      if (step >= ramp) {
        return to;
      }
      double shape = 0.5 - 0.5 * Math.cos(Math.PI * step / ramp);
      return (float) (from + (to - from) * shape);
    }

    boolean done() {
      return step >= ramp && to == 0f;
    }

    float next() {
      float[] s = sources[source];
      float x = pos < s.length ? s[(int) pos] * gains[source] : 0f;
      float g = gain();
      pos++;
      if (step < ramp) {
        step++;
      }
      return x * g;
    }
  }
}
