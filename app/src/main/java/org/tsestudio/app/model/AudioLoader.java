package org.tsestudio.app.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;

/** Reads audio files into clips through the engine (WAV, FLAC, MP3; mixed down to mono). */
public class AudioLoader {
  public static final Set<String> EXTENSIONS = Set.of("wav", "flac", "mp3");

  public Clip load(Path file, String label) throws TseException {
    return new Clip(label, file, AudioFiles.readMono(file));
  }

  public static boolean isAudio(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** The file name without its extension, used to name outputs after their mixture. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
