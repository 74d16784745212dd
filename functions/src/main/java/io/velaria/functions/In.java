package io.velaria.functions;

import io.velaria.engine.type.DataType;

/**
 * The arguments of one batch, already converted to the function's declared representation.
 * Read with the typed getters: no boxing, no per-row decoding (constants are plain arrays).
 */
public final class In {
  final int count;
  final long[][] longs;
  final double[][] doubles;
  final String[][] strings;
  final boolean[][] booleans;
  final float[][] vectors;
  final int[] dimensions;
  final boolean[][] nulls;
  final DataType[] types;
  final Object[] constPrepared;
  final Shapes.Preparer[] preparers;
  final String[] lastKey;
  final Object[] lastPrepared;

  In(int count, Object[] constPrepared, Shapes.Preparer[] preparers, String[] lastKey,
      Object[] lastPrepared) {
    this.count = count;
    this.longs = new long[count][];
    this.doubles = new double[count][];
    this.strings = new String[count][];
    this.booleans = new boolean[count][];
    this.vectors = new float[count][];
    this.dimensions = new int[count];
    this.nulls = new boolean[count][];
    this.types = new DataType[count];
    this.constPrepared = constPrepared;
    this.preparers = preparers;
    this.lastKey = lastKey;
    this.lastPrepared = lastPrepared;
  }

  /** Number of arguments of the call. */
  public int count() {
    return count;
  }

  /** SQL type of an argument as passed (before conversion). */
  public DataType type(int arg) {
    return types[arg];
  }

  public long i64(int arg, int row) {
    return longs[arg][row];
  }

  public double f64(int arg, int row) {
    return doubles[arg][row];
  }

  public String str(int arg, int row) {
    return strings[arg][row];
  }

  public boolean bool(int arg, int row) {
    return booleans[arg][row];
  }

  /** The floats of a VECTOR argument, all rows back to back; see {@link #vectorOffset}. */
  public float[] vector(int arg) {
    return vectors[arg];
  }

  /** Where row {@code row}'s vector starts in {@link #vector(int)}. */
  public int vectorOffset(int arg, int row) {
    return row * dimensions[arg];
  }

  /** Dimension of a VECTOR argument. */
  public int dimension(int arg) {
    return dimensions[arg];
  }

  /** For non-strict functions: is this argument NULL in this row. */
  public boolean isNull(int arg, int row) {
    boolean[] m = nulls[arg];
    return m != null && m[row];
  }

  /** The pre-processed form of a string argument declared with {@code Fn.prepare}. */
  @SuppressWarnings("unchecked")
  public <P> P prepared(int arg, int row) {
    Object p = constPrepared[arg];
    if (p != null) {
      return (P) p;
    }
    String key = strings[arg][row];
    if (!key.equals(lastKey[arg])) {
      lastPrepared[arg] = preparers[arg].prepare(key);
      lastKey[arg] = key;
    }
    return (P) lastPrepared[arg];
  }
}
