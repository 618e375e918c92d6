package org.tsestudio.engine.inference;

/**
 * DJL settings applied before the engine first loads: offline, so that DJL never tries to download
 * native libraries or model-zoo metadata (the PyTorch natives come as a Maven dependency; see
 * docs/GPU.md for the CUDA ones). Settings given on the command line win.
 */
final class DjlSetup {

  private DjlSetup() {}

  static synchronized void apply() {
    setIfAbsent("ai.djl.offline", "DJL_OFFLINE", "true");
    // DJL's telemetry call would be a network request too (offline mode also skips it).
    setIfAbsent("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
    setIfAbsent("disableProgressBar", "DISABLE_PROGRESS_BAR", "true");
  }

  private static void setIfAbsent(String property, String env, String value) {
    if (System.getProperty(property) == null && System.getenv(env) == null) {
      System.setProperty(property, value);
    }
  }
}
