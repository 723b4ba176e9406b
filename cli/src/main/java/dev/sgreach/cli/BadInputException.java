package dev.sgreach.cli;

/** Input the user can fix: a queries file line, an endpoint, a snapshot. Printed as one line, exit status 2. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
