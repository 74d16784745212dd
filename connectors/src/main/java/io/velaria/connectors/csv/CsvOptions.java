package io.velaria.connectors.csv;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parsed and validated OPTIONS of a CSV table. */
final class CsvOptions {
  static final List<String> KEYS = List.of("path", "delimiter", "header", "quote", "escape",
      "null_value", "lenient", "encoding", "skip_rows", "sample_rows");
  /** Never equal to a byte, so comparisons with a disabled quote or escape fail. */
  static final int NONE = 256;

  final String path;
  final byte delimiter;
  final boolean header;
  /** The quote byte, or {@link #NONE} when quoting is off. */
  final int quote;
  /** The escape byte inside quotes, or {@link #NONE}. */
  final int escape;
  /** Bytes of the text that means NULL besides the empty unquoted field, or null. */
  final byte[] nullValue;
  final String nullText;
  final boolean lenient;
  final Charset charset;
  final int skipRows;
  final int sampleRows;

  CsvOptions(Map<String, String> raw, char defaultDelimiter) {
    for (String k : raw.keySet()) {
      if (!KEYS.contains(k.toLowerCase(Locale.ROOT))) {
        throw error("unknown CSV option '" + k + "'; valid options are " + String.join(", ", KEYS));
      }
    }
    path = get(raw, "path");
    String d = get(raw, "delimiter");
    delimiter = d == null ? (byte) defaultDelimiter : delimiterByte(d);
    header = bool(raw, "header", true);
    String q = get(raw, "quote");
    quote = q == null ? '"' : q.isEmpty() ? NONE : singleByte("quote", q);
    String esc = get(raw, "escape");
    escape = esc == null || esc.isEmpty() ? NONE : singleByte("escape", esc);
    lenient = bool(raw, "lenient", false);
    charset = charset(get(raw, "encoding"));
    nullText = get(raw, "null_value");
    nullValue = nullText == null || nullText.isEmpty() ? null : nullText.getBytes(charset);
    skipRows = count(raw, "skip_rows", 0);
    sampleRows = Math.max(1, count(raw, "sample_rows", 1000));
    if (quote == delimiter || escape == delimiter) {
      throw error("CSV delimiter and quote/escape must differ");
    }
  }

  private static String get(Map<String, String> raw, String key) {
    for (Map.Entry<String, String> e : raw.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static byte delimiterByte(String d) {
    if (d.equalsIgnoreCase("tab") || d.equals("\\t")) {
      return '\t';
    }
    return (byte) singleByte("delimiter", d);
  }

  private static int singleByte(String key, String v) {
    if (v.equals("\\\\")) {
      return '\\';
    }
    if (v.length() != 1 || v.charAt(0) > 127 || v.charAt(0) == '\n' || v.charAt(0) == '\r') {
      throw error("option " + key + " must be one ASCII character (or 'tab' for the delimiter),"
          + " got '" + v + "'");
    }
    return v.charAt(0);
  }

  private static boolean bool(Map<String, String> raw, String key, boolean dflt) {
    String v = get(raw, key);
    if (v == null) {
      return dflt;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw error("option " + key + " must be 'true' or 'false', got '" + v + "'");
  }

  private static int count(Map<String, String> raw, String key, int dflt) {
    String v = get(raw, key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw error("option " + key + " must be a non-negative integer, got '" + v + "'");
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    Charset cs;
    try {
      cs = Charset.forName(name);
    } catch (RuntimeException e) {
      throw error("unknown encoding '" + name + "'");
    }
    // The reader finds delimiters, quotes and newlines by byte, which is only right when
    // ASCII characters are single bytes of the same value (UTF-8, Latin-1, windows-125x...).
    byte[] probe = "a,\"\n".getBytes(cs);
    if (!Arrays.equals(probe, "a,\"\n".getBytes(StandardCharsets.US_ASCII))) {
      throw error("encoding '" + name + "' is not ASCII-compatible; CSV files must use an"
          + " encoding such as UTF-8 or ISO-8859-1");
    }
    return cs;
  }

  static VelariaException error(String message) {
    return new VelariaException(SqlStates.SYNTAX_ERROR, message);
  }

  String delimiterText() {
    return delimiter == '\t' ? "\\t" : String.valueOf((char) delimiter);
  }
}
