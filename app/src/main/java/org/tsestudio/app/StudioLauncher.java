package org.tsestudio.app;

import java.util.Locale;
import java.util.Map;

/**
 * Starts the workstation. JavaFX answers a missing or unreachable display with a stack trace from
 * deep inside its toolkit; the user gets one line saying what is wrong and what to do instead.
 */
public final class StudioLauncher {

  private StudioLauncher() {}

  public static void main(String[] args) {
    String problem = displayProblem(System.getenv(), System.getProperties());
    if (problem != null) {
      System.err.println("tse studio: " + problem);
      System.exit(2);
    }
    try {
      javafx.application.Application.launch(StudioApp.class, args);
    } catch (UnsupportedOperationException e) {
      // Glass throws this when DISPLAY names a server that cannot be opened.
      System.err.println(
          "tse studio: cannot open the display "
              + System.getenv().getOrDefault("DISPLAY", "")
              + " ("
              + e.getMessage()
              + "); run it in a desktop session or under xvfb-run");
      System.exit(2);
    }
  }

  /**
   * Why the window cannot open, or null: on Linux a desktop needs DISPLAY (X11) or WAYLAND_DISPLAY
   * unless a headless glass platform (Monocle, as the tests use) was chosen.
   */
  static String displayProblem(Map<String, String> env, java.util.Properties properties) {
    boolean linux =
        properties.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    boolean headless = "Monocle".equalsIgnoreCase(properties.getProperty("glass.platform", ""));
    boolean hasDisplay =
        !env.getOrDefault("DISPLAY", "").isBlank()
            || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    if (linux && !headless && !hasDisplay) {
      return "no display (DISPLAY is not set): run it in a desktop session, or under xvfb-run";
    }
    return null;
  }
}
