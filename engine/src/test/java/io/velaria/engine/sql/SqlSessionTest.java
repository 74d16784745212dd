package io.velaria.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.ValueText;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.DatabaseConfig;
import io.velaria.engine.session.Session;
import io.velaria.engine.session.StatementResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End-to-end statements through the engine's session API (no JDBC). */
class SqlSessionTest {
  private Session session;

  @BeforeEach
  void open() {
    session = Database.open(DatabaseConfig.inMemory()).newSession();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (StatementResult r = session.execute(sql, List.of(), null)) {
      Batch b;
      while ((b = r.nextBatch()) != null) {
        for (int i = 0; i < b.rowCount(); i++) {
          StringBuilder sb = new StringBuilder();
          for (int c = 0; c < b.columnCount(); c++) {
            if (c > 0) {
              sb.append('|');
            }
            sb.append(ValueText.format(b.column(c).getObject(i), b.column(c).type()));
          }
          out.add(sb.toString());
        }
      }
    }
    return out;
  }

  private long update(String sql) {
    try (StatementResult r = session.execute(sql, List.of(), null)) {
      return r.updateCount();
    }
  }

  @Test
  void valuesAndArithmetic() {
    assertEquals(List.of("3|2.500000|true"), rows("SELECT 1 + 2, 5.0 / 2, 1 < 2"));
  }

  @Test
  void managedTableRoundTrip() {
    update("CREATE TABLE t (a INT, b VARCHAR, c DECIMAL(10,2))");
    assertEquals(3, update("INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', NULL), (3, NULL, 2.25)"));
    assertEquals(List.of("1|x|1.50", "2|y|null", "3|null|2.25"),
        rows("SELECT a, b, c FROM t ORDER BY a"));
    assertEquals(List.of("2|3.75"), rows("SELECT COUNT(c), SUM(c) FROM t"));
    assertEquals(List.of("y"), rows("SELECT b FROM t WHERE a = 2"));
    assertEquals(1, update("DELETE FROM t WHERE a = 2"));
    assertEquals(2, update("UPDATE t SET b = 'z' WHERE a > 0"));
    assertEquals(List.of("1|z", "3|z"), rows("SELECT a, b FROM t ORDER BY a"));
  }

  @Test
  void joinsAndSubqueries() {
    update("CREATE TABLE e (id INT, dept INT, salary INT)");
    update("CREATE TABLE d (id INT, name VARCHAR)");
    update("INSERT INTO e VALUES (1, 10, 100), (2, 10, 200), (3, 20, 300), (4, NULL, 50)");
    update("INSERT INTO d VALUES (10, 'eng'), (20, 'ops'), (30, 'hr')");
    assertEquals(List.of("eng|300", "ops|300"), rows(
        "SELECT d.name, SUM(e.salary) FROM e JOIN d ON e.dept = d.id GROUP BY d.name ORDER BY 1"));
    assertEquals(List.of("hr"), rows(
        "SELECT name FROM d WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.dept = d.id)"));
    assertEquals(List.of("2"), rows(
        "SELECT id FROM e WHERE salary > (SELECT AVG(salary) FROM e e2 WHERE e2.dept = e.dept)"));
    assertEquals(List.of("4|null"), rows(
        "SELECT e.id, d.name FROM e LEFT JOIN d ON e.dept = d.id WHERE d.id IS NULL"));
  }

  @Test
  void errorsCarryStates() {
    VelariaException e = assertThrows(VelariaException.class,
        () -> rows("SELECT * FROM missing_table"));
    assertEquals("42P01", e.sqlState());
    VelariaException p = assertThrows(VelariaException.class, () -> rows("SELECT FROM WHERE"));
    assertEquals("42601", p.sqlState());
  }
}
