package org.tsestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.JobRecord;
import org.tsestudio.training.JobSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tse train start|resume|list}: training runs as jobs the app also lists. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model (python -m tsestudio.train) and manage training jobs.",
    subcommands = {
      TrainCommand.Start.class,
      TrainCommand.Resume.class,
      TrainCommand.ListJobs.class
    })
public final class TrainCommand {

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start a training run. Other options (--set key=value, --max-minutes M) are passed to"
            + " python -m tsestudio.train. Ctrl-C stops it after it writes its checkpoint.",
      })
  static final class Start extends DatasetCommand.JobOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "YAML",
        description = "training config")
    Path config;

    @Option(names = "--run-dir", required = true, paramLabel = "DIR", description = "output folder")
    Path runDir;

    @Override
    public Integer call() throws TseException {
      Path run = runDir.toAbsolutePath();
      List<String> args =
          new ArrayList<>(
              List.of("--config", config.toAbsolutePath().toString(), "--run-dir", run.toString()));
      args.addAll(passThrough);
      return DatasetCommand.launch(
          this, spec, new JobSpec(JobKind.TRAIN, args, run, "train " + run.getFileName()));
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Continue a cancelled, failed or interrupted run from its last checkpoint.")
  static final class Resume extends DatasetCommand.JobOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "job id (see tse train list)")
    String id;

    @Override
    public Integer call() throws TseException {
      try (JobManager manager = JobConsole.openManager(stateDir)) {
        return JobConsole.follow(
            manager.resume(id), spec.commandLine().getOut(), spec.commandLine().getErr(), detach);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the jobs.")
  static final class ListJobs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "job list folder")
    Path stateDir;

    @Override
    public Integer call() throws TseException {
      PrintWriter out = spec.commandLine().getOut();
      try (JobManager manager = JobConsole.openManager(stateDir)) {
        for (JobRecord job : manager.jobs()) {
          String progress =
              job.progressTotal() > 0 ? job.progressDone() + "/" + job.progressTotal() : "";
          out.printf(
              Locale.ROOT,
              "%-30s %-11s %-10s %s %s%n",
              job.id(),
              job.state().name().toLowerCase(Locale.ROOT),
              progress,
              job.runDir(),
              job.message());
        }
      }
      out.flush();
      return 0;
    }
  }
}
