package io.velaria.engine.exec;

import io.velaria.engine.exec.operator.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A plain-Java join over row lists, the expected answer for join operator tests. */
final class JoinReference {
  private JoinReference() {}

  static List<List<Object>> join(List<Object[]> probe, List<Object[]> build, int probeWidth,
      int buildWidth, int[] pk, int[] bk, boolean[] nullSafe, JoinType type,
      Function<List<Object>, Boolean> residual) {
    // Index build rows by key; a NULL in a key that is not null-safe never matches.
    Map<List<Object>, List<Integer>> index = new HashMap<>();
    for (int j = 0; j < build.size(); j++) {
      List<Object> key = key(build.get(j), bk, nullSafe);
      if (key != null) {
        index.computeIfAbsent(key, x -> new ArrayList<>()).add(j);
      }
    }
    boolean[] buildMatched = new boolean[build.size()];
    List<List<Object>> out = new ArrayList<>();
    for (Object[] p : probe) {
      boolean matched = false;
      List<Object> key = key(p, pk, nullSafe);
      List<Integer> candidates = key == null ? List.of() : index.getOrDefault(key, List.of());
      for (int j : candidates) {
        List<Object> row = new ArrayList<>(Arrays.asList(p));
        row.addAll(Arrays.asList(build.get(j)));
        if (residual == null || Boolean.TRUE.equals(residual.apply(row))) {
          matched = true;
          buildMatched[j] = true;
          if (type != JoinType.SEMI && type != JoinType.ANTI) {
            out.add(row);
          }
        }
      }
      if ((type == JoinType.SEMI && matched) || (type == JoinType.ANTI && !matched)) {
        out.add(Arrays.asList(p));
      }
      if ((type == JoinType.LEFT || type == JoinType.FULL) && !matched) {
        List<Object> row = new ArrayList<>(Arrays.asList(p));
        row.addAll(Arrays.asList(new Object[buildWidth]));
        out.add(row);
      }
    }
    if (type == JoinType.RIGHT || type == JoinType.FULL) {
      for (int j = 0; j < build.size(); j++) {
        if (!buildMatched[j]) {
          List<Object> row = new ArrayList<>(Arrays.asList(new Object[probeWidth]));
          row.addAll(Arrays.asList(build.get(j)));
          out.add(row);
        }
      }
    }
    return out;
  }

  private static List<Object> key(Object[] row, int[] cols, boolean[] nullSafe) {
    List<Object> key = new ArrayList<>();
    for (int i = 0; i < cols.length; i++) {
      Object v = row[cols[i]];
      if (v == null && !nullSafe[i]) {
        return null;
      }
      key.add(v instanceof Number ? (Object) ((Number) v).doubleValue() : v);
    }
    return key;
  }
}
