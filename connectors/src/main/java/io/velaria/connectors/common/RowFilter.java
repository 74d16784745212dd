package io.velaria.connectors.common;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.ColumnPredicate.Op;
import io.velaria.engine.type.PhysicalKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An early filter for a file reader: drops rows of a decoded batch that fail the pushed-down
 * predicates, so fewer rows travel to the engine. The engine re-applies its whole filter, so a
 * predicate this class does not understand (an operand of an unexpected class, a binary or
 * vector column) is simply not used, never guessed at.
 */
public final class RowFilter {
  private final List<ColumnPredicate> predicates;

  private RowFilter(List<ColumnPredicate> predicates) {
    this.predicates = predicates;
  }

  /**
   * The usable predicates among {@code all} for columns of the given physical kinds, or null
   * when none is usable.
   */
  public static RowFilter of(List<ColumnPredicate> all, List<PhysicalKind> kinds) {
    List<ColumnPredicate> usable = new ArrayList<>();
    for (ColumnPredicate p : all) {
      if (p.column() >= 0 && p.column() < kinds.size() && usable(p, kinds.get(p.column()))) {
        usable.add(p);
      }
    }
    return usable.isEmpty() ? null : new RowFilter(List.copyOf(usable));
  }

  private static boolean usable(ColumnPredicate p, PhysicalKind kind) {
    if (p.op() == Op.IS_NULL || p.op() == Op.IS_NOT_NULL) {
      return true;
    }
    if (p.values().isEmpty() || (p.op() != Op.IN && p.values().size() != 1)) {
      return false;
    }
    for (Object v : p.values()) {
      boolean ok;
      switch (kind) {
        case LONG: ok = v instanceof Long || v instanceof Integer || v instanceof Short
            || v instanceof Byte; break;
        case DOUBLE: ok = v instanceof Number; break;
        case BOOLEAN: ok = v instanceof Boolean; break;
        case STRING: ok = v instanceof String; break;
        default: ok = false;
      }
      if (!ok && !(v == null && p.op() == Op.IN)) {
        return false;
      }
    }
    return true;
  }

  /** Table columns the predicates read. */
  public int[] columns() {
    return predicates.stream().mapToInt(ColumnPredicate::column).distinct().toArray();
  }

  /**
   * Writes the positions of rows in {@code [0, rows)} that pass every predicate to {@code sel}
   * and returns their count. {@code columnOf[c]} is the decoded column of table column c.
   */
  public int filter(Column[] columnOf, int rows, int[] sel) {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      boolean keep = true;
      for (int k = 0; k < predicates.size() && keep; k++) {
        ColumnPredicate p = predicates.get(k);
        keep = test(p, columnOf[p.column()], r);
      }
      if (keep) {
        sel[n++] = r;
      }
    }
    return n;
  }

  private static boolean test(ColumnPredicate p, Column c, int r) {
    boolean isNull = c.isNull(r);
    if (p.op() == Op.IS_NULL) {
      return isNull;
    }
    if (p.op() == Op.IS_NOT_NULL) {
      return !isNull;
    }
    if (isNull) {
      return false;
    }
    if (p.op() == Op.IN) {
      for (Object v : p.values()) {
        if (v != null && compare(c, r, v) == 0) {
          return true;
        }
      }
      return false;
    }
    int cmp = compare(c, r, p.values().get(0));
    switch (p.op()) {
      case EQ: return cmp == 0;
      case NE: return cmp != 0;
      case LT: return cmp < 0;
      case LE: return cmp <= 0;
      case GT: return cmp > 0;
      case GE: return cmp >= 0;
      default: return true;
    }
  }

  private static int compare(Column c, int r, Object v) {
    if (c instanceof LongColumn) {
      return Long.compare(((LongColumn) c).get(r), ((Number) v).longValue());
    }
    if (c instanceof DoubleColumn) {
      double a = ((DoubleColumn) c).get(r);
      double b = ((Number) v).doubleValue();
      // SQL: -0.0 = 0.0; NaN sorts above every number (as in PostgreSQL).
      return a < b ? -1 : a > b ? 1 : a == b ? 0 : Double.compare(a, b);
    }
    if (c instanceof BooleanColumn) {
      return Boolean.compare(((BooleanColumn) c).get(r), (Boolean) v);
    }
    return ((StringColumn) c).get(r).compareTo((String) v);
  }
}
