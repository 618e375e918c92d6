package org.tsestudio.cli;

import java.util.function.ToDoubleFunction;

/** The per-item metrics that eval reports and compare pairs: console label, JSON/CSV key, value. */
enum Metric {
  SI_SDRI("SI-SDRi (dB)", "si_sdri", ItemScore::siSdri),
  SDRI("SDRi (dB)", "sdri", ItemScore::sdri),
  SI_SDR("SI-SDR (dB)", "si_sdr", ItemScore::siSdr),
  STOI("STOI", "stoi", ItemScore::stoi),
  ESTOI("ESTOI", "estoi", ItemScore::estoi);

  final String label;
  final String key;
  private final ToDoubleFunction<ItemScore> value;

  Metric(String label, String key, ToDoubleFunction<ItemScore> value) {
    this.label = label;
    this.key = key;
    this.value = value;
  }

  double of(ItemScore item) {
    return value.applyAsDouble(item);
  }
}
