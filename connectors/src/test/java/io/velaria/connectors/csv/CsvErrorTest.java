package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static io.velaria.connectors.csv.CsvTestSupport.fails;
import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static io.velaria.connectors.csv.CsvTestSupport.row;
import static io.velaria.connectors.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvErrorTest {
  @TempDir Path dir;

  static final List<ColumnDef> PEOPLE = List.of(col("id", DataType.INTEGER),
      col("name", DataType.VARCHAR), col("age", DataType.TINYINT), col("born", DataType.DATE));

  @Test
  void missingFileUnknownOptionAndBadOptionValues() throws Exception {
    Path missing = dir.resolve("nope.csv");
    fails(SqlStates.IO_ERROR, () -> open(missing, List.of()), missing.toString());
    Path f = write(dir, "ok.csv", "a\n1\n");
    fails(SqlStates.SYNTAX_ERROR, () -> open(f, List.of(), "delimeter", ";"),
        "delimeter", "delimiter", "null_value", "sample_rows");
    fails(SqlStates.SYNTAX_ERROR, () -> open(f, List.of(), "header", "maybe"), "header");
    fails(SqlStates.SYNTAX_ERROR, () -> open(f, List.of(), "delimiter", "::"), "delimiter");
    fails(SqlStates.SYNTAX_ERROR, () -> open(f, List.of(), "encoding", "UTF-16"), "UTF-16");
    fails(SqlStates.SYNTAX_ERROR, () -> open(f, List.of(), "skip_rows", "-1"), "skip_rows");
    fails(SqlStates.SYNTAX_ERROR, () -> new CsvConnector().open(CsvTestSupport.spec(
        CsvTestSupport.map("header", "true"))), "path");
  }

  @Test
  void headerMustMatchDeclaredColumns() throws Exception {
    Path f = write(dir, "h.csv", "id,name,age\n1,a,2\n");
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(f, PEOPLE), "3 fields", "4 columns",
        f.toString(), "line 1");
    Path skipped = write(dir, "h2.csv", "# comment\n\nid,name,age\n1,a,2\n");
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(skipped, PEOPLE, "skip_rows", "1"),
        "3 fields", "line 3");
    Path empty = write(dir, "empty.csv", "");
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(empty, List.of()), empty.toString());
    assertEquals(List.of(), readAll(open(empty, PEOPLE)));
  }

  /** A file whose rows 2-3 hold a quoted newline, so later line numbers differ from rows. */
  private Path people(String badLine) throws Exception {
    return write(dir, "people.csv", "id,name,age,born\n"
        + "1,\"Ann\nSmith\",30,1990-01-01\n"
        + "2,\"Bob \"\"the\"\"\r\nBuilder\",40,1980-05-05\n"
        + "3,Cy,50,1970-03-03\n"
        + badLine + "\n"
        + "9,Zed,1,2000-01-01\n");
  }

  @Test
  void badValuesNameFileLineAndColumn() throws Exception {
    Path f = people("4,Dee,abc,1999-09-09");
    fails(SqlStates.INVALID_TEXT_REPRESENTATION, () -> readAll(open(f, PEOPLE)),
        "invalid TINYINT value 'abc'", "file " + f, "line 7", "column 3 (age)");
    Path g = people("4,Dee,300,1999-09-09");
    fails(SqlStates.NUMERIC_OUT_OF_RANGE, () -> readAll(open(g, PEOPLE)),
        "'300'", "TINYINT", "line 7", "column 3 (age)");
    Path h = people("4,Dee,1,1999-02-30");
    fails(SqlStates.INVALID_TEXT_REPRESENTATION, () -> readAll(open(h, PEOPLE)),
        "invalid DATE value '1999-02-30'", "line 7", "column 4 (born)");
    Path d = write(dir, "dec.csv", "x\n1.5\n12345.6\n");
    fails(SqlStates.NUMERIC_OUT_OF_RANGE, () -> readAll(open(d,
        List.of(col("x", DataType.decimal(5, 2))))), "'12345.6'", "DECIMAL(5,2)", "line 3");
    Path v = write(dir, "vec.csv", "x\n[1 2]\n[1 2 3]\n");
    fails(SqlStates.INVALID_TEXT_REPRESENTATION, () -> readAll(open(v,
        List.of(col("x", DataType.vector(2))))), "VECTOR(2)", "line 3", "column 1 (x)");
  }

  @Test
  void raggedRows() throws Exception {
    Path f = people("4,Dee,1");
    fails(SqlStates.BAD_COPY_FORMAT, () -> readAll(open(f, PEOPLE)),
        "row has 3 fields but the table has 4 columns", "file " + f, "line 7");
    Path g = people("4,Dee,1,2000-01-01,extra");
    fails(SqlStates.BAD_COPY_FORMAT, () -> readAll(open(g, PEOPLE)), "5 fields", "line 7");
  }

  @Test
  void unterminatedQuoteReportsWhereTheFieldStarted() throws Exception {
    Path f = write(dir, "u.csv", "a,b\n1,x\n2,\"never\nclosed\n3,y\n");
    fails(SqlStates.BAD_COPY_FORMAT, () -> readAll(open(f, List.of(col("a", DataType.INTEGER),
        col("b", DataType.VARCHAR)))), "unterminated quoted field", "file " + f, "line 3");
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(f, List.of()), "line 3");
  }

  @Test
  void hugeLineIsAnErrorNotAnOutOfMemory() throws Exception {
    Path f = dir.resolve("huge.csv");
    byte[] big = new byte[3 << 20];
    java.util.Arrays.fill(big, (byte) 'x');
    Files.write(f, "a\n1\n".getBytes());
    Files.write(f, big, java.nio.file.StandardOpenOption.APPEND);
    // The sample at CREATE time already meets the line, so the CREATE fails.
    fails(SqlStates.BAD_COPY_FORMAT, () -> readAll(CsvConnector.withMaxRecordBytes(1 << 20)
        .open(CsvTestSupport.spec(CsvTestSupport.opts(f), col("a", DataType.VARCHAR)))),
        "longer than 1 MiB", "line 3", f.toString());
    ConnectorTable t = CsvConnector.withMaxRecordBytes(1 << 20).open(CsvTestSupport.spec(
        CsvTestSupport.opts(f, "sample_rows", "1"), col("a", DataType.VARCHAR)));
    fails(SqlStates.BAD_COPY_FORMAT, () -> readAll(t), "longer than 1 MiB", "line 3");
  }

  @Test
  void lineOverTheDefault64MiBLimit() throws Exception {
    Path f = dir.resolve("huge64.csv");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'y');
    try (var out = Files.newOutputStream(f)) {
      out.write("a\n1\n2\n".getBytes());
      for (int i = 0; i < 65; i++) {
        out.write(chunk);
      }
    }
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(f, List.of(col("a", DataType.VARCHAR))),
        "longer than 64 MiB", "line 4", f.toString());
    Files.delete(f);
  }

  @Test
  void lenientModeTurnsErrorsIntoNulls() throws Exception {
    Path f = write(dir, "l.csv", "id,name,age,born\n1,a,abc,1990-01-01\n2,b\n"
        + "3,c,5,2000-01-01,x\n4,d,300,nope\n5,\"open");
    ConnectorTable t = open(f, PEOPLE, "lenient", "true");
    assertEquals(List.of(row(1L, "a", null, 7305L), row(2L, "b", null, null),
        row(3L, "c", 5L, 10957L), row(4L, "d", null, null), row(5L, "open", null, null)),
        readAll(t));
  }
}
