package io.velaria.engine.sql.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Helpers called from the grammar actions (includes/*.ftl) and from the node classes. */
final class VelariaParserSupport {
  private VelariaParserSupport() {}

  /** True for a token that reads as a word: lets reserved words serve as option names. */
  static boolean isWord(String image) {
    if (image == null || image.isEmpty() || !Character.isLetter(image.charAt(0))) {
      return false;
    }
    for (int i = 1; i < image.length(); i++) {
      char c = image.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** The text of a string literal; continued literals ('a' 'b') arrive as a call and are joined. */
  static String stringValue(SqlNode node) {
    return SqlLiteral.unchain(node).getValueAs(String.class);
  }

  /** Java value of a literal: options are plain data for connectors, not SQL nodes. */
  static Object literalValue(SqlNode node) {
    SqlLiteral literal = SqlLiteral.unchain(node);
    if (literal.getTypeName() == SqlTypeName.NULL) {
      return null;
    }
    if (literal instanceof SqlNumericLiteral) {
      BigDecimal value = literal.bigDecimalValue();
      if (((SqlNumericLiteral) literal).isExact() && value.scale() <= 0) {
        try {
          return value.longValueExact();
        } catch (ArithmeticException tooBig) {
          return value;
        }
      }
      return value;
    }
    if (literal.getTypeName() == SqlTypeName.BOOLEAN) {
      return literal.booleanValue();
    }
    return literal.getValueAs(String.class);
  }

  /** A parse error at a position; the parser turns it into a SqlParseException with line/column. */
  static CalciteContextException error(SqlParserPos pos, String message) {
    // The parser keeps the cause's message and this exception's position (normalizeException).
    return new CalciteContextException(message, new RuntimeException(message),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }

  static List<String> names(SqlNodeList list) {
    List<String> names = new ArrayList<>();
    if (list != null) {
      for (SqlNode node : list) {
        names.add(((SqlIdentifier) node).getSimple());
      }
    }
    return names;
  }

  /** Writes a literal option value back as SQL. */
  static void unparseValue(SqlWriter writer, Object value) {
    if (value == null) {
      writer.keyword("NULL");
    } else if (value instanceof String) {
      writer.literal(quote((String) value));
    } else if (value instanceof Boolean) {
      writer.keyword(((Boolean) value) ? "TRUE" : "FALSE");
    } else {
      writer.literal(value.toString());
    }
  }

  /** Writes an option key as a quoted string so reserved words and odd spellings survive. */
  static void unparseKey(SqlWriter writer, String key) {
    writer.literal(quote(key));
  }

  /** Writes (k sep v, ...); sep is ":" for OPTIONS, "=" for WITH, null for COPY's (K v). */
  static void unparseOptions(SqlWriter writer, Map<String, Object> map, String sep) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (Map.Entry<String, Object> e : map.entrySet()) {
      writer.sep(",");
      if (sep == null) {
        // COPY keys are words; writing them bare keeps "FORMAT parquet" readable.
        writer.keyword(e.getKey().toUpperCase(Locale.ROOT));
      } else {
        unparseKey(writer, e.getKey());
        writer.print(sep);
        writer.print(" ");
      }
      unparseValue(writer, e.getValue());
    }
    writer.endList(frame);
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
