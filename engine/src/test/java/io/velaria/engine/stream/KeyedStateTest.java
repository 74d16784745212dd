package io.velaria.engine.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The columnar keyed state against a plain map computed here: many groups (so every array
 * grows and the hash table rehashes), NULL keys and partials, every merge kind.
 */
class KeyedStateTest {
  // keys: VARCHAR, BIGINT; partials: COUNT (add), SUM DOUBLE (add), MIN VARCHAR, MAX BIGINT
  private static final List<DataType> TYPES = List.of(DataType.VARCHAR, DataType.BIGINT,
      DataType.BIGINT, DataType.DOUBLE, DataType.VARCHAR, DataType.BIGINT);
  private static final KeyedState.Merge[] MERGES = {KeyedState.Merge.ADD,
      KeyedState.Merge.ADD, KeyedState.Merge.MIN, KeyedState.Merge.MAX};

  @Test
  void mergesLikeAMapOverManyGroupsAndSurvivesRestore() {
    Random random = new Random(42);
    KeyedState state = new KeyedState(TYPES, 2, MERGES);
    Map<List<Object>, Object[]> expected = new LinkedHashMap<>();
    for (int round = 0; round < 30; round++) {
      if (round == 15) {
        // a restart: the state comes back from its checkpoint rows
        List<List<Object>> rows = state.toRows();
        state = new KeyedState(TYPES, 2, MERGES);
        state.restore(rows);
        assertEquals(rows, state.toRows());
      }
      List<Object[]> partials = new ArrayList<>();
      for (int r = 0; r < 1 + random.nextInt(400); r++) {
        partials.add(new Object[] {
            random.nextInt(20) == 0 ? null : "k" + random.nextInt(40),
            random.nextInt(20) == 0 ? null : (long) random.nextInt(50),
            (long) (1 + random.nextInt(5)),
            random.nextInt(10) == 0 ? null : random.nextInt(1000) / 4.0,
            random.nextInt(10) == 0 ? null : "s" + random.nextInt(1000),
            random.nextInt(10) == 0 ? null : (long) random.nextInt(1_000_000) - 500_000});
      }
      Map<List<Object>, Object[]> touched = new LinkedHashMap<>();
      for (Object[] p : partials) {
        List<Object> key = Arrays.asList(p[0], p[1]);
        Object[] acc = expected.computeIfAbsent(key, k -> new Object[4]);
        for (int a = 0; a < 4; a++) {
          acc[a] = reference(MERGES[a], acc[a], p[2 + a]);
        }
        touched.put(key, acc);
      }
      Batch out = state.merge(split(partials, random));
      assertEquals(rows(touched), rows(out), "round " + round);
      assertEquals(expected.size(), state.size());
    }
    assertEquals(rows(expected), state.toRows().stream().map(Object::toString).toList());
  }

  @Test
  void overflowOfALongSumIsAnError() {
    KeyedState state = new KeyedState(List.of(DataType.VARCHAR, DataType.BIGINT), 1,
        new KeyedState.Merge[] {KeyedState.Merge.ADD});
    state.merge(split(List.<Object[]>of(new Object[] {"a", Long.MAX_VALUE}), new Random(1)));
    VelariaException e = assertThrows(VelariaException.class, () -> state.merge(
        split(List.<Object[]>of(new Object[] {"a", 1L}), new Random(1))));
    assertEquals("22003", e.sqlState());
  }

  private static Object reference(KeyedState.Merge how, Object cur, Object v) {
    if (v == null) {
      return cur;
    }
    if (cur == null) {
      return v;
    }
    switch (how) {
      case ADD:
        if (v instanceof Double) {
          return (Double) cur + (Double) v;
        }
        return (Long) cur + (Long) v;
      case MIN:
        return ((String) v).compareTo((String) cur) < 0 ? v : cur;
      default:
        return Math.max((Long) cur, (Long) v);
    }
  }

  /** The rows as batches of random sizes. */
  private static List<Batch> split(List<Object[]> rows, Random random) {
    List<Batch> out = new ArrayList<>();
    int width = rows.get(0).length;
    List<DataType> types = width == TYPES.size() ? TYPES
        : List.of(DataType.VARCHAR, DataType.BIGINT);
    for (int from = 0; from < rows.size(); ) {
      int n = Math.min(rows.size() - from, 1 + random.nextInt(100));
      ColumnBuilder[] b = new ColumnBuilder[width];
      for (int c = 0; c < width; c++) {
        b[c] = new ColumnBuilder(types.get(c));
      }
      for (int r = from; r < from + n; r++) {
        for (int c = 0; c < width; c++) {
          b[c].appendObject(rows.get(r)[c]);
        }
      }
      Column[] cols = new Column[width];
      for (int c = 0; c < width; c++) {
        cols[c] = b[c].build();
      }
      out.add(new Batch(cols, n));
      from += n;
    }
    return out;
  }

  private static List<String> rows(Map<List<Object>, Object[]> groups) {
    List<String> out = new ArrayList<>();
    groups.forEach((k, v) -> {
      List<Object> row = new ArrayList<>(k);
      row.addAll(Arrays.asList(v));
      out.add(row.toString());
    });
    return out;
  }

  private static List<String> rows(Batch b) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < b.rowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < b.columnCount(); c++) {
        row.add(b.column(c).getObject(r));
      }
      out.add(row.toString());
    }
    return out;
  }
}
