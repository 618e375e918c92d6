package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.tsestudio.engine.TseException;

/**
 * The STREAMINFO of a FLAC file and where its first audio frame starts, parsed and checked here
 * rather than by the decoder library: the other metadata blocks (pictures, tags) are skipped by
 * their checked lengths and never handed to it, so a lying tag cannot make it allocate.
 *
 * @param streamInfo the 34-byte STREAMINFO block body, which the decoder needs
 * @param audioOffset file offset of the first audio frame
 */
record FlacHeader(
    int sampleRate,
    int channels,
    int bitsPerSample,
    long frames,
    byte[] streamInfo,
    long audioOffset) {

  private static final int STREAMINFO = 0;
  private static final int STREAMINFO_BYTES = 34;
  private static final int INVALID_BLOCK_TYPE = 127;

  /** Reads the header of a FLAC stream whose "fLaC" marker is at {@code start}. */
  static FlacHeader read(Path file, FileChannel ch, long start) throws TseException, IOException {
    long size = ch.size();
    long pos = start + 4;
    byte[] info = null;
    boolean last = false;
    while (!last) {
      ByteBuffer head = ByteIo.readAt(ch, pos, 4);
      if (head.limit() < 4) {
        throw TseException.forFile(file, "truncated FLAC header");
      }
      int first = head.get(0) & 0xFF;
      last = (first & 0x80) != 0;
      int type = first & 0x7F;
      long length =
          ((head.get(1) & 0xFF) << 16) | ((head.get(2) & 0xFF) << 8) | (head.get(3) & 0xFF);
      long body = pos + 4;
      if (type == INVALID_BLOCK_TYPE || body + length > size) {
        throw TseException.forFile(file, "corrupt FLAC metadata (block at byte " + pos + ")");
      }
      if (info == null) {
        if (type != STREAMINFO || length != STREAMINFO_BYTES) {
          throw TseException.forFile(file, "corrupt FLAC header (no STREAMINFO block first)");
        }
        ByteBuffer b = ByteIo.readAt(ch, body, STREAMINFO_BYTES);
        info = new byte[STREAMINFO_BYTES];
        b.get(0, info);
      }
      pos = body + length;
    }
    return parse(file, info, pos, size);
  }

  private static FlacHeader parse(Path file, byte[] info, long audioOffset, long size)
      throws TseException {
    // Bytes 10..17 pack: sample rate (20 bits), channels - 1 (3), bits - 1 (5), total samples (36).
    long packed = 0;
    for (int i = 10; i < 18; i++) {
      packed = (packed << 8) | (info[i] & 0xFF);
    }
    int rate = (int) (packed >>> 44);
    int channels = (int) ((packed >>> 41) & 0x7) + 1;
    int bits = (int) ((packed >>> 36) & 0x1F) + 1;
    long total = packed & 0xF_FFFF_FFFFL;
    if (rate < WavHeader.MIN_RATE || rate > WavHeader.MAX_RATE) {
      throw TseException.forFile(
          file, "FLAC header claims an implausible sample rate of " + rate + " Hz");
    }
    if (bits < 4 || bits > 24) {
      throw TseException.forFile(
          file, "unsupported FLAC bit depth " + bits + " (4 to 24 supported)");
    }
    if (audioOffset >= size) {
      throw TseException.forFile(file, "contains no audio (FLAC file has no frames)");
    }
    return new FlacHeader(
        rate, channels, bits, total == 0 ? AudioFileInfo.UNKNOWN_FRAMES : total, info, audioOffset);
  }

  AudioFileInfo info(Path file) {
    return new AudioFileInfo(
        file,
        AudioContainer.FLAC,
        "FLAC " + bitsPerSample + "-bit",
        sampleRate,
        channels,
        bitsPerSample,
        frames);
  }
}
