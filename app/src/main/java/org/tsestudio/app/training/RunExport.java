package org.tsestudio.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.inference.ModelFiles;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobRecord;
import org.tsestudio.training.JobSpec;

/**
 * "Register model": the export job that turns a run's best checkpoint into TorchScript plus model
 * card ({@code python -m tsestudio.export --checkpoint ... --out-dir RUN/export --name NAME}), and
 * where that card ends up.
 */
final class RunExport {
  static final String OUT_FOLDER = "export";

  private RunExport() {}

  /**
   * The export of a training job's run: {@code best.pt} (best validation SI-SDRi), else {@code
   * last.pt} when the run never validated.
   */
  static JobSpec spec(JobRecord training) throws TseException {
    if (!training.kind().equals(JobKind.TRAIN)) {
      throw new TseException(training.id() + ": only a training run can be registered as a model");
    }
    Path run = training.runDir();
    Path checkpoint = run.resolve("best.pt");
    if (!Files.isRegularFile(checkpoint)) {
      checkpoint = run.resolve("last.pt");
    }
    if (!Files.isRegularFile(checkpoint)) {
      throw new TseException(run + ": no best.pt or last.pt to export (train longer first)");
    }
    String name = modelName(run);
    Path out = run.resolve(OUT_FOLDER);
    return new JobSpec(
        JobKind.EXPORT,
        List.of("--checkpoint", checkpoint.toString(), "--out-dir", out.toString(), "--name", name),
        out,
        "export " + name + " (" + checkpoint.getFileName() + ")");
  }

  /** The model card an export job writes: {@code <out-dir>/<name>.json}. */
  static Path cardOf(JobRecord export) throws TseException {
    List<String> args = export.args();
    int out = args.indexOf("--out-dir");
    int name = args.indexOf("--name");
    if (out < 0 || name < 0 || out + 1 >= args.size() || name + 1 >= args.size()) {
      throw new TseException(
          export.id() + ": not an export job of TSE Studio (no --out-dir/--name)");
    }
    return Path.of(args.get(out + 1)).resolve(args.get(name + 1) + ".json");
  }

  /**
   * The run folder's name as a model name (file-name safe). A run named like a shipped model gets
   * "-run" appended, so its outputs never take the shipped model's place.
   */
  static String modelName(Path run) {
    String base = run.getFileName() == null ? "model" : run.getFileName().toString();
    String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.startsWith(".")) {
      safe = "model" + safe;
    }
    return ModelFiles.EMBEDDED.contains(safe.toLowerCase(Locale.ROOT)) ? safe + "-run" : safe;
  }
}
