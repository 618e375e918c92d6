package org.tsestudio.app.playback;

/** Where rendered mono audio goes: a sound card line, or nowhere when there is none. */
public interface AudioSink extends AutoCloseable {

  /** The rate the caller renders at (the sink converts to the device rate itself). */
  int sampleRate();

  /** Writes {@code frames} mono samples in [-1, 1]; may block while the device buffer is full. */
  void write(float[] mono, int frames);

  /** Frames written but not yet heard (the device buffer), at {@link #sampleRate()}. */
  int latencyFrames();

  /** Waits until what was written has been played. */
  void drain();

  /** Drops what was written but not yet played. */
  void flush();

  /** Shown in the status bar, e.g. "default, 48000 Hz". */
  String description();

  @Override
  void close();

  /** Opens a sink for a rendering rate. */
  @FunctionalInterface
  interface Factory {
    AudioSink open(int sampleRate) throws Exception;
  }
}
