package org.tsestudio.engine.inference;

/**
 * DJL settings applied before the engine first loads: offline, so that DJL never tries to download
 * native libraries or model-zoo metadata (the PyTorch natives come as a Maven dependency; see
 * docs/GPU.md for the CUDA ones), and TorchScript's profiling executor off. Settings given on the
 * command line win.
 */
final class DjlSetup {

  private DjlSetup() {}

  static synchronized void apply() {
    setIfAbsent("ai.djl.offline", "DJL_OFFLINE", "true");
    // DJL's telemetry call would be a network request too (offline mode also skips it).
    setIfAbsent("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
    setIfAbsent("disableProgressBar", "DISABLE_PROGRESS_BAR", "true");
    // TorchScript's profiling executor spends the first two runs of a model profiling and
    // re-compiling it: measured on 2 CPU cores, 10 s of v8 took 4.5-5 s in each of those runs and
    // 0.8 s after, against 0.8-0.9 s from the first run with it off. A CLI run is mostly first
    // runs.
    // (DJL reads this one as a system property only, on every forward call.)
    setIfAbsent("ai.djl.pytorch.graph_optimizer", null, "false");
  }

  private static void setIfAbsent(String property, String env, String value) {
    if (System.getProperty(property) == null && (env == null || System.getenv(env) == null)) {
      System.setProperty(property, value);
    }
  }
}
