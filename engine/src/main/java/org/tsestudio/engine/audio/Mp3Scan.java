package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tsestudio.engine.TseException;

/**
 * Finds the MPEG audio frames of a file by walking their headers, which gives the exact frame count
 * without decoding. A stream is accepted only where two consecutive frame headers agree, so that
 * random bytes that happen to look like one header are not taken for audio.
 *
 * @param first header of the first audio frame
 * @param firstOffset file offset of the first frame (after tags and junk)
 * @param infoFrame whether the first frame is a Xing/Info/VBRI tag frame that holds no audio
 * @param audioFrames MPEG frames holding audio (not counting the tag frame)
 * @param endOffset file offset just past the last whole frame
 */
record Mp3Scan(
    Mp3FrameHeader first, long firstOffset, boolean infoFrame, long audioFrames, long endOffset) {

  private static final int SEARCH_BYTES = 64 * 1024;

  long frames() {
    return audioFrames * first.samplesPerFrame();
  }

  AudioFileInfo info(Path file) {
    return new AudioFileInfo(
        file,
        AudioContainer.MP3,
        first.describe(),
        first.sampleRate(),
        first.channels(),
        16,
        frames());
  }

  /** Offset of the first frame of an MPEG stream near {@code start}, or -1 if there is none. */
  static long findFirstFrame(FileChannel ch, long start) throws IOException {
    long size = ch.size();
    ByteBuffer window = ByteIo.readAt(ch, start, SEARCH_BYTES + 4).order(ByteOrder.BIG_ENDIAN);
    for (int p = 0; p + 4 <= window.limit(); p++) {
      if ((window.get(p) & 0xFF) != 0xFF) {
        continue;
      }
      Mp3FrameHeader h = Mp3FrameHeader.parse(window.getInt(p));
      if (h == null) {
        continue;
      }
      long next = start + p + h.length();
      if (next == size || h.sameStream(headerAt(ch, next))) {
        return start + p;
      }
    }
    return -1;
  }

  static Mp3Scan scan(Path file, FileChannel ch, long start) throws TseException, IOException {
    long firstOffset = findFirstFrame(ch, start);
    if (firstOffset < 0) {
      throw TseException.forFile(file, "not a valid MP3 file (no MPEG audio frames found)");
    }
    long size = ch.size();
    Mp3FrameHeader first = headerAt(ch, firstOffset);
    boolean infoFrame = isTagFrame(ch, firstOffset, first);
    long count = 0;
    long pos = firstOffset;
    // Reads headers through a window so that an hour of frames takes a few hundred reads, not 10^5.
    HeaderReader reader = new HeaderReader(ch);
    while (pos + 4 <= size) {
      Mp3FrameHeader h = Mp3FrameHeader.parse(reader.intAt(pos));
      // Stops at trailing tags (ID3v1, APE), junk or a cut-off final frame.
      if (!first.sameStream(h) || pos + h.length() > size) {
        break;
      }
      count++;
      pos += h.length();
    }
    long audioFrames = count - (infoFrame ? 1 : 0);
    if (audioFrames <= 0) {
      throw TseException.forFile(file, "contains no audio (MP3 has no audio frames)");
    }
    return new Mp3Scan(first, firstOffset, infoFrame, audioFrames, pos);
  }

  private static Mp3FrameHeader headerAt(FileChannel ch, long pos) throws IOException {
    ByteBuffer b = ByteIo.readAt(ch, pos, 4);
    return b.limit() < 4 ? null : Mp3FrameHeader.parse(Integer.reverseBytes(b.getInt(0)));
  }

  // Encoders put the stream length and gapless data in a first frame of silence tagged "Xing" or
  // "Info" after the side information, or "VBRI" at a fixed offset; it is no audio.
  private static boolean isTagFrame(FileChannel ch, long pos, Mp3FrameHeader h) throws IOException {
    ByteBuffer b = ByteIo.readAt(ch, pos, Math.min(h.length(), 64));
    boolean crc = b.limit() > 1 && (b.get(1) & 1) == 0;
    int xing = 4 + (crc ? 2 : 0) + h.sideInfoBytes();
    String tag = fourCc(b, xing);
    return tag.equals("Xing") || tag.equals("Info") || fourCc(b, 36).equals("VBRI");
  }

  private static String fourCc(ByteBuffer b, int at) {
    if (b.limit() < at + 4) {
      return "";
    }
    byte[] id = new byte[4];
    b.get(at, id);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /** Big-endian 32-bit reads at increasing offsets through a 64 KiB window. */
  private static final class HeaderReader {
    private final FileChannel ch;
    private final ByteBuffer window = ByteBuffer.allocate(SEARCH_BYTES).order(ByteOrder.BIG_ENDIAN);
    private long windowStart = -1;

    HeaderReader(FileChannel ch) {
      this.ch = ch;
    }

    int intAt(long pos) throws IOException {
      if (windowStart < 0 || pos < windowStart || pos + 4 > windowStart + window.limit()) {
        ByteIo.readInto(ch, pos, window);
        windowStart = pos;
        if (window.limit() < 4) {
          return 0;
        }
      }
      return window.getInt((int) (pos - windowStart));
    }
  }
}
