package org.tsestudio.app.model;

/** Where a queued mixture stands. */
public enum ItemStatus {
  NEW("Not extracted"),
  QUEUED("Queued"),
  RUNNING("Extracting"),
  DONE("Done"),
  FAILED("Failed"),
  CANCELLED("Cancelled");

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
