package io.velaria.jdbc.slt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code .test} file under {@code src/test/resources/sql} through
 * {@code jdbc:velaria:}, one fresh database per file. Variables: {@code ${DATA}} is the test
 * data directory, {@code ${TMP}} a fresh temporary directory.
 */
class SqlFilesTest {
  private static final Path ROOT = Path.of("src/test/resources/sql");
  private static final Path DATA = Path.of("src/test/resources/data").toAbsolutePath();

  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicTest> sqlFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT)) {
      // -Dsql.files=search/ runs only the files whose path contains that text
      String only = System.getProperty("sql.files", "");
      files = s.filter(p -> p.toString().endsWith(".test") && p.toString().contains(only))
          .sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(),
        () -> run(f)));
  }

  private void run(Path file) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "t");
    Map<String, String> vars = Map.of("DATA", DATA.toString(), "TMP", dir.toString());
    List<SqlTestFile.Record> records = SqlTestFile.parse(file, vars);
    List<String> failures = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      for (SqlTestFile.Record r : records) {
        String problem = check(c, r);
        if (problem != null) {
          failures.add(file + ":" + r.line() + ": " + problem + "\n    " + r.sql()
              .replace("\n", "\n    "));
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + records.size() + " records failed:\n"
          + String.join("\n", failures));
    }
  }

  private static String check(Connection c, SqlTestFile.Record r) {
    try (Statement st = c.createStatement()) {
      if (r.kind().equals("statement ok")) {
        st.execute(r.sql());
        return null;
      }
      if (r.kind().endsWith("error")) {
        try {
          if (st.execute(r.sql())) {
            try (ResultSet rs = st.getResultSet()) {
              while (rs.next()) {
                // errors may surface while reading
              }
            }
          }
          return "expected an error, got success";
        } catch (SQLException e) {
          if (r.expectedState() != null && !r.expectedState().equals(e.getSQLState())) {
            return "expected SQLState " + r.expectedState() + " but got " + e.getSQLState()
                + ": " + e.getMessage();
          }
          if (r.expectedMessage() != null && (e.getMessage() == null
              || !e.getMessage().contains(r.expectedMessage()))) {
            return "expected message containing '" + r.expectedMessage() + "' but got: "
                + e.getMessage();
          }
          return null;
        }
      }
      List<String> actual = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(r.sql())) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        while (rs.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            String v = rs.getString(i);
            cells.add(v == null ? "NULL" : v.isEmpty() ? "(empty)" : v);
          }
          if (r.sortMode().equals("valuesort")) {
            actual.addAll(cells);
          } else {
            actual.add(String.join("\t", cells));
          }
        }
      }
      List<String> expected = new ArrayList<>();
      for (String row : r.expectedRows()) {
        if (r.sortMode().equals("valuesort")) {
          expected.addAll(List.of(row.split("\t")));
        } else {
          expected.add(row);
        }
      }
      if (!r.sortMode().equals("nosort")) {
        Collections.sort(actual);
        Collections.sort(expected);
      }
      if (!actual.equals(expected)) {
        return "expected\n      " + String.join("\n      ", expected) + "\n    but got\n      "
            + String.join("\n      ", actual);
      }
      return null;
    } catch (SQLException e) {
      return "unexpected error [" + e.getSQLState() + "]: " + e.getMessage();
    }
  }
}
