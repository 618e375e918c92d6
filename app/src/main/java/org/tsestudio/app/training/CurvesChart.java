package org.tsestudio.app.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The training curves as a JFreeChart: the loss above, the two validation SI-SDRi curves below, on
 * one step axis, in the workstation's dark theme. JFreeChart's viewer gives zoom (drag) and a
 * context menu. Redrawn once per pulse however many points arrive.
 */
final class CurvesChart extends StackPane {
  static final Color BACKGROUND = new Color(0x20, 0x24, 0x2b);
  static final Color PLOT = new Color(0x11, 0x13, 0x18);
  static final Color GRID = new Color(0x2a, 0x2e, 0x37);
  static final Color TEXT = new Color(0x9a, 0xa3, 0xb2);
  static final Color LOSS = new Color(0x3d, 0x8f, 0xf0);
  static final Color VALID = new Color(0xf5, 0xc4, 0x51);
  static final Color REAL_VALID = new Color(0x5f, 0xd0, 0x8a);

  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private final XYSeries loss = new XYSeries("Training loss", true, false);
  private final XYSeries valid = new XYSeries("Validation SI-SDRi", true, false);
  private final XYSeries realValid = new XYSeries("Real-speech validation SI-SDRi", true, false);
  private final NumberAxis lossAxis = axis("Loss");
  private final TrainingCurves curves;
  private final ChartViewer viewer;
  private final Label empty = new Label("Select a training job, or open a run's metrics.jsonl");
  private boolean redrawQueued;

  CurvesChart(TrainingCurves curves) {
    this.curves = curves;
    getStyleClass().add("curves-chart");
    XYPlot lossPlot = plot(new XYSeriesCollection(loss), lossAxis, false, LOSS);
    NumberAxis sdrAxis = axis("SI-SDRi (dB)");
    XYSeriesCollection sdr = new XYSeriesCollection();
    sdr.addSeries(valid);
    sdr.addSeries(realValid);
    XYPlot sdrPlot = plot(sdr, sdrAxis, true, VALID, REAL_VALID);

    NumberAxis steps = axis("Step");
    steps.setAutoRangeIncludesZero(true);
    steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
    plot.setGap(14);
    plot.add(lossPlot, 1);
    plot.add(sdrPlot, 1);
    plot.setBackgroundPaint(BACKGROUND);
    plot.setOutlineVisible(false);

    JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
    chart.setBackgroundPaint(BACKGROUND);
    chart.setPadding(new RectangleInsets(8, 4, 4, 12));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setBackgroundPaint(BACKGROUND);
    legend.setItemPaint(TEXT);
    legend.setItemFont(TICK_FONT);
    legend.setFrame(new org.jfree.chart.block.BlockBorder(BACKGROUND));

    viewer = new ChartViewer(chart);
    viewer.setId("curves-viewer");
    empty.getStyleClass().add("chart-empty");
    empty.setMouseTransparent(true);
    getChildren().addAll(viewer, empty);

    ListChangeListener<CurvePoint> changed = c -> queueRedraw();
    curves.loss().addListener(changed);
    curves.valid().addListener(changed);
    curves.realValid().addListener(changed);
    redraw();
  }

  private static NumberAxis axis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setLabelFont(LABEL_FONT);
    a.setLabelPaint(TEXT);
    a.setTickLabelFont(TICK_FONT);
    a.setTickLabelPaint(TEXT);
    a.setAxisLinePaint(GRID);
    a.setTickMarkPaint(GRID);
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  private static XYPlot plot(
      XYSeriesCollection data, NumberAxis axis, boolean points, Color... colours) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, points);
    for (int i = 0; i < colours.length; i++) {
      r.setSeriesPaint(i, colours[i]);
      r.setSeriesStroke(i, new BasicStroke(points ? 2f : 1.6f));
      r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    XYPlot p = new XYPlot(data, null, axis, r);
    p.setBackgroundPaint(PLOT);
    p.setOutlinePaint(GRID);
    p.setDomainGridlinePaint(GRID);
    p.setRangeGridlinePaint(GRID);
    p.setDomainGridlineStroke(new BasicStroke(1f));
    p.setRangeGridlineStroke(new BasicStroke(1f));
    p.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    return p;
  }

  /** Coalesces a burst of points (a whole log read at once) into one redraw. */
  private void queueRedraw() {
    if (!redrawQueued) {
      redrawQueued = true;
      Platform.runLater(this::redraw);
    }
  }

  private void redraw() {
    redrawQueued = false;
    fill(loss, curves.loss());
    fill(valid, curves.valid());
    fill(realValid, curves.realValid());
    fitLossAxis(curves.loss());
    empty.setVisible(curves.isEmpty());
  }

  private static void fill(XYSeries series, ObservableList<CurvePoint> points) {
    series.setNotify(false);
    series.clear();
    for (CurvePoint p : points) {
      series.add(p.step(), p.value(), false);
    }
    series.setNotify(true);
  }

  /**
   * The first steps' loss is often many times the rest (random weights, learning-rate warm-up);
   * scaled to it, the curve that matters would be a flat line. The axis spans the loss after the
   * first tenth of the steps; the early points run off the top.
   */
  private void fitLossAxis(List<CurvePoint> points) {
    double[] range = LossRange.of(points);
    if (range == null) {
      lossAxis.setAutoRange(true);
    } else {
      lossAxis.setRange(range[0], range[1]);
    }
  }

  /** The viewer, for tests. */
  ChartViewer viewer() {
    return viewer;
  }
}
