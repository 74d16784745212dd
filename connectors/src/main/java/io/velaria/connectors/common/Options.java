package io.velaria.connectors.common;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;

/** Reading typed OPTIONS values shared by the connectors. */
public final class Options {
  private Options() {}

  /** A positive integer option, or {@code dflt} when absent; junk is error 42000. */
  public static int positiveInt(TableSpec spec, String key, int dflt) {
    String v = spec.option(key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option '" + key + "' must be a positive integer, not '" + v + "'");
    }
  }
}
