package org.tsestudio.app.spectrogram;

/** The vertical axis of a spectrogram. */
public enum FrequencyScale {
  LINEAR("Linear"),
  MEL("Log-mel");

  private final String label;

  FrequencyScale(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
