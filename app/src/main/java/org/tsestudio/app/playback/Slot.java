package org.tsestudio.app.playback;

/** The three things the A/B player switches between. */
public enum Slot {
  MIXTURE("M", "Mixture"),
  A("A", "A"),
  B("B", "B");

  private final String key;
  private final String label;

  Slot(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The keyboard key that selects this slot. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }
}
