package org.tsestudio.engine.inference;

/** Receives an extraction's progress, on the extracting thread; must return quickly. */
@FunctionalInterface
public interface ExtractionListener {

  /** A listener that ignores progress. */
  ExtractionListener NONE = (fraction, stage) -> {};

  /**
   * @param fraction done so far, 0 to 1
   * @param stage what is happening, e.g. {@code "chunk 2 of 5"}
   */
  void onProgress(double fraction, String stage);
}
