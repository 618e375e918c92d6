package org.tsestudio.app.extraction;

import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.engine.TseException;

/**
 * The clips of an item, read in the background. A snapshot of what the item already holds is taken
 * on the UI thread; only the missing files are read.
 *
 * @param mixture the mixture (always present after {@link #complete})
 * @param reference the item's own reference, or null
 * @param target the ground truth, or null
 */
public record ItemFiles(Clip mixture, Clip reference, Clip target) {

  /** What the item holds now (UI thread). */
  public static ItemFiles snapshot(StudioItem item) {
    return new ItemFiles(
        item.mixtureProperty().get(), item.referenceProperty().get(), item.targetProperty().get());
  }

  /** Reads whatever the item names but does not hold yet (background thread). */
  public ItemFiles complete(StudioItem item, AudioLoader loader) throws TseException {
    Clip m = mixture != null ? mixture : loader.load(item.mixturePath(), "Mixture");
    Clip r =
        reference != null || item.referencePath() == null
            ? reference
            : loader.load(item.referencePath(), "Reference");
    Clip t =
        target != null || item.targetPath() == null
            ? target
            : loader.load(item.targetPath(), "Ground truth");
    return new ItemFiles(m, r, t);
  }

  /** Stores the clips in the item (UI thread); existing clips are kept. */
  public void applyTo(StudioItem item) {
    if (item.mixtureProperty().get() == null) {
      item.mixtureProperty().set(mixture);
    }
    if (item.referenceProperty().get() == null && reference != null) {
      item.referenceProperty().set(reference);
    }
    if (item.targetProperty().get() == null && target != null) {
      item.targetProperty().set(target);
    }
  }
}
