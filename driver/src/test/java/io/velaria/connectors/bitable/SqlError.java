package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;

/** The SQLState and message of the SQLException an action throws. */
final class SqlError {
  interface Action {
    void run() throws Exception;
  }

  final String state;
  final String message;

  private SqlError(String state, String message) {
    this.state = state;
    this.message = message;
  }

  static SqlError of(Action a) {
    try {
      a.run();
    } catch (SQLException e) {
      return new SqlError(e.getSQLState(), e.getMessage());
    } catch (Exception e) {
      fail("expected an SQLException, got " + e, e);
    }
    fail("expected an SQLException");
    return null;
  }
}
