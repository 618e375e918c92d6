package org.tsestudio.app.reference;

/** The microphone panel's state. */
public enum RecordingState {
  IDLE,
  COUNT_IN,
  RECORDING
}
