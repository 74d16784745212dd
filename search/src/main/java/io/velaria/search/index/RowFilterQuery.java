package io.velaria.search.index;

import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches the documents whose rows are set in a bit set. Valid only on the single-segment
 * indexes of this package, where document id equals row ordinal ({@link LuceneIndexFiles}).
 * Used as the filter of a kNN query and as a FILTER clause of a keyword query, so the rows a
 * WHERE clause kept are searched without changing scores.
 */
final class RowFilterQuery extends Query {
  private final FixedBitSet rows;
  private final int cardinality;

  RowFilterQuery(FixedBitSet rows) {
    this.rows = rows;
    this.cardinality = rows.cardinality();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        if (rows.length() != context.reader().maxDoc()) {
          throw new IllegalStateException("row filter of " + rows.length()
              + " bits for an index of " + context.reader().maxDoc() + " rows");
        }
        return new ConstantScoreScorer(this, score(), scoreMode,
            new BitSetIterator(rows, cardinality));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public String toString(String field) {
    return "rows(" + cardinality + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return other == this;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(System.identityHashCode(this));
  }
}
