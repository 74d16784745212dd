package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the engine's column predicates into records/search filter conditions (joined with
 * {@code and}). Only conditions whose remote meaning is the same as SQL's, or wider, are sent:
 * the engine re-applies the whole WHERE clause, so a wider remote filter is safe and a narrower
 * one never happens. Dates are compared by the service per day, so a timestamp bound is widened
 * by a day on the open side and equality on dates is not sent.
 */
final class FilterPushdown {
  private FilterPushdown() {}

  private static final long DAY_MS = 86_400_000L;

  /**
   * @param fields the table's fields, by column index
   * @param types the columns' SQL types, by column index
   */
  static List<ObjectNode> conditions(List<ColumnPredicate> predicates, List<BitableField> fields,
      List<DataType> types) {
    List<ObjectNode> out = new ArrayList<>();
    for (ColumnPredicate p : predicates) {
      if (p.column() < 0 || p.column() >= fields.size()) {
        continue;
      }
      ObjectNode c = condition(p, fields.get(p.column()), types.get(p.column()));
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private static ObjectNode condition(ColumnPredicate p, BitableField f, DataType type) {
    switch (p.op()) {
      case IS_NULL:
        // a false checkbox is absent too, but reads as FALSE, not NULL
        return f.type() == FieldTypes.CHECKBOX ? null : make(f, "isEmpty");
      case IS_NOT_NULL:
        return f.type() == FieldTypes.CHECKBOX ? null : make(f, "isNotEmpty");
      default:
        break;
    }
    if (p.values().size() != 1 || p.values().get(0) == null) {
      return null; // IN and odd shapes stay with the engine
    }
    Object v = p.values().get(0);
    switch (f.type()) {
      case FieldTypes.TEXT:
      case FieldTypes.SINGLE_SELECT:
      case FieldTypes.PHONE:
        if (!(v instanceof String)) {
          return null;
        }
        if (p.op() == ColumnPredicate.Op.EQ) {
          return make(f, "is", (String) v);
        }
        if (p.op() == ColumnPredicate.Op.NE) {
          return make(f, "isNot", (String) v);
        }
        return null;
      case FieldTypes.NUMBER:
        return number(p, f, type, v);
      case FieldTypes.DATE:
      case FieldTypes.CREATED_TIME:
      case FieldTypes.MODIFIED_TIME:
        return date(p, f, v);
      default:
        return null;
    }
  }

  private static ObjectNode number(ColumnPredicate p, BitableField f, DataType type, Object v) {
    String text;
    if (type.kind() == TypeKind.DECIMAL && v instanceof Long) {
      text = BigDecimal.valueOf((Long) v, type.scale()).toPlainString();
    } else if (v instanceof Number) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    } else {
      return null;
    }
    switch (p.op()) {
      case EQ: return make(f, "is", text);
      case NE: return make(f, "isNot", text);
      case LT: return make(f, "isLess", text);
      case LE: return make(f, "isLessEqual", text);
      case GT: return make(f, "isGreater", text);
      case GE: return make(f, "isGreaterEqual", text);
      default: return null;
    }
  }

  private static ObjectNode date(ColumnPredicate p, BitableField f, Object v) {
    if (!(v instanceof Long)) {
      return null;
    }
    long ms = (Long) v;
    switch (p.op()) {
      case GT:
      case GE:
        return make(f, "isGreaterEqual", "ExactDate", Long.toString(ms - DAY_MS));
      case LT:
      case LE:
        return make(f, "isLessEqual", "ExactDate", Long.toString(ms + DAY_MS));
      default:
        return null;
    }
  }

  private static ObjectNode make(BitableField f, String operator, String... values) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("field_name", f.name());
    c.put("operator", operator);
    ArrayNode a = c.putArray("value");
    for (String s : values) {
      a.add(s);
    }
    return c;
  }
}
