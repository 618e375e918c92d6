package org.tsestudio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.tsestudio.engine.TseException;

/** Expands command-line audio arguments: files as given, folders to the audio files in them. */
final class AudioInputs {

  /** Extensions the engine decodes. */
  static final Set<String> EXTENSIONS = Set.of("wav", "flac", "mp3");

  private AudioInputs() {}

  /** The files named and the audio files directly inside the folders named, each folder sorted. */
  static List<Path> expand(List<Path> arguments) throws TseException {
    List<Path> files = new ArrayList<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        List<Path> inFolder;
        try (Stream<Path> entries = Files.list(argument)) {
          inFolder =
              entries.filter(Files::isRegularFile).filter(AudioInputs::isAudio).sorted().toList();
        } catch (IOException e) {
          throw new TseException(argument + ": cannot list the folder (" + e.getMessage() + ")");
        }
        if (inFolder.isEmpty()) {
          throw new TseException(argument + ": no .wav, .flac or .mp3 files in this folder");
        }
        files.addAll(inFolder);
      } else if (Files.isRegularFile(argument)) {
        files.add(argument);
      } else {
        throw new TseException(argument + ": file not found");
      }
    }
    return files;
  }

  static boolean isAudio(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }
}
