package io.velaria.engine.exec.expr;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.List;

/** Parses vectors written as text ({@code [1 2 3]} or {@code [1,2,3]}) and other forms. */
public final class VectorText {
  private VectorText() {}

  public static float[] toVector(Object v, int dimension) {
    float[] out;
    if (v instanceof float[]) {
      out = (float[]) v;
    } else if (v instanceof double[]) {
      double[] d = (double[]) v;
      out = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        out[i] = (float) d[i];
      }
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      out = new float[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = ((Number) l.get(i)).floatValue();
      }
    } else if (v instanceof Object[]) {
      Object[] a = (Object[]) v;
      out = new float[a.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = ((Number) a[i]).floatValue();
      }
    } else {
      out = parse(v.toString());
    }
    if (dimension > 0 && out.length != dimension) {
      // name the value: in a multi-row INSERT it tells which row is wrong
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "vector " + format(out)
          + " has dimension " + out.length + " but VECTOR(" + dimension + ") is expected");
    }
    return out;
  }

  public static float[] parse(String text) {
    String t = text.trim();
    if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
          "invalid vector '" + text + "': expected [1 2 3] or [1,2,3]");
    }
    String body = t.substring(1, t.length() - 1).trim();
    if (body.isEmpty()) {
      return new float[0];
    }
    String[] parts = body.split("[,\\s]+");
    float[] out = new float[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = Float.parseFloat(parts[i]);
      }
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
          "invalid vector '" + text + "': " + e.getMessage());
    }
    return out;
  }

  public static String format(float[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(v[i]);
    }
    return sb.append(']').toString();
  }
}
