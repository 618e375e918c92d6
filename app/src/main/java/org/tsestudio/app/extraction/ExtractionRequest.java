package org.tsestudio.app.extraction;

import org.tsestudio.engine.audio.AudioSignal;

/**
 * One extraction: the target speaker's voice out of {@code mixture}, guided by {@code reference}.
 *
 * @param model a {@link ModelChoice#name()}
 * @param device where to run, one of {@link ExtractionService#devices()}
 */
public record ExtractionRequest(
    AudioSignal mixture, AudioSignal reference, String model, String device) {}
