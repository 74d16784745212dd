package io.velaria.connectors.common;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a batch row by row from values given as text, for formats whose values arrive one
 * at a time (JSON, line, Excel). Each projected column gets a {@link ColumnDecoder}, so text is
 * read exactly as CSV reads it; cells not set in a row are NULL.
 */
public final class TextCells {
  private final ColumnDecoder[] decoders;
  private final boolean[] set;
  private final int capacity;
  private byte[] buf = new byte[128];
  private int row;

  public TextCells(List<DataType> types, int capacity) {
    this.capacity = capacity;
    decoders = new ColumnDecoder[types.size()];
    for (int j = 0; j < decoders.length; j++) {
      decoders[j] = ColumnDecoder.of(types.get(j), capacity, StandardCharsets.UTF_8);
    }
    set = new boolean[decoders.length];
  }

  public int width() {
    return decoders.length;
  }

  public DataType type(int j) {
    return decoders[j].type();
  }

  /** Sets cell j of the current row from text; returns a {@link TextParsers} code. */
  public int put(int j, String text) {
    if (text == null) {
      putNull(j);
      return TextParsers.OK;
    }
    int n = encode(text);
    set[j] = true;
    return decoders[j].decode(buf, 0, n, row);
  }

  /** Sets cell j from bytes {@code b[s,e)} (UTF-8). */
  public int put(int j, byte[] b, int s, int e) {
    set[j] = true;
    return decoders[j].decode(b, s, e, row);
  }

  public void putNull(int j) {
    set[j] = true;
    decoders[j].setNull(row);
  }

  /** True if cell j of the current row was set already. */
  public boolean isSet(int j) {
    return set[j];
  }

  /** Ends the current row: unset cells become NULL. */
  public void endRow() {
    for (int j = 0; j < set.length; j++) {
      if (!set[j]) {
        decoders[j].setNull(row);
      }
      set[j] = false;
    }
    row++;
  }

  /** Forgets the cells set in the current row (a row that is skipped after all). */
  public void dropRow() {
    Arrays.fill(set, false);
  }

  public int rows() {
    return row;
  }

  public boolean full() {
    return row >= capacity;
  }

  /** The rows so far as a batch; starts over empty. */
  public Batch build() {
    Column[] cols = new Column[decoders.length];
    for (int j = 0; j < cols.length; j++) {
      cols[j] = decoders[j].build(row);
    }
    Batch b = new Batch(cols, row);
    row = 0;
    return b;
  }

  private int encode(String s) {
    int n = s.length();
    boolean ascii = true;
    if (buf.length < n) {
      buf = new byte[Math.max(n, buf.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      buf[i] = (byte) c;
    }
    if (ascii) {
      return n;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (buf.length < b.length) {
      buf = new byte[b.length * 2];
    }
    System.arraycopy(b, 0, buf, 0, b.length);
    return b.length;
  }

  /**
   * The error for a value a decoder rejected: 22P02 for invalid text, 22003 out of range.
   * {@code where} says where, e.g. "in file /x.json, line 3, column 7".
   */
  public static VelariaException valueError(int code, DataType type, String text,
      String where) {
    String shown = text == null ? "" : text.length() > 80 ? text.substring(0, 77) + "..." : text;
    if (code == TextParsers.OUT_OF_RANGE) {
      return new VelariaException(SqlStates.NUMERIC_OUT_OF_RANGE,
          "value '" + shown + "' is out of range for " + type.sqlName() + " " + where);
    }
    return new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION,
        "invalid " + type.sqlName() + " value '" + shown + "' " + where);
  }
}
