package io.velaria.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.FunctionProvider;
import io.velaria.engine.type.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The adapter's paths: NULL-free, NULLs, constants, folding, ASCII, specialization, errors. */
class AdapterTest {
  /** Reads column {@code i} of the input batch. */
  private static Evaluator col(int i, DataType t) {
    return new Evaluator() {
      @Override
      public DataType type() {
        return t;
      }

      @Override
      public Column evaluate(Batch input) {
        return input.column(i);
      }
    };
  }

  private static Batch batch(Column... cols) {
    return new Batch(cols, cols[0].size());
  }

  private static LongColumn longs(DataType t, long[] v, boolean[] nulls) {
    return new LongColumn(t, v.length, v, nulls);
  }

  private static StringColumn strings(String[] v, boolean[] nulls) {
    return new StringColumn(DataType.VARCHAR, v.length, v, nulls);
  }

  private static Evaluator compile(String name, DataType result, Evaluator... args) {
    return FunctionEvaluator.compile(FunctionRegistry.lookup(name), name, List.of(args), result);
  }

  @Test
  void nullFreeBatchHasNoNullMask() {
    Evaluator e = compile("YEAR", DataType.BIGINT, col(0, DataType.TIMESTAMP));
    LongColumn out = (LongColumn) e.evaluate(batch(longs(DataType.TIMESTAMP,
        new long[] {0, 1767225600000L, -1}, null)));
    assertNull(out.nulls());
    assertArrayEquals(new long[] {1970, 2026, 1969}, out.values());
  }

  @Test
  void nullsPropagateInBulkAndRowsAreSkipped() {
    AtomicInteger calls = new AtomicInteger();
    Fn fn = Fn.numeric("T").sig(Arg.BIGINT, Arg.BIGINT, Arg.BIGINT)
        .longs((a, b) -> {
          calls.incrementAndGet();
          return Math.addExact(a, b);
        });
    boolean[] na = {false, true, false, false};
    boolean[] nb = {false, false, false, true};
    Evaluator e = FunctionEvaluator.compile(fn, "T",
        List.of(col(0, DataType.BIGINT), col(1, DataType.BIGINT)), DataType.BIGINT);
    LongColumn out = (LongColumn) e.evaluate(batch(
        longs(DataType.BIGINT, new long[] {1, Long.MAX_VALUE, 3, 4}, na),
        longs(DataType.BIGINT, new long[] {10, 1, 30, Long.MAX_VALUE}, nb)));
    assertEquals(2, calls.get(), "NULL rows are not computed (no overflow on them)");
    assertArrayEquals(new boolean[] {false, true, false, true}, out.nulls());
    assertEquals(11, out.get(0));
    assertEquals(33, out.get(2));
    assertArrayEquals(new boolean[] {false, true, false, false}, na, "input masks untouched");
  }

  @Test
  void oneArgumentWithNullsSharesItsMask() {
    boolean[] na = {false, true};
    Evaluator e = compile("MONTH", DataType.BIGINT, col(0, DataType.DATE));
    LongColumn out = (LongColumn) e.evaluate(batch(longs(DataType.DATE, new long[] {40, 0},
        na)));
    assertSame(na, out.nulls());
    assertEquals(2, out.get(0));
  }

  @Test
  void constantArgumentIsPreparedOnce() {
    AtomicInteger prepares = new AtomicInteger();
    Fn fn = Fn.string("RX").sig(Arg.BOOLEAN, Arg.VARCHAR, Arg.VARCHAR)
        .prepare(1, p -> {
          prepares.incrementAndGet();
          return Pattern.compile(p);
        })
        .row((in, r, out) -> out.setBoolean(r,
            in.<Pattern>prepared(1, r).matcher(in.str(0, r)).find()));
    Evaluator e = FunctionEvaluator.compile(fn, "RX", List.of(col(0, DataType.VARCHAR),
        FunctionProvider.constant(DataType.VARCHAR, "b+")), DataType.BOOLEAN);
    assertEquals(1, prepares.get(), "prepared at compile time");
    for (int k = 0; k < 3; k++) {
      BooleanColumn out = (BooleanColumn) e.evaluate(batch(strings(
          new String[] {"abc", "xyz", "bb"}, null)));
      assertArrayEquals(new boolean[] {true, false, true}, out.values());
    }
    assertEquals(1, prepares.get());
  }

  @Test
  void variableArgumentIsPreparedPerDistinctRun() {
    AtomicInteger prepares = new AtomicInteger();
    Fn fn = Fn.string("RX").sig(Arg.BOOLEAN, Arg.VARCHAR, Arg.VARCHAR)
        .prepare(1, p -> {
          prepares.incrementAndGet();
          return Pattern.compile(p);
        })
        .row((in, r, out) -> out.setBoolean(r,
            in.<Pattern>prepared(1, r).matcher(in.str(0, r)).find()));
    Evaluator e = FunctionEvaluator.compile(fn, "RX", List.of(col(0, DataType.VARCHAR),
        col(1, DataType.VARCHAR)), DataType.BOOLEAN);
    BooleanColumn out = (BooleanColumn) e.evaluate(batch(
        strings(new String[] {"a", "b", "c", "d"}, null),
        strings(new String[] {"a", "a", "c|d", "c|d"}, null)));
    assertArrayEquals(new boolean[] {true, false, true, true}, out.values());
    assertEquals(2, prepares.get());
  }

  @Test
  void allConstantCallIsComputedOnce() {
    AtomicInteger calls = new AtomicInteger();
    Fn fn = Fn.numeric("C").sig(Arg.BIGINT, Arg.BIGINT).longs(x -> {
      calls.incrementAndGet();
      return x * 2;
    });
    Evaluator e = FunctionEvaluator.compile(fn, "C",
        List.of(FunctionProvider.constant(DataType.BIGINT, 21L)), DataType.BIGINT);
    for (int n : new int[] {5, 5, 7}) {
      LongColumn out = (LongColumn) e.evaluate(new Batch(new Column[0], n));
      assertEquals(n, out.size());
      assertEquals(42, out.get(n - 1));
    }
    assertEquals(1, calls.get());
  }

  @Test
  void asciiVariantRunsOnlyForAllAsciiBatches() {
    Fn fn = Fn.string("U").sig(Arg.VARCHAR, Arg.VARCHAR)
        .strings(s -> "general:" + s, s -> "ascii:" + s);
    Evaluator e = FunctionEvaluator.compile(fn, "U", List.of(col(0, DataType.VARCHAR)),
        DataType.VARCHAR);
    StringColumn a = (StringColumn) e.evaluate(batch(strings(new String[] {"ab", "cd"}, null)));
    assertEquals("ascii:ab", a.get(0));
    StringColumn b = (StringColumn) e.evaluate(batch(strings(new String[] {"ab", "é"}, null)));
    assertEquals("general:ab", b.get(0));
    assertEquals("general:é", b.get(1));
    // a non-ASCII value in a NULL row does not matter
    StringColumn c = (StringColumn) e.evaluate(batch(strings(new String[] {"ab", "é"},
        new boolean[] {false, true})));
    assertEquals("ascii:ab", c.get(0));
    assertTrue(c.isNull(1));
  }

  @Test
  void upperAndLengthAgreeOnAsciiAndUnicode() {
    Evaluator up = compile("UPPER", DataType.VARCHAR, col(0, DataType.VARCHAR));
    Evaluator len = compile("LENGTH", DataType.BIGINT, col(0, DataType.VARCHAR));
    Batch ascii = batch(strings(new String[] {"abc", "", "Hello, World 1"}, null));
    Batch unicode = batch(strings(new String[] {"straße", "ÿ", "héllo😀", "abc"}, null));
    assertArrayEquals(new String[] {"ABC", "", "HELLO, WORLD 1"},
        ((StringColumn) up.evaluate(ascii)).values());
    assertArrayEquals(new String[] {"STRASSE", "Ÿ", "HÉLLO😀", "ABC"},
        ((StringColumn) up.evaluate(unicode)).values());
    assertArrayEquals(new long[] {3, 0, 14}, ((LongColumn) len.evaluate(ascii)).values());
    assertArrayEquals(new long[] {6, 1, 6, 3}, ((LongColumn) len.evaluate(unicode)).values());
  }

  @Test
  void stringResultNullMarksRow() {
    Evaluator e = compile("REGEXP_EXTRACT", DataType.VARCHAR, col(0, DataType.VARCHAR),
        FunctionProvider.constant(DataType.VARCHAR, "[0-9]+"));
    boolean[] in = {false, false, true};
    StringColumn out = (StringColumn) e.evaluate(batch(strings(new String[] {"a12", "b", null},
        in)));
    assertEquals("12", out.get(0));
    assertTrue(out.isNull(1));
    assertTrue(out.isNull(2));
    assertFalse(in[1], "input mask untouched");
  }

  @Test
  void nonStrictFunctionSeesNulls() {
    Fn fn = Fn.string("NVL2").nonStrict().sig(Arg.VARCHAR, Arg.VARCHAR)
        .row((in, r, out) -> out.setString(r, in.isNull(0, r) ? "none" : in.str(0, r)));
    Evaluator e = FunctionEvaluator.compile(fn, "NVL2", List.of(col(0, DataType.VARCHAR)),
        DataType.VARCHAR);
    StringColumn out = (StringColumn) e.evaluate(batch(strings(new String[] {"x", null},
        new boolean[] {false, true})));
    assertArrayEquals(new String[] {"x", "none"}, out.values());
    assertNull(out.nulls());
  }

  @Test
  void dateArgumentsAcceptEveryForm() {
    Evaluator fromDate = compile("YEARWEEK", DataType.BIGINT, col(0, DataType.DATE));
    Evaluator fromText = compile("YEARWEEK", DataType.BIGINT, col(0, DataType.VARCHAR));
    Evaluator fromMillis = compile("YEARWEEK", DataType.BIGINT, col(0, DataType.BIGINT));
    long days = 20454; // 2026-01-01
    assertEquals(202601, ((LongColumn) fromDate.evaluate(batch(longs(DataType.DATE,
        new long[] {days}, null)))).get(0));
    assertEquals(202601, ((LongColumn) fromMillis.evaluate(batch(longs(DataType.BIGINT,
        new long[] {days * 86_400_000L}, null)))).get(0));
    assertArrayEquals(new long[] {202601, 202053, 202101}, ((LongColumn) fromText.evaluate(
        batch(strings(new String[] {"2026-01-01", "2020-12-31 23:59:59", "2021-01-04T00:00:00"},
            null)))).values());
  }

  @Test
  void overflowIsAnError() {
    Evaluator e = compile("ABS", DataType.BIGINT, col(0, DataType.BIGINT));
    VelariaException ex = assertThrows(VelariaException.class, () -> e.evaluate(batch(
        longs(DataType.BIGINT, new long[] {1, Long.MIN_VALUE}, null))));
    assertEquals("22003", ex.sqlState());
    assertTrue(ex.getMessage().contains("ABS"));
  }

  @Test
  void wrongArgumentTypesNameTheSignature() {
    VelariaException ex = assertThrows(VelariaException.class,
        () -> compile("SUBSTR", DataType.VARCHAR, col(0, DataType.VARCHAR)));
    assertEquals("42804", ex.sqlState());
    assertTrue(ex.getMessage().contains("SUBSTR(<VARCHAR>, <BIGINT>)"), ex.getMessage());
  }

  @Test
  void eachFunctionGetsItsOwnLoopClass() {
    Shapes.LongUnary f = x -> x + 1;
    Shapes.LongUnary g = x -> x + 2;
    Object lf = Specializer.loop(LongUnaryLoop.class, Runners.LongUnaryRunner.class, f);
    Object lg = Specializer.loop(LongUnaryLoop.class, Runners.LongUnaryRunner.class, g);
    assertNotSame(lf.getClass(), lg.getClass());
    assertTrue(lf.getClass().isHidden());
    assertSame(lf, Specializer.loop(LongUnaryLoop.class, Runners.LongUnaryRunner.class, f));
  }

  @Test
  void registryListsNamesForMetadata() {
    List<String> names = FunctionRegistry.names();
    for (String n : new String[] {"LOWER", "UPPER", "TRIM", "LTRIM", "RTRIM", "LENGTH", "LEN",
        "CHAR_LENGTH", "CHARACTER_LENGTH", "REVERSE", "CONCAT", "CONCAT_WS", "LEFT", "RIGHT",
        "SUBSTR", "SUBSTRING", "POSITION", "REPLACE", "CAST", "ABS", "CEIL", "FLOOR", "ROUND",
        "YEAR", "MONTH", "DAY", "ISO_YEAR", "ISO_WEEK", "WEEK", "YEARWEEK", "NOW", "TODAY",
        "CURRENT_TIMESTAMP", "currentTimestamp", "UNIX_TIMESTAMP", "COALESCE", "NULLIF",
        "GREATEST", "LEAST", "MOD", "POWER", "SQRT", "LN", "LOG10", "EXP", "SIGN", "TRUNC",
        "LPAD", "RPAD", "SPLIT_PART", "REGEXP_LIKE", "REGEXP_REPLACE", "REGEXP_EXTRACT",
        "STARTS_WITH", "INITCAP", "DATE_TRUNC", "DATE_ADD", "DATEDIFF", "EXTRACT",
        "CURRENT_DATE", "HOUR", "MINUTE", "SECOND", "DAYOFWEEK", "TO_CHAR", "JSON_VALUE"}) {
      assertTrue(names.contains(n), n);
    }
    assertTrue(FunctionRegistry.names(Fn.Category.STRING).contains("UPPER"));
    assertTrue(FunctionRegistry.names(Fn.Category.TIMEDATE).contains("YEARWEEK"));
  }
}
