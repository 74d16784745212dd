package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitable field types ↔ SQL types and values. Reading: text segments are joined, numbers are
 * DOUBLE (DECIMAL(18, n) when the number formatter fixes n decimals), dates and created /
 * modified times are TIMESTAMP, a checkbox is a BOOLEAN that is false when absent, single
 * select / phone / URL link / auto number are VARCHAR, and structured values (multi select,
 * users, links, attachments, lookups, formulas, location, groups) are VARCHAR JSON text.
 */
final class FieldTypes {
  private FieldTypes() {}

  static final int TEXT = 1;
  static final int NUMBER = 2;
  static final int SINGLE_SELECT = 3;
  static final int MULTI_SELECT = 4;
  static final int DATE = 5;
  static final int CHECKBOX = 7;
  static final int USER = 11;
  static final int PHONE = 13;
  static final int URL = 15;
  static final int ATTACHMENT = 17;
  static final int LINK = 18;
  static final int LOOKUP = 19;
  static final int FORMULA = 20;
  static final int DUPLEX_LINK = 21;
  static final int LOCATION = 22;
  static final int GROUP = 23;
  static final int CREATED_TIME = 1001;
  static final int MODIFIED_TIME = 1002;
  static final int CREATED_BY = 1003;
  static final int MODIFIED_BY = 1004;
  static final int AUTO_NUMBER = 1005;

  /** Formatters like {@code 0.00}, {@code 1,000.00}, {@code ¥0.00}: fixed decimals, no percent. */
  private static final Pattern FIXED = Pattern.compile("[^%]*?[0,]+(?:\\.(0+))?[^%0-9]*");

  static DataType sqlType(BitableField f) {
    switch (f.type()) {
      case NUMBER: {
        String fmt = f.property() == null ? "" : f.property().path("formatter").asText("");
        Matcher m = FIXED.matcher(fmt);
        if (!fmt.isEmpty() && m.matches()) {
          int scale = m.group(1) == null ? 0 : m.group(1).length();
          return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, Math.min(scale, 8));
        }
        return DataType.DOUBLE;
      }
      case DATE:
      case CREATED_TIME:
      case MODIFIED_TIME:
        return DataType.TIMESTAMP;
      case CHECKBOX:
        return DataType.BOOLEAN;
      default:
        return DataType.VARCHAR;
    }
  }

  /** Fields the service computes; INSERT leaves them out. */
  static boolean isReadOnly(int type) {
    return type == LOOKUP || type == FORMULA || type == CREATED_TIME || type == MODIFIED_TIME
        || type == CREATED_BY || type == MODIFIED_BY || type == AUTO_NUMBER;
  }

  /** Appends a record's value (null when the field is absent) to a column of the field's type. */
  static void append(BitableField f, DataType type, JsonNode v, ColumnBuilder out) {
    if (type.kind() == TypeKind.BOOLEAN) {
      // a checkbox is absent when false
      out.appendBoolean(v != null && !v.isNull() && truthy(v));
      return;
    }
    if (v == null || v.isNull() || v.isMissingNode()) {
      out.appendNull();
      return;
    }
    switch (type.kind()) {
      case TIMESTAMP:
        out.appendLong(v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim()));
        return;
      case DOUBLE:
      case REAL:
        out.appendDouble(v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().trim()));
        return;
      case DECIMAL:
        out.appendLong(decimal(v).setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue()
            .longValueExact());
        return;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        out.appendLong(decimal(v).setScale(0, RoundingMode.HALF_UP).longValueExact());
        return;
      default:
        out.appendString(text(f, v));
    }
  }

  private static BigDecimal decimal(JsonNode v) {
    return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
  }

  private static boolean truthy(JsonNode v) {
    return v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText());
  }

  /** The VARCHAR form of a value. */
  static String text(BitableField f, JsonNode v) {
    switch (f.type()) {
      case TEXT:
        return joinSegments(v);
      case URL:
        return v.isObject() ? v.path("link").asText() : v.asText();
      case SINGLE_SELECT:
      case PHONE:
      case AUTO_NUMBER:
        return v.isValueNode() ? v.asText() : joinSegments(v);
      default:
        return v.isTextual() ? v.asText() : v.toString();
    }
  }

  /** Text comes back as {@code [{type, text}, ...]} segments (mentions, links); join them. */
  private static String joinSegments(JsonNode v) {
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode seg : v) {
        sb.append(seg.isObject() ? seg.path("text").asText("") : seg.asText());
      }
      return sb.toString();
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /**
   * The API value for a SQL value (internal representation) when writing; null to leave the
   * field out. JSON-text columns are parsed back into JSON.
   */
  static JsonNode toApi(BitableField f, DataType type, Object value, String columnName) {
    if (value == null) {
      return null;
    }
    try {
      return convert(f, type, value, columnName);
    } catch (VelariaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION, "column '" + columnName
          + "': cannot write " + value + " (" + type.sqlName() + ") to Bitable field type "
          + f.type() + ": " + e.getMessage());
    }
  }

  private static JsonNode convert(BitableField f, DataType type, Object value,
      String columnName) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    switch (f.type()) {
      case NUMBER:
        if (type.kind() == TypeKind.DECIMAL) {
          return n.numberNode(BigDecimal.valueOf((Long) value, type.scale()));
        }
        if (type.kind().isIntegral()) {
          return n.numberNode(((Number) value).longValue());
        }
        return value instanceof Number ? n.numberNode(((Number) value).doubleValue())
            : n.numberNode(new BigDecimal(value.toString().trim()));
      case DATE:
        return n.numberNode(value instanceof Number ? ((Number) value).longValue()
            : io.velaria.engine.util.DateTimes.parseTimestamp(value.toString().trim()));
      case CHECKBOX:
        return n.booleanNode(value instanceof Boolean ? (Boolean) value
            : Boolean.parseBoolean(value.toString().trim()));
      case URL: {
        ObjectNode u = n.objectNode();
        u.put("link", value.toString());
        u.put("text", value.toString());
        return u;
      }
      case MULTI_SELECT: {
        JsonNode parsed = parse(value.toString(), f, columnName);
        if (parsed.isArray()) {
          return parsed;
        }
        ArrayNode one = n.arrayNode();
        one.add(value.toString());
        return one;
      }
      case USER:
      case ATTACHMENT:
      case LINK:
      case DUPLEX_LINK:
      case LOCATION:
      case GROUP:
        return parse(value.toString(), f, columnName);
      default:
        return n.textNode(value.toString());
    }
  }

  private static JsonNode parse(String text, BitableField f, String columnName) {
    try {
      return BitableClient.json().readTree(text);
    } catch (Exception e) {
      if (f.type() == MULTI_SELECT) {
        return JsonNodeFactory.instance.textNode(text);
      }
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION, "column '" + columnName
          + "' (Bitable field type " + f.type() + ") takes JSON text, not '" + text + "'");
    }
  }
}
