package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFormatTest {
  @TempDir Path tmp;

  static final List<DataType> ALL_TYPES = List.of(DataType.BOOLEAN, DataType.TINYINT,
      DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT, DataType.REAL, DataType.DOUBLE,
      DataType.decimal(10, 2), DataType.chars(3), DataType.VARCHAR, DataType.varchar(20),
      DataType.DATE, DataType.TIME, DataType.TIMESTAMP, DataType.VARBINARY, DataType.vector(3));

  private static final double[] SPECIAL_DOUBLES =
      {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -1e300, 3.25};
  private static final String[] STRINGS = {"", "a", "héllo 世界 😀", "tab\tnew\nline", "x y"};

  /** The value of column {@code c} at row {@code r}, computed from c and r alone. */
  static Object value(int c, int r, boolean withNulls) {
    if (withNulls && (r * 31 + c) % 5 == 0) {
      return null;
    }
    DataType t = ALL_TYPES.get(c);
    switch (t.kind()) {
      case BOOLEAN: return r % 3 == 0;
      case TINYINT: return (long) (r % 256 - 128);
      case SMALLINT: return (long) (r * 7 % 65536 - 32768);
      case INTEGER: return (long) r * 1_000_003 - Integer.MAX_VALUE;
      case BIGINT: return r % 2 == 0 ? Long.MIN_VALUE + r : Long.MAX_VALUE - r;
      case REAL: return (double) (float) (r / 3.0);
      case DOUBLE: return SPECIAL_DOUBLES[r % SPECIAL_DOUBLES.length];
      case DECIMAL: return (long) r * 12345 - 999_999_99L;
      case CHAR: return String.valueOf((char) ('a' + r % 26)).repeat(3);
      case VARCHAR: return STRINGS[r % STRINGS.length] + (t.precision() > 0 ? "" : r);
      case DATE: return (long) r - 20000;
      case TIME: return (long) r * 1000 % 86_400_000L;
      case TIMESTAMP: return 1_767_225_600_000L + r;
      case VARBINARY: {
        byte[] b = new byte[r % 6];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) (r * 13 + i);
        }
        return b;
      }
      case VECTOR: return new float[] {r, -r, r / 7f};
      default: throw new IllegalStateException();
    }
  }

  static List<List<Object>> expectedRows(int from, int count, boolean withNulls) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = from; r < from + count; r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < ALL_TYPES.size(); c++) {
        row.add(value(c, r, withNulls));
      }
      rows.add(row);
    }
    return rows;
  }

  private void roundTrip(boolean withNulls) {
    // Sizes cross bit-packing bytes and the 64 KiB I/O buffer; 0 is an empty batch.
    int[] sizes = {1, 0, 7, 8, 9, 100, 10_000};
    List<Batch> batches = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    int from = 0;
    for (int size : sizes) {
      List<List<Object>> rows = expectedRows(from, size, withNulls);
      batches.add(TestRows.batch(ALL_TYPES, rows));
      expected.addAll(rows);
      from += size;
    }
    Path file = tmp.resolve("all-" + withNulls + ".vseg");
    write(file, ALL_TYPES, batches);
    List<Batch> read = SegmentFormat.read(file, ALL_TYPES);
    assertEquals(sizes.length, read.size());
    for (int i = 0; i < sizes.length; i++) {
      assertEquals(sizes[i], read.get(i).rowCount());
      for (int c = 0; c < ALL_TYPES.size(); c++) {
        assertEquals(ALL_TYPES.get(c), read.get(i).column(c).type());
        if (!withNulls) {
          assertFalse(read.get(i).column(c).mayHaveNulls(), "column " + c);
        }
      }
    }
    assertEquals(TestRows.comparableRows(expected), TestRows.rows(read));
  }

  @Test
  void everyTypeRoundTripsWithoutNulls() {
    roundTrip(false);
  }

  @Test
  void everyTypeRoundTripsWithNulls() {
    roundTrip(true);
  }

  @Test
  void emptyListOfBatchesAndZeroColumns() {
    Path file = tmp.resolve("empty.vseg");
    write(file, ALL_TYPES, List.of());
    assertEquals(List.of(), SegmentFormat.read(file, ALL_TYPES));
    Path none = tmp.resolve("none.vseg");
    write(none, List.of(), List.of(new Batch(new io.velaria.engine.column.Column[0], 5)));
    List<Batch> read = SegmentFormat.read(none, List.of());
    assertEquals(1, read.size());
    assertEquals(5, read.get(0).rowCount());
  }

  @Test
  void largeStringsBytesAndVectors() {
    StringBuilder sb = new StringBuilder();
    Random random = new Random(7);
    while (sb.length() < 300_000) {
      sb.appendCodePoint(random.nextInt(3) == 0 ? 0x4e00 + random.nextInt(500)
          : random.nextInt(2) == 0 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
    }
    String big = sb.toString();
    byte[] blob = new byte[200_000];
    random.nextBytes(blob);
    float[] vector = new float[1024];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = random.nextFloat() - 0.5f;
    }
    List<DataType> types =
        List.of(DataType.VARCHAR, DataType.VARBINARY, DataType.vector(vector.length));
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList(big, blob, vector));
    rows.add(Arrays.asList(null, null, null));
    rows.add(Arrays.asList("small", new byte[0], vector));
    Path file = tmp.resolve("big.vseg");
    write(file, types, List.of(TestRows.batch(types, rows)));
    List<List<Object>> read = TestRows.rows(SegmentFormat.read(file, types));
    assertEquals(TestRows.comparableRows(rows), read);
    assertEquals(big, read.get(0).get(0));
  }

  @Test
  void corruptFileIsReportedWithItsName() throws IOException {
    Path file = tmp.resolve("corrupt.vseg");
    write(file, ALL_TYPES, List.of(TestRows.batch(ALL_TYPES, expectedRows(0, 50, true))));
    byte[] content = Files.readAllBytes(file);
    content[content.length / 2] ^= 0x10;
    Files.write(file, content);
    assertCorrupt(file, "checksum");
  }

  @Test
  void truncatedFileIsReportedWithItsName() throws IOException {
    Path file = tmp.resolve("truncated.vseg");
    write(file, ALL_TYPES, List.of(TestRows.batch(ALL_TYPES, expectedRows(0, 50, true))));
    byte[] content = Files.readAllBytes(file);
    for (int cut : new int[] {1, 4, 5, content.length / 2, content.length - 10}) {
      Files.write(file, Arrays.copyOf(content, content.length - cut));
      assertCorrupt(file, "");
    }
    Files.write(file, new byte[0]);
    assertCorrupt(file, "too short");
  }

  @Test
  void foreignFileAndWrongSchemaAreRejected() throws IOException {
    Path file = tmp.resolve("foreign.vseg");
    Files.writeString(file, "this is not a segment file at all, just text");
    assertCorrupt(file, "");
    Path seg = tmp.resolve("schema.vseg");
    write(seg, List.of(DataType.BIGINT), List.of());
    VelariaException e = assertThrows(VelariaException.class,
        () -> SegmentFormat.read(seg, List.of(DataType.VARCHAR)));
    assertTrue(e.getMessage().contains(seg.toString()), e.getMessage());
    // Same physical layout under another declared type is fine (INTEGER stored as BIGINT).
    assertEquals(List.of(), SegmentFormat.read(seg, List.of(DataType.INTEGER)));
  }

  private static void assertCorrupt(Path file, String detail) {
    VelariaException e = assertThrows(VelariaException.class,
        () -> SegmentFormat.read(file, ALL_TYPES));
    assertEquals(SqlStates.IO_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }

  static void write(Path file, List<DataType> types, List<Batch> batches) {
    try {
      SegmentFormat.write(file, types, batches);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
