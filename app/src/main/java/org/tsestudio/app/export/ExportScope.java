package org.tsestudio.app.export;

/** Which mixtures an export covers. */
public enum ExportScope {
  CURRENT("Current mixture"),
  QUEUE("Whole queue");

  private final String label;

  ExportScope(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
