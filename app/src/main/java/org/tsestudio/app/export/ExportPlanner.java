package org.tsestudio.app.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.tsestudio.app.core.UserFacingException;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.StudioItem;

/**
 * Decides the files of an export: {@code <mixture>_<model>.wav} per output (and {@code
 * <mixture>_reference.wav} if asked), names made unique within the export, and never the path of an
 * input.
 */
public final class ExportPlanner {
  private ExportPlanner() {}

  /**
   * @param references the reference used for each item (its own or the session's), or null
   */
  public static List<ExportJob> plan(
      List<StudioItem> items,
      Map<StudioItem, Clip> references,
      Path folder,
      RateChoice rate,
      boolean includeReference)
      throws UserFacingException {
    return plan(items, references, folder, rate, includeReference, model -> 0);
  }

  /**
   * @param modelRate the rate a model works at, for {@link RateChoice#MODEL}; 0 keeps the output's
   *     own rate
   */
  public static List<ExportJob> plan(
      List<StudioItem> items,
      Map<StudioItem, Clip> references,
      Path folder,
      RateChoice rate,
      boolean includeReference,
      ToIntFunction<String> modelRate)
      throws UserFacingException {
    List<ExportJob> jobs = new ArrayList<>();
    Set<Path> used = new HashSet<>();
    Set<Path> inputs = new HashSet<>();
    for (StudioItem item : items) {
      inputs.add(item.mixturePath().toAbsolutePath().normalize());
      addSource(inputs, item.referenceProperty().get());
      addSource(inputs, item.targetProperty().get());
      addSource(inputs, references.get(item));
      item.outputs().values().forEach(c -> addSource(inputs, c));
    }
    for (StudioItem item : items) {
      Clip mixture = item.mixtureProperty().get();
      String stem = AudioLoader.stem(item.mixturePath());
      Map<String, Clip> outputs = new TreeMap<>(item.outputs());
      for (var e : outputs.entrySet()) {
        Clip out = e.getValue();
        int r =
            rate == RateChoice.ORIGINAL && mixture != null
                ? mixture.sampleRate()
                : modelRate.applyAsInt(e.getKey()) > 0
                    ? modelRate.applyAsInt(e.getKey())
                    : out.sampleRate();
        jobs.add(
            new ExportJob(
                unique(folder, stem + "_" + e.getKey(), used, inputs),
                out.signal(),
                r,
                List.copyOf(inputs)));
      }
      Clip ref = references.get(item);
      if (includeReference && ref != null) {
        int r =
            rate == RateChoice.ORIGINAL && mixture != null
                ? mixture.sampleRate()
                : ref.sampleRate();
        jobs.add(
            new ExportJob(
                unique(folder, stem + "_reference", used, inputs),
                ref.signal(),
                r,
                List.copyOf(inputs)));
      }
    }
    return jobs;
  }

  private static void addSource(Set<Path> inputs, Clip clip) {
    if (clip != null && clip.source() != null) {
      inputs.add(clip.source().toAbsolutePath().normalize());
    }
  }

  private static Path unique(Path folder, String base, Set<Path> used, Set<Path> inputs)
      throws UserFacingException {
    Path file = folder.resolve(base + ".wav");
    for (int k = 2; used.contains(file); k++) {
      file = folder.resolve(base + "_" + k + ".wav");
    }
    if (inputs.contains(file.toAbsolutePath().normalize())) {
      throw new UserFacingException(
          file + ": would overwrite an input file; choose another folder");
    }
    used.add(file);
    return file;
  }
}
