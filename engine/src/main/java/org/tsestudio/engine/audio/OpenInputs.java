package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The files this process is reading right now, so that a writer can refuse to replace one of them:
 * streaming a long file into itself would destroy the input half way through.
 *
 * <p>Files are identified by their file key (device and inode on Unix), which also catches the same
 * file reached through a symbolic or hard link.
 */
final class OpenInputs {
  private static final Map<Object, Integer> OPEN = new HashMap<>();

  private OpenInputs() {}

  /** A handle whose {@link #close()} ends the registration; closing twice is harmless. */
  static final class Registration implements AutoCloseable {
    private Object key;

    private Registration(Object key) {
      this.key = key;
    }

    @Override
    public void close() {
      synchronized (OPEN) {
        if (key != null) {
          OPEN.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
          key = null;
        }
      }
    }
  }

  static Registration register(Path file) {
    Object key = identity(file);
    synchronized (OPEN) {
      if (key != null) {
        OPEN.merge(key, 1, Integer::sum);
      }
    }
    return new Registration(key);
  }

  static boolean isOpen(Path file) {
    Object key = identity(file);
    synchronized (OPEN) {
      return key != null && OPEN.containsKey(key);
    }
  }

  /** The file key, or the real path where the file system has no keys; null if it is gone. */
  static Object identity(Path file) {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return key != null ? key : file.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }
}
