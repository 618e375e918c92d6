package org.tsestudio.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tsestudio.engine.TseException;

/**
 * Where the Python interpreter and the {@code tsestudio} package are. Training needs the
 * interpreter that has PyTorch: Debian's {@code /usr/bin/python3} here, or {@code $TSE_PYTHON}.
 *
 * @param executable the interpreter
 * @param pythonPath folders put on {@code PYTHONPATH}, the project's {@code training/python} first
 * @param workingDir the jobs' working folder: relative paths in their arguments, and in the shipped
 *     configs ({@code work-data/...}), resolve here
 */
public record PythonRuntime(Path executable, List<Path> pythonPath, Path workingDir) {

  /** Environment variable naming the interpreter to use instead of {@code /usr/bin/python3}. */
  public static final String PYTHON_ENV = "TSE_PYTHON";

  /** System property, then environment variable, naming the project's root folder. */
  public static final String HOME_PROPERTY = "tsestudio.home";

  public static final String HOME_ENV = "TSE_HOME";

  public PythonRuntime {
    pythonPath = List.copyOf(pythonPath);
  }

  /**
   * The interpreter from {@code $TSE_PYTHON} (else {@code /usr/bin/python3}, else {@code python3}
   * on the PATH) with the project's {@code training/python} on its path, working in the project
   * root (where the shipped configs' relative paths point).
   */
  public static PythonRuntime detect() throws TseException {
    Path root = projectRoot();
    return new PythonRuntime(
        defaultInterpreter(), List.of(root.resolve("training").resolve("python")), root);
  }

  /** The same runtime working in another folder (the CLI uses the user's current folder). */
  public PythonRuntime withWorkingDir(Path dir) {
    return new PythonRuntime(executable, pythonPath, dir.toAbsolutePath());
  }

  /** The same runtime with extra folders on {@code PYTHONPATH}. */
  public PythonRuntime withPythonPath(Path... extra) {
    List<Path> all = new ArrayList<>(pythonPath);
    all.addAll(List.of(extra));
    return new PythonRuntime(executable, all, workingDir);
  }

  /**
   * The project root: {@code -Dtsestudio.home}, {@code $TSE_HOME}, or the first parent of the
   * working folder that has {@code training/python}.
   */
  public static Path projectRoot() throws TseException {
    Optional<String> configured =
        Optional.ofNullable(System.getProperty(HOME_PROPERTY))
            .or(() -> Optional.ofNullable(System.getenv(HOME_ENV)));
    if (configured.isPresent()) {
      Path root = Path.of(configured.get()).toAbsolutePath();
      if (!Files.isDirectory(root.resolve("training").resolve("python"))) {
        throw new TseException(root + ": not a TSE Studio folder (no training/python in it)");
      }
      return root;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("training").resolve("python"))) {
        return dir;
      }
    }
    throw new TseException(
        Path.of("").toAbsolutePath()
            + ": cannot find the TSE Studio folder (set -D"
            + HOME_PROPERTY
            + " or $"
            + HOME_ENV
            + ")");
  }

  /** Checks that the interpreter exists, so a launch fails with a clear message. */
  void check() throws TseException {
    if (executable.getNameCount() > 1 && !Files.isExecutable(executable)) {
      throw new TseException(
          executable
              + ": Python interpreter not found (set $"
              + PYTHON_ENV
              + " to one with torch)");
    }
  }

  /** The command line that runs {@code python -u -m module args...}. */
  List<String> command(String module, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("-u"); // unbuffered stdout: each event reaches the app as soon as it is printed
    command.add("-m");
    command.add(module);
    command.addAll(args);
    return command;
  }

  /** Adds {@code PYTHONPATH} (before any inherited one) to a process environment. */
  void applyTo(Map<String, String> environment) {
    String own =
        pythonPath.stream()
            .map(p -> p.toAbsolutePath().toString())
            .collect(Collectors.joining(java.io.File.pathSeparator));
    String inherited = environment.get("PYTHONPATH");
    environment.put(
        "PYTHONPATH",
        inherited == null || inherited.isBlank()
            ? own
            : own + java.io.File.pathSeparator + inherited);
    environment.put("PYTHONUNBUFFERED", "1");
    environment.put("PYTHONIOENCODING", "utf-8");
  }

  private static Path defaultInterpreter() {
    String configured = System.getenv(PYTHON_ENV);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/bin/python3");
    return Files.isExecutable(debian) ? debian : Path.of("python3");
  }
}
