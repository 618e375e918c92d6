package org.tsestudio.app.extraction;

import org.tsestudio.engine.audio.AudioSignal;

/**
 * One extraction: the target speaker's voice out of {@code mixture}, guided by {@code reference}.
 *
 * @param mixture the mixture, any rate
 * @param mixtureName what error messages call the mixture (its file)
 * @param reference a clean clip of the wanted talker, any rate
 * @param referenceName what error messages call the reference (its file, or how it was made)
 * @param model the model to run
 * @param device where to run, one of {@link ExtractionService#devices()}
 */
public record ExtractionRequest(
    AudioSignal mixture,
    String mixtureName,
    AudioSignal reference,
    String referenceName,
    ModelChoice model,
    String device) {}
