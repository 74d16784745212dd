package io.velaria.connectors.bitable;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.function.UnaryOperator;

/**
 * Resolves the {@code credentials} option. The option holds only a reference, never the secret
 * itself, so the catalog (which stores options as given) never sees a secret:
 * {@code env:NAME} reads environment variable NAME, {@code sysprop:NAME} reads JVM system
 * property NAME; either holds {@code app_id:app_secret}.
 */
final class Credentials {
  private Credentials() {}

  /** An app's id and secret; {@link #toString()} never shows the secret. */
  record App(String appId, String appSecret) {
    @Override
    public String toString() {
      return "App[" + appId + ", secret hidden]";
    }
  }

  static App resolve(String reference) {
    return resolve(reference, System::getenv, System::getProperty);
  }

  /**
   * Resolves with injectable lookups (tests cannot set environment variables in process).
   * Messages name the reference, never the value behind it.
   */
  static App resolve(String reference, UnaryOperator<String> env, UnaryOperator<String> sysprops) {
    if (reference == null || reference.isBlank()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'credentials' is required: 'env:NAME' or 'sysprop:NAME', naming an environment"
              + " variable or JVM system property that holds app_id:app_secret");
    }
    String ref = reference.trim();
    String value;
    String where;
    if (ref.startsWith("env:") && ref.length() > 4) {
      where = "environment variable " + ref.substring(4);
      value = env.apply(ref.substring(4));
    } else if (ref.startsWith("sysprop:") && ref.length() > 8) {
      where = "system property " + ref.substring(8);
      value = sysprops.apply(ref.substring(8));
    } else {
      // the text may be a pasted secret: never repeat it
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'credentials' must be a reference 'env:NAME' or 'sysprop:NAME' (the secret"
              + " itself is never accepted in OPTIONS, so it cannot end up in the catalog);"
              + " the value given is not shown");
    }
    if (value == null || value.isBlank()) {
      throw new VelariaException("08001",
          "credentials '" + ref + "': " + where + " is not set");
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new VelariaException("08001", "credentials '" + ref + "': " + where
          + " must hold app_id:app_secret (its value is not shown)");
    }
    return new App(value.substring(0, colon).trim(), value.substring(colon + 1).trim());
  }
}
