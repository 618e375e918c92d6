package org.tsestudio.engine.inference;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tsestudio.engine.TseException;

/**
 * A model on disk: the TorchScript file and its model card, found from what a user types: an
 * embedded model name ({@code v7}, {@code v8}, shipped in {@code resources/models/}) or a path to
 * either file (the other one has the same name with the other extension).
 *
 * @param card the model card ({@code .json})
 * @param torchScript the TorchScript file ({@code .pt})
 */
public record ModelFiles(Path card, Path torchScript) {

  /** Names of the models shipped with the application. */
  public static final Set<String> EMBEDDED = Set.of("v7", "v8");

  /** System property, then environment variable, naming the installation folder. */
  public static final String HOME_PROPERTY = "tsestudio.home";

  public static final String HOME_ENV = "TSE_HOME";

  /** Finds the files for {@code model}: an embedded name or a path. */
  public static ModelFiles resolve(String model) throws TseException {
    String key = model.strip();
    if (EMBEDDED.contains(key.toLowerCase(Locale.ROOT))) {
      Path dir = embeddedModelsDir(key);
      return of(dir.resolve(key.toLowerCase(Locale.ROOT) + ".json"));
    }
    return of(Path.of(key));
  }

  /** The files for a path to a card or a TorchScript file. */
  public static ModelFiles of(Path path) throws TseException {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!extension.equals("json") && !extension.equals("pt")) {
      throw new TseException(
          path + ": not a model (give v7, v8, a model card .json or a TorchScript .pt)");
    }
    String base = name.substring(0, dot);
    Path card = path.resolveSibling(base + ".json");
    Path torchScript = path.resolveSibling(base + ".pt");
    if (!Files.isRegularFile(torchScript)) {
      throw new TseException(torchScript + ": model file not found");
    }
    if (!Files.isRegularFile(card)) {
      throw new TseException(card + ": model card not found (it must sit beside " + base + ".pt)");
    }
    return new ModelFiles(card, torchScript);
  }

  /** Reads the card and checks that it belongs to this TorchScript file (SHA-256). */
  public ModelCard readVerifiedCard() throws TseException {
    ModelCard card = ModelCard.read(this.card);
    String actual = sha256(torchScript);
    if (!actual.equals(card.sha256())) {
      throw new TseException(
          torchScript
              + ": SHA-256 "
              + actual.substring(0, 12)
              + "... does not match its model card "
              + this.card.getFileName()
              + " ("
              + card.sha256().substring(0, 12)
              + "...): the file is damaged or belongs to another card");
    }
    return card;
  }

  /** Hex SHA-256 of a file. */
  public static String sha256(Path file) throws TseException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchFileException e) {
      throw new TseException(file + ": model file not found");
    } catch (IOException e) {
      throw new TseException(file + ": cannot read (" + e.getMessage() + ")");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The shipped models' folder: {@code resources/models} under {@code -Dtsestudio.home} or {@code
   * $TSE_HOME}, else under the first parent of the working folder or of the engine's jar that has
   * one.
   */
  static Path embeddedModelsDir(String model) throws TseException {
    String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).resolve("resources").resolve("models");
    }
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(
          Path.of(ModelFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // no code location (unusual class loader): the working folder is enough
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path models = dir.resolve("resources").resolve("models");
        if (Files.isDirectory(models)) {
          return models;
        }
      }
    }
    throw new TseException(
        model
            + ": cannot find the shipped models (no resources/models above "
            + starts.get(0)
            + "; set -D"
            + HOME_PROPERTY
            + ")");
  }
}
