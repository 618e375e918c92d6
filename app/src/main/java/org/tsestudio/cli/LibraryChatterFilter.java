package org.tsestudio.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Drops what third-party decoders print to {@code System.out}: jFLAC 1.5.2 prints a debug line for
 * every escape-coded residual partition, which would land in the middle of the CLI's output. The
 * CLI prints through its own stream, so everything else still written to {@code System.out} passes
 * unchanged.
 */
final class LibraryChatterFilter extends OutputStream {
  private static final String[] NOISY_PACKAGES = {"org.jflac."};
  private static final StackWalker WALKER = StackWalker.getInstance();

  private final OutputStream target;

  private LibraryChatterFilter(OutputStream target) {
    this.target = target;
  }

  static void install() {
    System.setOut(new PrintStream(new LibraryChatterFilter(System.out), true));
  }

  @Override
  public void write(int b) throws java.io.IOException {
    if (!fromNoisyLibrary()) {
      target.write(b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws java.io.IOException {
    if (!fromNoisyLibrary()) {
      target.write(b, off, len);
    }
  }

  @Override
  public void flush() throws java.io.IOException {
    target.flush();
  }

  static boolean fromNoisyLibrary() {
    return WALKER.walk(
        frames ->
            frames.anyMatch(
                f -> {
                  for (String p : NOISY_PACKAGES) {
                    if (f.getClassName().startsWith(p)) {
                      return true;
                    }
                  }
                  return false;
                }));
  }
}
