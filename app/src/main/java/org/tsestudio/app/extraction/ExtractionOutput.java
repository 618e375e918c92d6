package org.tsestudio.app.extraction;

import org.tsestudio.engine.audio.AudioSignal;

/**
 * What an extraction produced.
 *
 * @param audio the target talker's voice at the mixture's rate and length, level-matched to it
 * @param device where the model actually ran, e.g. {@code "CPU"} or {@code "GPU 0"}
 * @param seconds wall time of the extraction (model loading excluded)
 */
public record ExtractionOutput(AudioSignal audio, String device, double seconds) {}
