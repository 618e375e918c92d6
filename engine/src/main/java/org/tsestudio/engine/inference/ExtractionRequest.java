package org.tsestudio.engine.inference;

import java.nio.file.Path;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * What to extract: a mixture and a reference clip of the wanted talker, any rate, mono. The names
 * are what error messages call them (usually the file names).
 */
public record ExtractionRequest(
    AudioSignal mixture, String mixtureName, AudioSignal reference, String referenceName) {

  /** Reads both files (mixed down to mono). */
  public static ExtractionRequest read(Path mixture, Path reference) throws TseException {
    return new ExtractionRequest(
        AudioFiles.readMono(mixture),
        mixture.toString(),
        AudioFiles.readMono(reference),
        reference.toString());
  }

  /** A request for signals already in memory. */
  public static ExtractionRequest of(AudioSignal mixture, AudioSignal reference) {
    return new ExtractionRequest(mixture, "mixture", reference, "reference");
  }
}
