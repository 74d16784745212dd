package io.velaria.engine.exec.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.MemoryTracker;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.VectorMetric;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The exact scan against a plain reference (score every row in double precision, sort by score
 * then row). Components are small integers, so float sums are exact and both sides agree to
 * the bit; integer scores make many ties, which must go to the earlier row.
 */
class ExactVectorScanTest {
  private static final int DIM = 16;
  private static final ExecutorService POOL = Executors.newCachedThreadPool();

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  @Test
  void matchesReferenceOnOneAndTwoThreadsForEveryMetric() {
    int n = 20_000; // 320k floats: above the parallel threshold
    Random random = new Random(42);
    float[] values = new float[n * DIM];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(5) - 2;
    }
    for (int r = 0; r < n; r += 97) {
      nulls[r] = true;
    }
    FloatArrayColumn column = new FloatArrayColumn(DataType.vector(DIM), n, values, nulls);
    float[] query = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      query[i] = random.nextInt(5) - 2;
    }
    int[] candidates = new int[n / 3];
    for (int i = 0; i < candidates.length; i++) {
      candidates[i] = i * 3;
    }
    for (VectorMetric metric : VectorMetric.values()) {
      for (int k : new int[] {1, 10, 500}) {
        for (int[] cand : new int[][] {null, candidates}) {
          List<double[]> expected = reference(values, nulls, n, query, metric, cand);
          for (int threads : new int[] {1, 2}) {
            ScoredRows got = ExactVectorScan.search(column, query, metric, k, cand, ctx(threads));
            String what = metric + " k=" + k + " threads=" + threads
                + (cand == null ? "" : " candidates");
            assertEquals(Math.min(k, expected.size()), got.size(), what);
            for (int i = 0; i < got.size(); i++) {
              assertEquals((int) expected.get(i)[1], got.row(i), what + " rank " + i);
              assertEquals(expected.get(i)[0], got.score(i), 1e-12, what + " rank " + i);
            }
          }
        }
      }
    }
  }

  /**
   * The scan over parts (a table's batches, not copied) answers exactly as the reference over
   * their concatenation: uneven part sizes (empty parts too), NULLs, many ties across part
   * boundaries, one and two threads.
   */
  @Test
  void partsMatchTheReferenceOverTheirConcatenation() {
    int n = 30_000;
    Random random = new Random(7);
    float[] values = new float[n * DIM];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(3) - 1;
    }
    for (int r = 0; r < n; r += 89) {
      nulls[r] = true;
    }
    List<FloatArrayColumn> parts = new ArrayList<>();
    for (int from = 0; from < n; ) {
      int size = Math.min(n - from, random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(6000));
      float[] v = java.util.Arrays.copyOfRange(values, from * DIM, (from + size) * DIM);
      boolean[] nl = java.util.Arrays.copyOfRange(nulls, from, from + size);
      parts.add(new FloatArrayColumn(DataType.vector(DIM), size, v, nl));
      from += size;
    }
    float[] query = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      query[i] = random.nextInt(3) - 1;
    }
    for (VectorMetric metric : VectorMetric.values()) {
      List<double[]> expected = reference(values, nulls, n, query, metric, null);
      for (int k : new int[] {1, 10, 300}) {
        for (int threads : new int[] {1, 2, 3}) {
          ScoredRows got = ExactVectorScan.search(parts, query, metric, k, ctx(threads));
          String what = metric + " k=" + k + " threads=" + threads + " parts=" + parts.size();
          assertEquals(Math.min(k, expected.size()), got.size(), what);
          for (int i = 0; i < got.size(); i++) {
            assertEquals((int) expected.get(i)[1], got.row(i), what + " rank " + i);
            assertEquals(expected.get(i)[0], got.score(i), 1e-12, what + " rank " + i);
          }
        }
      }
    }
  }

  @Test
  void zeroVectorsScoreOneUnderCosine() {
    FloatArrayColumn column = new FloatArrayColumn(DataType.vector(2), 2,
        new float[] {0, 0, 1, 0}, null);
    ScoredRows r = ExactVectorScan.search(column, new float[] {1, 0}, VectorMetric.COSINE, 5,
        null, ctx(1));
    assertArrayEquals(new int[] {1, 0}, new int[] {r.row(0), r.row(1)});
    assertEquals(0.0, r.score(0));
    assertEquals(1.0, r.score(1));
    ScoredRows zeroQuery = ExactVectorScan.search(column, new float[] {0, 0},
        VectorMetric.COSINE, 5, null, ctx(1));
    assertEquals(1.0, zeroQuery.score(0));
    assertEquals(1.0, zeroQuery.score(1));
  }

  private static List<double[]> reference(float[] v, boolean[] nulls, int n, float[] q,
      VectorMetric metric, int[] candidates) {
    List<double[]> out = new ArrayList<>();
    int count = candidates == null ? n : candidates.length;
    for (int i = 0; i < count; i++) {
      int r = candidates == null ? i : candidates[i];
      if (nulls[r]) {
        continue;
      }
      double dot = 0;
      double nq = 0;
      double nv = 0;
      double l2 = 0;
      for (int d = 0; d < DIM; d++) {
        double a = q[d];
        double b = v[r * DIM + d];
        dot += a * b;
        nq += a * a;
        nv += b * b;
        l2 += (a - b) * (a - b);
      }
      double score;
      switch (metric) {
        case COSINE:
          score = nq == 0 || nv == 0 ? 1 : Math.max(0, 1 - dot / Math.sqrt(nq * nv));
          break;
        case L2:
          score = Math.sqrt(l2);
          break;
        default:
          score = dot;
      }
      out.add(new double[] {score, r});
    }
    Comparator<double[]> byScore = Comparator.comparingDouble(a -> a[0]);
    if (metric.higherIsBetter()) {
      byScore = byScore.reversed();
    }
    out.sort(byScore.thenComparingDouble(a -> a[1]));
    return out;
  }

  private static ExecContext ctx(int threads) {
    return new ExecContext(new MemoryTracker(1L << 30), new QueryControl(), List.of(), POOL,
        threads, 1024);
  }
}
