package org.tsestudio.app.waveform;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws a waveform from a {@link PeakPyramid}: per pixel column a peak bar with the RMS inside it,
 * or, zoomed in to fewer than two samples per pixel, the sample curve itself. Cost is one pyramid
 * query per column, independent of file length.
 */
public final class WaveformPainter {
  private final Color peak;
  private final Color rms;
  private final Color axis;
  private float[] min = new float[0];
  private float[] max = new float[0];
  private float[] level = new float[0];

  public WaveformPainter(Color peak, Color rms, Color axis) {
    this.peak = peak;
    this.rms = rms;
    this.axis = axis;
  }

  /**
   * @param startSeconds time at the left edge
   * @param spanSeconds time across the width
   * @param gain display gain (quiet signals are drawn larger; clipped at the lane edges)
   */
  public void paint(
      GraphicsContext g,
      PeakPyramid pyramid,
      float[] samples,
      int sampleRate,
      double startSeconds,
      double spanSeconds,
      double gain,
      double x,
      double y,
      double width,
      double height) {
    double mid = y + height / 2;
    double half = height / 2 * 0.92 * gain;
    double edge = height / 2 * 0.98;
    g.setStroke(axis);
    g.setLineWidth(1);
    g.strokeLine(x, Math.floor(mid) + 0.5, x + width, Math.floor(mid) + 0.5);
    int columns = (int) Math.ceil(width);
    if (columns <= 0 || pyramid == null) {
      return;
    }
    double samplesPerColumn = spanSeconds * sampleRate / width;
    double first = startSeconds * sampleRate;
    if (samplesPerColumn < 2) {
      paintCurve(g, samples, first, samplesPerColumn, x, mid, half, edge, columns);
      return;
    }
    ensure(columns);
    pyramid.columns(first, samplesPerColumn, min, max, level);
    g.setFill(peak);
    for (int c = 0; c < columns; c++) {
      if (!Float.isNaN(min[c])) {
        double top = mid - Math.min(edge, clamp(max[c]) * half);
        double bottom = mid - Math.max(-edge, clamp(min[c]) * half);
        g.fillRect(x + c, top, 1, Math.max(1, bottom - top));
      }
    }
    g.setFill(rms);
    for (int c = 0; c < columns; c++) {
      if (!Float.isNaN(level[c])) {
        double r = Math.min(clamp(level[c]), Math.min(clamp(max[c]), -clamp(min[c])));
        double h = Math.min(edge, Math.max(0, r) * half);
        if (h >= 0.5) {
          g.fillRect(x + c, mid - h, 1, 2 * h);
        }
      }
    }
  }

  private void paintCurve(
      GraphicsContext g,
      float[] samples,
      double first,
      double samplesPerColumn,
      double x,
      double mid,
      double half,
      double edge,
      int columns) {
    int from = (int) Math.max(0, Math.floor(first));
    int to = (int) Math.min(samples.length - 1, Math.ceil(first + columns * samplesPerColumn));
    if (to < from) {
      return;
    }
    g.setStroke(peak);
    g.setLineWidth(1.25);
    g.beginPath();
    for (int i = from; i <= to; i++) {
      double px = x + (i - first) / samplesPerColumn;
      double py = mid - Math.max(-edge, Math.min(edge, samples[i] * half));
      if (i == from) {
        g.moveTo(px, py);
      } else {
        g.lineTo(px, py);
      }
    }
    g.stroke();
    if (samplesPerColumn < 0.125) {
      g.setFill(rms);
      for (int i = from; i <= to; i++) {
        double px = x + (i - first) / samplesPerColumn;
        g.fillOval(px - 2, mid - Math.max(-edge, Math.min(edge, samples[i] * half)) - 2, 4, 4);
      }
    }
  }

  /** columns() fills one entry per array element, so the buffers match the width exactly. */
  private void ensure(int columns) {
    if (min.length != columns) {
      min = new float[columns];
      max = new float[columns];
      level = new float[columns];
    }
  }

  private static double clamp(float v) {
    return Math.max(-1, Math.min(1, v));
  }
}
