package io.velaria.sqllogictest;

import java.util.ArrayList;
import java.util.List;

/** Named groups of test files. */
public final class Subsets {
  private Subsets() {}

  /**
   * The smallest non-empty file of each {@code index/*} directory of sql-logic-test 0.3
   * (by size in the jar; {@code index/view/10/slt_good_0.test} is empty and not a choice).
   */
  public static final List<String> SMALLEST_INDEX = List.of(
      "test/index/between/1000/slt_good_0.test",
      "test/index/commute/10/slt_good_10.test",
      "test/index/delete/1/slt_good_0.test",
      "test/index/in/10/slt_good_5.test",
      "test/index/orderby/10/slt_good_4.test",
      "test/index/orderby_nosort/10/slt_good_14.test",
      "test/index/random/1000/slt_good_4.test",
      "test/index/view/10000/slt_good_0.test");

  /**
   * The fast subset run by {@code mvn verify}: select1-5, all of evidence/, and
   * {@link #SMALLEST_INDEX}.
   */
  public static List<String> fast(List<String> all) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add("test/select" + i + ".test");
    }
    for (String f : all) {
      if (f.startsWith("test/evidence/")) {
        out.add(f);
      }
    }
    out.addAll(SMALLEST_INDEX);
    return out;
  }

  /**
   * Expands arguments: {@code @fast} is the fast subset, {@code @all} everything, anything else
   * a substring of the file path (the library's own rule).
   */
  public static List<String> expand(List<String> all, List<String> args) {
    if (args.isEmpty()) {
      return all;
    }
    List<String> out = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    for (String a : args) {
      if (a.equals("@fast")) {
        out.addAll(fast(all));
      } else if (a.equals("@all")) {
        out.addAll(all);
      } else if (a.endsWith(".test") && !a.startsWith("test/")
          && Thread.currentThread().getContextClassLoader().getResource(a) != null) {
        out.add(a);  // a test file of our own on the classpath, e.g. slt/velaria/ddl.test
      } else {
        patterns.add(a);
      }
    }
    if (!patterns.isEmpty()) {
      out.addAll(SltRunner.select(all, patterns));
    }
    return new ArrayList<>(new java.util.LinkedHashSet<>(out));
  }
}
