package org.tsestudio.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code tse studio}: starts the workstation. The {@code tse} launcher starts it directly; this
 * command serves {@code java -cp ... TseCli studio} and lists it in the help.
 */
@Command(name = "studio", description = "Start the TSE Studio workstation (JavaFX).")
final class StudioCommand implements Callable<Integer> {
  // Looked up by name: the workstation is built in this module in parallel with the CLI, and the
  // CLI must build and run without it.
  static final String LAUNCHER = "org.tsestudio.app.StudioLauncher";

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Method main;
    try {
      main = Class.forName(LAUNCHER).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new TseException("the studio is not part of this build (" + LAUNCHER + " is missing)");
    }
    try {
      main.invoke(null, (Object) args.toArray(new String[0]));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return 0;
  }
}
