package org.tsestudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsestudio.engine.TseException;

/**
 * Where each extracted voice goes. Checked before any work starts, so a batch never stops halfway
 * because of a name clash: no output may be an input, two outputs may not share a path, and an
 * existing file is replaced only with {@code --overwrite}.
 */
final class OutputPlan {

  /** Suffix of outputs named after their mixture: {@code mix.wav -> mix-target.wav}. */
  static final String SUFFIX = "-target.wav";

  private OutputPlan() {}

  /**
   * @param out {@code -o}: a {@code .wav} file for a single mixture, else a folder; {@code null}
   *     puts each output beside its mixture
   * @return mixture to output, in the mixtures' order
   */
  static Map<Path, Path> plan(List<Path> mixtures, Path reference, Path out, boolean overwrite)
      throws TseException {
    boolean singleFile =
        out != null
            && mixtures.size() == 1
            && !Files.isDirectory(out)
            && AudioInputs.extension(out).equals("wav");
    if (out != null
        && !singleFile
        && AudioInputs.extension(out).equals("wav")
        && !Files.isDirectory(out)) {
      throw new TseException(out + ": several mixtures need an output folder, not a file");
    }
    Map<Path, Path> plan = new LinkedHashMap<>();
    Map<Path, Path> claimedBy = new HashMap<>();
    List<Path> inputs = new ArrayList<>(mixtures);
    inputs.add(reference);
    for (Path mixture : mixtures) {
      Path target;
      if (singleFile) {
        target = out;
      } else {
        Path folder = out != null ? out : mixture.toAbsolutePath().getParent();
        target = folder.resolve(AudioInputs.stem(mixture) + SUFFIX);
      }
      Path key = target.toAbsolutePath().normalize();
      for (Path input : inputs) {
        if (input.toAbsolutePath().normalize().equals(key)) {
          throw new TseException(target + ": refusing to overwrite an input file");
        }
      }
      Path other = claimedBy.putIfAbsent(key, mixture);
      if (other != null) {
        throw new TseException(
            target + ": both " + other + " and " + mixture + " would be written here");
      }
      if (Files.exists(target) && !overwrite) {
        throw new TseException(target + ": already exists (use --overwrite to replace it)");
      }
      plan.put(mixture, target);
    }
    return plan;
  }
}
