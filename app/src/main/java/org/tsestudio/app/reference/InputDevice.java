package org.tsestudio.app.reference;

import javax.sound.sampled.Mixer;

/**
 * A microphone input as javax.sound offers it.
 *
 * @param name shown in the device list
 * @param mixer the mixer to open, or null for the system default
 */
public record InputDevice(String name, Mixer.Info mixer) {
  public static final InputDevice SYSTEM_DEFAULT = new InputDevice("System default", null);

  @Override
  public String toString() {
    return name;
  }
}
