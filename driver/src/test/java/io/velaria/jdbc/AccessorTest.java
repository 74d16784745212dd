package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.avatica.util.Cursor;
import org.junit.jupiter.api.Test;

/** The batch cursor and its accessors, over hand-built batches (no SQL needed). */
class AccessorTest {
  static final DataType DEC = DataType.decimal(10, 2);
  static final DataType VEC = DataType.vector(3);
  static final List<ResultColumn> COLUMNS = List.of(
      ResultColumn.of("i", DataType.INTEGER, true), ResultColumn.of("d", DEC, true),
      ResultColumn.of("f", DataType.DOUBLE, true), ResultColumn.of("s", DataType.VARCHAR, true),
      ResultColumn.of("b", DataType.BOOLEAN, true), ResultColumn.of("dt", DataType.DATE, true),
      ResultColumn.of("tm", DataType.TIME, true), ResultColumn.of("ts", DataType.TIMESTAMP, true),
      ResultColumn.of("bin", DataType.VARBINARY, true), ResultColumn.of("v", VEC, true));

  /** Two batches: row 0 values, then a row of NULLs. */
  static StatementResult result() {
    long day = LocalDate.of(2026, 1, 2).toEpochDay();
    long ms = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000).toInstant(ZoneOffset.UTC)
        .toEpochMilli();
    Column[] first = {
        new LongColumn(DataType.INTEGER, 1, new long[] {42}, null),
        new LongColumn(DEC, 1, new long[] {12345}, null),
        new DoubleColumn(DataType.DOUBLE, 1, new double[] {2.5}, null),
        new StringColumn(DataType.VARCHAR, 1, new String[] {" 17 "}, null),
        new BooleanColumn(DataType.BOOLEAN, 1, new boolean[] {true}, null),
        new LongColumn(DataType.DATE, 1, new long[] {day}, null),
        new LongColumn(DataType.TIME, 1, new long[] {(10 * 3600 + 30 * 60) * 1000L}, null),
        new LongColumn(DataType.TIMESTAMP, 1, new long[] {ms}, null),
        new BytesColumn(DataType.VARBINARY, 1, new byte[][] {{1, (byte) 0xAB}}, null),
        new FloatArrayColumn(VEC, 1, new float[] {1f, 2f, 3f}, null)};
    boolean[] n = {true};
    Column[] second = {
        new LongColumn(DataType.INTEGER, 1, new long[1], n), new LongColumn(DEC, 1, new long[1], n),
        new DoubleColumn(DataType.DOUBLE, 1, new double[1], n),
        new StringColumn(DataType.VARCHAR, 1, new String[1], n),
        new BooleanColumn(DataType.BOOLEAN, 1, new boolean[1], n),
        new LongColumn(DataType.DATE, 1, new long[1], n),
        new LongColumn(DataType.TIME, 1, new long[1], n),
        new LongColumn(DataType.TIMESTAMP, 1, new long[1], n),
        new BytesColumn(DataType.VARBINARY, 1, new byte[1][], n),
        new FloatArrayColumn(VEC, 1, new float[3], n)};
    Iterator<Batch> it = List.of(new Batch(first, 1), new Batch(second, 1)).iterator();
    return new StatementResult() {
      @Override public boolean hasRows() {
        return true;
      }

      @Override public List<ResultColumn> columns() {
        return COLUMNS;
      }

      @Override public Batch nextBatch() {
        return it.hasNext() ? it.next() : null;
      }

      @Override public long updateCount() {
        return -1;
      }

      @Override public void close() {}
    };
  }

  static List<Cursor.Accessor> open(BatchCursor c) {
    return c.createAccessors(new ArrayList<>(), java.util.Calendar.getInstance(), null);
  }

  @Test
  void readsEveryTypeAndNulls() throws SQLException {
    BatchCursor c = new BatchCursor(result(), COLUMNS, 0);
    List<Cursor.Accessor> a = open(c);
    assertTrue(c.next());
    assertEquals(42, a.get(0).getInt());
    assertEquals(42L, a.get(0).getObject(Long.class));
    assertEquals(Integer.valueOf(42), a.get(0).getObject());
    assertEquals(new BigDecimal("123.45"), a.get(1).getBigDecimal());
    assertEquals(new BigDecimal("123.45"), a.get(1).getObject());
    assertEquals("123.45", a.get(1).getString());
    assertEquals(2.5, a.get(2).getDouble());
    assertEquals(17, a.get(3).getInt(), "getInt on a numeric string");
    assertTrue(a.get(4).getBoolean());
    assertEquals(LocalDate.of(2026, 1, 2), a.get(5).getObject(LocalDate.class));
    assertEquals(java.sql.Date.valueOf("2026-01-02"), a.get(5).getObject());
    assertEquals("2026-01-02", a.get(5).getString());
    assertEquals(LocalTime.of(10, 30), a.get(6).getObject(LocalTime.class));
    assertEquals("10:30:00", a.get(6).getString());
    LocalDateTime ts = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000);
    assertEquals(ts, a.get(7).getObject(LocalDateTime.class));
    assertEquals(ts.atOffset(ZoneOffset.UTC), a.get(7).getObject(OffsetDateTime.class));
    assertEquals(ts.toInstant(ZoneOffset.UTC), a.get(7).getObject(Instant.class));
    assertEquals(Timestamp.valueOf(ts), a.get(7).getTimestamp(null));
    assertEquals("2026-01-02 03:04:05.006", a.get(7).getString());
    assertArrayEquals(new byte[] {1, (byte) 0xAB}, a.get(8).getBytes());
    assertEquals("01ab", a.get(8).getString());
    assertArrayEquals(new float[] {1f, 2f, 3f}, (float[]) a.get(9).getObject());
    assertArrayEquals(new Float[] {1f, 2f, 3f}, (Object[]) a.get(9).getArray().getArray());
    assertFalse(a.get(9).wasNull());

    SQLException bad = assertThrows(SQLException.class, () -> a.get(5).getInt());
    assertEquals("22018", bad.getSQLState());

    assertTrue(c.next(), "second batch");
    for (Cursor.Accessor x : a) {
      assertNull(x.getObject());
      assertTrue(x.wasNull());
      assertNull(x.getObject(String.class));
    }
    assertEquals(0, a.get(0).getInt());
    assertTrue(a.get(0).wasNull());
    assertFalse(c.next());
    c.close();
  }

  @Test
  void stopsAtMaxRows() throws SQLException {
    BatchCursor c = new BatchCursor(result(), COLUMNS, 1);
    open(c);
    assertTrue(c.next());
    assertFalse(c.next());
  }
}
