package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.util.regex.Pattern;

/**
 * LIKE with an optional ESCAPE. A constant pattern is compiled once: plain text, prefix,
 * suffix and infix patterns use String methods; the rest a regular expression.
 */
final class LikeEvaluator implements Evaluator {
  private final Evaluator value;
  private final Evaluator pattern;
  private final Character escape;
  private final boolean caseInsensitive;
  private Matcher constantMatcher;

  LikeEvaluator(Evaluator value, Evaluator pattern, Character escape, boolean caseInsensitive) {
    this.value = value;
    this.pattern = pattern;
    this.escape = escape;
    this.caseInsensitive = caseInsensitive;
    if (pattern instanceof ConstantEvaluator && ((ConstantEvaluator) pattern).value() != null) {
      constantMatcher = compile(((ConstantEvaluator) pattern).value().toString());
    }
  }

  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }

  @Override
  public Column evaluate(Batch input) {
    StringColumn v = (StringColumn) value.evaluate(input);
    int n = v.size();
    boolean[] out = new boolean[n];
    String[] s = v.values();
    if (constantMatcher != null) {
      Matcher m = constantMatcher;
      for (int i = 0; i < n; i++) {
        if (s[i] != null) {
          out[i] = m.matches(caseInsensitive ? s[i].toLowerCase() : s[i]);
        }
      }
      return new BooleanColumn(DataType.BOOLEAN, n, out, v.nulls());
    }
    StringColumn p = (StringColumn) pattern.evaluate(input);
    boolean[] nulls = NumericViews.orNulls(v, p);
    String lastPattern = null;
    Matcher m = null;
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      String pi = p.get(i);
      if (!pi.equals(lastPattern)) {
        m = compile(pi);
        lastPattern = pi;
      }
      out[i] = m.matches(caseInsensitive ? s[i].toLowerCase() : s[i]);
    }
    return new BooleanColumn(DataType.BOOLEAN, n, out, nulls);
  }

  interface Matcher {
    boolean matches(String s);
  }

  private Matcher compile(String raw) {
    String p = caseInsensitive ? raw.toLowerCase() : raw;
    StringBuilder literal = new StringBuilder();
    StringBuilder regex = new StringBuilder();
    boolean simple = true;
    boolean leadingPercent = false;
    boolean trailingPercent = false;
    int percents = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 >= p.length()) {
          throw new VelariaException(SqlStates.DATA_EXCEPTION,
              "LIKE pattern '" + raw + "' ends with the escape character");
        }
        char next = p.charAt(++i);
        literal.append(next);
        regex.append(Pattern.quote(String.valueOf(next)));
        continue;
      }
      if (c == '%') {
        percents++;
        if (i == 0) {
          leadingPercent = true;
        } else if (i == p.length() - 1) {
          trailingPercent = true;
        } else {
          simple = false;
        }
        regex.append(".*");
      } else if (c == '_') {
        simple = false;
        regex.append('.');
      } else {
        literal.append(c);
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    String lit = literal.toString();
    if (simple && percents <= 2 && !(percents == 1 && p.length() == 1)) {
      if (leadingPercent && trailingPercent) {
        return s -> s.contains(lit);
      }
      if (leadingPercent) {
        return s -> s.endsWith(lit);
      }
      if (trailingPercent) {
        return s -> s.startsWith(lit);
      }
      if (percents == 0) {
        return s -> s.equals(lit);
      }
    }
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
    return s -> compiled.matcher(s).matches();
  }
}
