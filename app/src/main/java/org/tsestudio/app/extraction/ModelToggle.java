package org.tsestudio.app.extraction;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A model in the extraction panel with whether the user wants it run. */
public final class ModelToggle {
  private final ModelChoice model;
  private final BooleanProperty chosen;

  public ModelToggle(ModelChoice model, boolean chosen) {
    this.model = model;
    this.chosen = new SimpleBooleanProperty(this, "chosen", chosen);
  }

  public ModelChoice model() {
    return model;
  }

  public BooleanProperty chosenProperty() {
    return chosen;
  }

  public boolean isChosen() {
    return chosen.get();
  }
}
