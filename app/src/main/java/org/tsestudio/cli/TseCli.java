package org.tsestudio.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tse} command line: audio information and metrics, extraction, data sets, training,
 * evaluation and benchmarks. Errors print one line {@code tse: <message>} on stderr and exit with
 * code 1; {@code --debug} adds the stack trace.
 */
@Command(
    name = "tse",
    mixinStandardHelpOptions = true,
    versionProvider = TseCli.Version.class,
    description = "TSE Studio: target speaker extraction from the command line.",
    subcommands = {
      InfoCommand.class,
      MetricsCommand.class,
      StudioCommand.class,
      ExtractCommand.class,
      EvalCommand.class,
      CompareCommand.class,
      BenchCommand.class,
      DatasetCommand.class,
      TrainCommand.class
    })
public final class TseCli implements Runnable {
  /** Exit code of a command that failed; usage errors included. */
  public static final int FAILED = 1;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  boolean debug;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // Print through the real standard output; System.out itself is filtered against libraries
    // that write debug lines to it (which would mix into what scripts parse).
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset());
    LibraryChatterFilter.install();
    PrintWriter out = new PrintWriter(stdout, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given streams; returns the exit code. Used by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    TseCli root = new TseCli();
    CommandLine cli = new CommandLine(root);
    for (NotBuiltCommand planned : NotBuiltCommand.all()) {
      cli.addSubcommand(planned.name(), planned.commandLine());
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new ErrorReporter(root));
    cli.setExecutionExceptionHandler(new ErrorReporter(root));
    return cli.execute(args);
  }

  /** With no command: say what the commands are, as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
  }

  boolean debug() {
    return debug;
  }

  /** Whether {@code --debug} was given, from any (sub)command's spec. */
  static boolean debug(CommandSpec spec) {
    return spec.root().userObject() instanceof TseCli root && root.debug();
  }

  private static Charset charset() {
    String encoding =
        System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    try {
      return encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** The version from the jar manifest, or a marker when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TseCli.class.getPackage().getImplementationVersion();
      return new String[] {"tse " + (v == null ? "(development build)" : v)};
    }
  }
}
