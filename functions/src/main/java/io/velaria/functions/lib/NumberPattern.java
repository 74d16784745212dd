package io.velaria.functions.lib;

import io.velaria.functions.Errors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL/Oracle {@code TO_CHAR} number pattern, compiled once per constant format:
 * {@code 9} a digit (leading zeros become blanks), {@code 0} a digit kept as zero (from the
 * leftmost 0 on), {@code .} / {@code D} the decimal point, {@code ,} / {@code G} a group
 * separator (blank before the first digit), {@code FM} no padding blanks and no trailing zeros
 * in 9 positions after the point, {@code S} a +/- sign where it stands, {@code MI} a trailing
 * minus, {@code PR} negative values in angle brackets, {@code $} and {@code "text"} literals.
 * Without S, MI or PR a minus (or a blank for positive values) goes just before the first
 * digit. Values are rounded half away from zero; too many integer digits print {@code #} in
 * every digit position, as PostgreSQL does.
 */
public final class NumberPattern {
  private enum Kind { DIGIT9, DIGIT0, POINT, GROUP, SIGN, LITERAL }

  private record Token(Kind kind, String text) {}

  private final List<Token> tokens;
  private final boolean fillMode;
  private final boolean minusSuffix;
  private final boolean brackets;
  private final boolean explicitSign;
  private final int intDigits;
  private final int fracDigits;
  private final boolean hasPoint;

  private NumberPattern(List<Token> tokens, boolean fillMode, boolean minusSuffix,
      boolean brackets) {
    this.tokens = tokens;
    this.fillMode = fillMode;
    this.minusSuffix = minusSuffix;
    this.brackets = brackets;
    int ints = 0;
    int fracs = 0;
    boolean point = false;
    boolean sign = false;
    for (Token t : tokens) {
      if (t.kind == Kind.POINT) {
        point = true;
      } else if (t.kind == Kind.DIGIT9 || t.kind == Kind.DIGIT0) {
        if (point) {
          fracs++;
        } else {
          ints++;
        }
      } else if (t.kind == Kind.SIGN) {
        sign = true;
      }
    }
    this.intDigits = ints;
    this.fracDigits = fracs;
    this.hasPoint = point;
    this.explicitSign = sign;
  }

  /** True if the text looks like a number pattern: it has a 9 or 0 and no date field letters. */
  public static boolean looksNumeric(String pattern) {
    boolean digit = false;
    boolean quoted = false;
    String upper = pattern.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '9' || c == '0') {
          digit = true;
        } else if (c == 'Y' || c == 'H' || c == 'A' && !upper.startsWith("PR", i - 1)
            || c == 'Q' || c == 'W' || c == 'J') {
          return false;
        }
      }
    }
    return digit;
  }

  public static NumberPattern compile(String pattern) {
    List<Token> out = new ArrayList<>();
    boolean fm = false;
    boolean mi = false;
    boolean pr = false;
    String p = pattern;
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      String rest = p.substring(i).toUpperCase(Locale.ROOT);
      if (c == '9') {
        out.add(new Token(Kind.DIGIT9, "9"));
        i++;
      } else if (c == '0') {
        out.add(new Token(Kind.DIGIT0, "0"));
        i++;
      } else if (c == '.' || c == 'D' || c == 'd') {
        if (out.stream().anyMatch(t -> t.kind == Kind.POINT)) {
          throw Errors.invalidArgument("TO_CHAR", "number format '" + pattern
              + "' has more than one decimal point");
        }
        out.add(new Token(Kind.POINT, "."));
        i++;
      } else if (c == ',' || c == 'G' || c == 'g') {
        out.add(new Token(Kind.GROUP, ","));
        i++;
      } else if (rest.startsWith("FM")) {
        fm = true;
        i += 2;
      } else if (rest.startsWith("MI")) {
        mi = true;
        i += 2;
      } else if (rest.startsWith("PR")) {
        pr = true;
        i += 2;
      } else if (c == 'S' || c == 's') {
        out.add(new Token(Kind.SIGN, "S"));
        i++;
      } else if (c == '"') {
        int end = p.indexOf('"', i + 1);
        if (end < 0) {
          throw Errors.invalidArgument("TO_CHAR", "number format '" + pattern
              + "' has an unclosed quote");
        }
        out.add(new Token(Kind.LITERAL, p.substring(i + 1, end)));
        i = end + 1;
      } else if (rest.startsWith("EEEE") || c == 'V' || c == 'v' || rest.startsWith("RN")
          || rest.startsWith("TH") || c == 'L' || c == 'l') {
        throw Errors.invalidArgument("TO_CHAR", "number format '" + pattern + "': '"
            + rest.charAt(0) + "' patterns (EEEE, V, RN, TH, L) are not supported; use 9 0 . ,"
            + " D G S MI PR FM $");
      } else {
        out.add(new Token(Kind.LITERAL, String.valueOf(c)));
        i++;
      }
    }
    NumberPattern np = new NumberPattern(List.copyOf(out), fm, mi, pr);
    if (np.intDigits + np.fracDigits == 0) {
      throw Errors.invalidArgument("TO_CHAR", "number format '" + pattern
          + "' has no digit positions (9 or 0)");
    }
    return np;
  }

  public String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return overflow(v < 0);
    }
    return format(BigDecimal.valueOf(v));
  }

  public String format(long unscaled, int scale) {
    return format(BigDecimal.valueOf(unscaled, scale));
  }

  public String format(BigDecimal value) {
    boolean negative = value.signum() < 0;
    BigDecimal abs = value.abs().setScale(fracDigits, RoundingMode.HALF_UP);
    String plain = abs.toPlainString();
    int dot = plain.indexOf('.');
    String intPart = dot < 0 ? plain : plain.substring(0, dot);
    String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
    if (intPart.equals("0")) {
      intPart = fracDigits == 0 ? "0" : "";
    }
    if (negative && abs.signum() == 0) {
      negative = false; // -0.001 rounded to 0.00 prints as 0.00
    }
    if (intPart.length() > intDigits) {
      return overflow(negative);
    }
    // the first integer position that prints a zero instead of a blank
    int zeroFrom = intDigits - intPart.length();
    int pos = 0;
    for (Token t : tokens) {
      if (t.kind == Kind.DIGIT0 && pos < zeroFrom) {
        zeroFrom = pos;
      }
      if (t.kind == Kind.DIGIT9 || t.kind == Kind.DIGIT0) {
        pos++;
      }
      if (t.kind == Kind.POINT) {
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    int intPos = 0;
    int fracPos = 0;
    boolean afterPoint = false;
    boolean started = false; // a digit has been printed
    int numberStart = -1; // where the sign goes when no S/MI/PR
    int trailingNines = 0; // FM: 9-position zeros at the end of the fraction, to trim
    for (Token t : tokens) {
      switch (t.kind) {
        case DIGIT9:
        case DIGIT0:
          if (!afterPoint) {
            int digitIndex = intPos - (intDigits - intPart.length());
            if (digitIndex >= 0) {
              if (!started) {
                numberStart = sb.length();
              }
              sb.append(intPart.charAt(digitIndex));
              started = true;
            } else if (intPos >= zeroFrom) {
              if (!started) {
                numberStart = sb.length();
              }
              sb.append('0');
              started = true;
            } else if (!fillMode) {
              sb.append(' ');
            }
            intPos++;
          } else {
            char d = fracPart.charAt(fracPos++);
            sb.append(d);
            trailingNines = t.kind == Kind.DIGIT9 && d == '0' ? trailingNines + 1 : 0;
          }
          break;
        case POINT:
          if (!started) {
            numberStart = sb.length();
            started = true;
          }
          sb.append('.');
          afterPoint = true;
          trailingNines = 0;
          break;
        case GROUP:
          if (started && !afterPoint) {
            sb.append(',');
          } else if (!fillMode && !afterPoint) {
            sb.append(' ');
          } else if (afterPoint) {
            sb.append(',');
          }
          break;
        case SIGN:
          sb.append(negative ? '-' : '+');
          break;
        default:
          sb.append(t.text);
          trailingNines = 0;
      }
    }
    if (fillMode && trailingNines > 0) {
      sb.setLength(sb.length() - trailingNines);
    }
    if (numberStart < 0) {
      numberStart = sb.length();
    }
    if (brackets) {
      return negative ? insertAt(sb, numberStart, "<") + ">" : fillMode ? sb.toString()
          : " " + sb + " ";
    }
    if (minusSuffix) {
      return sb + (negative ? "-" : fillMode ? "" : " ");
    }
    if (explicitSign) {
      return sb.toString();
    }
    if (negative) {
      return insertAt(sb, numberStart, "-");
    }
    return fillMode ? sb.toString() : insertAt(sb, numberStart, " ");
  }

  private static String insertAt(StringBuilder sb, int at, String s) {
    return new StringBuilder(sb).insert(at, s).toString();
  }

  /** PostgreSQL prints # in every digit position when the value does not fit. */
  private String overflow(boolean negative) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      switch (t.kind) {
        case DIGIT9:
        case DIGIT0: sb.append('#'); break;
        case POINT: sb.append('.'); break;
        case GROUP: sb.append(','); break;
        case SIGN: sb.append(negative ? '-' : '+'); break;
        default: sb.append(t.text);
      }
    }
    if (minusSuffix || brackets || explicitSign || fillMode) {
      return sb.toString();
    }
    return (negative ? "-" : " ") + sb;
  }
}
