package org.tsestudio.engine.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.tsestudio.engine.TseException;

/** Sequential FLAC decoding with jFLAC, fed only the checked STREAMINFO and the audio frames. */
final class FlacStream extends SequentialStream {
  private final FlacHeader header;
  private final AudioFileInfo info;
  private FileChannel channel;
  private FLACDecoder decoder;
  private final ErrorListener errors = new ErrorListener();

  /** Keeps the first error jFLAC reports. */
  private static final class ErrorListener implements FrameListener {
    String first;

    void clear() {
      first = null;
    }

    @Override
    public void processMetadata(Metadata metadata) {}

    @Override
    public void processFrame(Frame frame) {}

    @Override
    public void processError(String message) {
      if (first == null) {
        first = message;
      }
    }
  }

  private FlacStream(Path file, FlacHeader header) {
    super(file, header.channels());
    this.header = header;
    this.info = header.info(file);
  }

  static FlacStream open(Path file, long start) throws TseException {
    FlacHeader header;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      header = FlacHeader.read(file, ch, start);
    } catch (IOException e) {
      throw TseException.forFile(file, "cannot read (" + e.getMessage() + ")", e);
    }
    FlacStream s = new FlacStream(file, header);
    try {
      s.restart();
      return s;
    } catch (TseException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  @Override
  public AudioFileInfo info() {
    return info;
  }

  @Override
  protected void restart() throws TseException {
    closeDecoder();
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(header.audioOffset());
      decoder = new FLACDecoder(new BufferedInputStream(minimalHeader(), 1 << 16));
      errors.clear();
      decoder.addFrameListener(errors);
      decoder.readMetadata();
    } catch (IOException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt FLAC header", e);
    }
  }

  // "fLaC" + STREAMINFO flagged as the last metadata block + the audio frames from the file.
  private InputStream minimalHeader() {
    byte[] head = new byte[8 + header.streamInfo().length];
    head[0] = 'f';
    head[1] = 'L';
    head[2] = 'a';
    head[3] = 'C';
    head[4] = (byte) 0x80;
    head[7] = (byte) header.streamInfo().length;
    System.arraycopy(header.streamInfo(), 0, head, 8, header.streamInfo().length);
    return new SequenceInputStream(
        new ByteArrayInputStream(head), Channels.newInputStream(channel));
  }

  @Override
  protected int decodeNext() throws TseException {
    int badBefore = decoder.getBadFrames();
    Frame frame;
    try {
      frame = decoder.readNextFrame();
    } catch (IOException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt FLAC data near frame " + position(), e);
    }
    // jFLAC reports a checksum mismatch only to listeners and skips undecodable frames silently.
    if (decoder.getBadFrames() != badBefore || errors.first != null) {
      String why =
          errors.first != null && errors.first.startsWith("CRC") ? " (checksum error)" : "";
      throw TseException.forFile(file, "corrupt FLAC data near frame " + position() + why);
    }
    if (frame == null) {
      return -1;
    }
    int n = frame.header.blockSize;
    if (frame.header.channels != header.channels()
        || frame.header.bitsPerSample != header.bitsPerSample()) {
      throw TseException.forFile(file, "corrupt FLAC data (frame format changes mid-stream)");
    }
    float[][] out = frameBuffer(n);
    ChannelData[] data = decoder.getChannelData();
    float scale = 1f / (1 << (header.bitsPerSample() - 1));
    for (int c = 0; c < header.channels(); c++) {
      int[] samples = data[c].getOutput();
      for (int i = 0; i < n; i++) {
        out[c][i] = samples[i] * scale;
      }
    }
    return n;
  }

  @Override
  protected void closeDecoder() {
    decoder = null;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing was written; a failed close loses nothing.
      }
      channel = null;
    }
  }
}
