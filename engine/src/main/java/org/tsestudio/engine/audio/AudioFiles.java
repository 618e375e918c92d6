package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.tsestudio.engine.TseException;

/**
 * Reading and writing audio files: WAV (PCM 8/16/24/32-bit, float 32/64-bit, plain or extensible,
 * any channel count), FLAC and MP3 for reading; WAV for writing. The format is recognised by the
 * file's content. Every problem with a file is a {@link TseException} naming it.
 */
public final class AudioFiles {
  // Java arrays hold at most about 2^31 elements; longer audio must be streamed with open().
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int READ_BLOCK = 1 << 16;
  // FLAC headers are not checked against the file size, so their length only sizes a first guess.
  private static final int UNTRUSTED_INITIAL_CAPACITY = 1 << 20;

  private AudioFiles() {}

  /** Format, rate, channels and length from the file's header, without decoding its audio. */
  public static AudioFileInfo probe(Path file) throws TseException {
    AudioSniffer.Sniffed s = AudioSniffer.sniff(file);
    return switch (s.container()) {
      case WAV -> WavStream.probe(file);
      case FLAC, MP3 -> probeCompressed(file, s);
    };
  }

  private static AudioFileInfo probeCompressed(Path file, AudioSniffer.Sniffed s)
      throws TseException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return s.container() == AudioContainer.FLAC
          ? FlacHeader.read(file, ch, s.start()).info(file)
          : Mp3Scan.scan(file, ch, s.start()).info(file);
    } catch (IOException e) {
      throw TseException.forFile(file, "cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** Opens a file for block-wise reading; close the stream when done. */
  public static AudioStream open(Path file) throws TseException {
    AudioSniffer.Sniffed s = AudioSniffer.sniff(file);
    return switch (s.container()) {
      case WAV -> WavStream.open(file);
      case FLAC -> FlacStream.open(file, s.start());
      case MP3 -> Mp3Stream.open(file, s.start());
    };
  }

  /** The whole file mixed down to mono (the mean of its channels). */
  public static AudioSignal readMono(Path file) throws TseException {
    return readAll(file, -1);
  }

  /** One channel (0-based) of the whole file. */
  public static AudioSignal readChannel(Path file, int channel) throws TseException {
    if (channel < 0) {
      throw TseException.forFile(file, "channel numbers start at 0, got " + channel);
    }
    return readAll(file, channel);
  }

  private static AudioSignal readAll(Path file, int channel) throws TseException {
    try (AudioStream s = open(file)) {
      if (channel >= 0) {
        s.checkChannel(channel);
      }
      AudioFileInfo info = s.info();
      if (info.frames() > MAX_ARRAY) {
        throw TseException.forFile(
            file, "is too long to load at once (" + info.frames() + " frames); stream it instead");
      }
      int capacity =
          (int)
              (info.container() == AudioContainer.FLAC || !info.framesKnown()
                  ? Math.min(Math.max(info.frames(), 1), UNTRUSTED_INITIAL_CAPACITY)
                  : info.frames());
      float[] out = new float[capacity];
      float[] block = new float[(int) Math.min(READ_BLOCK, capacity)];
      int length = 0;
      int n;
      while ((n =
              channel >= 0
                  ? s.readChannel(channel, block, block.length)
                  : s.readMono(block, block.length))
          > 0) {
        if (length + (long) n > MAX_ARRAY) {
          throw TseException.forFile(file, "is too long to load at once; stream it instead");
        }
        if (length + n > out.length) {
          out =
              Arrays.copyOf(out, (int) Math.min(MAX_ARRAY, Math.max(length + n, 2L * out.length)));
        }
        System.arraycopy(block, 0, out, length, n);
        length += n;
      }
      if (length == 0) {
        throw TseException.forFile(file, "contains no audio");
      }
      return new AudioSignal(
          length == out.length ? out : Arrays.copyOf(out, length), s.sampleRate());
    }
  }

  /**
   * Writes a mono signal as WAV atomically (temporary file in the same folder, then rename).
   * Refuses when the target is one of {@code inputs} or a file this process is reading; replaces
   * any other existing file.
   */
  public static void writeWav(Path target, AudioSignal signal, WavEncoding encoding, Path... inputs)
      throws TseException {
    try (WavWriter w = WavWriter.create(target, signal.sampleRate(), 1, encoding, inputs)) {
      w.writeMono(signal.samples(), signal.length());
      w.commit();
    }
  }
}
