package org.tsestudio.app.spectrogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.dsp.MelSpectrogram;

class SpectrogramAnalysisTest {

  @Test
  void finestTilesAreTheEngineSpectrogram() throws Exception {
    float[] x = AudioFiles.readMono(Examples.mixture()).samples();
    SpectrogramAnalysis a = new SpectrogramAnalysis(x, 16000, FrequencyScale.MEL);
    assertEquals(512, a.fftSize());
    float[][] direct = MelSpectrogram.standard(16000, 512, a.hop(0), a.rows()).compute(x, 256, 256);
    float[][] tile = a.tile(0, 1);
    assertEquals(256, tile.length);
    for (int f = 0; f < 256; f++) {
      assertArrayEquals(direct[f], tile[f], 1e-3f, "frame " + f);
    }
  }

  @Test
  void coarseTilesCoverTheFileAndAverageInsideEachFrame() throws Exception {
    float[] x = AudioFiles.readMono(Examples.mixture()).samples();
    SpectrogramAnalysis a = new SpectrogramAnalysis(x, 16000, FrequencyScale.LINEAR);
    int level = a.levels() - 1;
    int frames = a.frameCount(level);
    float[][] tile = a.tile(level, 0);
    assertEquals(Math.min(frames, SpectrogramAnalysis.TILE_FRAMES), tile.length);
    assertEquals(257, tile[0].length);
    double top = a.topDb();
    for (float[] row : tile) {
      for (float v : row) {
        assertTrue(v <= top + 1e-3 && v >= -100.01, "value " + v);
      }
    }
  }

  @Test
  void levelForPicksFramesNoWiderThanAPixel() {
    SpectrogramAnalysis a =
        new SpectrogramAnalysis(new float[16000 * 600], 16000, FrequencyScale.MEL);
    assertEquals(0, a.levelFor(10));
    int l = a.levelFor(6400);
    assertTrue(a.hop(l) <= 6400 && (l + 1 == a.levels() || a.hop(l + 1) > 6400));
    // Every level of a long file can be computed, the coarsest included.
    for (int level = 0; level < a.levels(); level++) {
      assertEquals(a.rows(), a.tile(level, a.tileCount(level) - 1)[0].length);
    }
  }
}
