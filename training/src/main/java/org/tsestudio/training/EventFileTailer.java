package org.tsestudio.training;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines another process appends to a file. The job's stdout goes to a file rather than a
 * pipe so that the Python process outlives an app crash (a closed pipe would kill it on its next
 * print) and a restarted app can pick up the same stream again.
 */
final class EventFileTailer implements Closeable {

  private final Path file;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private FileChannel channel;
  private long position;

  /** Starts reading {@code file} at byte {@code offset} (where the current attempt begins). */
  EventFileTailer(Path file, long offset) {
    this.file = file;
    this.position = offset;
  }

  /** The byte position up to which lines have been read (complete or held back as partial). */
  long position() {
    return position;
  }

  /**
   * The complete lines appended since the last call. A line still being written (no newline yet) is
   * held back, unless {@code flushPartial} says the writer has ended.
   */
  List<String> readNewLines(boolean flushPartial) throws IOException {
    List<String> lines = new ArrayList<>();
    if (channel == null) {
      if (!Files.exists(file)) {
        return lines;
      }
      channel = FileChannel.open(file, StandardOpenOption.READ);
    }
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      position += read;
      byte[] bytes = buffer.array();
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          lines.add(takeLine());
        } else {
          partial.write(bytes[i]);
        }
      }
    }
    if (flushPartial && partial.size() > 0) {
      lines.add(takeLine());
    }
    return lines;
  }

  private String takeLine() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
