package org.tsestudio.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobSpec;

/**
 * The training form: {@code python -m tsestudio.train --config C --run-dir R [--resume]}, with the
 * shipped {@code config_v7.yaml} / {@code config_v8.yaml} or the user's own config.
 */
public final class TrainJobForm {

  public static final List<String> CONFIGS = List.of("v7", "v8");

  private final StringProperty config = new SimpleStringProperty(this, "config", "v8");
  private final StringProperty runDir = new SimpleStringProperty(this, "runDir", "runs/v8");
  private final BooleanProperty resume = new SimpleBooleanProperty(this, "resume", false);
  private final StringProperty extra = new SimpleStringProperty(this, "extra", "");

  public TrainJobForm() {
    config.addListener(
        (o, was, now) -> {
          if (runDir.get().equals("runs/" + was) && CONFIGS.contains(now)) {
            runDir.set("runs/" + now);
          }
        });
  }

  /** The shipped config of a model, {@code training/python/configs/config_<model>.yaml}. */
  static Path shippedConfig(Path root, String model) {
    return root.resolve("training")
        .resolve("python")
        .resolve("configs")
        .resolve("config_" + model + ".yaml");
  }

  /** The job to launch, with every path made absolute under {@code root}. */
  public JobSpec toSpec(Path root) throws TseException {
    String c = config.get() == null ? "" : config.get().strip();
    Path configFile =
        CONFIGS.contains(c)
            ? JobArgs.existingFile(root, shippedConfig(root, c).toString(), "config")
            : JobArgs.existingFile(root, c, "config");
    Path run = JobArgs.path(root, runDir.get(), "run folder");
    List<String> args =
        new ArrayList<>(List.of("--config", configFile.toString(), "--run-dir", run.toString()));
    args.addAll(JobArgs.extra(extra.get()));
    if (resume.get()) {
      if (!Files.isRegularFile(run.resolve("last.pt"))) {
        throw new TseException(run + ": no last.pt to resume from (untick Resume to start anew)");
      }
      // Last, with no value: the trainer then continues from RUN_DIR/last.pt.
      args.add("--resume");
    }
    return new JobSpec(
        JobKind.TRAIN,
        args,
        run,
        "train " + run.getFileName() + (resume.get() ? " (resumed)" : ""));
  }

  /** {@code v7}, {@code v8} or a config YAML. */
  public StringProperty configProperty() {
    return config;
  }

  public StringProperty runDirProperty() {
    return runDir;
  }

  /** Continue from the run folder's {@code last.pt}. */
  public BooleanProperty resumeProperty() {
    return resume;
  }

  /** Further options, e.g. {@code --max-minutes 60 --set batch_size=4}. */
  public StringProperty extraProperty() {
    return extra;
  }
}
