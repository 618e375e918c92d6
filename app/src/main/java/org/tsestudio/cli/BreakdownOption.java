package org.tsestudio.cli;

import org.tsestudio.engine.TseException;
import picocli.CommandLine.Option;

/**
 * The {@code --by} option that {@code tse eval} and {@code tse compare} share (a picocli mixin).
 */
final class BreakdownOption {

  @Option(
      names = "--by",
      defaultValue = "group",
      paramLabel = "KEY",
      description =
          "break the results down by group (recorded, tts) or speaker (the target speaker; compare"
              + " needs CSVs written with the target_speaker column) (default: ${DEFAULT-VALUE})")
  String by;

  /** The breakdown asked for, or a one-line error naming the bad value. */
  Breakdown breakdown() throws TseException {
    return Breakdown.parse(by);
  }
}
