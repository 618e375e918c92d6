package org.tsestudio.app.playback;

/**
 * Used when no output line can be opened (a machine without a sound card): playback still runs in
 * real time, so the playhead, loops and A/B switching work, and the status bar says why it is
 * silent.
 */
public final class SilentSink implements AudioSink {
  private final int sampleRate;
  private final String reason;

  public SilentSink(int sampleRate, String reason) {
    this.sampleRate = sampleRate;
    this.reason = reason;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public void write(float[] mono, int frames) {}

  @Override
  public int latencyFrames() {
    return 0;
  }

  @Override
  public void drain() {}

  @Override
  public void flush() {}

  @Override
  public String description() {
    return "no audio output (" + reason + ")";
  }

  @Override
  public void close() {}
}
