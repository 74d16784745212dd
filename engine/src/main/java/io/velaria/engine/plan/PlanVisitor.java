package io.velaria.engine.plan;

/** Visits plan nodes; one method per node type. */
public interface PlanVisitor<R> {
  R visit(ScanNode node);

  R visit(FilterNode node);

  R visit(ProjectNode node);

  R visit(AggregateNode node);

  R visit(JoinNode node);

  R visit(SortNode node);

  R visit(LimitNode node);

  R visit(UnionAllNode node);

  R visit(SetOperationNode node);

  R visit(ValuesNode node);

  R visit(WindowNode node);

  R visit(SearchNode node);
}
