package io.velaria.engine.sql.calcite;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * What a logical plan contains, found in one walk, so that {@link QueryPlanner} can skip the Hep
 * phases whose rules cannot match: most statements have no subquery, no window function and
 * no join, and each skipped phase saves a full Hep pass over the plan.
 *
 * @param subQueries a {@code RexSubQuery} in a Project, Filter or Join (the only places the
 *     SUB_QUERY_TO_CORRELATE rules look)
 * @param windows a windowed aggregate ({@code RexOver}) in a Project
 * @param joins a Join or Correlate anywhere
 * @param setOps a UNION / INTERSECT / EXCEPT anywhere
 */
record PlanShape(boolean subQueries, boolean windows, boolean joins, boolean setOps) {

  /**
   * Whether field trimming can pay: with a single input chain (no join, set operation or
   * subquery) the plan converter already reads only the columns a projection uses
   * ({@code RelToPlanConverter.project}), so RelFieldTrimmer (about 10% of planning a
   * single-table query) would only rewrite the plan into the same result.
   */
  boolean worthTrimming() {
    return subQueries || joins || setOps;
  }

  static PlanShape of(RelNode root) {
    boolean[] f = new boolean[4];
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Project p) {
          f[0] |= RexUtil.SubQueryFinder.containsSubQuery(p);
          f[1] |= RexOver.containsOver(p.getProjects(), null);
        } else if (node instanceof Filter filter) {
          f[0] |= RexUtil.SubQueryFinder.containsSubQuery(filter);
        } else if (node instanceof Join j) {
          f[0] |= RexUtil.SubQueryFinder.containsSubQuery(j);
          f[2] = true;
        } else if (node instanceof Correlate) {
          f[2] = true;
        } else if (node instanceof SetOp) {
          f[3] = true;
        }
        super.visit(node, ordinal, parent);
      }
    }.go(root);
    return new PlanShape(f[0], f[1], f[2], f[3]);
  }
}
