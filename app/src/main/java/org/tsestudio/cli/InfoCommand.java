package org.tsestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFileInfo;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioLevels;
import org.tsestudio.engine.audio.AudioStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tse info FILE...}: format, rate, channels, duration and levels of each file. */
@Command(
    name = "info",
    description = {
      "Show the format, sample rate, channels, duration and peak/RMS level of audio files"
          + " (WAV, FLAC, MP3).",
      "Levels are over all channels in dBFS (a full-scale sine has RMS -3.0 dBFS)."
    })
final class InfoCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files.")
  List<Path> files;

  @ParentCommand TseCli root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean failed = false;
    for (Path file : files) {
      try {
        describe(file, out);
      } catch (TseException e) {
        // One bad file does not hide what the others hold.
        out.flush();
        ErrorReporter.report(err, e, root.debug());
        failed = true;
      }
    }
    out.flush();
    return failed ? TseCli.FAILED : 0;
  }

  private static void describe(Path file, PrintWriter out) throws TseException {
    AudioFileInfo info;
    AudioLevels levels;
    try (AudioStream s = AudioFiles.open(file)) {
      info = s.info();
      levels = AudioLevels.measure(s);
    }
    // A FLAC header may leave the length out; measuring has counted the frames anyway.
    long frames = levels.frames();
    out.println(file);
    out.printf(Locale.ROOT, "  format    %s%n", info.describe());
    out.printf(Locale.ROOT, "  rate      %d Hz%n", info.sampleRate());
    out.printf(Locale.ROOT, "  channels  %d%n", info.channels());
    out.printf(
        Locale.ROOT,
        "  duration  %s (%d frames)%n",
        Durations.format(frames / (double) info.sampleRate()),
        frames);
    out.printf(Locale.ROOT, "  peak      %s%n", dbfs(levels.peakDbfs()));
    out.printf(Locale.ROOT, "  RMS       %s%n", dbfs(levels.rmsDbfs()));
  }

  static String dbfs(double db) {
    return Double.isInfinite(db)
        ? "-inf dBFS (silent)"
        : String.format(Locale.ROOT, "%.1f dBFS", db);
  }
}
