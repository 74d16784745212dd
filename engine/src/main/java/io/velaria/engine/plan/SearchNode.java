package io.velaria.engine.plan;

import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.VectorIndex;
import java.util.List;

/**
 * Search over the rows of its input: keeps the rows a {@link SearchSpec} selects, best first,
 * and appends the score columns. When the input reads a whole table and a provider offered a
 * persistent index, the index answers instead of the transient ranking or exact scan.
 */
public final class SearchNode extends PlanNode {
  private final PlanNode input;
  private final SearchSpec spec;
  private final KeywordIndex keywordIndex;
  private final VectorIndex vectorIndex;
  private final int vectorDimension;
  private final String candidates;
  private final org.apache.calcite.rex.RexNode where;
  private final int[] outputColumns;

  /**
   * @param vectorDimension the searched column's declared dimension, or 0 if unknown
   * @param candidates for EXPLAIN: where the candidate rows come from and how many
   * @param where with an index: the WHERE condition over the input (a scan of all the table's
   *     rows), deciding which row ordinals the index may return; null otherwise
   * @param outputColumns with {@code where}: the input columns returned (before the scores)
   */
  public SearchNode(List<PlanField> fields, PlanNode input, SearchSpec spec,
      KeywordIndex keywordIndex, VectorIndex vectorIndex, int vectorDimension,
      String candidates, org.apache.calcite.rex.RexNode where, int[] outputColumns) {
    super(fields);
    this.input = input;
    this.spec = spec;
    this.keywordIndex = keywordIndex;
    this.vectorIndex = vectorIndex;
    this.vectorDimension = vectorDimension;
    this.candidates = candidates;
    this.where = where;
    this.outputColumns = outputColumns;
  }

  /** See the constructor; null when the input holds exactly the candidate rows. */
  public org.apache.calcite.rex.RexNode where() {
    return where;
  }

  /** See the constructor; null to return every input column. */
  public int[] outputColumns() {
    return outputColumns;
  }

  public PlanNode input() {
    return input;
  }

  public SearchSpec spec() {
    return spec;
  }

  /** The searched column's declared dimension, or 0 if unknown. */
  public int vectorDimension() {
    return vectorDimension;
  }

  /** The persistent keyword index to use, or null for the transient ranking. */
  public KeywordIndex keywordIndex() {
    return keywordIndex;
  }

  /** The persistent vector index to use, or null for the exact scan. */
  public VectorIndex vectorIndex() {
    return vectorIndex;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Search");
    SearchSpec.Keyword k = spec.keyword();
    if (k != null) {
      sb.append(" keyword(columns=").append(k.columnNames())
          .append(" query=").append(k.queryParam() >= 0 ? "?" + (k.queryParam() + 1)
              : "'" + k.query() + "'").append(" top_k=").append(k.topK())
          .append(" analyzer=").append(k.analyzer() == null ? "default" : k.analyzer())
          .append(" mode=").append(keywordIndex == null ? "transient bm25"
              : keywordIndex.explain()).append(')');
    }
    SearchSpec.Vector v = spec.vector();
    if (v != null) {
      sb.append(" vector(column=").append(v.columnName())
          .append(" metric=").append(v.metric().sqlName())
          .append(" dimension=").append(vectorDimension > 0 ? vectorDimension
              : v.query() == null ? "?" : v.query().length)
          .append(" top_k=").append(v.topK());
      if (v.efSearch() != null) {
        sb.append(" ef_search=").append(v.efSearch())
            .append(vectorIndex == null ? " (unused: exact scan)" : "");
      }
      if (v.threshold() != null) {
        sb.append(" score_threshold=").append(v.threshold());
      }
      sb.append(" mode=").append(vectorIndex == null ? "exact" : vectorIndex.explain())
          .append(')');
    }
    if (k != null && v != null) {
      sb.append(spec.rrf() ? " fusion=rrf(k=" + SearchSpec.RRF_K + ")"
          : " order=keyword candidates then vector_score");
    }
    sb.append(" candidates=").append(candidates);
    if (where != null) {
      sb.append(" where=").append(where);
    }
    return sb.toString();
  }
}
