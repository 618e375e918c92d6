package org.tsestudio.app;

public final class StudioLauncher {
  public static void main(String[] args) {
    javafx.application.Application.launch(StudioApp.class, args);
  }
}
