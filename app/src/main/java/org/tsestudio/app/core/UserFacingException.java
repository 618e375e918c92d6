package org.tsestudio.app.core;

/** A failure of the app itself whose message is already the line the user should read. */
public final class UserFacingException extends Exception {
  public UserFacingException(String message) {
    super(message);
  }
}
