package org.tsestudio.app.spectrogram;

/**
 * Perceptually ordered colour maps for spectrograms, as 256-entry ARGB tables interpolated between
 * a few anchor colours (dark for quiet, bright for loud).
 */
public enum ColourMap {
  MAGMA(
      "Magma", 0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287,
      0xfcfdbf),
  VIRIDIS(
      "Viridis", 0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaadc32,
      0xfde725),
  INFERNO(
      "Inferno", 0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98e09, 0xf8c932,
      0xfcffa4),
  ICE("Ice", 0x05070d, 0x0b1d3a, 0x123d6b, 0x1f6095, 0x3a86b7, 0x6aabcf, 0xa3cde3, 0xe0f1f7),
  GREY("Greyscale", 0x000000, 0xffffff);

  private final String label;
  private final int[] table = new int[256];

  ColourMap(String label, int... anchors) {
    this.label = label;
    for (int i = 0; i < 256; i++) {
      double pos = i / 255.0 * (anchors.length - 1);
      int k = Math.min(anchors.length - 2, (int) Math.floor(pos));
      double a = pos - k;
      table[i] = 0xff000000 | mix(anchors[k], anchors[k + 1], a);
    }
  }

  private static int mix(int c0, int c1, double a) {
    int r = (int) Math.round(((c0 >> 16) & 0xff) * (1 - a) + ((c1 >> 16) & 0xff) * a);
    int g = (int) Math.round(((c0 >> 8) & 0xff) * (1 - a) + ((c1 >> 8) & 0xff) * a);
    int b = (int) Math.round((c0 & 0xff) * (1 - a) + (c1 & 0xff) * a);
    return (r << 16) | (g << 8) | b;
  }

  /** The ARGB colour for a level in [0, 1] (clamped). */
  public int argb(double level) {
    double l = Double.isNaN(level) ? 0 : Math.max(0, Math.min(1, level));
    return table[(int) Math.round(l * 255)];
  }

  @Override
  public String toString() {
    return label;
  }
}
