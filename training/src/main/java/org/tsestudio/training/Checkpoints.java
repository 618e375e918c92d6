package org.tsestudio.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the checkpoint a stopped job can resume from. */
final class Checkpoints {

  private Checkpoints() {}

  /**
   * The checkpoint the job last reported, when that file exists; else the newest checkpoint file in
   * its run folder (a trainer killed hard may have saved one without being able to say so).
   */
  static Path latest(JobRecord record) {
    Path reported = record.lastCheckpoint();
    Optional<Path> found = newestIn(record.runDir());
    if (reported != null && exists(reported)) {
      boolean newer = found.isPresent() && modified(found.get()).compareTo(modified(reported)) > 0;
      return newer ? found.get() : reported;
    }
    return found.orElse(null);
  }

  /**
   * The trainer's {@code last.pt} in {@code runDir} when it is there; else the newest {@code *.pt}
   * or {@code *.ckpt} file in {@code runDir} or one folder below it, leaving out exported models (a
   * {@code .pt} with a model card {@code .json} beside it).
   */
  static Optional<Path> newestIn(Path runDir) {
    if (runDir == null || !Files.isDirectory(runDir)) {
      return Optional.empty();
    }
    Path last = runDir.resolve("last.pt");
    if (exists(last)) {
      return Optional.of(last);
    }
    try (Stream<Path> files = Files.walk(runDir, 2)) {
      return files
          .filter(Files::isRegularFile)
          .filter(Checkpoints::isCheckpoint)
          .max(Comparator.comparing(Checkpoints::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether a checkpoint is on disk: as one file, or split into {@code NAME.part000}, ... (the
   * trainer splits large checkpoints so each part fits a transfer limit).
   */
  static boolean exists(Path checkpoint) {
    return Files.isRegularFile(checkpoint) || Files.isRegularFile(firstPart(checkpoint));
  }

  private static Path firstPart(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + ".part000");
  }

  private static boolean isCheckpoint(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".ckpt")) {
      return true;
    }
    if (!name.endsWith(".pt")) {
      return false;
    }
    String card = name.substring(0, name.length() - 3) + ".json";
    return !Files.exists(file.resolveSibling(card));
  }

  private static FileTime modified(Path file) {
    if (!Files.exists(file) && Files.exists(firstPart(file))) {
      file = firstPart(file);
    }
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
