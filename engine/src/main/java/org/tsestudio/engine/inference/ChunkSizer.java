package org.tsestudio.engine.inference;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the longest chunk a model can process at once from the memory available to it.
 *
 * <p>Peak inference memory grows linearly with the input length. Measured with DJL 0.36 on CPU
 * (random-init default models, VmHWM growth between 40 s and 80 s inputs): v7 (8 kHz, stride 8, dim
 * 128) about 33 MB per second of audio, v8 (16 kHz, stride 16, widest stage 256) about 13 MB. The
 * estimate below, frames per second x widest layer x 4 bytes x 64, gives 65 MB/s for both, a safe
 * margin over those figures for models of other widths.
 */
final class ChunkSizer {

  /** Share of the available memory one chunk may use (the rest is for the app and the OS). */
  static final double MEMORY_SHARE = 0.4;

  /**
   * Chunks never exceed this: progress and cancellation stay responsive on long files, and a
   * 10-minute file stays under 2 GB of peak memory (60 s chunks measured 2.7 GB with v8 on CPU).
   */
  static final double LONGEST_SECONDS = 30;

  /** Chunks are never shorter than this, however little memory there is. */
  static final double SHORTEST_SECONDS = 8;

  private static final double BYTES_PER_ACTIVATION = 4 * 64;

  private ChunkSizer() {}

  /** Estimated peak bytes per second of audio for the model of this card. */
  static double bytesPerSecond(ModelCard card) {
    double stride = Math.max(1, card.modelArg("stride", 8));
    double widest = card.modelArg("enc_filters", 256);
    widest = Math.max(widest, card.modelArg("dim", 0) * card.modelArg("expand", 2));
    // A U-Net's deeper stages run at half, quarter, ... frame rate: its full-rate stage dominates.
    if (card.modelArgs().get("stage_dims") instanceof java.util.List<?> dims
        && !dims.isEmpty()
        && dims.get(0) instanceof Double first) {
      widest = Math.max(widest, first * card.modelArg("expand", 2));
    }
    return card.sampleRate() / stride * widest * BYTES_PER_ACTIVATION;
  }

  /**
   * Samples per frame at the model's coarsest time resolution: the encoder stride, times two for
   * every downsampling stage of a U-Net ({@code stage_dims}).
   */
  static int frameGrid(ModelCard card) {
    int grid = (int) Math.max(1, card.modelArg("stride", 1));
    if (card.modelArgs().get("stage_dims") instanceof java.util.List<?> dims && !dims.isEmpty()) {
      grid <<= dims.size() - 1;
    }
    return grid;
  }

  /** The chunk length in seconds for {@code availableBytes} of free memory. */
  static double chunkSeconds(ModelCard card, long availableBytes) {
    double seconds = MEMORY_SHARE * availableBytes / bytesPerSecond(card);
    return Math.max(SHORTEST_SECONDS, Math.min(LONGEST_SECONDS, seconds));
  }

  /** Memory free for inference: GPU memory on a GPU, else the system's available memory. */
  static long availableBytes(TseModel model) {
    if (model.onGpu()) {
      try {
        MemoryUsage usage = ai.djl.util.cuda.CudaUtils.getGpuMemory(ai.djl.Device.gpu());
        return usage.getMax() - usage.getCommitted();
      } catch (RuntimeException | UnsatisfiedLinkError e) {
        // CUDA not queryable: fall through to the system memory, a rough but safe guess
      }
    }
    return systemAvailableBytes();
  }

  /** Linux's MemAvailable (free plus reclaimable cache), else what the JVM reports as free. */
  static long systemAvailableBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: use the JVM's view below
    }
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getFreeMemorySize();
    }
    return 2L << 30;
  }
}
