package org.tsestudio.app.export;

/** Which sample rate exported files get. */
public enum RateChoice {
  ORIGINAL("Original (mixture rate)"),
  MODEL("Model rate");

  private final String label;

  RateChoice(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
