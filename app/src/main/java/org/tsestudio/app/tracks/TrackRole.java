package org.tsestudio.app.tracks;

/** What a track shows, in the order tracks are stacked. */
public enum TrackRole {
  MIXTURE,
  REFERENCE,
  OUTPUT,
  TARGET
}
