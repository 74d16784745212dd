package io.velaria.connectors.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.engine.column.Batch;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page decoder against files written by Parquet-MR with data pages v1 and v2, with and
 * without dictionaries, small pages and row groups, NULLs, and decimals stored as
 * fixed-length binaries (narrow, wide, negative, wider than a long). Expected values are
 * computed from the generator with BigDecimal, independently of the reader's arithmetic.
 */
class ParquetPageDecodingTest {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {"
      + " required int64 id; optional int32 i; optional double d; optional float f;"
      + " optional boolean b; optional binary k (STRING); optional binary s (STRING);"
      + " optional fixed_len_byte_array(9) wide (DECIMAL(21,1));"
      + " optional fixed_len_byte_array(16) huge (DECIMAL(38,2));"
      + " optional fixed_len_byte_array(16) exact (DECIMAL(18,2));"
      + " optional binary raw; optional int64 ts (TIMESTAMP(MICROS,true)); }");
  private static final int ROWS = 5000;

  @TempDir
  Path dir;

  @Test
  void readsEveryEncodingAndPageVersion() throws Exception {
    for (WriterVersion version : WriterVersion.values()) {
      for (boolean dictionary : new boolean[] {true, false}) {
        Path file = dir.resolve(version + "-" + dictionary + ".parquet");
        write(file, version, dictionary);
        ConnectorTable t = Tables.open(new ParquetConnector(), dir, "path", file.toString());
        List<List<Object>> rows = Tables.rows(t);
        assertEquals(ROWS, rows.size());
        for (int r = 0; r < ROWS; r++) {
          assertEquals(expected(r), rows.get(r), version + " dictionary=" + dictionary
              + " row " + r);
        }
        // a projection of later columns only, in another order
        List<List<Object>> some = Tables.rows(t, new int[] {8, 5, 0}, List.of());
        assertEquals(Arrays.asList(expected(17).get(8), expected(17).get(5), 17L),
            some.get(17));
      }
    }
  }

  @Test
  void parallelSplitsReadEveryRowGroupOnce() throws Exception {
    Path file = dir.resolve("split.parquet");
    write(file, WriterVersion.PARQUET_1_0, true);
    ParquetTable t = (ParquetTable) Tables.open(new ParquetConnector(), dir, "path",
        file.toString());
    List<BatchReader> splits = t.split(new ReadRequest(new int[] {0, 6}, List.of(), -1), 3);
    assertEquals(3, splits.size());
    List<List<Object>> all = new ArrayList<>();
    for (BatchReader r : splits) {
      List<List<Object>> mine = new ArrayList<>();
      try (r) {
        Batch b;
        while ((b = r.next()) != null) {
          for (int i = 0; i < b.rowCount(); i++) {
            mine.add(Arrays.asList(b.column(0).getObject(i), b.column(1).getObject(i)));
          }
        }
      }
      assertTrue(mine.size() > 0 && mine.size() < ROWS, "each split reads a part");
      all.addAll(mine);
    }
    all.sort(Comparator.comparingLong(l -> (Long) l.get(0)));
    assertEquals(ROWS, all.size());
    for (int r = 0; r < ROWS; r++) {
      assertEquals(Arrays.asList((long) r, expected(r).get(6)), all.get(r));
    }
    assertTrue(t.describe().contains("row_groups_skipped=0"), t.describe());
  }

  @Test
  void unscaledDecimalsMatchBigInteger() {
    long[] samples = {0, 1, -1, 127, -128, 255, 256, -257, 1L << 40, -(1L << 40),
        Long.MAX_VALUE, Long.MIN_VALUE + 1, 123_456_789_012_345L};
    for (long v : samples) {
      for (int len = 1; len <= 16; len++) {
        byte[] b = twosComplement(BigInteger.valueOf(v), len);
        if (b == null) {
          continue;
        }
        assertEquals(v, PrimitiveColumnConverter.unscaledLong(b, 0, len), v + " in " + len);
      }
    }
    byte[] tooWide = twosComplement(BigInteger.ONE.shiftLeft(70).negate(), 16);
    assertEquals(Long.MIN_VALUE, PrimitiveColumnConverter.unscaledLong(tooWide, 0, 16));
    for (long v : new long[] {5, -5, 123_457, 9_007_199_254_740_991L, 9_007_199_254_740_993L,
        -9_007_199_254_740_993L}) {
      for (int scale = 0; scale <= 20; scale += 4) {
        assertEquals(BigDecimal.valueOf(v, scale).doubleValue(),
            PrimitiveColumnConverter.decimalDouble(v, scale), v + " scale " + scale);
      }
    }
  }

  /** The generator's row r as the table returns it. */
  private static List<Object> expected(int r) {
    boolean nul = r % 5 == 3;
    BigInteger wide = BigInteger.valueOf((r % 997) * 5L - 2000);
    BigInteger huge = BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(r % 3 - 1))
        .add(BigInteger.valueOf(r));
    return Arrays.asList((long) r, nul ? null : (long) (r * 31 - 7000),
        nul ? null : r / 8.0, nul ? null : (double) (r / 4.0f), nul ? null : r % 3 == 0,
        nul ? null : "key" + (r % 10), nul ? null : "text-é-" + (r * 7919 % 100000),
        nul ? null : new BigDecimal(wide, 1).doubleValue(),
        nul ? null : new BigDecimal(huge, 2).doubleValue(),
        nul ? null : (long) (r * 1001 - 2_000_000),
        nul ? null : Arrays.toString(new byte[] {(byte) r, (byte) (r >> 8), 7}),
        nul ? null : Math.floorDiv(1_600_000_000_000_123L + r * 1_000_003L - 5_000_000_000L,
            1000L));
  }

  private static void write(Path file, WriterVersion version, boolean dictionary)
      throws Exception {
    SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA).withWriterVersion(version).withDictionaryEncoding(dictionary)
        .withPageSize(2048).withPageRowCountLimit(700).withRowGroupSize(16 * 1024L)
        .build()) {
      for (int r = 0; r < ROWS; r++) {
        Group g = f.newGroup().append("id", (long) r);
        if (r % 5 != 3) {
          BigInteger wide = BigInteger.valueOf((r % 997) * 5L - 2000);
          BigInteger huge = BigInteger.TEN.pow(30).multiply(BigInteger.valueOf(r % 3 - 1))
              .add(BigInteger.valueOf(r));
          g.append("i", r * 31 - 7000).append("d", r / 8.0).append("f", r / 4.0f)
              .append("b", r % 3 == 0).append("k", "key" + (r % 10))
              .append("s", "text-é-" + (r * 7919 % 100000))
              .append("wide", Binary.fromConstantByteArray(twosComplement(wide, 9)))
              .append("huge", Binary.fromConstantByteArray(twosComplement(huge, 16)))
              .append("exact", Binary.fromConstantByteArray(twosComplement(
                  BigInteger.valueOf(r * 1001L - 2_000_000), 16)))
              .append("raw", Binary.fromConstantByteArray(new byte[] {(byte) r,
                  (byte) (r >> 8), 7}))
              .append("ts", 1_600_000_000_000_123L + r * 1_000_003L - 5_000_000_000L);
        }
        w.write(g);
      }
    }
  }

  /** Big-endian two's complement of v in exactly len bytes, or null when it does not fit. */
  private static byte[] twosComplement(BigInteger v, int len) {
    byte[] min = v.toByteArray();
    if (min.length > len) {
      return null;
    }
    byte[] out = new byte[len];
    Arrays.fill(out, 0, len - min.length, v.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(min, 0, out, len - min.length, min.length);
    return out;
  }
}
