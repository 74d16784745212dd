package io.velaria.engine.sql.calcite;

/**
 * JVM-wide Calcite settings Velaria needs, applied before Calcite reads them: string literals
 * are UTF-8 (Calcite's default ISO-8859-1 rejects text such as emoji). A user's own setting
 * of the same property wins.
 */
public final class CalciteSettings {
  private CalciteSettings() {}

  static {
    setIfAbsent("calcite.default.charset", "UTF-8");
    setIfAbsent("calcite.default.nationalcharset", "UTF-8");
    setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
  }

  /** Loading this class applies the settings; calling it more than once does nothing. */
  public static void apply() {}

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
