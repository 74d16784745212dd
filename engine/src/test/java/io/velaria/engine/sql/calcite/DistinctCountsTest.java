package io.velaria.engine.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sample-based distinct-count estimates that join ordering relies on. */
class DistinctCountsTest {
  @Test
  void wholeTableIsCountedExactly() {
    List<Object> all = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      all.add((long) (i % 37));
    }
    assertEquals(37, DistinctCounts.estimate(all, 1000));
  }

  @Test
  void anAllDistinctSampleLooksLikeAKey() {
    // a key column: 8,192 sampled rows of 1,000,000, every value different
    List<Object> sample = new ArrayList<>();
    for (int i = 0; i < 8192; i++) {
      sample.add((long) i * 122);
    }
    assertEquals(1_000_000, DistinctCounts.estimate(sample, 1_000_000), 1e-6);
  }

  @Test
  void aLowCardinalityColumnStaysLow() {
    // a nation key: 25 values, each seen many times in the sample
    Random r = new Random(7);
    List<Object> sample = new ArrayList<>();
    for (int i = 0; i < 8192; i++) {
      sample.add((long) r.nextInt(25));
    }
    assertEquals(25, DistinctCounts.estimate(sample, 1_500_000), 1e-6);
  }

  @Test
  void aForeignKeyOfARandomSampleIsNearItsTrueCount() {
    // 10,000 distinct values spread uniformly over 6,000,000 rows (l_suppkey at SF 1)
    Random r = new Random(11);
    List<Object> sample = new ArrayList<>();
    for (int i = 0; i < 8192; i++) {
      sample.add((long) r.nextInt(10_000));
    }
    double est = DistinctCounts.estimate(sample, 6_000_000);
    assertTrue(est > 5_000 && est < 20_000, "estimate " + est);
  }

  @Test
  void nullsAreNotValuesAndByteArraysCompareByContent() {
    List<Object> sample = new ArrayList<>();
    sample.add(null);
    sample.add(new byte[] {1, 2});
    sample.add(new byte[] {1, 2});
    sample.add(null);
    assertEquals(1, DistinctCounts.estimate(sample, 4));
  }
}
