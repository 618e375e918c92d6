package org.tsestudio.app.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the workstation remembers between sessions. A plain data object stored as JSON;
 * missing fields keep these defaults, so an older settings file still loads.
 */
public final class Settings {
  public static final int MAX_RECENT = 10;

  public String openFolder;
  public String exportFolder;
  public String model = "v7,v8";
  public String device = "auto";
  public String inputDevice;
  public String displayMode = "BOTH";
  public String spectrogramScale = "MEL";
  public String colourMap = "MAGMA";
  public String exportEncoding = "PCM_16";
  public String exportRate = "ORIGINAL";
  public boolean loudnessMatch = true;
  public List<String> recentFiles = new ArrayList<>();

  /** Model cards registered from the training panel (or File > Register model), in order. */
  public List<String> registeredModels = new ArrayList<>();

  /** The metrics log last plotted in the training panel. */
  public String metricsLog;

  public double windowX = Double.NaN;
  public double windowY = Double.NaN;
  public double windowWidth = 1440;
  public double windowHeight = 900;
  public boolean windowMaximized;
  public double queueDivider = 0.16;
  public double sideDivider = 0.74;

  /** Puts a file first in the recent list, without duplicates, keeping at most MAX_RECENT. */
  public void addRecent(String path) {
    recentFiles.remove(path);
    recentFiles.add(0, path);
    while (recentFiles.size() > MAX_RECENT) {
      recentFiles.remove(recentFiles.size() - 1);
    }
  }
}
