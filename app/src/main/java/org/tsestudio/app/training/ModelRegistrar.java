package org.tsestudio.app.training;

import java.nio.file.Path;

/** Takes a model card exported from a training run and offers its model for extraction. */
@FunctionalInterface
public interface ModelRegistrar {
  /** Called on the UI thread; reports a bad card itself. */
  void register(Path card);
}
