package org.tsestudio.app.tracks;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.timeline.TimelineModel;
import org.tsestudio.app.ui.Icons;

/**
 * The lanes of the current item on one time axis: ruler on top, lanes in the middle, a scroll bar
 * below. One animation timer per window paints what changed, at most once per frame, so bursts of
 * wheel events or playhead updates never queue up redraws.
 */
public final class TracksView extends BorderPane {
  /** Drag-and-drop payload for a region of the mixture carried to the reference. */
  public static final DataFormat MIXTURE_REGION =
      new DataFormat("application/x-tse-studio-mixture-region");

  private final TracksViewModel viewModel;
  private final TimelineModel timeline;
  private final RenderQueue queue;
  private final VBox lanesBox = new VBox(1);
  private final TimeRuler ruler;
  private final ScrollBar scrollBar = new ScrollBar();
  private final List<TrackLane> lanes = new ArrayList<>();
  private final Label placeholder;
  private DoubleConsumer onSeek = t -> {};
  private Runnable onRegionToReference = () -> {};
  private Consumer<List<Path>> onFilesToReference = files -> {};
  private Runnable onPulse = () -> {};
  private boolean paintRequested = true;
  private boolean overlayDirty = true;
  private boolean loop;
  private boolean updatingScrollBar;

  public TracksView(TracksViewModel viewModel, RenderQueue queue) {
    this.viewModel = viewModel;
    this.timeline = viewModel.session().timeline();
    this.queue = queue;
    getStyleClass().add("tracks-view");
    ruler = new TimeRuler(timeline);
    Region corner = new Region();
    corner.getStyleClass().add("ruler-corner");
    corner.setMinWidth(TrackLane.HEADER_WIDTH);
    corner.setPrefWidth(TrackLane.HEADER_WIDTH);
    HBox top = new HBox(corner, ruler);
    HBox.setHgrow(ruler, Priority.ALWAYS);
    ruler.setOnMousePressed(e -> seek(timeline.timeAt(e.getX(), ruler.getWidth())));
    ruler.setOnMouseDragged(e -> seek(timeline.timeAt(e.getX(), ruler.getWidth())));
    setTop(top);

    placeholder =
        new Label(
            "Drop mixtures here (WAV, FLAC, MP3)\nor press Ctrl+O to open files and manifests");
    placeholder.getStyleClass().add("empty-placeholder");
    placeholder.setGraphic(Icons.icon(Icons.OPEN, 34));
    placeholder.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
    lanesBox.getStyleClass().add("lanes");
    StackPane centre = new StackPane(lanesBox, placeholder);
    setCenter(centre);

    scrollBar.setOrientation(Orientation.HORIZONTAL);
    scrollBar.getStyleClass().add("time-scroll");
    scrollBar
        .valueProperty()
        .addListener(
            (o, a, v) -> {
              if (!updatingScrollBar) {
                timeline.scrollTo(v.doubleValue());
              }
            });
    setBottom(scrollBar);

    InvalidationListener viewChanged =
        o -> {
          lanes.forEach(TrackLane::markDirty);
          overlayDirty = true;
          syncScrollBar();
        };
    timeline.viewStartProperty().addListener(viewChanged);
    timeline.viewSpanProperty().addListener(viewChanged);
    timeline.durationProperty().addListener(viewChanged);
    InvalidationListener overlayChanged = o -> overlayDirty = true;
    timeline.playheadProperty().addListener(overlayChanged);
    timeline.selectionProperty().addListener(overlayChanged);
    InvalidationListener styleChanged = o -> lanes.forEach(TrackLane::markDirty);
    viewModel.displayModeProperty().addListener(styleChanged);
    viewModel.frequencyScaleProperty().addListener(styleChanged);
    viewModel.colourMapProperty().addListener(styleChanged);
    viewModel.tracks().addListener((InvalidationListener) o -> rebuildLanes());
    rebuildLanes();
    installReferenceDrop();

    new AnimationTimer() {
      @Override
      public void handle(long now) {
        pulse();
      }
    }.start();
  }

  private void pulse() {
    onPulse.run();
    if (paintRequested) {
      paintRequested = false;
      for (TrackLane lane : lanes) {
        lane.paintIfDirty();
      }
      overlayDirty = true;
    }
    if (overlayDirty) {
      overlayDirty = false;
      for (TrackLane lane : lanes) {
        lane.paintOverlay(loop);
      }
      ruler.paint();
    }
  }

  /** Paints everything that changed now (tests use it instead of waiting for a pulse). */
  public void paintNow() {
    pulse();
  }

  private void rebuildLanes() {
    Map<Track, TrackLane> reuse = new HashMap<>();
    for (TrackLane lane : lanes) {
      reuse.put(lane.track(), lane);
    }
    List<TrackLane> next = new ArrayList<>();
    for (Track t : viewModel.tracks()) {
      TrackLane lane = reuse.remove(t);
      next.add(lane != null ? lane : new TrackLane(t, timeline, queue, this));
    }
    reuse.values().forEach(TrackLane::dispose);
    lanes.clear();
    lanes.addAll(next);
    for (TrackLane lane : next) {
      VBox.setVgrow(lane, Priority.ALWAYS);
    }
    lanesBox.getChildren().setAll(next);
    placeholder.setVisible(next.isEmpty());
    requestPaint();
  }

  private void syncScrollBar() {
    updatingScrollBar = true;
    double duration = timeline.duration();
    double span = timeline.viewSpan();
    scrollBar.setMin(0);
    scrollBar.setMax(Math.max(0, duration - span));
    scrollBar.setVisibleAmount(Math.max(0, duration - span) * span / Math.max(1e-9, duration));
    scrollBar.setUnitIncrement(span / 20);
    scrollBar.setBlockIncrement(span * 0.9);
    scrollBar.setValue(timeline.viewStart());
    scrollBar.setDisable(span >= duration);
    updatingScrollBar = false;
  }

  /** The reference lane takes audio files and mixture regions dropped on it. */
  private void installReferenceDrop() {
    lanesBox.addEventFilter(
        DragEvent.DRAG_OVER,
        e -> {
          TrackLane lane = laneAt(e.getSceneY());
          boolean onReference = lane != null && lane.track().role() == TrackRole.REFERENCE;
          if (onReference
              && (e.getDragboard().hasContent(MIXTURE_REGION) || e.getDragboard().hasFiles())) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    lanesBox.addEventFilter(
        DragEvent.DRAG_DROPPED,
        e -> {
          TrackLane lane = laneAt(e.getSceneY());
          if (lane == null || lane.track().role() != TrackRole.REFERENCE) {
            return;
          }
          if (e.getDragboard().hasContent(MIXTURE_REGION)) {
            onRegionToReference.run();
          } else if (e.getDragboard().hasFiles()) {
            onFilesToReference.accept(
                e.getDragboard().getFiles().stream().map(File::toPath).toList());
          }
          e.setDropCompleted(true);
          e.consume();
        });
  }

  private TrackLane laneAt(double sceneY) {
    for (TrackLane lane : lanes) {
      var b = lane.localToScene(lane.getBoundsInLocal());
      if (sceneY >= b.getMinY() && sceneY <= b.getMaxY()) {
        return lane;
      }
    }
    return null;
  }

  void requestPaint() {
    paintRequested = true;
  }

  void seek(double t) {
    onSeek.accept(t);
  }

  DisplayMode displayMode() {
    return viewModel.displayModeProperty().get();
  }

  FrequencyScale frequencyScale() {
    return viewModel.frequencyScaleProperty().get();
  }

  ColourMap colourMap() {
    return viewModel.colourMapProperty().get();
  }

  public List<TrackLane> lanes() {
    return List.copyOf(lanes);
  }

  public void setOnSeek(DoubleConsumer handler) {
    onSeek = handler;
  }

  public void setOnRegionToReference(Runnable handler) {
    onRegionToReference = handler;
  }

  public void setOnFilesToReference(Consumer<List<Path>> handler) {
    onFilesToReference = handler;
  }

  /** Runs once per frame before painting (the player updates the playhead there). */
  public void setOnPulse(Runnable handler) {
    onPulse = handler;
  }

  public void setLoop(boolean on) {
    loop = on;
    overlayDirty = true;
  }

  /**
   * Marks the lane being heard; in blind mode outputs are anonymous and none is marked.
   *
   * @param heardKey the key of the heard track, or null
   */
  public void showHeard(String heardKey, boolean blind) {
    for (TrackLane lane : lanes) {
      Track t = lane.track();
      boolean output = t.role() == TrackRole.OUTPUT;
      String title = blind && output ? "Output (hidden)" : t.title();
      boolean heard = !(blind && output) && t.key().equals(heardKey);
      lane.setHeardLabel(title, heard);
      // Blind listening: the outputs' lanes would give away which is which by colour and shape.
      lane.setVisible(!(blind && output));
      lane.setManaged(!(blind && output));
    }
  }
}
