package org.tsestudio.app.extraction;

import java.nio.file.Path;

/**
 * A model the user can extract with.
 *
 * @param name unique name, also the key of its output in an item, e.g. {@code "v7"}
 * @param description one line for the model list
 * @param sampleRate the rate the model works at
 * @param card the model card of a model registered from a file, or null for the shipped models,
 *     which the engine finds by name
 */
public record ModelChoice(String name, String description, int sampleRate, Path card) {

  /** What the engine's {@code ExtractorCriteria.setModel} is given: the card, else the name. */
  public String location() {
    return card != null ? card.toString() : name;
  }
}
