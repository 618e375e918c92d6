package org.tsestudio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.tsestudio.engine.TseException;
import picocli.CommandLine;

/** Runs a subcommand as the tse CLI does and captures its exit code, stdout and stderr. */
final class CliRunner {

  record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof TseException) {
            commandLine.getErr().println("error: " + exception.getMessage());
            return 1;
          }
          throw exception;
        });
    int code = line.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
