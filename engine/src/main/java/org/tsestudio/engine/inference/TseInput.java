package org.tsestudio.engine.inference;

/**
 * One model call: a mixture chunk and the prepared reference, both mono at the model's rate.
 *
 * @param mixture mixture samples
 * @param reference reference samples (silence trimmed, length capped)
 */
public record TseInput(float[] mixture, float[] reference) {}
