package org.tsestudio.app;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tsestudio.app.extraction.ExtractionView;
import org.tsestudio.app.metrics.MetricsView;
import org.tsestudio.app.playback.ListeningView;
import org.tsestudio.app.reference.ReferenceView;
import org.tsestudio.app.tracks.RenderQueue;
import org.tsestudio.app.tracks.TracksView;
import org.tsestudio.app.training.TrainingView;
import org.tsestudio.app.ui.HelpOverlay;

/**
 * The main window's content: menu and toolbar, the queue on the left, the lanes in the middle, the
 * panels on the right, the status bar, and the help overlay above everything. Files dropped
 * anywhere outside the reference targets are opened as mixtures.
 */
public final class StudioView extends StackPane {
  private final TracksView tracks;
  private final HelpOverlay help;
  private final SplitPane split;
  private final TabPane pages;

  StudioView(
      StudioViewModel vm,
      StudioActions actions,
      RenderQueue queue,
      Shortcuts shortcuts,
      TrainingView trainingView,
      Runnable quit) {
    getStyleClass().add("studio");
    tracks = new TracksView(vm.tracks(), queue);
    tracks.setOnSeek(vm.listening()::seek);
    tracks.setOnPulse(vm.listening()::tick);
    tracks.setOnRegionToReference(vm.reference()::useMixtureSelection);
    tracks.setOnFilesToReference(files -> vm.reference().load(files.get(0)));
    vm.listening().heardKeyProperty().addListener(o -> showHeard(vm));
    vm.listening().blindProperty().addListener(o -> showHeard(vm));
    vm.tracks().tracks().addListener((javafx.beans.InvalidationListener) o -> showHeard(vm));
    vm.listening().loopProperty().addListener((o, a, on) -> tracks.setLoop(on));

    VBox side =
        new VBox(
            8,
            new ReferenceView(
                vm.reference(), actions::chooseReferenceFile, () -> vm.listening().playReference()),
            new ListeningView(vm.listening()),
            new ExtractionView(vm.extraction()),
            new MetricsView(vm.metrics()));
    side.getStyleClass().add("side-panels");
    ScrollPane sideScroll = new ScrollPane(side);
    sideScroll.setFitToWidth(true);
    sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    sideScroll.getStyleClass().add("side-scroll");
    sideScroll.setMinWidth(300);

    StudioQueueView queueView = new StudioQueueView(vm, actions::openFiles);
    queueView.setMinWidth(150);
    split = new SplitPane(queueView, tracks, sideScroll);
    split.setOrientation(Orientation.HORIZONTAL);
    SplitPane.setResizableWithParent(queueView, false);
    SplitPane.setResizableWithParent(sideScroll, false);
    split.setDividerPositions(vm.settings().queueDivider, vm.settings().sideDivider);

    Tab studioTab = new Tab("Studio", split);
    studioTab.setId("studio-tab");
    Tab trainingTab = new Tab("Training", trainingView);
    trainingTab.setId("training-tab");
    pages = new TabPane(studioTab, trainingTab);
    pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    pages.getStyleClass().add("pages");
    pages.setId("pages");
    actions.setShowPage(page -> pages.getSelectionModel().select(page));

    BorderPane root = new BorderPane();
    root.setTop(new VBox(new StudioMenuBar(vm, actions, quit), new StudioToolBar(vm, actions)));
    root.setCenter(pages);
    root.setBottom(new StudioStatusBar(vm));

    List<HelpOverlay.Entry> entries = new ArrayList<>();
    for (Shortcuts.Shortcut s : shortcuts.listed()) {
      entries.add(new HelpOverlay.Entry(s.group(), s.keys(), s.description()));
    }
    entries.add(new HelpOverlay.Entry("Mouse", "Click", "Move the playhead"));
    entries.add(new HelpOverlay.Entry("Mouse", "Drag", "Select a region"));
    entries.add(new HelpOverlay.Entry("Mouse", "Shift+click", "Extend the selection"));
    entries.add(new HelpOverlay.Entry("Mouse", "Wheel", "Scroll in time"));
    entries.add(new HelpOverlay.Entry("Mouse", "Ctrl+wheel", "Zoom at the pointer"));
    entries.add(
        new HelpOverlay.Entry("Mouse", "Drag selection", "Onto Reference: use it as reference"));
    entries.add(new HelpOverlay.Entry("Mouse", "Drop files", "Open mixtures / manifests"));
    help = new HelpOverlay(entries);
    actions.setToggleHelp(help::toggle);
    getChildren().addAll(root, help);
    installFileDrop(vm);
  }

  private void showHeard(StudioViewModel vm) {
    tracks.showHeard(vm.listening().heardKeyProperty().get(), vm.listening().blindProperty().get());
  }

  /** Closes the overlay with Esc or F1 before any other shortcut sees the key. */
  void handleOverlayKeys(javafx.scene.input.KeyEvent e) {
    if (help.isVisible() && (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1)) {
      help.setVisible(false);
      e.consume();
    }
  }

  private void installFileDrop(StudioViewModel vm) {
    addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          if (e.getDragboard().hasFiles()) {
            vm.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
          }
        });
  }

  public TracksView tracks() {
    return tracks;
  }

  /** The Studio and Training pages. */
  public TabPane pages() {
    return pages;
  }

  public HelpOverlay help() {
    return help;
  }

  double[] dividers() {
    return split.getDividerPositions();
  }
}
