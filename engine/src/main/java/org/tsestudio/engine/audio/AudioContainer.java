package org.tsestudio.engine.audio;

/** File formats the reader understands, recognised by content, never by file name. */
public enum AudioContainer {
  WAV,
  FLAC,
  MP3
}
