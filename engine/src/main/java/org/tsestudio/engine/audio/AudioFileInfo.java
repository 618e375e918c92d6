package org.tsestudio.engine.audio;

import java.nio.file.Path;

/**
 * What a file holds, read from its header without decoding the audio.
 *
 * @param encoding how samples are stored, e.g. {@code "PCM 16-bit"}, {@code "float 32-bit"}, {@code
 *     "FLAC 24-bit"}, {@code "MPEG-1 Layer III"}
 * @param bitsPerSample bits of each stored sample (16 for MP3, whose decoder yields 16-bit samples)
 * @param frames samples per channel, or {@link #UNKNOWN_FRAMES} for a FLAC stream that does not say
 */
public record AudioFileInfo(
    Path path,
    AudioContainer container,
    String encoding,
    int sampleRate,
    int channels,
    int bitsPerSample,
    long frames) {

  public static final long UNKNOWN_FRAMES = -1;

  public boolean framesKnown() {
    return frames != UNKNOWN_FRAMES;
  }

  /** Duration in seconds, or NaN when the frame count is unknown. */
  public double durationSeconds() {
    return framesKnown() ? frames / (double) sampleRate : Double.NaN;
  }

  /** A short description such as {@code "WAV PCM 16-bit"} or {@code "FLAC 24-bit"}. */
  public String describe() {
    return container == AudioContainer.WAV ? "WAV " + encoding : encoding;
  }
}
