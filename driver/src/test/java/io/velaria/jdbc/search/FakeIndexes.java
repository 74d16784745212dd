package io.velaria.jdbc.search;

import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.KeywordIndexProvider;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorIndexProvider;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Index providers for tests of the engine's index hook: they answer only for a table named
 * {@code indexed} of {@link #ROWS} rows and rank its rows in reverse order (last row best), an
 * order no real ranking of the test data gives, so a result shows the index was used.
 */
public final class FakeIndexes {
  static final int ROWS = 4;

  private FakeIndexes() {}

  static ScoredRows reverse(int topK, IntPredicate accept, boolean ascendingScores) {
    List<Integer> rows = new ArrayList<>();
    for (int r = ROWS - 1; r >= 0 && rows.size() < topK; r--) {
      if (accept == null || accept.test(r)) {
        rows.add(r);
      }
    }
    int[] out = new int[rows.size()];
    double[] scores = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i);
      scores[i] = ascendingScores ? i + 1 : ROWS - i;
    }
    return new ScoredRows(out, scores);
  }

  private static boolean mine(SearchTarget t) {
    return t.table().equalsIgnoreCase("indexed");
  }

  /** Registered in META-INF/services. */
  public static final class Keyword implements KeywordIndexProvider {
    @Override
    public Optional<KeywordIndex> find(SearchTarget target, String analyzer) {
      if (!mine(target)) {
        return Optional.empty();
      }
      return Optional.of(new KeywordIndex() {
        @Override
        public String explain() {
          return "fake keyword index on " + target.columns();
        }

        @Override
        public ScoredRows search(String query, int topK, IntPredicate accept) {
          return reverse(topK, accept, false);
        }
      });
    }
  }

  /** Registered in META-INF/services. */
  public static final class Vector implements VectorIndexProvider {
    @Override
    public Optional<VectorIndex> find(SearchTarget target, VectorMetric metric) {
      if (!mine(target)) {
        return Optional.empty();
      }
      return Optional.of(new VectorIndex() {
        @Override
        public String explain() {
          return "fake vector index on " + target.columns() + " " + metric.sqlName();
        }

        @Override
        public ScoredRows search(float[] query, VectorMetric m, int topK, IntPredicate accept) {
          return reverse(topK, accept, !m.higherIsBetter());
        }
      });
    }
  }
}
