package org.tsestudio.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tsestudio.app.core.FxDialogService;
import org.tsestudio.app.core.FxTaskExecutor;
import org.tsestudio.app.core.Settings;
import org.tsestudio.app.core.SettingsStore;
import org.tsestudio.app.extraction.ExtractionService;
import org.tsestudio.app.extraction.ExtractionServices;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.playback.PlaybackEngine;
import org.tsestudio.app.reference.Recorder;
import org.tsestudio.app.tracks.RenderQueue;
import org.tsestudio.app.training.TrainingSetup;
import org.tsestudio.app.training.TrainingView;
import org.tsestudio.app.training.TrainingViewModel;
import org.tsestudio.app.ui.AppIcon;

/**
 * The TSE Studio workstation window. Command-line arguments are files to open (mixtures or
 * manifests). Composition root: the real services are created here and handed to the view models.
 */
public class StudioApp extends Application {
  public static final String STYLESHEET =
      StudioApp.class.getResource("studio.css").toExternalForm();

  private SettingsStore store;
  private Settings settings;
  private FxTaskExecutor tasks;
  private RenderQueue renderQueue;
  private PlaybackEngine engine;
  private StudioViewModel viewModel;
  private StudioView view;
  private ExtractionService extractor;
  private TrainingViewModel training;
  private TrainingView trainingView;
  private Stage stage;

  @Override
  public void start(Stage primaryStage) {
    stage = primaryStage;
    store = SettingsStore.inUserConfigDir();
    SettingsStore.Loaded loaded = store.load();
    settings = loaded.settings();
    tasks = new FxTaskExecutor(2);
    renderQueue = RenderQueue.forThisMachine();
    engine = new PlaybackEngine(PlaybackEngine.defaultSinks());
    FxDialogService dialogs = new FxDialogService(() -> stage, STYLESHEET);
    extractor = ExtractionServices.discover();
    viewModel =
        new StudioViewModel(
            dialogs,
            tasks,
            settings,
            new AudioLoader(),
            extractor,
            engine,
            new Recorder(),
            new Random());
    training =
        new TrainingViewModel(
            TrainingSetup.open(), tasks, dialogs, viewModel::registerModel, Clock.systemUTC());
    trainingView = new TrainingView(training, dialogs);
    StudioActions actions = new StudioActions(viewModel, dialogs, () -> stage, STYLESHEET);
    Shortcuts shortcuts = new Shortcuts(actions);
    view = new StudioView(viewModel, actions, renderQueue, shortcuts, trainingView, this::quit);

    Scene scene = new Scene(view, settings.windowWidth, settings.windowHeight);
    scene.getStylesheets().add(STYLESHEET);
    shortcuts.install(scene, view::handleOverlayKeys);
    stage.setScene(scene);
    stage.setTitle("TSE Studio");
    stage.getIcons().addAll(AppIcon.create(64), AppIcon.create(32));
    viewModel
        .session()
        .currentProperty()
        .addListener(
            (o, a, item) ->
                stage.setTitle(item == null ? "TSE Studio" : item.name() + " — TSE Studio"));
    if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)) {
      stage.setX(settings.windowX);
      stage.setY(settings.windowY);
    }
    stage.setMaximized(settings.windowMaximized);
    stage.show();

    if (loaded.problem() != null) {
      dialogs.showError("Settings", loaded.problem());
    }
    List<Path> files = new ArrayList<>();
    // Parameters are absent when a test creates the application itself.
    Parameters parameters = getParameters();
    for (String arg : parameters == null ? List.<String>of() : parameters.getRaw()) {
      files.add(Path.of(arg));
    }
    if (!files.isEmpty()) {
      viewModel.open(files);
    }
  }

  private void quit() {
    Platform.exit();
  }

  private void saveSettings() {
    viewModel.storeSettings();
    settings.windowMaximized = stage.isMaximized();
    if (!stage.isMaximized()) {
      settings.windowX = stage.getX();
      settings.windowY = stage.getY();
      settings.windowWidth = stage.getWidth();
      settings.windowHeight = stage.getHeight();
    }
    double[] d = view.dividers();
    if (d.length == 2) {
      settings.queueDivider = d[0];
      settings.sideDivider = d[1];
    }
    try {
      store.save(settings);
    } catch (IOException e) {
      // Nothing to show at exit; the next start uses the previous settings.
    }
  }

  /** Runs when the last window closes or on Quit: the place to remember the session. */
  @Override
  public void stop() {
    if (viewModel != null) {
      saveSettings();
    }
    if (trainingView != null) {
      trainingView.stop();
    }
    if (training != null) {
      training.close(); // running jobs go on; the next start finds them again
    }
    if (extractor != null) {
      extractor.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (renderQueue != null) {
      renderQueue.close();
    }
    if (tasks != null) {
      tasks.close();
    }
  }

  /** The view model, for tests that drive the real window. */
  public StudioViewModel viewModel() {
    return viewModel;
  }

  /** The training page's view model, for tests that drive the real window. */
  public TrainingViewModel training() {
    return training;
  }

  /** The main view, for tests that drive the real window. */
  public StudioView view() {
    return view;
  }
}
