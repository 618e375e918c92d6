package org.tsestudio.cli;

import java.io.PrintWriter;
import org.tsestudio.engine.TseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line {@code tse: <message>} on stderr and exit code 1. Only {@code
 * --debug} shows a stack trace: a user needs to know what went wrong with which file, not where in
 * the code it was noticed.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final TseCli root;

  ErrorReporter(TseCli root) {
    this.root = root;
  }

  /** Reports an error that a command handles itself and carries on after (one file of many). */
  static void report(PrintWriter err, Exception e, boolean debug) {
    err.println("tse: " + message(e));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    report(cmd.getErr(), e, root.debug());
    return TseCli.FAILED;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String help =
        cmd.getCommandName().equals("tse")
            ? "tse --help"
            : "tse " + cmd.getCommandName() + " --help";
    cmd.getErr().println("tse: " + e.getMessage() + " (see '" + help + "')");
    if (root.debug()) {
      e.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return TseCli.FAILED;
  }

  private static String message(Exception e) {
    if (e instanceof TseException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    // Anything else is a bug in TSE Studio, not a problem with the user's input.
    String detail =
        e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return "internal error ("
        + e.getClass().getSimpleName()
        + detail
        + "); run with --debug and report it";
  }
}
