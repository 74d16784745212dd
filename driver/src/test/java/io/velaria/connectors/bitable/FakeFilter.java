package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** The fake server's records/search filter: the operators the connector sends. */
final class FakeFilter {
  private FakeFilter() {}

  /** Whether a record passes; null when the filter is invalid (code 1254018). */
  static Boolean matches(FakeBitableServer.Table table, JsonNode filter, ObjectNode record) {
    if (filter.isMissingNode() || filter.isNull()) {
      return true;
    }
    String conj = filter.path("conjunction").asText("and");
    if (!conj.equals("and") && !conj.equals("or")) {
      return null;
    }
    boolean and = conj.equals("and");
    boolean result = and;
    for (JsonNode c : filter.path("conditions")) {
      ObjectNode field = table.field(c.path("field_name").asText());
      if (field == null) {
        return null;
      }
      Boolean m = condition(field.path("type").asInt(), c.path("operator").asText(),
          c.path("value"), record.get(c.path("field_name").asText()));
      if (m == null) {
        return null;
      }
      result = and ? result && m : result || m;
    }
    return result;
  }

  private static Boolean condition(int type, String op, JsonNode value, JsonNode v) {
    boolean empty = v == null || v.isNull() || (v.isArray() && v.size() == 0)
        || (v.isTextual() && v.asText().isEmpty());
    switch (op) {
      case "isEmpty": return empty;
      case "isNotEmpty": return !empty;
      default: break;
    }
    if (!value.isArray() || value.size() == 0) {
      return null;
    }
    switch (type) {
      case FieldTypes.NUMBER: {
        BigDecimal want;
        try {
          want = new BigDecimal(value.get(0).asText());
        } catch (NumberFormatException e) {
          return null;
        }
        if (empty) {
          return op.equals("isNot");
        }
        int c = v.decimalValue().compareTo(want);
        return compare(op, c);
      }
      case FieldTypes.DATE:
      case FieldTypes.CREATED_TIME:
      case FieldTypes.MODIFIED_TIME: {
        if (!value.get(0).asText().equals("ExactDate") || value.size() != 2) {
          return null;
        }
        long want = FakeBitableServer.day(Long.parseLong(value.get(1).asText()));
        if (empty) {
          return op.equals("isNot");
        }
        return compare(op, Long.compare(FakeBitableServer.day(v.asLong()), want));
      }
      case FieldTypes.TEXT:
      case FieldTypes.SINGLE_SELECT:
      case FieldTypes.PHONE: {
        String have = empty ? "" : text(v);
        String want = value.get(0).asText();
        switch (op) {
          case "is": return !empty && have.equals(want);
          case "isNot": return empty || !have.equals(want);
          case "contains": return !empty && have.contains(want);
          case "doesNotContain": return empty || !have.contains(want);
          default: return null;
        }
      }
      default:
        return null;
    }
  }

  private static Boolean compare(String op, int c) {
    switch (op) {
      case "is": return c == 0;
      case "isNot": return c != 0;
      case "isGreater": return c > 0;
      case "isGreaterEqual": return c >= 0;
      case "isLess": return c < 0;
      case "isLessEqual": return c <= 0;
      default: return null;
    }
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      v.forEach(s -> sb.append(s.path("text").asText()));
      return sb.toString();
    }
    return v.asText();
  }
}
