package org.tsestudio.app.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;

/**
 * Reads and writes {@link Settings} as {@code settings.json} in the user's config folder. Writes go
 * through a temp file and a rename so a crash never leaves half a settings file behind.
 */
public final class SettingsStore {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
  private final Path file;

  public SettingsStore(Path file) {
    this.file = file;
  }

  /** The default location: -Dtse.config.dir, else $XDG_CONFIG_HOME/tse-studio, else ~/.config. */
  public static SettingsStore inUserConfigDir() {
    String override = System.getProperty("tse.config.dir");
    Path dir;
    if (override != null && !override.isBlank()) {
      dir = Path.of(override);
    } else {
      String xdg = System.getenv("XDG_CONFIG_HOME");
      Path base =
          xdg != null && !xdg.isBlank()
              ? Path.of(xdg)
              : Path.of(System.getProperty("user.home"), ".config");
      dir = base.resolve("tse-studio");
    }
    return new SettingsStore(dir.resolve("settings.json"));
  }

  public Path file() {
    return file;
  }

  /**
   * Loads the settings; a missing file gives defaults. A damaged file also gives defaults (the
   * workstation must still start) and is reported through the returned problem text.
   */
  public Loaded load() {
    if (!Files.exists(file)) {
      return new Loaded(new Settings(), null);
    }
    try {
      Settings s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
      if (s == null) {
        return new Loaded(new Settings(), file + ": empty settings file, using defaults");
      }
      if (s.recentFiles == null) {
        s.recentFiles = new ArrayList<>();
      }
      if (s.registeredModels == null) {
        s.registeredModels = new ArrayList<>();
      }
      return new Loaded(s, null);
    } catch (IOException | JsonParseException e) {
      return new Loaded(new Settings(), file + ": unreadable settings, using defaults");
    }
  }

  /** Saves atomically. */
  public void save(Settings settings) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
    try {
      Files.writeString(tmp, GSON.toJson(settings), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Settings plus an optional problem to show the user once the window is up. */
  public record Loaded(Settings settings, String problem) {}
}
