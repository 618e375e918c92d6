package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Small positional reads used by the header parsers. */
final class ByteIo {
  private ByteIo() {}

  /**
   * Reads up to {@code len} bytes at {@code pos}. The result is little-endian and flipped; near the
   * end of the file its limit is below {@code len}, and callers check it.
   */
  static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
    return readInto(ch, pos, ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN));
  }

  /** As {@link #readAt} into a reused buffer (its whole capacity, keeping its byte order). */
  static ByteBuffer readInto(FileChannel ch, long pos, ByteBuffer b) throws IOException {
    b.clear();
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        break;
      }
    }
    return b.flip();
  }
}
