package io.velaria.engine.plan;

import io.velaria.engine.exec.operator.JoinType;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * A join of a probe input with a build input. Output columns: probe then build (probe only for
 * SEMI/ANTI). With keys it runs as a hash join, without as a nested loop. {@code residual}
 * is over the probe columns followed by the build columns.
 */
public final class JoinNode extends PlanNode {
  private final PlanNode probe;
  private final PlanNode build;
  private final JoinType joinType;
  private final int[] probeKeys;
  private final int[] buildKeys;
  private final boolean[] nullSafeKeys;
  private final RexNode residual;

  public JoinNode(List<PlanField> fields, PlanNode probe, PlanNode build, JoinType joinType,
      int[] probeKeys, int[] buildKeys, boolean[] nullSafeKeys, RexNode residual) {
    super(fields);
    this.probe = probe;
    this.build = build;
    this.joinType = joinType;
    this.probeKeys = probeKeys.clone();
    this.buildKeys = buildKeys.clone();
    this.nullSafeKeys = nullSafeKeys.clone();
    this.residual = residual;
  }

  public PlanNode probe() {
    return probe;
  }

  public PlanNode build() {
    return build;
  }

  public JoinType joinType() {
    return joinType;
  }

  public int[] probeKeys() {
    return probeKeys.clone();
  }

  public int[] buildKeys() {
    return buildKeys.clone();
  }

  public boolean[] nullSafeKeys() {
    return nullSafeKeys.clone();
  }

  public RexNode residual() {
    return residual;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(probe, build);
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    String kind = probeKeys.length == 0 ? "NestedLoopJoin " : "HashJoin ";
    return kind + joinType + (probeKeys.length == 0 ? ""
        : " probe=" + Arrays.toString(probeKeys) + " build=" + Arrays.toString(buildKeys))
        + (residual == null ? "" : " residual=" + residual);
  }
}
