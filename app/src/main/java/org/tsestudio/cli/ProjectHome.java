package org.tsestudio.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsestudio.engine.TseException;

/**
 * The installation folder (with {@code resources/}): {@code -Dtsestudio.home}, {@code $TSE_HOME},
 * or the first parent of the working folder or of this program's jar that has {@code resources/}.
 */
final class ProjectHome {

  private ProjectHome() {}

  static Path find() throws TseException {
    String configured = System.getProperty("tsestudio.home", System.getenv("TSE_HOME"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(
          Path.of(ProjectHome.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // unusual class loader: the working folder is enough
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("resources").resolve("examples"))) {
          return dir;
        }
      }
    }
    throw new TseException(
        starts.get(0) + ": cannot find the TSE Studio folder (set -Dtsestudio.home or $TSE_HOME)");
  }
}
