package org.tsestudio.engine.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import org.tsestudio.engine.TseException;

/**
 * Sequential MP3 decoding with JLayer over the frames that {@link Mp3Scan} found. The frame count
 * comes from the scan, so decoding stops where the scan did (before trailing tags). No gapless
 * trimming: the encoder's delay (about 1,100 samples with LAME) stays at the start.
 */
final class Mp3Stream extends SequentialStream {
  private final Mp3Scan scan;
  private final AudioFileInfo info;
  private Bitstream bitstream;
  private Decoder decoder;
  private long framesDecoded;

  private Mp3Stream(Path file, Mp3Scan scan) {
    super(file, scan.first().channels());
    this.scan = scan;
    this.info = scan.info(file);
  }

  static Mp3Stream open(Path file, long start) throws TseException {
    return started(new Mp3Stream(file, readHeader(file, start, Mp3Scan::scan)));
  }

  @Override
  public AudioFileInfo info() {
    return info;
  }

  @Override
  protected boolean strictLength() {
    // The scan counted whole frames that are present, so a shortfall means a frame JLayer could
    // not find; the audio it did decode is still good.
    return false;
  }

  @Override
  protected void restart() throws TseException {
    closeDecoder();
    try {
      FileChannel channel = openChannel();
      // JLayer drops a final frame that is followed by anything but the end of the stream (an
      // ID3v1 tag, say), so it sees only the frames.
      InputStream frames = new FileRangeInputStream(channel, scan.firstOffset(), scan.endOffset());
      bitstream = new Bitstream(new BufferedInputStream(frames, 1 << 16));
      decoder = new Decoder();
      framesDecoded = 0;
      if (scan.infoFrame() && bitstream.readFrame() != null) {
        bitstream.closeFrame();
      }
    } catch (IOException | BitstreamException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt MP3 data at the start", e);
    }
  }

  @Override
  protected int decodeNext() throws TseException {
    if (framesDecoded >= scan.audioFrames()) {
      return -1;
    }
    try {
      Header h = bitstream.readFrame();
      if (h == null) {
        return -1;
      }
      SampleBuffer out = (SampleBuffer) decoder.decodeFrame(h, bitstream);
      bitstream.closeFrame();
      framesDecoded++;
      int channels = info.channels();
      if (out.getChannelCount() != channels) {
        throw TseException.forFile(file, "corrupt MP3 data (channel count changes mid-stream)");
      }
      short[] samples = out.getBuffer();
      int n = Math.min(out.getBufferLength(), samples.length) / channels;
      float[][] dest = frameBuffer(n);
      for (int i = 0, p = 0; i < n; i++) {
        for (int c = 0; c < channels; c++) {
          dest[c][i] = samples[p++] / 32768f;
        }
      }
      return n;
    } catch (BitstreamException | DecoderException | RuntimeException e) {
      throw TseException.forFile(file, "corrupt MP3 data near frame " + position(), e);
    }
  }

  @Override
  protected void closeDecoder() {
    bitstream = null;
    decoder = null;
    closeChannel();
  }
}
