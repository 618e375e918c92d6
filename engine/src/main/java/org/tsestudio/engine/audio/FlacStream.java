package org.tsestudio.engine.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.tsestudio.engine.TseException;

/**
 * Sequential FLAC decoding with jFLAC, fed only the checked STREAMINFO and the audio frames.
 *
 * <p>jFLAC 1.5.2 prints a debug line to {@code System.out} when it meets an escape-coded residual
 * partition (rare in valid files, common in damaged ones). Front ends that own standard output,
 * such as the CLI, filter it out.
 */
final class FlacStream extends SequentialStream {
  private final FlacHeader header;
  private final AudioFileInfo info;
  private FLACDecoder decoder;

  /**
   * Turns the first error jFLAC reports into an exception out of its decode loop. jFLAC reports
   * checksum mismatches only to listeners, and on some damaged frames it retries the same bad
   * header forever; it reports every such error here first, so throwing ends the loop.
   */
  private static final class ErrorListener implements FrameListener {
    @Override
    public void processMetadata(Metadata metadata) {}

    @Override
    public void processFrame(Frame frame) {}

    @Override
    public void processError(String message) {
      throw new CorruptFlacException(message);
    }
  }

  private static final class CorruptFlacException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptFlacException(String message) {
      super(message);
    }
  }

  private FlacStream(Path file, FlacHeader header) {
    super(file, header.channels());
    this.header = header;
    this.info = header.info(file);
  }

  static FlacStream open(Path file, long start) throws TseException {
    return started(new FlacStream(file, readHeader(file, start, FlacHeader::read)));
  }

  @Override
  public AudioFileInfo info() {
    return info;
  }

  @Override
  protected void restart() throws TseException {
    closeDecoder();
    try {
      FileChannel channel = openChannel();
      channel.position(header.audioOffset());
      decoder = new FLACDecoder(new BufferedInputStream(minimalHeader(channel), 1 << 16));
      decoder.addFrameListener(new ErrorListener());
      decoder.readMetadata();
    } catch (IOException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt FLAC header", e);
    }
  }

  // "fLaC" + STREAMINFO flagged as the last metadata block + the audio frames from the file.
  private InputStream minimalHeader(FileChannel channel) {
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
    } catch (CorruptFlacException e) {
      String why = e.getMessage().startsWith("CRC") ? " (checksum error)" : "";
      throw TseException.forFile(file, "corrupt FLAC data near frame " + position() + why, e);
    } catch (IOException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt FLAC data near frame " + position(), e);
    }
    // Frames jFLAC could not decode and skipped would leave a silent gap in the audio.
    if (decoder.getBadFrames() != badBefore) {
      throw TseException.forFile(file, "corrupt FLAC data near frame " + position());
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
    closeChannel();
  }
}
