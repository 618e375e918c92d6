package org.tsestudio.app.waveform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.engine.audio.AudioFiles;

class PeakPyramidTest {

  @Test
  void columnsMatchABruteForceScanAtEveryZoom() throws Exception {
    float[] x = AudioFiles.readMono(Examples.mixture()).samples();
    PeakPyramid p = PeakPyramid.build(x, () -> false);
    for (double spp : new double[] {1.5, 7, 64, 100, 1000, 5000, 40000}) {
      int columns = 300;
      float[] min = new float[columns];
      float[] max = new float[columns];
      float[] rms = new float[columns];
      double first = 1234;
      p.columns(first, spp, min, max, rms);
      for (int c = 0; c < columns; c++) {
        long from = (long) Math.floor(first + c * spp);
        long to = Math.min(x.length, Math.max(from + 1, (long) Math.ceil(first + (c + 1) * spp)));
        if (from >= x.length) {
          assertTrue(Float.isNaN(min[c]));
          continue;
        }
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (long i = from; i < to; i++) {
          lo = Math.min(lo, x[(int) i]);
          hi = Math.max(hi, x[(int) i]);
        }
        // Buckets may reach a little past the column, never miss a sample inside it.
        assertTrue(min[c] <= lo && max[c] >= hi, "spp " + spp + " column " + c);
        if (spp < PeakPyramid.BASE) {
          assertEquals(lo, min[c], 0f);
          assertEquals(hi, max[c], 0f);
        }
      }
    }
  }

  @Test
  void peakIsTheLargestMagnitude() {
    float[] x = new float[100_000];
    Random r = new Random(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextGaussian() * 0.1);
    }
    x[77_777] = -0.93f;
    assertEquals(0.93f, PeakPyramid.build(x, () -> false).peak(), 0f);
  }

  @Test
  void cancelledBuildGivesNothing() {
    assertNull(PeakPyramid.build(new float[1 << 20], () -> true));
  }

  @Test
  void tenMinutesAt48kHzNeedFewLevels() {
    PeakPyramid p = PeakPyramid.build(new float[48000 * 600], () -> false);
    assertTrue(p.levels() <= 10, "levels " + p.levels());
  }
}
