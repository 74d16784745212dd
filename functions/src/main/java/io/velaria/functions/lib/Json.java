package io.velaria.functions.lib;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velaria.functions.Errors;
import java.util.ArrayList;
import java.util.List;

/** JSON_VALUE on JSON text with SQL/JSON paths ({@code $.a.b[0]}, {@code $."k"}, {@code $['k']}). */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A compiled path: a list of String (member) and Integer (array index) steps. */
  public static final class Path {
    final List<Object> steps;
    final boolean strict;

    Path(List<Object> steps, boolean strict) {
      this.steps = steps;
      this.strict = strict;
    }
  }

  public static Path path(String text) {
    String t = text.trim();
    boolean strict = false;
    if (t.regionMatches(true, 0, "strict ", 0, 7)) {
      strict = true;
      t = t.substring(7).trim();
    } else if (t.regionMatches(true, 0, "lax ", 0, 4)) {
      t = t.substring(4).trim();
    }
    if (!t.startsWith("$")) {
      throw bad(text);
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '.') {
        i++;
        if (i < t.length() && t.charAt(i) == '"') {
          int end = t.indexOf('"', i + 1);
          if (end < 0) {
            throw bad(text);
          }
          steps.add(t.substring(i + 1, end));
          i = end + 1;
        } else {
          int start = i;
          while (i < t.length() && t.charAt(i) != '.' && t.charAt(i) != '[') {
            i++;
          }
          if (start == i) {
            throw bad(text);
          }
          steps.add(t.substring(start, i));
        }
      } else if (c == '[') {
        int end = t.indexOf(']', i);
        if (end < 0) {
          throw bad(text);
        }
        String in = t.substring(i + 1, end).trim();
        if (in.startsWith("'") || in.startsWith("\"")) {
          steps.add(in.substring(1, in.length() - 1));
        } else {
          try {
            steps.add(Integer.parseInt(in));
          } catch (NumberFormatException e) {
            throw bad(text);
          }
        }
        i = end + 1;
      } else {
        throw bad(text);
      }
    }
    return new Path(steps, strict);
  }

  private static RuntimeException bad(String text) {
    return Errors.invalidArgument("JSON_VALUE", "invalid JSON path '" + text + "'");
  }

  /** The scalar at {@code path} as text, or null (missing, not a scalar, JSON null, bad JSON). */
  public static String value(String json, Path path) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
    for (Object step : path.steps) {
      if (node == null) {
        return null;
      }
      node = step instanceof Integer ? node.get((Integer) step) : node.get((String) step);
    }
    if (node == null || node.isNull() || node.isContainerNode() || node.isMissingNode()) {
      return null;
    }
    return node.asText();
  }
}
