package io.velaria.functions;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.exec.expr.ValueText;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.PhysicalKind;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.util.DateTimes;

/** Converts whole argument columns into the representation a function declared. */
final class Convert {
  static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private Convert() {}

  static void load(In in, int a, Column c, Arg kind, int n, String fn) {
    DataType t = c.type();
    in.types[a] = t;
    in.nulls[a] = c.nulls();
    if (t.kind() == TypeKind.NULL) {
      in.longs[a] = new long[n];
      in.doubles[a] = new double[n];
      in.strings[a] = new String[n];
      in.booleans[a] = new boolean[n];
      return;
    }
    switch (kind) {
      case BIGINT: in.longs[a] = longs(c, n, fn); break;
      case DOUBLE: in.doubles[a] = doubles(c, n, fn); break;
      case VARCHAR:
      case TEXT: in.strings[a] = strings(c, n); break;
      case BOOLEAN: in.booleans[a] = ((BooleanColumn) c).values(); break;
      case DATETIME: in.longs[a] = epochMillis(c, n); break;
      case VECTOR: vectors(in, a, c, n, fn); break;
      default:
        if (t.physical() == PhysicalKind.DOUBLE) {
          in.doubles[a] = ((DoubleColumn) c).values();
        } else if (t.physical() == PhysicalKind.LONG) {
          in.longs[a] = ((LongColumn) c).values();
        } else if (t.physical() == PhysicalKind.STRING) {
          in.strings[a] = ((StringColumn) c).values();
        } else if (t.physical() == PhysicalKind.BOOLEAN) {
          in.booleans[a] = ((BooleanColumn) c).values();
        }
    }
  }

  /** VECTOR columns are used as they are; text is parsed (once per distinct string object). */
  private static void vectors(In in, int a, Column c, int n, String fn) {
    if (c instanceof io.velaria.engine.column.FloatArrayColumn) {
      io.velaria.engine.column.FloatArrayColumn v = (io.velaria.engine.column.FloatArrayColumn) c;
      in.vectors[a] = v.values();
      in.dimensions[a] = v.dimension();
      return;
    }
    String[] text = strings(c, n);
    float[] out = null;
    int dim = 0;
    String last = null;
    float[] lastParsed = null;
    for (int r = 0; r < n; r++) {
      if (isNull(c.nulls(), r) || text[r] == null) {
        continue;
      }
      float[] v = text[r] == last ? lastParsed
          : io.velaria.engine.exec.expr.VectorText.parse(text[r]);
      last = text[r];
      lastParsed = v;
      if (out == null) {
        dim = v.length;
        out = new float[n * dim];
      } else if (v.length != dim) {
        throw new io.velaria.engine.error.VelariaException(
            io.velaria.engine.error.SqlStates.DATATYPE_MISMATCH, fn + ": vector in row "
                + (r + 1) + " has dimension " + v.length + ", earlier rows " + dim);
      }
      System.arraycopy(v, 0, out, r * dim, dim);
    }
    in.vectors[a] = out == null ? new float[0] : out;
    in.dimensions[a] = dim;
  }

  private static boolean isNull(boolean[] nulls, int i) {
    return nulls != null && nulls[i];
  }

  static long[] longs(Column c, int n, String fn) {
    DataType t = c.type();
    boolean[] nulls = c.nulls();
    switch (t.physical()) {
      case LONG: {
        long[] v = ((LongColumn) c).values();
        if (t.kind() != TypeKind.DECIMAL || t.scale() == 0) {
          return v;
        }
        long div = POW10[t.scale()];
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = v[i] / div;
        }
        return out;
      }
      case DOUBLE: {
        double[] v = ((DoubleColumn) c).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = (long) v[i];
        }
        return out;
      }
      case BOOLEAN: {
        boolean[] v = ((BooleanColumn) c).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = v[i] ? 1 : 0;
        }
        return out;
      }
      case STRING: {
        String[] v = ((StringColumn) c).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          if (!isNull(nulls, i)) {
            try {
              out[i] = Long.parseLong(v[i].trim());
            } catch (NumberFormatException e) {
              throw Errors.badText(fn, v[i], "BIGINT");
            }
          }
        }
        return out;
      }
      default:
        throw new IllegalArgumentException(fn + ": cannot read " + t + " as BIGINT");
    }
  }

  static double[] doubles(Column c, int n, String fn) {
    DataType t = c.type();
    boolean[] nulls = c.nulls();
    switch (t.physical()) {
      case DOUBLE:
        return ((DoubleColumn) c).values();
      case LONG: {
        long[] v = ((LongColumn) c).values();
        double[] out = new double[n];
        if (t.kind() == TypeKind.DECIMAL && t.scale() > 0) {
          double div = POW10[t.scale()];
          for (int i = 0; i < n; i++) {
            out[i] = v[i] / div;
          }
        } else {
          for (int i = 0; i < n; i++) {
            out[i] = v[i];
          }
        }
        return out;
      }
      case STRING: {
        String[] v = ((StringColumn) c).values();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          if (!isNull(nulls, i)) {
            try {
              out[i] = Double.parseDouble(v[i].trim());
            } catch (NumberFormatException e) {
              throw Errors.badText(fn, v[i], "DOUBLE");
            }
          }
        }
        return out;
      }
      default:
        throw new IllegalArgumentException(fn + ": cannot read " + t + " as DOUBLE");
    }
  }

  static String[] strings(Column c, int n) {
    if (c.type().physical() == PhysicalKind.STRING) {
      return ((StringColumn) c).values();
    }
    String[] out = new String[n];
    boolean[] nulls = c.nulls();
    for (int i = 0; i < n; i++) {
      if (!isNull(nulls, i)) {
        out[i] = ValueText.format(c.getObject(i), c.type());
      }
    }
    return out;
  }

  static long[] epochMillis(Column c, int n) {
    DataType t = c.type();
    boolean[] nulls = c.nulls();
    switch (t.kind()) {
      case DATE: {
        long[] v = ((LongColumn) c).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = v[i] * DateTimes.MS_PER_DAY;
        }
        return out;
      }
      case VARCHAR:
      case CHAR: {
        String[] v = ((StringColumn) c).values();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          if (!isNull(nulls, i)) {
            out[i] = DateTimes.parseTimestamp(v[i]);
          }
        }
        return out;
      }
      default:
        return longs(c, n, "date function");
    }
  }

  /** The OR of the arguments' NULL masks; shares a mask when only one argument has NULLs. */
  static boolean[] orNulls(In in, int n) {
    boolean[] result = null;
    boolean shared = false;
    for (int a = 0; a < in.count; a++) {
      boolean[] m = in.nulls[a];
      if (m == null) {
        continue;
      }
      if (result == null) {
        result = m;
        shared = true;
      } else {
        if (shared) {
          result = result.clone();
          shared = false;
        }
        for (int i = 0; i < n; i++) {
          result[i] |= m[i];
        }
      }
    }
    return result;
  }
}
