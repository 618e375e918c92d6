package org.tsestudio.training;

import java.util.Objects;

/**
 * What a job runs: a Python module started as {@code python -m module}. Kept as a value (not an
 * enum) so that the registry can persist it and tests can run their own small event script.
 *
 * @param name short name used in job ids and lists, e.g. {@code train}
 * @param module the Python module, e.g. {@code tsestudio.train}
 * @param resumeFlag the option that makes the module continue from a checkpoint, or {@code null}
 *     when the job cannot resume
 */
public record JobKind(String name, String module, String resumeFlag) {

  /** Trains a model: {@code python -m tsestudio.train}; resumes with {@code --resume CKPT}. */
  public static final JobKind TRAIN = new JobKind("train", "tsestudio.train", "--resume");

  /** Renders a static mixture set: {@code python -m tsestudio.data.generate}. */
  public static final JobKind GENERATE_DATA =
      new JobKind("generate", "tsestudio.data.generate", null);

  /** Builds a speech/noise corpus: {@code python -m tsestudio.data.build_corpus}. */
  public static final JobKind BUILD_CORPUS =
      new JobKind("corpus", "tsestudio.data.build_corpus", null);

  /** Exports a checkpoint as TorchScript plus model card: {@code python -m tsestudio.export}. */
  public static final JobKind EXPORT = new JobKind("export", "tsestudio.export", null);

  public JobKind {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
  }

  /** Whether a stopped job of this kind can continue from its last checkpoint. */
  public boolean resumable() {
    return resumeFlag != null;
  }
}
