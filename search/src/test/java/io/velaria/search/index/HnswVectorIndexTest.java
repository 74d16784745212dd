package io.velaria.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.spi.search.VectorMetric;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class HnswVectorIndexTest {
  private static final int DIM = 24;

  /** Rows of random vectors in [-1, 1); {@code nullEvery}-th rows NULL (0 = none). */
  static float[] randomVectors(int rows, int dim, long seed) {
    Random random = new Random(seed);
    float[] v = new float[rows * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return v;
  }

  static List<Batch> batches(float[] values, int rows, int dim, boolean[] nulls, int batchSize) {
    List<Batch> out = new ArrayList<>();
    for (int from = 0; from < rows; from += batchSize) {
      int n = Math.min(batchSize, rows - from);
      float[] part = new float[n * dim];
      System.arraycopy(values, from * dim, part, 0, n * dim);
      boolean[] partNulls = null;
      if (nulls != null) {
        partNulls = new boolean[n];
        System.arraycopy(nulls, from, partNulls, 0, n);
      }
      out.add(new Batch(new Column[] {
          new FloatArrayColumn(DataType.vector(dim), n, part, partNulls)}, n));
    }
    return out;
  }

  /** Brute force: the best k accepted non-null rows by exact score, ties to the earlier row. */
  static List<ScoredRow> exact(VectorMetric metric, float[] values, int rows, int dim,
      boolean[] nulls, float[] q, int k, IntPredicate accept) {
    List<ScoredRow> all = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      if ((nulls == null || !nulls[r]) && (accept == null || accept.test(r))) {
        all.add(new ScoredRow(r, HnswMetrics.score(metric, q, values, r * dim)));
      }
    }
    Comparator<ScoredRow> best = (a, b) -> HnswMetrics.compare(metric, a.score(), b.score());
    all.sort(best.thenComparingInt(ScoredRow::row));
    return all.subList(0, Math.min(k, all.size()));
  }

  private static HnswVectorIndex buildIndex(float[] values, int rows, boolean[] nulls,
      HnswParams params) throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    HnswVectorIndex.BuildStats stats = HnswVectorIndex.build(dir,
        batches(values, rows, DIM, nulls, 1000).iterator(), 0, DIM, params);
    assertEquals(rows, stats.rows());
    return HnswVectorIndex.open(dir, rows, DIM, params);
  }

  private static double recall(List<ScoredRow> got, List<ScoredRow> want) {
    long hit = got.stream().filter(g -> want.stream().anyMatch(w -> w.row() == g.row())).count();
    return (double) hit / want.size();
  }

  @Test
  void recallAtTenAgainstExactSearchIsHighForEveryMetric() throws Exception {
    int rows = 4000;
    float[] values = randomVectors(rows, DIM, 7);
    for (VectorMetric metric : VectorMetric.values()) {
      try (HnswVectorIndex index = buildIndex(values, rows, null, HnswParams.defaults(metric))) {
        Random random = new Random(11);
        double sum = 0;
        int queries = 40;
        for (int i = 0; i < queries; i++) {
          float[] q = randomVectors(1, DIM, random.nextLong());
          List<ScoredRow> got = index.search(q, 10, null);
          List<ScoredRow> want = exact(metric, values, rows, DIM, null, q, 10, null);
          assertEquals(10, got.size());
          for (ScoredRow g : got) {
            // returned scores are the exact metric, not Lucene's similarity; cosine indexes
            // store unit vectors, which moves the score by float rounding only (SQL answers
            // are re-scored by the engine from the table: exact)
            assertEquals(HnswMetrics.score(metric, q, values, g.row() * DIM), g.score(),
                metric == VectorMetric.COSINE ? 1e-6 : 1e-9);
          }
          for (int j = 1; j < got.size(); j++) {
            assertTrue(HnswMetrics.compare(metric, got.get(j - 1).score(),
                got.get(j).score()) <= 0, "ordered best first");
          }
          sum += recall(got, want);
        }
        double recall = sum / queries;
        assertTrue(recall >= 0.9, metric + " recall@10 " + recall);
      }
    }
  }

  @Test
  void int8IndexBuiltFromManySmallBatchesFindsRowsAndMoreCandidatesRaiseRecall()
      throws Exception {
    int rows = 3000;
    float[] values = randomVectors(rows, DIM, 11);
    HnswParams params = HnswParams.fromOptions(java.util.Map.of("metric", "l2",
        "quantization", "int8"));
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // batches of 100: the indexing threads interleave, the index sort keeps document = row
    HnswVectorIndex.BuildStats stats = HnswVectorIndex.build(dir,
        batches(values, rows, DIM, null, 100).iterator(), 0, DIM, params);
    assertEquals(rows, stats.rows());
    assertEquals(rows, stats.vectors());
    try (HnswVectorIndex index = HnswVectorIndex.open(dir, rows, DIM, params)) {
      Random random = new Random(5);
      double few = 0;
      double many = 0;
      int queries = 30;
      for (int i = 0; i < queries; i++) {
        float[] q = randomVectors(1, DIM, random.nextLong());
        List<ScoredRow> want = exact(VectorMetric.L2, values, rows, DIM, null, q, 10, null);
        List<ScoredRow> got = index.search(q, 10, 200, null);
        for (ScoredRow g : got) {
          // row ordinals and exact scores come from the float vectors, not the int8 copy
          assertEquals(HnswMetrics.score(VectorMetric.L2, q, values, g.row() * DIM), g.score(),
              1e-9);
        }
        many += recall(got, want);
        few += recall(index.search(q, 10, 10, null), want);
      }
      assertTrue(many / queries >= 0.9, "recall@10 with ef_search 200: " + many / queries);
      assertTrue(many >= few, "ef_search 200 " + many / queries + " vs 10 " + few / queries);
    }
  }

  @Test
  void filteredSearchReturnsOnlyAcceptedRowsAndFindsThemEvenWhenFew() throws Exception {
    int rows = 3000;
    float[] values = randomVectors(rows, DIM, 3);
    try (HnswVectorIndex index = buildIndex(values, rows, null,
        HnswParams.defaults(VectorMetric.L2))) {
      float[] q = randomVectors(1, DIM, 99);
      IntPredicate even = r -> r % 2 == 0;
      List<ScoredRow> got = index.search(q, 10, even);
      assertEquals(10, got.size());
      got.forEach(h -> assertTrue(h.row() % 2 == 0));
      assertTrue(recall(got, exact(VectorMetric.L2, values, rows, DIM, null, q, 10, even)) >= 0.8);
      // a very selective filter (5 rows) is answered exactly: all of them, in exact order
      IntPredicate few = r -> r % 600 == 7;
      assertEquals(exact(VectorMetric.L2, values, rows, DIM, null, q, 10, few),
          index.search(q, 10, few));
    }
  }

  @Test
  void nullRowsAreNeverReturnedAndSmallIndexesAreExact() throws Exception {
    int rows = 50;
    float[] values = randomVectors(rows, DIM, 5);
    boolean[] nulls = new boolean[rows];
    for (int r = 0; r < rows; r += 3) {
      nulls[r] = true;
    }
    try (HnswVectorIndex index = buildIndex(values, rows, nulls,
        HnswParams.defaults(VectorMetric.DOT))) {
      float[] q = randomVectors(1, DIM, 6);
      List<ScoredRow> got = index.search(q, 40, null);
      assertEquals(exact(VectorMetric.DOT, values, rows, DIM, nulls, q, 40, null), got);
    }
  }

  @Test
  void cosineZeroVectorsScoreOneAndAZeroQueryReturnsTheFirstRows() throws Exception {
    // rows: 0 zero, 1 = [1,0..], 2 zero, 3 = [-1,0..]
    int rows = 4;
    float[] values = new float[rows * DIM];
    values[DIM] = 1;
    values[3 * DIM] = -1;
    try (HnswVectorIndex index = buildIndex(values, rows, null,
        HnswParams.defaults(VectorMetric.COSINE))) {
      float[] q = new float[DIM];
      q[0] = 1;
      List<ScoredRow> got = index.search(q, 4, null);
      assertEquals(List.of(new ScoredRow(1, 0.0), new ScoredRow(0, 1.0), new ScoredRow(2, 1.0),
          new ScoredRow(3, 2.0)), got);
      assertEquals(List.of(new ScoredRow(0, 1.0), new ScoredRow(1, 1.0), new ScoredRow(2, 1.0)),
          index.search(new float[DIM], 3, null));
      assertEquals(List.of(new ScoredRow(1, 1.0), new ScoredRow(3, 1.0)),
          index.search(new float[DIM], 3, r -> r % 2 == 1));
    }
  }

  @Test
  void badParametersAreRejectedWithTheirName() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        io.velaria.engine.error.VelariaException.class,
        () -> HnswParams.fromOptions(java.util.Map.of("m", "1")));
    assertTrue(e.getMessage().contains("m must be between 2 and 512"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(
        io.velaria.engine.error.VelariaException.class,
        () -> HnswParams.fromOptions(java.util.Map.of("ef", "10")));
    assertTrue(e.getMessage().contains("unknown vector index option 'ef'"), e.getMessage());
  }
}
