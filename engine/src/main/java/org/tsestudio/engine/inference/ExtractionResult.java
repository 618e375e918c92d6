package org.tsestudio.engine.inference;

import org.tsestudio.engine.audio.AudioSignal;

/**
 * The extracted voice and how it was made.
 *
 * @param audio the target talker's voice, at the mixture's rate and length, level-matched
 * @param referenceSeconds how much of the reference was used (after trimming and capping)
 * @param chunks how many chunks the mixture was processed in
 * @param gain the level-matching gain applied to the model's output
 * @param inferenceSeconds wall time spent in the model
 * @param totalSeconds wall time of the whole extraction (decoding excluded)
 */
public record ExtractionResult(
    AudioSignal audio,
    double referenceSeconds,
    int chunks,
    double gain,
    double inferenceSeconds,
    double totalSeconds) {

  /** Real-time factor: processing time over audio duration (below 1 is faster than real time). */
  public double realTimeFactor() {
    return totalSeconds / audio.durationSeconds();
  }
}
