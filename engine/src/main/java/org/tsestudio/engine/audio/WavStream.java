package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tsestudio.engine.TseException;

/** Random-access reading of a validated WAV file through positional channel reads. */
final class WavStream extends AudioStream {
  // 16k frames of 8-channel 64-bit float is 1 MiB: large enough to read at disk speed.
  private static final int MAX_BLOCK_BYTES = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final WavHeader header;
  private final AudioFileInfo info;
  private final OpenInputs.Registration registration;
  private ByteBuffer buffer;
  private long position;

  private WavStream(
      Path file, FileChannel channel, WavHeader header, OpenInputs.Registration registration) {
    this.file = file;
    this.channel = channel;
    this.header = header;
    this.registration = registration;
    this.info =
        new AudioFileInfo(
            file,
            AudioContainer.WAV,
            header.format().label(),
            header.sampleRate(),
            header.channels(),
            header.format().bitsPerSample(),
            header.frames());
  }

  static WavStream open(Path file) throws TseException {
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      WavHeader header = WavHeader.read(file, ch);
      return new WavStream(file, ch, header, OpenInputs.register(file));
    } catch (IOException e) {
      closeQuietly(ch);
      throw TseException.forFile(file, "cannot read (" + e.getMessage() + ")", e);
    } catch (TseException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  static AudioFileInfo probe(Path file) throws TseException {
    try (WavStream s = open(file)) {
      return s.info();
    }
  }

  @Override
  public AudioFileInfo info() {
    return info;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void seek(long frame) throws TseException {
    if (frame < 0) {
      throw new IllegalArgumentException("negative frame " + frame);
    }
    position = Math.min(frame, header.frames());
  }

  @Override
  public int read(float[][] dest, int frames) throws TseException {
    if (frames < 0 || dest.length < header.channels()) {
      throw new IllegalArgumentException(
          "need " + header.channels() + " channel arrays and frames >= 0");
    }
    long left = header.frames() - position;
    if (left <= 0) {
      return frames == 0 ? 0 : -1;
    }
    int total = (int) Math.min(frames, left);
    int blockAlign = header.blockAlign();
    int perBlock = Math.max(1, MAX_BLOCK_BYTES / blockAlign);
    int done = 0;
    while (done < total) {
      int n = Math.min(perBlock, total - done);
      ByteBuffer b = buffer(n * blockAlign);
      readFully(b, header.dataOffset() + position * blockAlign);
      int bad = header.format().decode(b, n, header.channels(), dest, done);
      if (bad >= 0) {
        throw TseException.forFile(
            file, "float WAV holds a NaN or infinite sample at frame " + (position + bad));
      }
      position += n;
      done += n;
    }
    return total;
  }

  private ByteBuffer buffer(int bytes) {
    if (buffer == null || buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear().limit(bytes);
    return buffer;
  }

  private void readFully(ByteBuffer b, long at) throws TseException {
    try {
      while (b.hasRemaining()) {
        if (channel.read(b, at + b.position()) < 0) {
          throw TseException.forFile(
              file, "file ended early (it was shortened while being read, or is damaged)");
        }
      }
    } catch (IOException e) {
      throw TseException.forFile(file, "read failed (" + e.getMessage() + ")", e);
    }
    b.flip();
  }

  @Override
  public void close() {
    registration.close();
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // Reading is over; a failed close loses nothing.
      }
    }
  }
}
