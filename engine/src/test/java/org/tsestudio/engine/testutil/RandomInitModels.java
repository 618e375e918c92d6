package org.tsestudio.engine.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Untrained models exported at test time by the real Python exporter ({@code python -m
 * tsestudio.export --random-init}), so that the engine is tested against real TorchScript before
 * trained models exist. Each export is kept under {@code target/test-models/} and redone only when
 * the Python sources or the export arguments change.
 */
public final class RandomInitModels {

  /** The default v7 (8 kHz, causal + cross-attention). */
  public static final Variant V7 = new Variant("v7", "v7");

  /** The default v8 (16 kHz, bidirectional U-Net). */
  public static final Variant V8 = new Variant("v8", "v8");

  /** A narrow v8 for pipeline tests that run many extractions on 2 CPU cores. */
  public static final Variant V8_SMALL =
      new Variant(
          "v8s",
          "v8",
          "--set",
          "enc_filters=64",
          "--set",
          "stage_dims=[32,32,32]",
          "--set",
          "ref_dim=32");

  /** A narrow v7. */
  public static final Variant V7_SMALL =
      new Variant("v7s", "v7", "--set", "enc_filters=64", "--set", "dim=32", "--set", "depth=3");

  public record Variant(String name, String model, String... sets) {}

  private RandomInitModels() {}

  /** The model card of the variant, exporting it first when needed. */
  public static synchronized Path card(Variant variant) throws IOException, InterruptedException {
    Path root = projectRoot();
    Path dir = root.resolve("engine/target/test-models").resolve(variant.name());
    Path card = dir.resolve(variant.name() + ".json");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "/usr/bin/python3",
            "-m",
            "tsestudio.export",
            "--random-init",
            "--model",
            variant.model(),
            "--name",
            variant.name(),
            "--seed",
            "0",
            "--out-dir",
            dir.toString()));
    command.addAll(List.of(variant.sets()));
    String stamp = stamp(root, command);
    Path stampFile = dir.resolve("stamp");
    if (Files.exists(card)
        && Files.exists(stampFile)
        && Files.readString(stampFile).equals(stamp)) {
      return card;
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PYTHONPATH", root.resolve("training/python").toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("export of " + variant.name() + " failed:\n" + output);
    }
    Files.writeString(stampFile, stamp);
    return card;
  }

  /** The repository root (tests run in engine/). */
  public static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("training/python/tsestudio"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "training/python not found above " + Path.of("").toAbsolutePath());
  }

  /** Hash of the exporter's sources and the command, so a changed model is re-exported. */
  private static String stamp(Path root, List<String> command) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(" ", command).getBytes(StandardCharsets.UTF_8));
      List<Path> sources;
      try (Stream<Path> files = Files.walk(root.resolve("training/python/tsestudio"))) {
        sources = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
      }
      for (Path source : sources) {
        digest.update(source.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(source));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
