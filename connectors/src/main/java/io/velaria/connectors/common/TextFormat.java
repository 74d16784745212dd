package io.velaria.connectors.common;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes values as the text that {@link TextParsers} and {@link TypeInference} read back:
 * ISO dates, {@code HH:MM:SS[.fff]} times, {@code YYYY-MM-DD HH:MM:SS[.fff]} timestamps (UTC),
 * plain decimals, lower-case hex for binary ({@code \\x} when empty) and {@code [1.0 2.0]} for vectors.
 */
public final class TextFormat {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TextFormat() {}

  /** Appends row {@code row} of {@code c}, which must not be NULL there. */
  public static void append(StringBuilder sb, Column c, int row) {
    TypeKind k = c.type().kind();
    switch (c.type().physical()) {
      case BOOLEAN:
        sb.append(((BooleanColumn) c).get(row));
        return;
      case DOUBLE: {
        double v = ((DoubleColumn) c).get(row);
        if (k == TypeKind.REAL) {
          sb.append((float) v);
        } else {
          sb.append(v);
        }
        return;
      }
      case STRING:
        sb.append(((StringColumn) c).get(row));
        return;
      case BYTES:
        byte[] bytes = ((BytesColumn) c).get(row);
        if (bytes.length == 0) {
          sb.append("\\x"); // an empty field would read back as NULL
          return;
        }
        for (byte x : bytes) {
          sb.append(HEX[(x >> 4) & 15]).append(HEX[x & 15]);
        }
        return;
      case FLOAT_ARRAY: {
        FloatArrayColumn f = (FloatArrayColumn) c;
        int n = f.dimension();
        float[] all = f.values();
        sb.append('[');
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(' ');
          }
          sb.append(all[row * n + i]);
        }
        sb.append(']');
        return;
      }
      default:
        appendLong(sb, k, c.type().scale(), ((LongColumn) c).get(row));
    }
  }

  private static void appendLong(StringBuilder sb, TypeKind k, int scale, long v) {
    switch (k) {
      case DECIMAL:
        sb.append(BigDecimal.valueOf(v, scale).toPlainString());
        return;
      case DATE:
        sb.append(LocalDate.ofEpochDay(v));
        return;
      case TIME:
        appendTime(sb, v);
        return;
      case TIMESTAMP:
        sb.append(LocalDate.ofEpochDay(Math.floorDiv(v, 86_400_000L))).append(' ');
        appendTime(sb, Math.floorMod(v, 86_400_000L));
        return;
      default:
        sb.append(v);
    }
  }

  private static void appendTime(StringBuilder sb, long ms) {
    long s = ms / 1000;
    two(sb, s / 3600).append(':');
    two(sb, s / 60 % 60).append(':');
    two(sb, s % 60);
    long f = ms % 1000;
    if (f != 0) {
      sb.append('.').append((char) ('0' + f / 100)).append((char) ('0' + f / 10 % 10))
          .append((char) ('0' + f % 10));
    }
  }

  private static StringBuilder two(StringBuilder sb, long v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
