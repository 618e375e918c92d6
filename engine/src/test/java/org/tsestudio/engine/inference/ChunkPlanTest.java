package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlanTest {

  @Test
  void crossFadeWeightsSumToOneEverywhere() {
    for (int total : new int[] {1000, 1001, 4999, 5000, 12345}) {
      ChunkPlan plan = new ChunkPlan(total, 1000, 300);
      float[] out = new float[total];
      for (int i = 0; i < plan.chunks().size(); i++) {
        float[] ones = new float[plan.chunks().get(i).length()];
        Arrays.fill(ones, 1f);
        plan.addInto(out, i, ones);
      }
      for (int i = 0; i < total; i++) {
        assertEquals(1.0, out[i], 1e-6, "sample " + i + " of " + total);
      }
    }
  }

  @Test
  void chunksCoverTheInputOverlapAndNeverStackThreeDeep() {
    ChunkPlan plan = new ChunkPlan(10_000, 1000, 300);
    List<ChunkPlan.Chunk> chunks = plan.chunks();
    assertEquals(0, chunks.get(0).start());
    assertEquals(10_000, chunks.get(chunks.size() - 1).end());
    for (int i = 1; i < chunks.size(); i++) {
      assertEquals(300, chunks.get(i - 1).end() - chunks.get(i).start());
      assertTrue(chunks.get(i).length() <= 1000);
      assertTrue(chunks.get(i).length() > 300);
      if (i >= 2) {
        assertTrue(chunks.get(i).start() >= chunks.get(i - 2).end());
      }
    }
    assertEquals(List.of(new ChunkPlan.Chunk(0, 900)), new ChunkPlan(900, 1000, 300).chunks());
    // An overlap of more than half a chunk is reduced so that no sample is in three chunks.
    ChunkPlan wide = new ChunkPlan(5000, 1000, 900);
    for (int i = 2; i < wide.chunks().size(); i++) {
      assertTrue(wide.chunks().get(i).start() >= wide.chunks().get(i - 2).end());
    }
  }
}
