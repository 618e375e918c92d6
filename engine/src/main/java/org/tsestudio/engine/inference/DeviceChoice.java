package org.tsestudio.engine.inference;

import java.util.Locale;
import org.tsestudio.engine.TseException;

/** Where inference runs: the CPU, a GPU, or a GPU when DJL finds one (else the CPU). */
public enum DeviceChoice {
  CPU,
  GPU,
  AUTO;

  /** Parses {@code cpu}, {@code gpu} or {@code auto} (any case). */
  public static DeviceChoice parse(String text) throws TseException {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TseException("unknown device '" + text + "' (use cpu, gpu or auto)");
    }
  }
}
