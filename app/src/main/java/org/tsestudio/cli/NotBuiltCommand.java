package org.tsestudio.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command that is planned but not built yet: it is listed in {@code tse --help} so that the
 * command set is visible, and running it says so and exits with code {@value #NOT_BUILT}.
 */
@Command
final class NotBuiltCommand implements Callable<Integer> {
  /** Exit code of a planned command, apart from 1 (failed) so that scripts can tell. */
  static final int NOT_BUILT = 2;

  private final String name;
  private final String description;

  @Unmatched List<String> ignored;

  @Spec CommandSpec spec;

  private NotBuiltCommand(String name, String description) {
    this.name = name;
    this.description = description;
  }

  static List<NotBuiltCommand> all() {
    return List.of(
        new NotBuiltCommand("extract", "Extract the target speaker from a mixture."),
        new NotBuiltCommand("dataset", "Build speech corpora and mixture sets for training."),
        new NotBuiltCommand("train", "Train a model (v7 or v8)."),
        new NotBuiltCommand("eval", "Evaluate a model on a test set."),
        new NotBuiltCommand("bench", "Measure extraction speed and memory."));
  }

  String name() {
    return name;
  }

  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    cl.getCommandSpec().name(name);
    cl.getCommandSpec().usageMessage().description(description + " (not built yet)");
    return cl;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("tse: '" + name + "' is not built yet");
    spec.commandLine().getErr().flush();
    return NOT_BUILT;
  }
}
