package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tsestudio.engine.TseException;

/**
 * The validated header of a RIFF/WAVE file: where the samples are and how they are stored.
 *
 * <p>Every size the file states is checked against the real file size before it is used, and the
 * only buffers allocated from header fields are bounded by constants, so a lying header can neither
 * send the reader past the end of the file nor make it allocate more than the file holds.
 */
record WavHeader(SampleFormat format, int channels, int sampleRate, long dataOffset, long frames) {

  static final int MIN_RATE = 1000;
  static final int MAX_RATE = 768_000;
  static final int MAX_CHANNELS = 1024;
  private static final int MAX_FMT_BYTES = 4096;
  private static final int MAX_CHUNKS = 100_000;
  private static final int WAVE_FORMAT_PCM = 0x0001;
  private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
  private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
  // Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID derived from a format tag.
  private static final byte[] GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  int blockAlign() {
    return channels * format.bytesPerSample();
  }

  static WavHeader read(Path file, FileChannel ch) throws TseException, IOException {
    long fileSize = ch.size();
    ByteBuffer riff = readAt(ch, 0, 12);
    String magic = fourCc(riff, 0);
    if (magic.equals("RIFX")) {
      throw TseException.forFile(file, "big-endian WAV (RIFX) is not supported");
    }
    if (magic.equals("RF64")) {
      throw TseException.forFile(file, "RF64 WAV (over 4 GB) is not supported");
    }
    if (riff.remaining() < 12 || !magic.equals("RIFF") || !fourCc(riff, 8).equals("WAVE")) {
      throw TseException.forFile(file, "not a WAV file (no RIFF/WAVE header)");
    }
    long riffEnd = 8 + u32(riff, 4);
    // One byte of slack: some writers count a final pad byte they never wrote.
    if (riffEnd > fileSize + 1) {
      throw TseException.forFile(
          file,
          "truncated WAV (RIFF header claims " + riffEnd + " bytes, file has " + fileSize + ")");
    }
    long limit = Math.min(riffEnd, fileSize);
    Format fmt = null;
    long pos = 12;
    for (int chunks = 0; pos + 8 <= limit; chunks++) {
      if (chunks > MAX_CHUNKS) {
        throw TseException.forFile(file, "WAV has more than " + MAX_CHUNKS + " chunks before data");
      }
      ByteBuffer head = readAt(ch, pos, 8);
      String id = fourCc(head, 0);
      long size = u32(head, 4);
      long body = pos + 8;
      long present = Math.max(0, limit - body);
      if (id.equals("data")) {
        if (fmt == null) {
          throw TseException.forFile(file, "WAV data chunk comes before its fmt chunk");
        }
        if (size > present) {
          throw TseException.forFile(
              file,
              "truncated WAV (data chunk claims " + size + " bytes, " + present + " present)");
        }
        long frames = size / fmt.blockAlign;
        if (frames == 0) {
          throw TseException.forFile(file, "contains no audio (WAV data chunk is empty)");
        }
        return new WavHeader(fmt.format, fmt.channels, fmt.rate, body, frames);
      }
      if (size > present) {
        throw TseException.forFile(
            file,
            "truncated WAV ('"
                + printable(id)
                + "' chunk claims "
                + size
                + " bytes, "
                + present
                + " present)");
      }
      if (id.equals("fmt ")) {
        if (fmt != null) {
          throw TseException.forFile(file, "WAV has two fmt chunks");
        }
        if (size < 16 || size > MAX_FMT_BYTES) {
          throw TseException.forFile(
              file, "WAV fmt chunk has an invalid size (" + size + " bytes)");
        }
        fmt = parseFormat(file, readAt(ch, body, (int) Math.min(size, 40)));
      }
      pos = body + size + (size & 1);
    }
    throw TseException.forFile(
        file, fmt == null ? "not a valid WAV file (no fmt chunk)" : "WAV has no data chunk");
  }

  private record Format(SampleFormat format, int channels, int rate, int blockAlign) {}

  private static Format parseFormat(Path file, ByteBuffer b) throws TseException {
    int tag = u16(b, 0);
    int channels = u16(b, 2);
    long rate = u32(b, 4);
    int blockAlign = u16(b, 12);
    int bits = u16(b, 14);
    if (tag == WAVE_FORMAT_EXTENSIBLE) {
      if (b.limit() < 40 || u16(b, 16) < 22) {
        throw TseException.forFile(file, "WAV extensible fmt chunk is too short");
      }
      int validBits = u16(b, 18);
      if (validBits > bits) {
        throw TseException.forFile(
            file, "WAV claims " + validBits + " valid bits in " + bits + "-bit samples");
      }
      for (int i = 0; i < GUID_TAIL.length; i++) {
        if (b.get(26 + i) != GUID_TAIL[i]) {
          throw TseException.forFile(file, "unsupported WAV codec (unknown extensible sub-format)");
        }
      }
      tag = u16(b, 24);
    }
    if (channels == 0) {
      throw TseException.forFile(file, "WAV header says zero channels");
    }
    if (channels > MAX_CHANNELS) {
      throw TseException.forFile(
          file, "WAV header claims an implausible " + channels + " channels");
    }
    if (rate < MIN_RATE || rate > MAX_RATE) {
      throw TseException.forFile(
          file, "WAV header claims an implausible sample rate of " + rate + " Hz");
    }
    SampleFormat format = sampleFormat(file, tag, bits);
    if (blockAlign != channels * format.bytesPerSample()) {
      throw TseException.forFile(
          file,
          "WAV block align "
              + blockAlign
              + " does not match "
              + channels
              + " channels of "
              + format.bytesPerSample()
              + "-byte samples");
    }
    return new Format(format, channels, (int) rate, blockAlign);
  }

  private static SampleFormat sampleFormat(Path file, int tag, int bits) throws TseException {
    if (tag == WAVE_FORMAT_PCM) {
      // Samples of 12 or 20 bits are stored in whole bytes; the container size is what matters.
      switch ((bits + 7) / 8) {
        case 1:
          return SampleFormat.PCM_U8;
        case 2:
          return SampleFormat.PCM_S16;
        case 3:
          return SampleFormat.PCM_S24;
        case 4:
          return SampleFormat.PCM_S32;
        default:
          throw TseException.forFile(file, "unsupported WAV PCM bit depth " + bits);
      }
    }
    if (tag == WAVE_FORMAT_IEEE_FLOAT) {
      if (bits == 32) {
        return SampleFormat.FLOAT_32;
      }
      if (bits == 64) {
        return SampleFormat.FLOAT_64;
      }
      throw TseException.forFile(file, "unsupported WAV float bit depth " + bits);
    }
    throw TseException.forFile(file, "unsupported WAV codec " + WavCodecNames.describe(tag));
  }

  private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
    // A short read leaves the limit short; the accessors below then read zeros, and callers compare
    // every size with the file size anyway.
    return ByteIo.readAt(ch, pos, len);
  }

  private static String fourCc(ByteBuffer b, int at) {
    if (b.limit() < at + 4) {
      return "";
    }
    byte[] id = new byte[4];
    b.get(at, id);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  private static String printable(String id) {
    return id.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? id : "(binary id)";
  }

  private static int u16(ByteBuffer b, int at) {
    return b.limit() >= at + 2 ? Short.toUnsignedInt(b.getShort(at)) : 0;
  }

  private static long u32(ByteBuffer b, int at) {
    return b.limit() >= at + 4 ? Integer.toUnsignedLong(b.getInt(at)) : 0;
  }
}
