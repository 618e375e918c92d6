package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.RandomInitModels;

class ChunkSizerTest {

  private static ModelCard card(String variantName, RandomInitModels.Variant variant)
      throws Exception {
    return ModelCard.read(RandomInitModels.card(variant));
  }

  @Test
  void estimatesCoverTheMeasuredMemoryOfBothModels() throws Exception {
    ModelCard v7 = card("v7", RandomInitModels.V7);
    ModelCard v8 = card("v8", RandomInitModels.V8);
    // Measured peaks (DJL 0.36, CPU): v7 about 33 MB and v8 about 13 MB per second of audio.
    assertTrue(ChunkSizer.bytesPerSecond(v7) >= 33e6, "v7 " + ChunkSizer.bytesPerSecond(v7));
    assertTrue(ChunkSizer.bytesPerSecond(v8) >= 13e6, "v8 " + ChunkSizer.bytesPerSecond(v8));
    assertEquals(8, ChunkSizer.frameGrid(v7));
    assertEquals(16 * 4, ChunkSizer.frameGrid(v8));
  }

  @Test
  void chunkLengthFollowsTheFreeMemoryWithinItsBounds() throws Exception {
    ModelCard v8 = card("v8", RandomInitModels.V8);
    assertEquals(ChunkSizer.SHORTEST_SECONDS, ChunkSizer.chunkSeconds(v8, 100L << 20));
    assertEquals(ChunkSizer.LONGEST_SECONDS, ChunkSizer.chunkSeconds(v8, 64L << 30));
    double middle = ChunkSizer.chunkSeconds(v8, 4L << 30);
    assertEquals(
        ChunkSizer.MEMORY_SHARE * (4L << 30) / ChunkSizer.bytesPerSecond(v8), middle, 1e-9);
    assertTrue(ChunkSizer.systemAvailableBytes() > 0);
  }
}
