package io.velaria.engine.error;

/**
 * A user-facing error: carries an SQLState and a message that says what went wrong and where.
 * The driver turns it into an {@link java.sql.SQLException} with the same state.
 */
public class VelariaException extends RuntimeException {
  private final String sqlState;

  public VelariaException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  public VelariaException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
