package org.tsestudio.engine.audio;

import org.tsestudio.engine.TseException;

/**
 * Block-wise reading of an audio file, so that long recordings never need to fit in memory.
 *
 * <p>WAV streams seek in constant time; FLAC and MP3 decode sequentially, so seeking backwards
 * restarts the decoder and seeking forwards decodes and drops the frames in between. A stream is
 * used by one thread at a time. Open one with {@link AudioFiles#open(java.nio.file.Path)}.
 */
public abstract class AudioStream implements AutoCloseable {
  private float[][] scratch = new float[0][];

  /** Format of the file; for FLAC files whose header gives no length, frames may be unknown. */
  public abstract AudioFileInfo info();

  /**
   * Reads up to {@code frames} frames into {@code dest[c][0..n)} for every channel c.
   *
   * @param dest one array per channel of the file, each at least {@code frames} long
   * @return the number n of frames read, at least 1 when frames > 0, or -1 at the end of the audio
   * @throws TseException when the file turns out to be corrupt or unreadable
   */
  public abstract int read(float[][] dest, int frames) throws TseException;

  /** Index of the next frame that {@link #read} returns. */
  public abstract long position();

  /** Moves to frame {@code frame}; a position at or past the end makes the next read return -1. */
  public abstract void seek(long frame) throws TseException;

  /** Releases the file. Never throws: there is nothing a caller could do about a failed close. */
  @Override
  public abstract void close();

  public int channels() {
    return info().channels();
  }

  public int sampleRate() {
    return info().sampleRate();
  }

  /** Reads up to {@code frames} frames mixed down to mono (the mean of all channels). */
  public int readMono(float[] dest, int frames) throws TseException {
    int channels = channels();
    if (channels == 1) {
      return read(new float[][] {dest}, frames);
    }
    float[][] block = scratch(frames);
    int n = read(block, frames);
    float scale = 1f / channels;
    for (int i = 0; i < n; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += block[c][i];
      }
      dest[i] = sum * scale;
    }
    return n;
  }

  /** Reads up to {@code frames} frames of one channel (0-based). */
  public int readChannel(int channel, float[] dest, int frames) throws TseException {
    checkChannel(channel);
    if (channels() == 1) {
      return read(new float[][] {dest}, frames);
    }
    float[][] block = scratch(frames);
    int n = read(block, frames);
    if (n > 0) {
      System.arraycopy(block[channel], 0, dest, 0, n);
    }
    return n;
  }

  void checkChannel(int channel) throws TseException {
    if (channel < 0 || channel >= channels()) {
      throw TseException.forFile(
          info().path(),
          "has no channel " + channel + " (channels are 0 to " + (channels() - 1) + ")");
    }
  }

  private float[][] scratch(int frames) {
    if (scratch.length != channels() || scratch[0].length < frames) {
      scratch = new float[channels()][frames];
    }
    return scratch;
  }
}
