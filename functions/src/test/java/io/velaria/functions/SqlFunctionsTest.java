package io.velaria.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.ValueText;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.DatabaseConfig;
import io.velaria.engine.session.Session;
import io.velaria.engine.session.StatementResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every function group through SQL: NULLs, empty strings, Unicode, boundaries, errors. */
class SqlFunctionsTest {
  private Session session;

  @BeforeEach
  void open() {
    session = Database.open(DatabaseConfig.inMemory()).newSession();
  }

  @AfterEach
  void close() {
    session.close();
  }

  private List<String> rows(String sql, Object... params) {
    List<String> out = new ArrayList<>();
    try (StatementResult r = session.execute(sql, Arrays.asList(params), null)) {
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

  private String one(String sql, Object... params) {
    return rows(sql, params).get(0);
  }

  private VelariaException error(String sql, Object... params) {
    return assertThrows(VelariaException.class, () -> rows(sql, params));
  }

  private void update(String sql) {
    try (StatementResult r = session.execute(sql, List.of(), null)) {
      r.updateCount();
    }
  }

  @Test
  void specExamples() {
    assertEquals("1767225600|202601|apac-1|pa",
        one("SELECT UNIX_TIMESTAMP('2026-01-01'), YEARWEEK('2026-01-01'),"
            + " CONCAT_WS('-', 'apac', 1), SUBSTR('apac', 2, 2)"));
  }

  @Test
  void caseAndTrim() {
    assertEquals("ABC|abc|Hello World-X|x|x  |  x|x",
        one("SELECT UPPER('abc'), LOWER('ABC'), INITCAP('hello wORLD-x'), TRIM('  x  '),"
            + " LTRIM('  x  '), RTRIM('  x  '), TRIM(BOTH '*' FROM '**x*')"));
    assertEquals("STRASSE|ÉTÉ|été|Élan", one("SELECT UPPER(?), UPPER(?), LOWER(?), INITCAP(?)",
        "straße", "été", "ÉTÉ", "élan"));
    assertEquals("|||null", one("SELECT UPPER(''), TRIM(''), LTRIM('   '), UPPER(NULL)"));
    assertEquals("xy|yx", one("SELECT LTRIM('zzxy', 'z'), RTRIM('yxzz', 'z')"));
  }

  @Test
  void lengthCountsCharacters() {
    assertEquals("5|5|5|5|0|null",
        one("SELECT LENGTH('hello'), LEN('hello'), CHAR_LENGTH('hello'),"
            + " CHARACTER_LENGTH('hello'), LENGTH(''), LENGTH(NULL)"));
    assertEquals("6|2|1", one("SELECT LENGTH(?), LENGTH(?), LENGTH(?)", "héllo😀", "😀😀", "ÿ"));
    assertEquals("3", one("SELECT LENGTH(123)"));
  }

  @Test
  void substringsAreOneBasedAndCharacterWise() {
    assertEquals("pa|ac|abc|a||bc",
        one("SELECT SUBSTR('apac', 2, 2), SUBSTR('apac', 3), SUBSTRING('abc' FROM 1),"
            + " SUBSTRING('abc', 0, 2), SUBSTR('abc', 10), SUBSTRING('abc' FROM 2 FOR 5)"));
    assertEquals("😀b|é", one("SELECT SUBSTR(?, 2, 2), SUBSTR(?, 2, 1)", "a😀bc", "héllo"));
    assertEquals("ab|bc|a|c||abc", one("SELECT LEFT('abc', 2), RIGHT('abc', 2), LEFT('abc', -2),"
        + " RIGHT('abc', -2), LEFT('abc', 0), RIGHT('abc', 10)"));
    assertEquals("a😀|😀b", one("SELECT LEFT(?, 2), RIGHT(?, 2)", "a😀b", "a😀b"));
    assertEquals("22011", error("SELECT SUBSTR('abc', 1, -1)").sqlState());
  }

  @Test
  void positionBothForms() {
    assertEquals("2|2|0|1|4|null",
        one("SELECT POSITION('b' IN 'abc'), POSITION('b', 'abc'), POSITION('z' IN 'abc'),"
            + " POSITION('' IN 'abc'), POSITION('a' IN 'abca' FROM 2), POSITION(NULL IN 'a')"));
    assertEquals("3|3", one("SELECT POSITION('b' IN CAST(? AS VARCHAR)), STRPOS(?, 'b')", "😀ab", "😀ab"));
  }

  @Test
  void concatenation() {
    assertEquals("abc|a1true|null|null|a-b-c|null",
        one("SELECT CONCAT('a', 'b', 'c'), CONCAT('a', 1, TRUE), CONCAT('a', NULL),"
            + " 'a' || NULL, CONCAT_WS('-', 'a', 'b', 'c'), CONCAT_WS('-', 'a', NULL)"));
    assertEquals("|x", one("SELECT CONCAT('', ''), CONCAT_WS('', 'x')"));
  }

  @Test
  void replacePadSplitRepeatReverse() {
    assertEquals("bbb|abc|xyxhi|hi   |hel|b|c||",
        one("SELECT REPLACE('aaa', 'a', 'b'), REPLACE('abc', '', 'x'), LPAD('hi', 5, 'xy'),"
            + " RPAD('hi', 5), LPAD('hello', 3), SPLIT_PART('a,b,c', ',', 2),"
            + " SPLIT_PART('a,b,c', ',', -1), SPLIT_PART('a,b,c', ',', 4),"
            + " SPLIT_PART('', ',', 1)"));
    assertEquals("ababab||cba", one("SELECT REPEAT('ab', 3), REPEAT('ab', 0), REVERSE('abc')"));
    assertEquals("😀ba|😀😀a", one("SELECT REVERSE(?), LPAD('a', 3, ?)", "ab😀", "😀"));
    assertEquals("22023", error("SELECT SPLIT_PART('a', ',', 0)").sqlState());
  }

  @Test
  void regexAndPrefixes() {
    assertEquals("true|false|aXbX|val|null|12|true|false",
        one("SELECT REGEXP_LIKE('abc', 'b'), REGEXP_LIKE('abc', '^b'),"
            + " REGEXP_REPLACE('a1b2', '[0-9]', 'X'), REGEXP_EXTRACT('key=val', '(\\w+)=(\\w+)', 2),"
            + " REGEXP_EXTRACT('abc', 'z'), REGEXP_EXTRACT('ab12', '[0-9]+'),"
            + " STARTS_WITH('abc', 'ab'), STARTS_WITH('abc', 'b')"));
    assertEquals("b-a|true", one("SELECT REGEXP_REPLACE('a-b', '(\\w)-(\\w)', '\\2-\\1'),"
        + " REGEXP_LIKE('ABC', '(?i)abc')"));
    assertEquals("2201B", error("SELECT REGEXP_LIKE('a', '(')").sqlState());
    update("CREATE TABLE p (s VARCHAR, re VARCHAR)");
    update("INSERT INTO p VALUES ('abc', 'b'), ('abc', 'x'), ('xyz', 'x'), (NULL, 'x'),"
        + " ('a', NULL)");
    assertEquals(List.of("true", "false", "true", "null", "null"),
        rows("SELECT REGEXP_LIKE(s, re) FROM p"));
    assertEquals(List.of("abc", "abc"), rows("SELECT s FROM p WHERE REGEXP_LIKE(s, ?)", "^a.c$"));
  }

  @Test
  void jsonValue() {
    assertEquals("1|x|null|null|3|null",
        one("SELECT JSON_VALUE('{\"a\":1}', '$.a'), JSON_VALUE('{\"a\":{\"b\":\"x\"}}', '$.a.b'),"
            + " JSON_VALUE('{\"a\":1}', '$.z'), JSON_VALUE('{\"a\":[1]}', '$.a'),"
            + " JSON_VALUE('{\"a\":[1,2,3]}', '$.a[2]'), JSON_VALUE('not json', '$.a')"));
  }

  @Test
  void numbers() {
    assertEquals("5|5.5|2.350|-3.0|3.0|2.780|2.00|-2.0|1200",
        one("SELECT ABS(-5), ABS(-5.5), ROUND(2.345, 2), ROUND(-2.5), ROUND(2.5e0),"
            + " TRUNC(2.789, 2), TRUNC(2.78), TRUNCATE(-2.7), ROUND(1234, -2)"));
    assertEquals("2|-2|2.0|-1|0|1.0|1",
        one("SELECT CEIL(1.5), FLOOR(-1.5), CEIL(1.2e0), SIGN(-7), SIGN(0), SIGN(2.5e0),"
            + " MOD(7, 3)"));
    assertEquals("1024.0|1.4142135623730951|0.0|3.0|1.0|3|1|null",
        one("SELECT POWER(2, 10), SQRT(2), LN(1), LOG10(1000), EXP(0), GREATEST(1, 3, 2),"
            + " LEAST(1, 3, 2), NULLIF(1, 1)"));
    assertEquals("x|null|null", one("SELECT COALESCE(NULL, 'x'), ABS(NULL), ROUND(NULL, 1)"));
  }

  @Test
  void overflowIsAnErrorNotAWrappedNumber() {
    assertEquals("22003", error("SELECT ABS(CAST('-9223372036854775808' AS BIGINT))").sqlState());
    assertEquals("22003", error("SELECT POWER(10, 400)").sqlState());
    assertEquals("22003", error("SELECT EXP(1000)").sqlState());
    assertEquals("22003",
        error("SELECT ROUND(CAST('9223372036854775807' AS BIGINT), -1)").sqlState());
    assertEquals("2201F", error("SELECT SQRT(-1)").sqlState());
    assertEquals("2201E", error("SELECT LN(0)").sqlState());
  }

  @Test
  void datePartsFromEveryInputForm() {
    assertEquals("2026|1|1|2026|2026|2026",
        one("SELECT YEAR('2026-01-01'), MONTH('2026-01-01 10:00:00'), DAY('2026-01-01T10:00:00'),"
            + " YEAR(DATE '2026-01-01'), YEAR(TIMESTAMP '2026-06-30 23:59:59'),"
            + " YEAR(1767225600000)"));
    assertEquals("10|20|30|2|1|60|1",
        one("SELECT HOUR('2024-01-01T10:20:30'), MINUTE('2024-01-01 10:20:30'),"
            + " SECOND(TIMESTAMP '2024-01-01 10:20:30'), DAYOFWEEK('2024-01-01'),"
            + " QUARTER('2024-03-31'), DAYOFYEAR('2024-02-29'), ISO_DAYOFWEEK('2024-01-01')"));
    assertEquals("null|null", one("SELECT YEAR(NULL), YEARWEEK(CAST(NULL AS DATE))"));
  }

  @Test
  void isoWeeksAndYearBoundaries() {
    // 2020-12-31 is in ISO week 53 of 2020; 2021-01-03 too; 2021-01-04 starts week 1
    assertEquals("53|2020|202053|202053|202101|53",
        one("SELECT ISO_WEEK('2020-12-31'), ISO_YEAR('2021-01-03'), YEARWEEK('2021-01-03'),"
            + " YEARWEEK('2020-12-28'), YEARWEEK('2021-01-04'), WEEK('2026-12-31')"));
    // 2024-12-30 belongs to ISO year 2025
    assertEquals("2025|1|202501", one("SELECT ISO_YEAR('2024-12-30'), ISO_WEEK('2024-12-30'),"
        + " YEARWEEK('2024-12-30')"));
  }

  @Test
  void leapYearsAndNegativeEpoch() {
    assertEquals("2|29|2000-02-29|60", one("SELECT MONTH('2000-02-29'), DAY('2000-02-29'),"
        + " DATE_ADD(DATE '2000-02-28', 1), DAYOFYEAR('2000-02-29')"));
    assertEquals("2100-03-01", one("SELECT DATE_ADD(DATE '2100-02-28', 1)"));
    assertEquals("1969|12|31|23|59|59|-1",
        one("SELECT YEAR(-1000), MONTH(-1000), DAY(-1000), HOUR(-1000), MINUTE(-1000),"
            + " SECOND(-1000), UNIX_TIMESTAMP(-1000)"));
    assertEquals("1900|-2208988800", one("SELECT YEAR('1900-01-01'), UNIX_TIMESTAMP('1900-01-01')"));
    assertEquals("22007", error("SELECT YEAR('2023-02-29')").sqlState());
  }

  @Test
  void truncationArithmeticAndFormatting() {
    assertEquals("2024-02-01 00:00:00|2024-02-26 00:00:00|2024-01-01 00:00:00|2024-02-29 10:00:00",
        one("SELECT DATE_TRUNC('month', TIMESTAMP '2024-02-29 10:11:12'),"
            + " DATE_TRUNC('week', '2024-02-29'), DATE_TRUNC('quarter', '2024-03-31'),"
            + " DATE_TRUNC('hour', '2024-02-29 10:11:12')"));
    assertEquals("2024-02-29|2024-03-01 10:00:00|29|-29|2024-02-29",
        one("SELECT DATE_ADD(DATE '2024-02-28', 1), DATE_ADD('2024-02-29 10:00:00', 1),"
            + " DATEDIFF('2024-03-01', '2024-02-01'), DATEDIFF('2024-02-01', '2024-03-01'),"
            + " DATE_SUB(DATE '2024-03-01', 1)"));
    assertEquals("2024-02-29 13:05:09 Thu Feb|01:05 PM|2024/02/29|2024-W09",
        one("SELECT TO_CHAR(TIMESTAMP '2024-02-29 13:05:09', 'YYYY-MM-DD HH24:MI:SS Dy Mon'),"
            + " TO_CHAR('2024-02-29 13:05:09', 'HH12:MI AM'), DATE_FORMAT('2024-02-29', '%Y/%m/%d'),"
            + " TO_CHAR('2024-02-29', 'IYYY-\"W\"IW')"));
    assertEquals("2024-02-29 00:00:00|2024-03-01",
        one("SELECT FLOOR(TIMESTAMP '2024-02-29 10:11:12' TO DAY),"
            + " CEIL(DATE '2024-02-10' TO MONTH)"));
    assertEquals("2024-03-01 00:00:00", one("SELECT TIMESTAMP '2024-02-29 00:00:00'"
        + " + INTERVAL '1' DAY"));
    assertEquals("22023", error("SELECT DATE_TRUNC('fortnight', '2024-01-01')").sqlState());
  }

  @Test
  void currentTimeFunctionsAgreeWithinAStatement() {
    String[] v = one("SELECT NOW(), currentTimestamp(), CURRENT_TIMESTAMP, TODAY(),"
        + " CURRENT_DATE, UNIX_TIMESTAMP()").split("\\|");
    assertEquals(v[3], v[4]);
    assertTrue(v[0].startsWith(v[3]), v[0] + " vs " + v[3]);
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(Long.parseLong(v[5]) - now) < 60);
  }

  @Test
  void overTablesWithNullsAndManyBatches() {
    update("CREATE TABLE t (id INT, s VARCHAR, d DATE)");
    StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 10_000; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(i % 7 == 0 ? "(" + i + ", NULL, NULL)"
          : "(" + i + ", 'row" + i + "', DATE '2024-01-01' + INTERVAL '" + (i % 400) + "' DAY)");
    }
    update(sql.toString());
    assertEquals("8571|8571|8571",
        one("SELECT COUNT(UPPER(s)), COUNT(YEAR(d)), SUM(CASE WHEN LENGTH(s) >= 4 THEN 1 END)"
            + " FROM t"));
    assertEquals(List.of("2024", "2025"), rows("SELECT DISTINCT YEAR(d) FROM t WHERE d IS NOT NULL"
        + " ORDER BY 1"));
    assertEquals(List.of("ROW1|2024|2", "ROW2|2024|3"),
        rows("SELECT UPPER(s), YEAR(d), DAY(d) FROM t WHERE id IN (1, 2) ORDER BY id"));
    assertEquals("1429", one("SELECT COUNT(*) FROM t WHERE UPPER(s) IS NULL"));
  }

  @Test
  void wrongArgumentsNameFunctionAndSignature() {
    VelariaException e = error("SELECT SUBSTR('abc')");
    assertTrue(e.getMessage().contains("SUBSTR(<VARCHAR>, <BIGINT>)"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column 8"), e.getMessage());
    assertTrue(e.sqlState().startsWith("42"), e.sqlState());
    e = error("SELECT UPPER('a', 'b')");
    assertTrue(e.getMessage().contains("UPPER(<VARCHAR>)"), e.getMessage());
    e = error("SELECT YEAR(TRUE)");
    assertTrue(e.getMessage().contains("YEAR("), e.getMessage());
    e = error("SELECT ABS('x')");
    assertTrue(e.getMessage().contains("ABS(<NUMERIC>)"), e.getMessage());
    assertEquals("22P02", error("SELECT SUBSTR('abc', 'x')").sqlState());
  }

  @Test
  void parametersTakeTheSignaturesTypes() {
    assertEquals("2026|bc|true|2|4.0",
        one("SELECT YEAR(?), SUBSTR(?, ?, ?), REGEXP_LIKE(?, ?), LENGTH(?), SQRT(?)",
            "2026-01-01", "abcd", 2, 2, "xyz", "y", "ab", 16));
    assertEquals("null", one("SELECT UPPER(?)", (Object) null));
  }

  @Test
  void explainShowsFunctions() {
    String plan = String.join("\n", rows("EXPLAIN SELECT UPPER('a'), YEARWEEK('2026-01-01')"));
    assertTrue(plan.contains("UPPER") && plan.contains("YEARWEEK"), plan);
  }
}
