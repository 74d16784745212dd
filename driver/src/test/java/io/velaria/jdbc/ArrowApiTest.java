package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VelariaConnection.registerArrow and ResultSet.unwrap(ArrowReader.class). The driver's tests
 * run without --add-opens, so this also shows the API works in a flag-less JVM.
 */
public class ArrowApiTest {
  @TempDir
  Path dir;

  /** An ArrowReader producing {@code batches} batches of {@code rows} rows (id, name, score). */
  static final class GeneratedReader extends ArrowReader {
    private final int batches;
    private final int rows;
    private int done;
    private long next = 1;

    GeneratedReader(BufferAllocator a, int batches, int rows) {
      super(a);
      this.batches = batches;
      this.rows = rows;
    }

    @Override
    public boolean loadNextBatch() throws java.io.IOException {
      if (done == batches) {
        return false;
      }
      VectorSchemaRoot root = getVectorSchemaRoot();
      root.allocateNew();
      BigIntVector id = (BigIntVector) root.getVector("id");
      VarCharVector name = (VarCharVector) root.getVector("name");
      Float8Vector score = (Float8Vector) root.getVector("score");
      for (int i = 0; i < rows; i++, next++) {
        id.setSafe(i, next);
        if (next % 5 == 0) {
          name.setNull(i);
          score.setNull(i);
        } else {
          name.setSafe(i, ("k" + next % 3).getBytes(StandardCharsets.UTF_8));
          score.setSafe(i, next * 0.5);
        }
      }
      root.setRowCount(rows);
      done++;
      return true;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() {}

    @Override
    protected Schema readSchema() {
      return new Schema(List.of(
          org.apache.arrow.vector.types.pojo.Field.nullable("id",
              new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)),
          org.apache.arrow.vector.types.pojo.Field.nullable("name",
              org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE),
          org.apache.arrow.vector.types.pojo.Field.nullable("score",
              new org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint(
                  org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE))));
    }
  }

  @Test
  void registerReaderThenQueryWithSql() throws Exception {
    int batches = 4;
    int rows = 2500;
    long n = (long) batches * rows;
    // expected values computed from the generator's rules
    long idSum = n * (n + 1) / 2;
    long nullNames = n / 5;
    double scoreSum = 0;
    long k1 = 0;
    for (long i = 1; i <= n; i++) {
      if (i % 5 != 0) {
        scoreSum += i * 0.5;
        k1 += i % 3 == 1 ? 1 : 0;
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
        RootAllocator a = new RootAllocator();
        GeneratedReader reader = new GeneratedReader(a, batches, rows)) {
      c.unwrap(VelariaConnection.class).registerArrow("events", reader);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id), COUNT(*) - COUNT(name),"
              + " SUM(score), COUNT(*) FILTER (WHERE name = 'k1') FROM events")) {
        assertTrue(rs.next());
        assertEquals(n, rs.getLong(1));
        assertEquals(idSum, rs.getLong(2));
        assertEquals(nullNames, rs.getLong(3));
        assertEquals(scoreSum, rs.getDouble(4), 1e-6);
        assertEquals(k1, rs.getLong(5));
      }
      // listed like other tables; a second registration under the same name is refused
      try (ResultSet t = c.getMetaData().getTables(null, "main", "events", null)) {
        assertTrue(t.next());
      }
      try (GeneratedReader again = new GeneratedReader(a, 1, 1)) {
        SQLException dup = assertThrows(SQLException.class,
            () -> c.unwrap(VelariaConnection.class).registerArrow("EVENTS", again));
        assertEquals("42P07", dup.getSQLState());
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE events");
        SQLException gone = assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT * FROM events"));
        assertEquals("42P01", gone.getSQLState());
      }
    }
  }

  @Test
  void registerVectorSchemaRoot() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
        RootAllocator a = new RootAllocator();
        BigIntVector id = new BigIntVector("id", a);
        DateDayVector day = new DateDayVector("d", a)) {
      for (int i = 0; i < 3; i++) {
        id.setSafe(i, 10 * (i + 1));
        day.setSafe(i, 19723 + i); // 2024-01-01 + i
      }
      id.setValueCount(3);
      day.setValueCount(3);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField(), day.getField()),
          List.of(id, day), 3);
      c.unwrap(VelariaConnection.class).registerArrow("r", root);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, d FROM r WHERE id > 10 ORDER BY id")) {
        assertTrue(rs.next());
        assertEquals(20, rs.getLong(1));
        assertEquals(java.time.LocalDate.of(2024, 1, 2), rs.getObject(2,
            java.time.LocalDate.class));
        assertTrue(rs.next());
        assertEquals(30, rs.getLong(1));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void resultSetUnwrapsToArrowReader() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT, name VARCHAR, score DOUBLE, born DATE,"
          + " ok BOOLEAN, amount DECIMAL(10,2), v VECTOR(2))");
      int n = 4500; // more than one engine batch (4096 rows)
      StringBuilder insert = new StringBuilder();
      for (int i = 1; i <= n; i++) {
        if (i % 1500 == 1) {
          if (insert.length() > 0) {
            s.execute(insert.toString());
          }
          insert.setLength(0);
          insert.append("INSERT INTO t VALUES ");
        }
        insert.append(i % 1500 != 1 ? "," : "").append('(').append(i).append(',')
            .append(i % 4 == 0 ? "NULL" : "'n" + i + "'").append(',').append(i * 0.5)
            .append(",DATE '2024-02-28' + INTERVAL '").append(i % 3).append("' DAY,")
            .append(i % 2 == 0).append(',').append(i).append(".25,")
            .append("CAST('[").append(i).append(", -1]' AS VECTOR(2))").append(')');
      }
      s.execute(insert.toString());
      try (ResultSet rs = s.executeQuery("SELECT id, name, score, born, ok, amount, v"
          + " FROM t")) {
        assertTrue(rs.isWrapperFor(ArrowReader.class));
        assertTrue(rs.next()); // the first row read through JDBC, the rest as Arrow
        long first = rs.getLong(1);
        long rows = 1;
        long idSum = first;
        long nullNames = first % 4 == 0 ? 1 : 0;
        try (ArrowReader r = rs.unwrap(ArrowReader.class)) {
          VectorSchemaRoot root = r.getVectorSchemaRoot();
          assertEquals(List.of("id", "name", "score", "born", "ok", "amount", "v"),
              root.getSchema().getFields().stream().map(f -> f.getName()).toList());
          while (r.loadNextBatch()) {
            BigIntVector id = (BigIntVector) root.getVector(0);
            VarCharVector name = (VarCharVector) root.getVector(1);
            Float8Vector score = (Float8Vector) root.getVector(2);
            DateDayVector born = (DateDayVector) root.getVector(3);
            org.apache.arrow.vector.BitVector ok = (org.apache.arrow.vector.BitVector)
                root.getVector(4);
            org.apache.arrow.vector.DecimalVector amount =
                (org.apache.arrow.vector.DecimalVector) root.getVector(5);
            org.apache.arrow.vector.complex.FixedSizeListVector v =
                (org.apache.arrow.vector.complex.FixedSizeListVector) root.getVector(6);
            for (int i = 0; i < root.getRowCount(); i++) {
              long x = id.get(i);
              assertTrue(x != first, "the row read through JDBC is not repeated");
              idSum += x;
              if (x % 4 == 0) {
                assertTrue(name.isNull(i));
                nullNames++;
              } else {
                assertEquals("n" + x, new String(name.get(i), StandardCharsets.UTF_8));
              }
              assertEquals(x * 0.5, score.get(i));
              assertEquals(java.time.LocalDate.of(2024, 2, 28).plusDays(x % 3).toEpochDay(),
                  born.get(i));
              assertEquals(x % 2 == 0 ? 1 : 0, ok.get(i));
              assertEquals(new java.math.BigDecimal(x + ".25"), amount.getObject(i));
              assertEquals(List.of((float) x, -1f), v.getObject(i));
              rows++;
            }
          }
        }
        assertEquals(n, rows);
        assertEquals((long) n * (n + 1) / 2, idSum);
        assertEquals(n / 4, nullNames);
        assertFalse(rs.next(), "the rows went to the ArrowReader");
      }
    }
  }

  @Test
  void registeredArrowTablesAreNotPersisted() throws Exception {
    String url = "jdbc:velaria:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url);
        RootAllocator a = new RootAllocator();
        GeneratedReader reader = new GeneratedReader(a, 1, 10)) {
      c.unwrap(VelariaConnection.class).registerArrow("tmp", reader);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (x INT)");
        s.execute("INSERT INTO kept VALUES (1)");
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tmp")) {
          assertTrue(rs.next());
          assertEquals(10, rs.getLong(1));
        }
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kept")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getLong(1));
      }
      SQLException gone = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT * FROM tmp"));
      assertEquals("42P01", gone.getSQLState());
    }
  }

  @Test
  void unwrapOfAMetadataResultIsAnError() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:");
        ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      SQLException e = assertThrows(SQLException.class, () -> rs.unwrap(ArrowReader.class));
      assertEquals("0A000", e.getSQLState());
    }
  }
}
