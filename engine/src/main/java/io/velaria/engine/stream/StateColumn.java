package io.velaria.engine.stream;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * One column of a {@link KeyedState}, indexed by group number: a key column (hash, compare,
 * add a group) or a partial-aggregate column (merge a micro-batch's partials into the groups).
 * Numbers live in primitive arrays, so merging boxes nothing.
 */
abstract class StateColumn {
  final DataType type;
  /** nulls[g]: group g's value is NULL (a new group's partials start NULL). */
  boolean[] nulls = new boolean[16];
  int size;

  StateColumn(DataType type) {
    this.type = type;
  }

  static StateColumn of(DataType type) {
    switch (type.physical()) {
      case LONG: return new Longs(type);
      case DOUBLE: return new Doubles(type);
      case STRING:
      case BOOLEAN: return new Objects(type);
      default:
        throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "a stream query cannot keep a "
            + type.sqlName() + " value in its state");
    }
  }

  /** Hash of a key value (the same for equal values, whatever column holds them). */
  abstract int hash(Column c, int row);

  /** Whether group g's key equals row {@code row} of {@code c} (NULL equals NULL). */
  abstract boolean same(int g, Column c, int row);

  /** Adds a group whose value is row {@code row} of {@code c}. */
  abstract void addFrom(Column c, int row);

  /** Adds a group whose value is NULL. */
  abstract void addNull();

  /** Merges partial values: row r of {@code c} into group {@code groups[r]}. */
  abstract void merge(KeyedState.Merge how, Column c, int[] groups, int n);

  /** The values of the listed groups as a column. */
  abstract Column gather(int[] groups, int n);

  /** Group g's value in the internal representation (for the checkpoint), or null. */
  abstract Object get(int g);

  final int grow() {
    if (size == nulls.length) {
      nulls = Arrays.copyOf(nulls, size * 2);
    }
    return size++;
  }

  final boolean[] gatherNulls(int[] groups, int n) {
    boolean[] out = null;
    for (int i = 0; i < n; i++) {
      if (nulls[groups[i]]) {
        if (out == null) {
          out = new boolean[n];
        }
        out[i] = true;
      }
    }
    return out;
  }

  static VelariaException overflow(DataType t) {
    return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
        "stream aggregate overflows " + t.sqlName());
  }

  /** BIGINT, INTEGER, DECIMAL (unscaled), DATE, TIMESTAMP... */
  static final class Longs extends StateColumn {
    private long[] values = new long[16];

    Longs(DataType type) {
      super(type);
    }

    private int next() {
      int g = grow();
      if (g == values.length) {
        values = Arrays.copyOf(values, g * 2);
      }
      return g;
    }

    @Override
    int hash(Column c, int row) {
      return c.isNull(row) ? 0 : Long.hashCode(((LongColumn) c).get(row));
    }

    @Override
    boolean same(int g, Column c, int row) {
      boolean isNull = c.isNull(row);
      return isNull == nulls[g] && (isNull || values[g] == ((LongColumn) c).get(row));
    }

    @Override
    void addFrom(Column c, int row) {
      int g = next();
      nulls[g] = c.isNull(row);
      values[g] = nulls[g] ? 0 : ((LongColumn) c).get(row);
    }

    @Override
    void addNull() {
      int g = next(); // before indexing: next() may replace the nulls array
      nulls[g] = true;
    }

    @Override
    void merge(KeyedState.Merge how, Column c, int[] groups, int n) {
      long[] in = ((LongColumn) c).values();
      boolean mayBeNull = c.mayHaveNulls();
      for (int r = 0; r < n; r++) {
        if (mayBeNull && c.isNull(r)) {
          continue;
        }
        int g = groups[r];
        long v = in[r];
        if (nulls[g]) {
          nulls[g] = false;
          values[g] = v;
          continue;
        }
        switch (how) {
          case ADD: {
            long a = values[g];
            long sum = a + v;
            if (((a ^ sum) & (v ^ sum)) < 0) {
              throw overflow(type);
            }
            values[g] = sum;
            break;
          }
          case MIN: values[g] = Math.min(values[g], v); break;
          case MAX: values[g] = Math.max(values[g], v); break;
          default: throw new IllegalStateException();
        }
      }
    }

    @Override
    Column gather(int[] groups, int n) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[groups[i]];
      }
      return new LongColumn(type, n, out, gatherNulls(groups, n));
    }

    @Override
    Object get(int g) {
      return nulls[g] ? null : values[g];
    }
  }

  /** DOUBLE, REAL. */
  static final class Doubles extends StateColumn {
    private double[] values = new double[16];

    Doubles(DataType type) {
      super(type);
    }

    private int next() {
      int g = grow();
      if (g == values.length) {
        values = Arrays.copyOf(values, g * 2);
      }
      return g;
    }

    @Override
    int hash(Column c, int row) {
      return c.isNull(row) ? 0 : Double.hashCode(((DoubleColumn) c).get(row));
    }

    @Override
    boolean same(int g, Column c, int row) {
      boolean isNull = c.isNull(row);
      return isNull == nulls[g] && (isNull
          || Double.compare(values[g], ((DoubleColumn) c).get(row)) == 0);
    }

    @Override
    void addFrom(Column c, int row) {
      int g = next();
      nulls[g] = c.isNull(row);
      values[g] = nulls[g] ? 0 : ((DoubleColumn) c).get(row);
    }

    @Override
    void addNull() {
      int g = next(); // before indexing: next() may replace the nulls array
      nulls[g] = true;
    }

    @Override
    void merge(KeyedState.Merge how, Column c, int[] groups, int n) {
      double[] in = ((DoubleColumn) c).values();
      boolean mayBeNull = c.mayHaveNulls();
      for (int r = 0; r < n; r++) {
        if (mayBeNull && c.isNull(r)) {
          continue;
        }
        int g = groups[r];
        double v = in[r];
        if (nulls[g]) {
          nulls[g] = false;
          values[g] = v;
          continue;
        }
        switch (how) {
          case ADD: values[g] += v; break;
          case MIN: if (Double.compare(v, values[g]) < 0) values[g] = v; break;
          case MAX: if (Double.compare(v, values[g]) > 0) values[g] = v; break;
          default: throw new IllegalStateException();
        }
      }
    }

    @Override
    Column gather(int[] groups, int n) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[groups[i]];
      }
      return new DoubleColumn(type, n, out, gatherNulls(groups, n));
    }

    @Override
    Object get(int g) {
      return nulls[g] ? null : values[g];
    }
  }

  /** VARCHAR and BOOLEAN: values that are objects in their columns already. */
  static final class Objects extends StateColumn {
    private Object[] values = new Object[16];

    Objects(DataType type) {
      super(type);
    }

    private int next() {
      int g = grow();
      if (g == values.length) {
        values = Arrays.copyOf(values, g * 2);
      }
      return g;
    }

    private static Object value(Column c, int row) {
      if (c.isNull(row)) {
        return null;
      }
      return c instanceof StringColumn ? ((StringColumn) c).get(row)
          : Boolean.valueOf(((BooleanColumn) c).get(row));
    }

    @Override
    int hash(Column c, int row) {
      Object v = value(c, row);
      return v == null ? 0 : v.hashCode();
    }

    @Override
    boolean same(int g, Column c, int row) {
      return java.util.Objects.equals(values[g], value(c, row));
    }

    @Override
    void addFrom(Column c, int row) {
      int g = next();
      values[g] = value(c, row);
      nulls[g] = values[g] == null;
    }

    @Override
    void addNull() {
      int g = next(); // before indexing: next() may replace the nulls array
      nulls[g] = true;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    void merge(KeyedState.Merge how, Column c, int[] groups, int n) {
      for (int r = 0; r < n; r++) {
        Object v = value(c, r);
        if (v == null) {
          continue;
        }
        int g = groups[r];
        Object cur = values[g];
        if (cur == null) {
          values[g] = v;
          nulls[g] = false;
          continue;
        }
        int cmp = ((Comparable) v).compareTo(cur);
        if (how == KeyedState.Merge.MIN ? cmp < 0 : how == KeyedState.Merge.MAX && cmp > 0) {
          values[g] = v;
        } else if (how == KeyedState.Merge.ADD) {
          throw new IllegalStateException("ADD of " + type.sqlName());
        }
      }
    }

    @Override
    Column gather(int[] groups, int n) {
      boolean[] outNulls = gatherNulls(groups, n);
      if (type.physical() == io.velaria.engine.type.PhysicalKind.BOOLEAN) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
          out[i] = Boolean.TRUE.equals(values[groups[i]]);
        }
        return new BooleanColumn(type, n, out, outNulls);
      }
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = (String) values[groups[i]];
      }
      return new StringColumn(type, n, out, outNulls);
    }

    @Override
    Object get(int g) {
      return values[g];
    }
  }
}
