package org.tsestudio.app.tracks;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyAxis;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.spectrogram.SpectrogramAnalysis;
import org.tsestudio.app.spectrogram.SpectrogramPainter;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.timeline.TimelineModel;
import org.tsestudio.app.waveform.PeakPyramid;
import org.tsestudio.app.waveform.WaveformPainter;

/**
 * One lane: a header and two stacked canvases, the content (waveform and/or spectrogram; redrawn
 * only when the view changes) and a transparent overlay (selection and playhead; cheap to redraw
 * every frame while playing). Heavy data - the peak pyramid, spectrogram tiles - is prepared on the
 * {@link RenderQueue}.
 */
public final class TrackLane extends HBox {
  static final double HEADER_WIDTH = 168;

  private final Track track;
  private final TimelineModel timeline;
  private final RenderQueue queue;
  private final TracksView owner;
  private final Canvas content = new Canvas();
  private final Canvas overlay = new Canvas();
  private final Pane canvasPane = new Pane(content, overlay);
  private final Label title = new Label();
  private final Label peakLabel = new Label();
  private final WaveformPainter waveform;
  private volatile boolean disposed;
  private PeakPyramid pyramid;
  private SpectrogramPainter spectrogram;
  private boolean dirty = true;

  TrackLane(Track track, TimelineModel timeline, RenderQueue queue, TracksView owner) {
    this.track = track;
    this.timeline = timeline;
    this.queue = queue;
    this.owner = owner;
    Color colour = Palette.trackColour(track.role(), track.key());
    waveform = new WaveformPainter(colour, colour.interpolate(Color.WHITE, 0.45), Palette.AXIS);
    getStyleClass().addAll("track-lane", "track-" + track.role().name().toLowerCase(Locale.ROOT));
    setFillHeight(true);
    getChildren().addAll(header(colour), canvasPane);
    HBox.setHgrow(canvasPane, Priority.ALWAYS);
    canvasPane.getStyleClass().add("lane-canvas");
    canvasPane.setMinSize(0, 0);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(canvasPane.widthProperty());
    clip.heightProperty().bind(canvasPane.heightProperty());
    canvasPane.setClip(clip);
    canvasPane.widthProperty().addListener(o -> resizeCanvases());
    canvasPane.heightProperty().addListener(o -> resizeCanvases());
    setMinHeight(72);
    setPrefHeight(150);
    new LaneMouse(canvasPane, track, timeline, owner).install();
    float[] samples = track.clip().signal().samples();
    queue.submit(
        () -> {
          PeakPyramid p = PeakPyramid.build(samples, () -> disposed);
          javafx.application.Platform.runLater(
              () -> {
                pyramid = p;
                if (p != null) {
                  float peak = p.peak();
                  peakLabel.setText(
                      peak <= 1e-6f
                          ? "silent"
                          : String.format(Locale.ROOT, "peak %.1f dBFS", 20 * Math.log10(peak)));
                }
                markDirty();
              });
        },
        () -> !disposed);
  }

  private VBox header(Color colour) {
    Region swatch = new Region();
    swatch.getStyleClass().add("lane-swatch");
    swatch.setStyle("-fx-background-color: " + web(colour) + ";");
    title.setText(track.title());
    title.getStyleClass().add("lane-title");
    HBox top = new HBox(7, swatch, title);
    top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    var clip = track.clip();
    Label info =
        new Label(
            String.format(
                Locale.ROOT,
                "%.1f kHz · %s",
                clip.sampleRate() / 1000.0,
                org.tsestudio.app.ui.TimeFormat.format(clip.durationSeconds(), 2)));
    info.getStyleClass().add("lane-info");
    Label source =
        new Label(clip.source() == null ? "(in memory)" : clip.source().getFileName().toString());
    source.getStyleClass().add("lane-source");
    peakLabel.getStyleClass().add("lane-source");
    VBox box = new VBox(3, top, info, peakLabel, source);
    box.getStyleClass().add("lane-header");
    box.setPadding(new Insets(8, 8, 8, 10));
    box.setMinWidth(HEADER_WIDTH);
    box.setPrefWidth(HEADER_WIDTH);
    box.setMaxWidth(HEADER_WIDTH);
    return box;
  }

  private static String web(Color c) {
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        (int) (c.getRed() * 255),
        (int) (c.getGreen() * 255),
        (int) (c.getBlue() * 255));
  }

  public Track track() {
    return track;
  }

  /** True once the waveform's pyramid is ready and has been drawn at least once. */
  public boolean isWaveformDrawn() {
    return pyramid != null && !dirty;
  }

  Canvas contentCanvas() {
    return content;
  }

  void setHeardLabel(String text, boolean heard) {
    title.setText(text);
    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("heard"), heard);
  }

  void markDirty() {
    dirty = true;
    owner.requestPaint();
  }

  private void resizeCanvases() {
    double w = canvasPane.getWidth();
    double h = canvasPane.getHeight();
    content.setWidth(w);
    content.setHeight(h);
    overlay.setWidth(w);
    overlay.setHeight(h);
    markDirty();
  }

  /** Draws the content if something changed; called once per pulse by the tracks view. */
  void paintIfDirty() {
    if (!dirty) {
      return;
    }
    dirty = false;
    double w = content.getWidth();
    double h = content.getHeight();
    GraphicsContext g = content.getGraphicsContext2D();
    g.setFill(Palette.LANE_BACKGROUND);
    g.fillRect(0, 0, w, h);
    if (w < 2 || h < 2) {
      return;
    }
    DisplayMode mode = owner.displayMode();
    double start = timeline.viewStart();
    double span = timeline.viewSpan();
    double waveHeight = mode == DisplayMode.BOTH ? Math.round(h * 0.42) : h;
    if (mode != DisplayMode.WAVEFORM) {
      double sy = mode == DisplayMode.BOTH ? waveHeight : 0;
      spectrogram().paint(g, start, span, 0, sy, w, h - sy);
      FrequencyAxis.paint(g, owner.frequencyScale(), track.clip().sampleRate(), sy, h - sy);
      if (mode == DisplayMode.BOTH) {
        g.setStroke(Palette.LANE_SPLIT);
        g.strokeLine(0, sy + 0.5, w, sy + 0.5);
      }
    }
    if (mode != DisplayMode.SPECTROGRAM) {
      var clip = track.clip();
      waveform.paint(
          g,
          pyramid,
          clip.signal().samples(),
          clip.sampleRate(),
          start,
          span,
          displayGain(),
          0,
          0,
          w,
          waveHeight);
    }
  }

  /** Quiet clips are drawn as large as loud ones; the header tells the true peak. */
  private double displayGain() {
    float peak = pyramid == null ? 1f : pyramid.peak();
    return peak <= 1e-4f ? 1 : Math.min(24, 1 / peak);
  }

  private SpectrogramPainter spectrogram() {
    FrequencyScale scale = owner.frequencyScale();
    ColourMap colours = owner.colourMap();
    if (spectrogram == null || spectrogram.analysis().scale() != scale) {
      if (spectrogram != null) {
        spectrogram.dispose();
      }
      var clip = track.clip();
      spectrogram =
          new SpectrogramPainter(
              new SpectrogramAnalysis(clip.signal().samples(), clip.sampleRate(), scale),
              colours,
              queue,
              this::markDirty);
    }
    spectrogram.setColourMap(colours);
    return spectrogram;
  }

  /** Redraws selection, loop and playhead. */
  void paintOverlay(boolean loop) {
    double w = overlay.getWidth();
    double h = overlay.getHeight();
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    Selection sel = timeline.selection();
    if (sel != null) {
      double x0 = timeline.xAt(sel.start(), w);
      double x1 = timeline.xAt(sel.end(), w);
      g.setFill(Palette.SELECTION_FILL);
      g.fillRect(x0, 0, x1 - x0, h);
      g.setStroke(loop ? Palette.LOOP_EDGE : Palette.SELECTION_EDGE);
      g.setLineWidth(1);
      g.strokeLine(Math.floor(x0) + 0.5, 0, Math.floor(x0) + 0.5, h);
      g.strokeLine(Math.floor(x1) + 0.5, 0, Math.floor(x1) + 0.5, h);
    }
    double px = Math.floor(timeline.xAt(timeline.playhead(), w)) + 0.5;
    if (px >= 0 && px <= w) {
      g.setStroke(Palette.PLAYHEAD);
      g.setLineWidth(1.5);
      g.strokeLine(px, 0, px, h);
    }
  }

  void dispose() {
    disposed = true;
    if (spectrogram != null) {
      spectrogram.dispose();
    }
  }
}
