package org.tsestudio.app.extraction;

import java.util.ServiceLoader;

/** Finds the installed extractor. */
public final class ExtractionServices {
  private ExtractionServices() {}

  /** The first registered {@link ExtractionService}, else one that explains why there is none. */
  public static ExtractionService discover() {
    return ServiceLoader.load(ExtractionService.class)
        .findFirst()
        .orElseGet(
            () ->
                new UnavailableExtractionService(
                    ModelCatalog.discover(ModelCatalog.defaultFolder())));
  }
}
