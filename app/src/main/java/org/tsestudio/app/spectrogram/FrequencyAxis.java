package org.tsestudio.app.spectrogram;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Frequency labels at the left edge of a spectrogram, placed on the same scale the rows use:
 * linear, or Slaney's mel scale (linear to 1 kHz, logarithmic above) as the engine's filter bank.
 */
public final class FrequencyAxis {
  private static final double[] TICKS = {250, 500, 1000, 2000, 4000, 8000, 16000};
  private static final Font FONT = Font.font("System", 9.5);
  private static final Color TEXT = Color.web("#e6e9ef", 0.85);
  private static final Color SHADE = Color.web("#000000", 0.45);

  private FrequencyAxis() {}

  /** Position of {@code hz} from the bottom, 0..1. */
  public static double position(double hz, double nyquist, FrequencyScale scale) {
    if (scale == FrequencyScale.LINEAR) {
      return hz / nyquist;
    }
    return slaney(hz) / slaney(nyquist);
  }

  static double slaney(double hz) {
    return hz < 1000 ? hz * 3 / 200 : 15 + 27 * Math.log(hz / 1000) / Math.log(6.4);
  }

  public static void paint(
      GraphicsContext g, FrequencyScale scale, int sampleRate, double y, double height) {
    if (height < 40) {
      return;
    }
    double nyquist = sampleRate / 2.0;
    g.setFont(FONT);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double lastY = Double.MAX_VALUE;
    for (double hz : TICKS) {
      if (hz >= nyquist * 0.97) {
        break;
      }
      double py = y + height * (1 - position(hz, nyquist, scale));
      if (lastY - py < 14 || py < y + 6) {
        continue;
      }
      lastY = py;
      String label = hz >= 1000 ? (int) (hz / 1000) + "k" : String.valueOf((int) hz);
      g.setFill(SHADE);
      g.fillRect(0, py - 6, label.length() * 6 + 8, 12);
      g.setFill(TEXT);
      g.fillText(label, 3, py);
      g.fillRect(label.length() * 6 + 8, py, 4, 1);
    }
  }
}
