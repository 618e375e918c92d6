package org.tsestudio.app.tracks;

/** What each lane draws. */
public enum DisplayMode {
  WAVEFORM("Waveform"),
  SPECTROGRAM("Spectrogram"),
  BOTH("Waveform + spectrogram");

  private final String label;

  DisplayMode(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
