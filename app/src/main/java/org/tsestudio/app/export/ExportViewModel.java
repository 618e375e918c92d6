package org.tsestudio.app.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.core.UserFacingException;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.audio.WavEncoding;

/**
 * Writes outputs as WAV (16/24-bit or float; original or model rate), for the current mixture or
 * the whole queue. Asks before replacing any existing file; every file is written atomically by the
 * engine (temp file, then rename), so an interrupted export leaves no half file.
 */
public final class ExportViewModel {
  private final Session session;
  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final ObjectProperty<WavEncoding> encoding =
      new SimpleObjectProperty<>(this, "encoding", WavEncoding.PCM_16);
  private final ObjectProperty<RateChoice> rate =
      new SimpleObjectProperty<>(this, "rate", RateChoice.ORIGINAL);
  private final ObjectProperty<ExportScope> scope =
      new SimpleObjectProperty<>(this, "scope", ExportScope.CURRENT);
  private final BooleanProperty includeReference =
      new SimpleBooleanProperty(this, "includeReference", false);
  private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  private ToIntFunction<String> modelRate = model -> 0;

  public ExportViewModel(Session session, TaskExecutor tasks, DialogService dialogs) {
    this.session = session;
    this.tasks = tasks;
    this.dialogs = dialogs;
  }

  /**
   * Tells "Model rate" exports the rate each model works at (extracted outputs come back at the
   * mixture's rate); 0 for an unknown model keeps the output's own rate.
   */
  public void setModelRates(ToIntFunction<String> rateOfModel) {
    this.modelRate = rateOfModel;
  }

  /** The files the export would write now. */
  public List<ExportJob> plan() throws UserFacingException {
    List<StudioItem> items = new ArrayList<>();
    if (scope.get() == ExportScope.QUEUE) {
      items.addAll(session.queue());
    } else if (session.current() != null) {
      items.add(session.current());
    }
    Map<StudioItem, Clip> references = new HashMap<>();
    for (StudioItem item : items) {
      Clip ref = session.referenceFor(item);
      if (ref != null) {
        references.put(item, ref);
      }
    }
    Path dir = folder.get();
    if (dir == null) {
      throw new UserFacingException("choose a folder to export to");
    }
    return ExportPlanner.plan(
        items, references, dir, rate.get(), includeReference.get(), modelRate);
  }

  /**
   * Exports; asks before overwriting.
   *
   * @return false when there was nothing to do, the plan was refused or the user declined
   */
  public boolean export() {
    if (running.get()) {
      return false;
    }
    List<ExportJob> jobs;
    try {
      jobs = plan();
    } catch (UserFacingException e) {
      dialogs.showError("Export", e.getMessage());
      return false;
    }
    if (jobs.isEmpty()) {
      dialogs.showError(
          "Export", "nothing to export: no outputs yet (extract or import outputs first)");
      return false;
    }
    List<Path> existing = new ArrayList<>();
    for (ExportJob j : jobs) {
      if (Files.exists(j.file())) {
        existing.add(j.file());
      }
    }
    if (!existing.isEmpty() && !dialogs.confirm("Replace files?", overwriteQuestion(existing))) {
      status.set("Export cancelled; nothing was written.");
      return false;
    }
    WavEncoding enc = encoding.get();
    Path dir = folder.get();
    running.set(true);
    status.set("Exporting " + jobs.size() + " files…");
    tasks.execute(
        BackgroundTask.of(
                "Exporting",
                p -> {
                  Files.createDirectories(dir);
                  for (int i = 0; i < jobs.size(); i++) {
                    if (p.isCancelled()) {
                      throw new org.tsestudio.app.core.CancelledException();
                    }
                    ExportJob j = jobs.get(i);
                    AudioSignal s = j.signal();
                    AudioSignal out =
                        s.sampleRate() == j.rate()
                            ? s
                            : new AudioSignal(
                                Resampler.resample(s.samples(), s.sampleRate(), j.rate()),
                                j.rate());
                    AudioFiles.writeWav(j.file(), out, enc, j.inputs().toArray(Path[]::new));
                    p.update((i + 1) / (double) jobs.size(), j.file().getFileName().toString());
                  }
                  return jobs.size();
                })
            .onSuccess(
                n -> {
                  running.set(false);
                  status.set("Exported " + n + (n == 1 ? " file to " : " files to ") + dir);
                })
            .onFailure(
                e -> {
                  running.set(false);
                  status.set("Export failed.");
                  dialogs.showFailure("Export failed", e);
                })
            .onCancelled(() -> running.set(false)));
    return true;
  }

  private static String overwriteQuestion(List<Path> existing) {
    StringBuilder s =
        new StringBuilder(
            existing.size() == 1
                ? "This file already exists and would be replaced:\n"
                : existing.size() + " files already exist and would be replaced:\n");
    for (int i = 0; i < Math.min(8, existing.size()); i++) {
      s.append("  ").append(existing.get(i)).append('\n');
    }
    if (existing.size() > 8) {
      s.append("  … and ").append(existing.size() - 8).append(" more\n");
    }
    return s.append("Replace them?").toString();
  }

  public ObjectProperty<WavEncoding> encodingProperty() {
    return encoding;
  }

  public ObjectProperty<RateChoice> rateProperty() {
    return rate;
  }

  public ObjectProperty<ExportScope> scopeProperty() {
    return scope;
  }

  public BooleanProperty includeReferenceProperty() {
    return includeReference;
  }

  public ObjectProperty<Path> folderProperty() {
    return folder;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
