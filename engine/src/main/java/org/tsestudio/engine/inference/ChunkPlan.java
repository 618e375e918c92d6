package org.tsestudio.engine.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * How a long mixture is cut into overlapping chunks and put together again. Neighbouring chunks
 * overlap by {@code overlap} samples and are cross-faded there with complementary raised-cosine
 * weights (they sum to one), so each output sample mixes at most two chunks and a chunk's edges,
 * where it lacks context, weigh little.
 */
final class ChunkPlan {

  /** One chunk: samples {@code [start, end)} of the mixture. */
  record Chunk(int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final int total;
  private final int overlap;
  private final List<Chunk> chunks;

  /**
   * Plans chunks of at most {@code maxLength} samples over {@code total} samples. The overlap is
   * reduced to half a chunk at most so that no sample falls in three chunks.
   */
  ChunkPlan(int total, int maxLength, int overlap) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("chunks must hold at least two samples");
    }
    this.total = total;
    this.overlap = Math.max(1, Math.min(overlap, maxLength / 2));
    this.chunks = new ArrayList<>();
    if (total <= maxLength) {
      chunks.add(new Chunk(0, total));
    } else {
      int hop = maxLength - this.overlap;
      for (int start = 0; ; start += hop) {
        int end = Math.min(total, start + maxLength);
        chunks.add(new Chunk(start, end));
        if (end == total) {
          break;
        }
      }
    }
  }

  List<Chunk> chunks() {
    return chunks;
  }

  /**
   * Adds a chunk's output into {@code out} with its cross-fade weights. Calling this for every
   * chunk gives the whole output.
   */
  void addInto(float[] out, int index, float[] chunkOutput) {
    Chunk chunk = chunks.get(index);
    int fadeInEnd = index == 0 ? chunk.start() : chunks.get(index - 1).end();
    int fadeOutStart = index == chunks.size() - 1 ? chunk.end() : chunks.get(index + 1).start();
    for (int i = chunk.start(); i < chunk.end(); i++) {
      double weight = 1.0;
      if (i < fadeInEnd) {
        weight = rise(i - chunk.start(), fadeInEnd - chunk.start());
      } else if (i >= fadeOutStart) {
        weight = 1.0 - rise(i - fadeOutStart, chunk.end() - fadeOutStart);
      }
      out[i] += (float) (weight * chunkOutput[i - chunk.start()]);
    }
  }

  /** Raised-cosine rise over {@code length} samples, sampled at sample centres. */
  private static double rise(int position, int length) {
    double s = Math.sin(0.5 * Math.PI * (position + 0.5) / length);
    return s * s;
  }

  int total() {
    return total;
  }
}
