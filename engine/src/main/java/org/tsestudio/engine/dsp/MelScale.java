package org.tsestudio.engine.dsp;

/**
 * The two mel scales in common use. They agree roughly below 1 kHz and differ above it; pick the
 * one the features are meant to match, and do not mix them.
 *
 * <ul>
 *   <li>{@link #HTK}: {@code mel = 2595 log10(1 + f / 700)} (O'Shaughnessy 1987, as used by the HTK
 *       toolkit, {@code torchaudio}'s default and {@code librosa}'s {@code htk=True}). 1000 Hz maps
 *       to 1000 mel.
 *   <li>{@link #SLANEY}: linear below 1 kHz ({@code mel = 3 f / 200}, so 1000 Hz is 15 mel) and
 *       logarithmic above ({@code mel = 15 + 27 ln(f / 1000) / ln 6.4}, so 6400 Hz is 42 mel),
 *       after Slaney's Auditory Toolbox; {@code librosa}'s default and {@code torchaudio}'s {@code
 *       mel_scale="slaney"}.
 * </ul>
 */
public enum MelScale {
  HTK,
  SLANEY;

  private static final double SLANEY_LINEAR_HZ_PER_MEL = 200.0 / 3.0;
  private static final double SLANEY_BREAK_HZ = 1000.0;
  private static final double SLANEY_BREAK_MEL = SLANEY_BREAK_HZ / SLANEY_LINEAR_HZ_PER_MEL;
  private static final double SLANEY_LOG_STEP = Math.log(6.4) / 27.0;

  /** Converts a frequency in Hz (>= 0) to mel on this scale. */
  public double hzToMel(double hz) {
    return switch (this) {
      case HTK -> 2595.0 * Math.log10(1.0 + hz / 700.0);
      case SLANEY ->
          hz < SLANEY_BREAK_HZ
              ? hz / SLANEY_LINEAR_HZ_PER_MEL
              : SLANEY_BREAK_MEL + Math.log(hz / SLANEY_BREAK_HZ) / SLANEY_LOG_STEP;
    };
  }

  /** Converts mel on this scale back to Hz. */
  public double melToHz(double mel) {
    return switch (this) {
      case HTK -> 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
      case SLANEY ->
          mel < SLANEY_BREAK_MEL
              ? mel * SLANEY_LINEAR_HZ_PER_MEL
              : SLANEY_BREAK_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_BREAK_MEL));
    };
  }
}
