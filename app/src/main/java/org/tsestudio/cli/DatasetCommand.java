package org.tsestudio.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.JobSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code tse dataset corpus|generate}: the Python data jobs, with progress, in the job list. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Build speech corpora and render static mixture sets (Python jobs).",
    subcommands = {DatasetCommand.Corpus.class, DatasetCommand.Generate.class})
public final class DatasetCommand {

  /** Options every job command shares. */
  static class JobOptions {
    @Option(
        names = "--state-dir",
        paramLabel = "DIR",
        description = "job list folder (default: $TSE_STATE_DIR or ~/.tsestudio)")
    Path stateDir;

    @Option(names = "--detach", description = "start the job and return; it keeps running")
    boolean detach;

    @Unmatched List<String> passThrough = new ArrayList<>();
  }

  @Command(
      name = "corpus",
      mixinStandardHelpOptions = true,
      description = {
        "Build a speaker-labelled corpus (python -m tsestudio.data.build_corpus).",
        "Other options (--engines, --human, --variants, --utts, --rirs, --noise, --jobs, ...) are"
            + " passed to it; see python -m tsestudio.data.build_corpus --help."
      })
  static final class Corpus extends JobOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "corpus folder")
    Path out;

    @Override
    public Integer call() throws TseException {
      return launchWritingTo(this, spec, JobKind.BUILD_CORPUS, out, "corpus");
    }
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Render a static mixture set (python -m tsestudio.data.generate): --corpus C --recipe"
            + " v7|v8|FILE --split train|valid|test|real_valid [--count N] [--seed S] [--jobs J].",
        "Those options are passed to it as given."
      })
  static final class Generate extends JobOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws TseException {
      return launchWritingTo(this, spec, JobKind.GENERATE_DATA, out, "mixtures");
    }
  }

  /**
   * Starts a data job whose run folder is its {@code --out} folder, passing the other options on
   * unchanged; the job list calls it "{@code what} <folder name>".
   */
  private static int launchWritingTo(
      JobOptions options, CommandSpec spec, JobKind kind, Path out, String what)
      throws TseException {
    List<String> args = new ArrayList<>(List.of("--out", out.toAbsolutePath().toString()));
    args.addAll(options.passThrough);
    return launch(
        options,
        spec,
        new JobSpec(kind, args, out.toAbsolutePath(), what + " " + out.getFileName()));
  }

  static int launch(JobOptions options, CommandSpec spec, JobSpec job) throws TseException {
    try (JobManager manager = JobConsole.openManager(options.stateDir)) {
      return JobConsole.follow(
          manager.start(job),
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          options.detach);
    }
  }
}
