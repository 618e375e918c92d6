package org.tsestudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.Errors;
import org.tsestudio.app.core.Settings;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.export.ExportViewModel;
import org.tsestudio.app.export.RateChoice;
import org.tsestudio.app.extraction.ExtractionService;
import org.tsestudio.app.extraction.ExtractionViewModel;
import org.tsestudio.app.extraction.ItemFiles;
import org.tsestudio.app.extraction.ModelCatalog;
import org.tsestudio.app.extraction.ModelChoice;
import org.tsestudio.app.metrics.MetricsViewModel;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.ManifestReader;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.playback.ListeningViewModel;
import org.tsestudio.app.playback.PlaybackEngine;
import org.tsestudio.app.reference.Recorder;
import org.tsestudio.app.reference.ReferenceViewModel;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.tracks.DisplayMode;
import org.tsestudio.app.tracks.TracksViewModel;
import org.tsestudio.app.ui.TimeFormat;
import org.tsestudio.engine.audio.WavEncoding;

/**
 * The workstation as a whole: the queue of mixtures, opening files (audio or manifests), the
 * recent-files list, and the panels' view models, all wired to one {@link Session}. Services come
 * in through the constructor, so all of it runs without a UI toolkit.
 */
public final class StudioViewModel {
  private final DialogService dialogs;
  private final TaskExecutor tasks;
  private final AudioLoader loader;
  private final Settings settings;
  private final Session session = new Session();
  private final TracksViewModel tracks;
  private final ListeningViewModel listening;
  private final ReferenceViewModel reference;
  private final ExtractionViewModel extraction;
  private final MetricsViewModel metrics;
  private final ExportViewModel export;
  private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final Set<StudioItem> loadingItems = new HashSet<>();

  public StudioViewModel(
      DialogService dialogs,
      TaskExecutor tasks,
      Settings settings,
      AudioLoader loader,
      ExtractionService extractor,
      PlaybackEngine engine,
      Recorder recorder,
      Random random) {
    this.dialogs = dialogs;
    this.tasks = tasks;
    this.loader = loader;
    this.settings = settings;
    List<String> modelOrder = extractor.models().stream().map(ModelChoice::name).toList();
    tracks = new TracksViewModel(session, modelOrder);
    listening = new ListeningViewModel(session, engine, tasks, dialogs, random);
    reference = new ReferenceViewModel(session, tasks, dialogs, loader, recorder);
    extraction =
        new ExtractionViewModel(
            session, extractor, tasks, dialogs, loader, Set.of(settings.model.split(",")));
    metrics = new MetricsViewModel(session, tasks, modelOrder);
    metrics.hiddenProperty().bind(listening.blindProperty());
    export = new ExportViewModel(session, tasks, dialogs);
    export.setModelRates(
        model ->
            extraction.models().stream()
                .filter(t -> t.model().name().equals(model))
                .mapToInt(t -> t.model().sampleRate())
                .findFirst()
                .orElse(0));
    applySettings();
    session.currentProperty().addListener((o, a, item) -> loadCurrent());
    for (String card : List.copyOf(settings.registeredModels)) {
      restoreModel(Path.of(card));
    }
  }

  /**
   * Offers the model of a card (one exported from a training run) for extraction and remembers it
   * in the settings. A bad card is reported as one line naming it.
   */
  public void registerModel(Path card) {
    tasks.execute(
        BackgroundTask.of("Reading " + card.getFileName(), p -> ModelCatalog.fromCard(card))
            .onSuccess(
                model -> {
                  // Settings first: whoever sees the model offered also finds it remembered.
                  String path = model.card().toString();
                  settings.registeredModels.remove(path);
                  settings.registeredModels.add(path);
                  extraction.addModel(model, true);
                  status.set("Registered model " + model.name() + " for extraction");
                })
            .onFailure(e -> dialogs.showFailure("Register model", e)));
  }

  /**
   * A model registered in an earlier session. One whose card has gone (a deleted run) is dropped
   * from the settings with a note in the status bar: no dialog at start-up for it.
   */
  private void restoreModel(Path card) {
    tasks.execute(
        BackgroundTask.of("Reading " + card.getFileName(), p -> ModelCatalog.fromCard(card))
            .onSuccess(model -> extraction.addModel(model, chosen(model.name())))
            .onFailure(
                e -> {
                  settings.registeredModels.remove(card.toString());
                  status.set("Registered model dropped: " + Errors.userMessage(e));
                }));
  }

  private boolean chosen(String model) {
    return List.of(settings.model.split(",")).contains(model);
  }

  private void applySettings() {
    tracks
        .displayModeProperty()
        .set(parse(DisplayMode.class, settings.displayMode, DisplayMode.BOTH));
    tracks
        .frequencyScaleProperty()
        .set(parse(FrequencyScale.class, settings.spectrogramScale, FrequencyScale.MEL));
    tracks.colourMapProperty().set(parse(ColourMap.class, settings.colourMap, ColourMap.MAGMA));
    export
        .encodingProperty()
        .set(parse(WavEncoding.class, settings.exportEncoding, WavEncoding.PCM_16));
    export.rateProperty().set(parse(RateChoice.class, settings.exportRate, RateChoice.ORIGINAL));
    if (settings.exportFolder != null) {
      export.folderProperty().set(Path.of(settings.exportFolder));
    }
    if (extraction.devices().contains(settings.device)) {
      extraction.deviceProperty().set(settings.device);
    }
    if (settings.inputDevice != null) {
      reference.selectDevice(settings.inputDevice);
    }
    listening.loudnessMatchProperty().set(settings.loudnessMatch);
    for (String p : settings.recentFiles) {
      recentFiles.add(Path.of(p));
    }
  }

  /** Writes the current choices back into the settings object (saved by the caller). */
  public void storeSettings() {
    settings.displayMode = tracks.displayModeProperty().get().name();
    settings.spectrogramScale = tracks.frequencyScaleProperty().get().name();
    settings.colourMap = tracks.colourMapProperty().get().name();
    settings.exportEncoding = export.encodingProperty().get().name();
    settings.exportRate = export.rateProperty().get().name();
    Path folder = export.folderProperty().get();
    settings.exportFolder = folder == null ? null : folder.toString();
    settings.device = extraction.deviceProperty().get();
    settings.model =
        String.join(",", extraction.chosenModels().stream().map(ModelChoice::name).toList());
    var input = reference.deviceProperty().get();
    settings.inputDevice = input == null ? null : input.name();
    settings.loudnessMatch = listening.loudnessMatchProperty().get();
    settings.recentFiles = new ArrayList<>(recentFiles.stream().map(Path::toString).toList());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
    try {
      return name == null ? fallback : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  /**
   * Opens files dropped or chosen: audio files become queued mixtures, {@code .json}/{@code .jsonl}
   * manifests become mixtures with their reference and ground truth. The first new mixture is
   * shown.
   */
  public void open(List<Path> files) {
    List<Path> audio = new ArrayList<>();
    List<Path> manifests = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        dialogs.showError("Open", f + ": is a folder; open the audio files or a manifest in it");
      } else if (AudioLoader.isAudio(f)) {
        audio.add(f);
      } else if (ManifestReader.isManifest(f)) {
        manifests.add(f);
      } else {
        dialogs.showError(
            "Open", f + ": not a supported file (WAV, FLAC, MP3, or a .json/.jsonl manifest)");
      }
    }
    List<StudioItem> items = new ArrayList<>();
    for (Path f : audio) {
      items.add(StudioItem.forMixture(f));
      remember(f);
    }
    addItems(items);
    for (Path m : manifests) {
      tasks.execute(
          BackgroundTask.of("Reading " + m.getFileName(), p -> ManifestReader.read(m))
              .onSuccess(
                  rows -> {
                    remember(m);
                    addItems(rows);
                  })
              .onFailure(e -> dialogs.showFailure("Cannot open the manifest", e)));
    }
  }

  private void addItems(List<StudioItem> items) {
    if (items.isEmpty()) {
      return;
    }
    session.addAll(items);
    session.setCurrent(items.get(0));
    status.set(
        items.size() == 1 ? "Added " + items.get(0).name() : "Added " + items.size() + " mixtures");
  }

  private void remember(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    recentFiles.remove(abs);
    recentFiles.add(0, abs);
    while (recentFiles.size() > Settings.MAX_RECENT) {
      recentFiles.remove(recentFiles.size() - 1);
    }
    Path parent = abs.getParent();
    if (parent != null) {
      settings.openFolder = parent.toString();
    }
  }

  /** Shows a queued mixture. */
  public void select(StudioItem item) {
    if (item != null && item != session.current()) {
      session.setCurrent(item);
    }
  }

  public void remove(StudioItem item) {
    session.remove(item);
  }

  /** Reads the shown item's files if they are not in memory yet. */
  private void loadCurrent() {
    StudioItem item = session.current();
    reference.updateSummary();
    if (item == null || item.isLoaded() || !loadingItems.add(item)) {
      return;
    }
    ItemFiles have = ItemFiles.snapshot(item);
    loading.set(true);
    status.set("Loading " + item.name() + "…");
    tasks.execute(
        BackgroundTask.of("Loading " + item.name(), p -> have.complete(item, loader))
            .onSuccess(
                files -> {
                  loadingItems.remove(item);
                  loading.set(!loadingItems.isEmpty());
                  files.applyTo(item);
                  reference.updateSummary();
                  tracks.refresh();
                  var m = files.mixture();
                  status.set(
                      item.name()
                          + " · "
                          + TimeFormat.format(m.durationSeconds(), 2)
                          + " · "
                          + m.sampleRate()
                          + " Hz");
                })
            .onFailure(
                e -> {
                  loadingItems.remove(item);
                  loading.set(!loadingItems.isEmpty());
                  status.set("Could not open " + item.name());
                  if (item.mixtureProperty().get() == null) {
                    session.remove(item);
                  }
                  dialogs.showFailure("Cannot open the file", e);
                }));
  }

  /** Loads the ground truth of the shown mixture (enables the metrics). */
  public void openTarget(Path file) {
    StudioItem item = session.current();
    if (item == null) {
      dialogs.showError("Ground truth", "open a mixture first");
      return;
    }
    tasks.execute(
        BackgroundTask.of("Loading ground truth", p -> loader.load(file, "Ground truth"))
            .onSuccess(clip -> item.targetProperty().set(clip))
            .onFailure(e -> dialogs.showFailure("Cannot open the ground truth", e)));
  }

  /** Loads an output made elsewhere (e.g. by the CLI) as the output of a model. */
  public void importOutput(String model, Path file) {
    StudioItem item = session.current();
    if (item == null) {
      dialogs.showError("Import output", "open a mixture first");
      return;
    }
    tasks.execute(
        BackgroundTask.of("Importing output", p -> loader.load(file, model + " output"))
            .onSuccess(
                clip -> {
                  item.outputs().put(model, clip);
                  status.set("Imported " + file.getFileName() + " as the " + model + " output");
                })
            .onFailure(e -> dialogs.showFailure("Cannot import the output", e)));
  }

  public Session session() {
    return session;
  }

  public TracksViewModel tracks() {
    return tracks;
  }

  public ListeningViewModel listening() {
    return listening;
  }

  public ReferenceViewModel reference() {
    return reference;
  }

  public ExtractionViewModel extraction() {
    return extraction;
  }

  public MetricsViewModel metrics() {
    return metrics;
  }

  public ExportViewModel export() {
    return export;
  }

  public ObservableList<Path> recentFiles() {
    return recentFiles;
  }

  public Settings settings() {
    return settings;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
