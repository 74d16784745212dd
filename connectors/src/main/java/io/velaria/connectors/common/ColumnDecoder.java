package io.velaria.connectors.common;

import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Turns text values (byte ranges of an ASCII-compatible encoding) into one column of a batch,
 * writing straight into primitive arrays. {@link #decode} returns a {@link TextParsers} result
 * code instead of throwing, so the caller adds the file position to the error, or stores NULL
 * in lenient mode. Non-string decoders trim blanks and treat empty text and {@code null} (any
 * case) as NULL. Arrays are handed to the built column and replaced, never reused.
 */
public abstract class ColumnDecoder {
  protected final DataType type;
  protected final int capacity;
  protected boolean[] nulls;
  protected boolean anyNull;

  protected ColumnDecoder(DataType type, int capacity) {
    this.type = type;
    this.capacity = capacity;
    this.nulls = new boolean[capacity];
  }

  public static ColumnDecoder of(DataType type, int capacity, Charset charset) {
    switch (type.physical()) {
      case LONG: return new LongDecoder(type, capacity);
      case DOUBLE: return new DoubleDecoder(type, capacity);
      case BOOLEAN: return new BooleanDecoder(type, capacity);
      case STRING: return new StringDecoder(type, capacity, charset);
      case BYTES: return new BytesDecoder(type, capacity);
      case FLOAT_ARRAY: return new VectorDecoder(type, capacity);
      default: throw new IllegalArgumentException("cannot decode " + type);
    }
  }

  public final DataType type() {
    return type;
  }

  /** Decodes {@code b[s,e)} into row {@code row}; returns a {@link TextParsers} code. */
  public final int decode(byte[] b, int s, int e, int row) {
    if (isString()) {
      return decodeValue(b, s, e, row);
    }
    s = TextParsers.trimStart(b, s, e);
    e = TextParsers.trimEnd(b, s, e);
    if (s == e || TextParsers.equalsIgnoreCase(b, s, e, "null")) {
      setNull(row);
      return TextParsers.OK;
    }
    return decodeValue(b, s, e, row);
  }

  protected boolean isString() {
    return false;
  }

  protected abstract int decodeValue(byte[] b, int s, int e, int row);

  public final void setNull(int row) {
    nulls[row] = true;
    anyNull = true;
  }

  /** The column of rows {@code [0, rows)}; the decoder starts over with fresh arrays. */
  public final Column build(int rows) {
    boolean[] n = anyNull ? (rows == capacity ? nulls : Arrays.copyOf(nulls, rows)) : null;
    Column c = build(rows, n);
    if (anyNull) {
      nulls = new boolean[capacity];
      anyNull = false;
    }
    return c;
  }

  protected abstract Column build(int rows, boolean[] nulls);
}
