package io.velaria.functions;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;

/** User errors raised by functions, with their SQLStates. */
public final class Errors {
  private Errors() {}

  public static VelariaException outOfRange(String function) {
    return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
        function + ": numeric value out of range");
  }

  public static VelariaException invalidArgument(String function, String what) {
    return new VelariaException("22023", function + ": " + what);
  }

  public static VelariaException invalidRegex(String pattern, String why) {
    return new VelariaException("2201B",
        "invalid regular expression '" + pattern + "': " + why);
  }

  public static VelariaException badText(String function, String text, String type) {
    return new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
        function + ": invalid " + type + " value '" + text + "'");
  }
}
