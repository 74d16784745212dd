package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * Concatenates batches into one, copying whole primitive arrays per column (System.arraycopy)
 * rather than appending row by row. Used to materialize join build sides and sort inputs.
 */
final class BatchConcat {
  private BatchConcat() {}

  static Batch concat(DataType[] types, List<Batch> batches) {
    int total = 0;
    for (Batch b : batches) {
      total += b.rowCount();
    }
    if (batches.size() == 1) {
      return batches.get(0);
    }
    Column[] out = new Column[types.length];
    for (int c = 0; c < types.length; c++) {
      out[c] = concatColumn(types[c], batches, c, total);
    }
    return new Batch(out, total);
  }

  private static Column concatColumn(DataType type, List<Batch> batches, int c, int total) {
    boolean[] nulls = null;
    int pos = 0;
    for (Batch b : batches) {
      boolean[] n = b.column(c).nulls();
      if (n != null) {
        if (nulls == null) {
          nulls = new boolean[total];
        }
        System.arraycopy(n, 0, nulls, pos, b.rowCount());
      }
      pos += b.rowCount();
    }
    Object values;
    int width = 1;
    switch (type.physical()) {
      case LONG: values = new long[total]; break;
      case DOUBLE: values = new double[total]; break;
      case BOOLEAN: values = new boolean[total]; break;
      case STRING: values = new String[total]; break;
      case BYTES: values = new byte[total][]; break;
      case FLOAT_ARRAY:
        if (type.isVectorOfAnyDimension() && !batches.isEmpty()) {
          // the plan's type may not know the dimension; the columns do
          type = batches.get(0).column(c).type();
        }
        width = type.dimension();
        values = new float[total * width];
        break;
      default: throw new IllegalStateException();
    }
    pos = 0;
    for (Batch b : batches) {
      int n = b.rowCount();
      System.arraycopy(valuesOf(b.column(c)), 0, values, pos * width, n * width);
      pos += n;
    }
    switch (type.physical()) {
      case LONG: return new LongColumn(type, total, (long[]) values, nulls);
      case DOUBLE: return new DoubleColumn(type, total, (double[]) values, nulls);
      case BOOLEAN: return new BooleanColumn(type, total, (boolean[]) values, nulls);
      case STRING: return new StringColumn(type, total, (String[]) values, nulls);
      case BYTES: return new BytesColumn(type, total, (byte[][]) values, nulls);
      default: return new FloatArrayColumn(type, total, (float[]) values, nulls);
    }
  }

  private static Object valuesOf(Column c) {
    if (c instanceof LongColumn) {
      return ((LongColumn) c).values();
    } else if (c instanceof DoubleColumn) {
      return ((DoubleColumn) c).values();
    } else if (c instanceof BooleanColumn) {
      return ((BooleanColumn) c).values();
    } else if (c instanceof StringColumn) {
      return ((StringColumn) c).values();
    } else if (c instanceof BytesColumn) {
      return ((BytesColumn) c).values();
    }
    return ((FloatArrayColumn) c).values();
  }

  /** An all-NULL column of each type, {@code n} rows. */
  static Column[] nullColumns(DataType[] types, int n) {
    Column[] out = new Column[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = io.velaria.engine.column.Columns.constant(types[i], null, n);
    }
    return out;
  }
}
