package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tsestudio.engine.TseException;

/**
 * Common part of the streams over codecs that decode in whole codec frames (FLAC blocks, MP3
 * frames): it hands out the decoded frame piece by piece and implements seeking by restarting and
 * skipping.
 */
abstract class SequentialStream extends AudioStream {
  protected final Path file;
  private final OpenInputs.Registration registration;
  private FileChannel channel;
  private float[][] pending;
  private int pendingStart;
  private int pendingEnd;
  private long position;
  private boolean ended;

  SequentialStream(Path file, int channels) {
    this.file = file;
    this.registration = OpenInputs.register(file);
    this.pending = new float[channels][0];
  }

  /** Reads a codec's header (and whatever it checks up front) from an open file. */
  @FunctionalInterface
  interface HeaderReader<H> {
    H read(Path file, FileChannel ch, long start) throws TseException, IOException;
  }

  /** Reads the header at {@code start} through a channel of its own, closed again afterwards. */
  static <H> H readHeader(Path file, long start, HeaderReader<H> reader) throws TseException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return reader.read(file, ch, start);
    } catch (IOException e) {
      throw TseException.forFile(file, "cannot read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Positions a new stream at its first audio frame, closing it if that fails so that no file
   * handle or open-input registration leaks.
   */
  static <S extends SequentialStream> S started(S stream) throws TseException {
    try {
      stream.restart();
      return stream;
    } catch (TseException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /** Opens the file afresh for the decoder; {@link #closeChannel()} releases it. */
  protected final FileChannel openChannel() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    return channel;
  }

  /** Releases the channel from {@link #openChannel()}, if one is open. */
  protected final void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was written; a failed close loses nothing.
      }
      channel = null;
    }
  }

  /**
   * Decodes the next codec frame into {@link #frameBuffer(int)}.
   *
   * @return frames decoded, or -1 at the end of the audio
   */
  protected abstract int decodeNext() throws TseException;

  /** Reopens the file at its first audio frame (for seeking backwards). */
  protected abstract void restart() throws TseException;

  /** Releases the decoder's file handle. */
  protected abstract void closeDecoder();

  /** The per-channel buffer that {@link #decodeNext()} fills, at least {@code frames} long. */
  protected float[][] frameBuffer(int frames) {
    if (pending[0].length < frames) {
      pending = new float[pending.length][frames];
    }
    return pending;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public int read(float[][] dest, int frames) throws TseException {
    if (frames < 0 || dest.length < channels()) {
      throw new IllegalArgumentException("need " + channels() + " channel arrays and frames >= 0");
    }
    int done = 0;
    while (done < frames) {
      if (pendingStart == pendingEnd && !fill()) {
        break;
      }
      int n = Math.min(frames - done, pendingEnd - pendingStart);
      for (int c = 0; c < pending.length; c++) {
        System.arraycopy(pending[c], pendingStart, dest[c], done, n);
      }
      pendingStart += n;
      done += n;
      position += n;
    }
    return done == 0 && frames > 0 ? -1 : done;
  }

  @Override
  public void seek(long frame) throws TseException {
    if (frame < 0) {
      throw new IllegalArgumentException("negative frame " + frame);
    }
    if (frame < position) {
      restart();
      position = 0;
      pendingStart = pendingEnd = 0;
      ended = false;
    }
    while (position < frame) {
      if (pendingStart == pendingEnd && !fill()) {
        return;
      }
      int n = (int) Math.min(frame - position, pendingEnd - pendingStart);
      pendingStart += n;
      position += n;
    }
  }

  private boolean fill() throws TseException {
    if (ended) {
      return false;
    }
    long known = info().frames();
    int n;
    do {
      n = decodeNext();
    } while (n == 0);
    if (n < 0) {
      ended = true;
      long decoded = position + (pendingEnd - pendingStart);
      if (known != AudioFileInfo.UNKNOWN_FRAMES && decoded < known && strictLength()) {
        throw TseException.forFile(
            file, "truncated audio (header claims " + known + " frames, " + decoded + " present)");
      }
      return false;
    }
    pendingStart = 0;
    pendingEnd = n;
    // A stream's final codec frame may be padded past the length its header gives.
    if (known != AudioFileInfo.UNKNOWN_FRAMES && position + n >= known) {
      pendingEnd = (int) Math.max(0, known - position);
      ended = true;
    }
    return pendingEnd > 0;
  }

  /** Whether ending before the header's frame count is an error rather than a short file. */
  protected boolean strictLength() {
    return true;
  }

  @Override
  public void close() {
    registration.close();
    closeDecoder();
  }
}
