package io.velaria.connectors.parquet;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.ColumnPredicate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Decides from a row group's column statistics (min, max, null count) that no row of it can
 * satisfy a pushed predicate. Anything uncertain keeps the row group: the engine filters again.
 */
final class ParquetStats {
  private ParquetStats() {}

  static boolean canSkip(BlockMetaData block, MessageType schema, ParquetTable table,
      List<ColumnPredicate> predicates) {
    for (ColumnPredicate p : predicates) {
      if (p.column() < 0 || p.column() >= table.dataColumns.size()) {
        continue; // e.g. the filename column
      }
      ColumnDef c = table.dataColumns.get(p.column());
      Type f = null;
      for (Type t : schema.getFields()) {
        if (t.getName().equalsIgnoreCase(c.name())) {
          f = t;
        }
      }
      if (f == null || !f.isPrimitive()) {
        continue;
      }
      ParquetField m = ParquetField.primitive(f.asPrimitiveType());
      ColumnChunkMetaData chunk = null;
      for (ColumnChunkMetaData cc : block.getColumns()) {
        if (cc.getPath().size() == 1 && cc.getPath().toArray()[0].equals(f.getName())) {
          chunk = cc;
        }
      }
      if (chunk == null) {
        continue;
      }
      try {
        if (cannotMatch(p, m, chunk.getStatistics(), block.getRowCount())) {
          return true;
        }
      } catch (RuntimeException e) {
        // unusual statistics: keep the row group
      }
    }
    return false;
  }

  private static boolean cannotMatch(ColumnPredicate p, ParquetField m, Statistics<?> s,
      long rows) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    boolean nullsKnown = s.isNumNullsSet();
    boolean allNull = nullsKnown && s.getNumNulls() >= rows;
    switch (p.op()) {
      case IS_NULL:
        return nullsKnown && s.getNumNulls() == 0;
      case IS_NOT_NULL:
        return allNull;
      default:
        break;
    }
    if (allNull) {
      return true; // comparisons are never true on NULL
    }
    if (!s.hasNonNullValue()) {
      return false;
    }
    Object min = m.engineValue(s.genericGetMin());
    Object max = m.engineValue(s.genericGetMax());
    if (isNaN(min) || isNaN(max)) {
      return false;
    }
    List<Object> vs = p.values();
    if (vs.isEmpty() || vs.stream().anyMatch(v -> v == null)) {
      return false;
    }
    Object v = vs.get(0);
    Integer lo = compare(v, min);
    Integer hi = compare(v, max);
    if (lo == null || hi == null) {
      return false;
    }
    switch (p.op()) {
      case EQ: return lo < 0 || hi > 0;
      case LT: return lo <= 0; // v <= min: nothing is below v
      case LE: return lo < 0;
      case GT: return hi >= 0;
      case GE: return hi > 0;
      case IN:
        for (Object x : vs) {
          Integer a = compare(x, min);
          Integer b = compare(x, max);
          if (a == null || b == null || (a >= 0 && b <= 0)) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  private static boolean isNaN(Object o) {
    return o instanceof Double && ((Double) o).isNaN();
  }

  /** Compares a predicate value with a statistic; null when they cannot be compared. */
  static Integer compare(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      return Long.compare((Long) a, (Long) b);
    }
    if (a instanceof Number && b instanceof Number) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof String && b instanceof String) {
      return Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8),
          ((String) b).getBytes(StandardCharsets.UTF_8));
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return Boolean.compare((Boolean) a, (Boolean) b);
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    }
    return null;
  }
}
