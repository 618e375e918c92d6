package org.tsestudio.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.tsestudio.engine.TseException;

/**
 * A file written under a temporary name in the target's folder and renamed onto the target when
 * complete. The rename is atomic within one folder, so readers see the old file or the new one,
 * never a part; and inputs of the computation are refused as targets.
 */
final class AtomicOutput {
  private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS =
      PosixFilePermissions.fromString("rw-r--r--");

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final Path[] inputs;

  private AtomicOutput(Path target, Path temp, FileChannel channel, Path[] inputs) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.inputs = inputs.clone();
  }

  static AtomicOutput create(Path target, Path... inputs) throws TseException {
    refuseUnsafeTarget(target, inputs);
    Path folder = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".part");
      return new AtomicOutput(
          target, temp, FileChannel.open(temp, StandardOpenOption.WRITE), inputs);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw TseException.forFile(target, "cannot create file (" + e.getMessage() + ")", e);
    }
  }

  /** The checks a writer makes before it starts and again before it renames. */
  static void refuseUnsafeTarget(Path target, Path... inputs) throws TseException {
    if (Files.isDirectory(target)) {
      throw TseException.forFile(target, "is a folder; give a file name for the output");
    }
    Path folder = target.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw TseException.forFile(target, "cannot write: folder " + folder + " does not exist");
    }
    Object targetId = OpenInputs.identity(target);
    for (Path input : inputs) {
      boolean same =
          target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())
              || (targetId != null && targetId.equals(OpenInputs.identity(input)));
      if (same) {
        throw TseException.forFile(
            target, "refusing to overwrite an input file; choose another output name");
      }
    }
    if (OpenInputs.isOpen(target)) {
      throw TseException.forFile(
          target, "refusing to overwrite a file that is being read; choose another output name");
    }
  }

  Path target() {
    return target;
  }

  void write(ByteBuffer b) throws TseException {
    try {
      while (b.hasRemaining()) {
        channel.write(b);
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  void writeAt(ByteBuffer b, long position) throws TseException {
    try {
      while (b.hasRemaining()) {
        channel.write(b, position + b.position());
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Flushes, closes and renames onto the target; on failure the temporary file is removed. */
  void commit() throws TseException {
    try {
      channel.force(true);
      channel.close();
      // An input may have been opened since create(); check again right before replacing.
      refuseUnsafeTarget(target, inputs);
      setPermissions();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      abort();
      throw TseException.forFile(
          target, "cannot replace the file in one step on this file system", e);
    } catch (IOException e) {
      abort();
      throw failure(e);
    } catch (TseException e) {
      abort();
      throw e;
    }
  }

  void abort() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // The file is deleted next; its contents no longer matter.
    }
    deleteQuietly(temp);
  }

  // Temporary files are created private (rw-------). A replaced file keeps its permissions; a new
  // one gets the usual rw-r--r--. File systems without POSIX permissions keep their defaults.
  private void setPermissions() throws IOException {
    try {
      Set<PosixFilePermission> wanted;
      try {
        wanted = Files.getPosixFilePermissions(target);
      } catch (IOException e) {
        wanted = DEFAULT_PERMISSIONS;
      }
      Files.setPosixFilePermissions(temp, wanted);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system.
    }
  }

  private TseException failure(Exception e) {
    return TseException.forFile(target, "write failed (" + e.getMessage() + ")", e);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // Best effort: a stray ".part" file is harmless and named after its target.
      }
    }
  }
}
