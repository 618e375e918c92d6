package org.tsestudio.app.extraction;

/**
 * A model the user can extract with.
 *
 * @param name registry name, e.g. {@code "v7"}
 * @param description one line for the model list
 * @param sampleRate the rate the model works at (outputs come back at this rate)
 */
public record ModelChoice(String name, String description, int sampleRate) {}
