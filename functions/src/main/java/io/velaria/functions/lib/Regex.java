package io.velaria.functions.lib;

import io.velaria.functions.Errors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Regular expression bodies (java.util.regex syntax; inline flags such as (?i) work). */
public final class Regex {
  private Regex() {}

  public static Pattern compile(String p) {
    try {
      return Pattern.compile(p);
    } catch (PatternSyntaxException e) {
      throw Errors.invalidRegex(p, e.getDescription());
    }
  }

  /**
   * A replacement string: {@code $1} and PostgreSQL-style {@code \1} refer to groups; other
   * text is literal.
   */
  public static String replacement(String r) {
    StringBuilder sb = new StringBuilder(r.length() + 4);
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      char next = i + 1 < r.length() ? r.charAt(i + 1) : 0;
      if (c == '\\' && Character.isDigit(next)) {
        sb.append('$').append(next);
        i++;
      } else if (c == '\\' && next == '\\') {
        sb.append("\\\\");
        i++;
      } else if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '$' && !Character.isDigit(next)) {
        sb.append("\\$");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static boolean like(String s, Pattern p) {
    return p.matcher(s).find();
  }

  public static String replace(String s, Pattern p, String replacement) {
    return p.matcher(s).replaceAll(replacement);
  }

  /** The group (default: 1 if the pattern has groups, else the whole match), or null. */
  public static String extract(String s, Pattern p, long group) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return null;
    }
    int g = group >= 0 ? (int) group : (m.groupCount() >= 1 ? 1 : 0);
    if (g > m.groupCount()) {
      throw Errors.invalidArgument("REGEXP_EXTRACT", "pattern has " + m.groupCount()
          + " groups, group " + group + " requested");
    }
    return m.group(g);
  }
}
