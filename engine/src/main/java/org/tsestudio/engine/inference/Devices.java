package org.tsestudio.engine.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import org.tsestudio.engine.TseException;

/** Turns a {@link DeviceChoice} into a DJL device. */
final class Devices {

  private Devices() {}

  static Device select(DeviceChoice choice) throws TseException {
    int gpus = gpuCount();
    return switch (choice) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new TseException(
              "no GPU available to DJL (install the CUDA build of the PyTorch natives, see"
                  + " docs/GPU.md, or use --device cpu)");
        }
        yield Device.gpu();
      }
    };
  }

  /** GPUs the PyTorch engine can use (0 with the CPU-only natives). */
  static int gpuCount() throws TseException {
    DjlSetup.apply();
    try {
      return Engine.getEngine("PyTorch").getGpuCount();
    } catch (EngineException | IllegalArgumentException e) {
      throw new TseException("cannot start the PyTorch engine: " + firstLine(e.getMessage()));
    }
  }

  static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
