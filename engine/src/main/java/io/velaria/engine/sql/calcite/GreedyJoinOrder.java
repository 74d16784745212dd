package io.velaria.engine.sql.calcite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Orders a large inner {@link MultiJoin} greedily in linear-ish time: start from the input
 * with the fewest estimated rows, then repeatedly add the smallest input that a join condition
 * connects to what is already joined (a cross product only when nothing is connected), applying
 * every condition at the first join where all its inputs are present. Calcite's
 * {@code LoptOptimizeJoinRule} tries orderings per starting factor and takes minutes on the
 * 20-60 table joins of sqllogictest's select5.test; this takes milliseconds.
 */
public final class GreedyJoinOrder extends RelOptRule {
  /** Joins of more inputs than this use the greedy order; smaller ones keep Calcite's. */
  public static final int THRESHOLD = 5;

  public static final GreedyJoinOrder INSTANCE = new GreedyJoinOrder();

  @SuppressWarnings("deprecation")
  private GreedyJoinOrder() {
    super(operand(MultiJoin.class, any()), "GreedyJoinOrder");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    MultiJoin mj = call.rel(0);
    if (mj.getInputs().size() <= THRESHOLD || mj.isFullOuterJoin()
        || mj.getPostJoinFilter() != null) {
      return false;
    }
    for (JoinRelType t : mj.getJoinTypes()) {
      if (t != JoinRelType.INNER) {
        return false;
      }
    }
    for (RexNode c : mj.getOuterJoinConditions()) {
      if (c != null && !c.isAlwaysTrue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    MultiJoin mj = call.rel(0);
    List<RelNode> inputs = mj.getInputs();
    int n = inputs.size();
    int[] offset = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offset[i + 1] = offset[i] + inputs.get(i).getRowType().getFieldCount();
    }
    int total = offset[n];
    int[] factorOf = new int[total];
    for (int i = 0; i < n; i++) {
      for (int f = offset[i]; f < offset[i + 1]; f++) {
        factorOf[f] = i;
      }
    }
    List<RexNode> conjuncts = RelOptUtil.conjunctions(mj.getJoinFilter());
    List<BitSet> factorsOf = new ArrayList<>();
    for (RexNode c : conjuncts) {
      BitSet b = new BitSet(n);
      for (int f : RelOptUtil.InputFinder.bits(c)) {
        b.set(factorOf[f]);
      }
      factorsOf.add(b);
    }
    RelMetadataQuery mq = call.getMetadataQuery();
    double[] rows = new double[n];
    for (int i = 0; i < n; i++) {
      Double r = mq.getRowCount(inputs.get(i));
      rows[i] = r == null ? 1e6 : r;
    }

    BitSet joined = new BitSet(n);
    boolean[] used = new boolean[conjuncts.size()];
    int[] newPos = new int[total];
    RelBuilder b = call.builder();
    int width = 0;

    int first = 0;
    for (int i = 1; i < n; i++) {
      if (rows[i] < rows[first]) {
        first = i;
      }
    }
    b.push(inputs.get(first));
    width = place(first, offset, newPos, width);
    joined.set(first);
    // conditions on the first input alone
    List<RexNode> single = applicable(joined, conjuncts, factorsOf, used);
    if (!single.isEmpty()) {
      b.filter(remap(b.getRexBuilder(), single, newPos));
    }
    while (joined.cardinality() < n) {
      int best = -1;
      boolean bestConnected = false;
      for (int i = 0; i < n; i++) {
        if (joined.get(i)) {
          continue;
        }
        boolean connected = connects(i, joined, factorsOf, used);
        if (best < 0 || (connected && !bestConnected)
            || (connected == bestConnected && rows[i] < rows[best])) {
          best = i;
          bestConnected = connected;
        }
      }
      b.push(inputs.get(best));
      width = place(best, offset, newPos, width);
      joined.set(best);
      List<RexNode> conds = applicable(joined, conjuncts, factorsOf, used);
      RexNode cond = conds.isEmpty() ? b.getRexBuilder().makeLiteral(true)
          : RexUtil.composeConjunction(b.getRexBuilder(), remap(b.getRexBuilder(), conds, newPos));
      b.join(JoinRelType.INNER, cond);
    }
    List<RexNode> project = new ArrayList<>(total);
    for (int f = 0; f < total; f++) {
      project.add(b.field(newPos[f]));
    }
    b.project(project, mj.getRowType().getFieldNames(), true);
    RelNode result = b.build();
    if (!RelOptUtil.areRowTypesEqual(result.getRowType(), mj.getRowType(), false)) {
      return;
    }
    call.transformTo(result);
  }

  private static int place(int factor, int[] offset, int[] newPos, int width) {
    for (int f = offset[factor]; f < offset[factor + 1]; f++) {
      newPos[f] = width++;
    }
    return width;
  }

  private static boolean connects(int i, BitSet joined, List<BitSet> factorsOf, boolean[] used) {
    for (int c = 0; c < factorsOf.size(); c++) {
      if (used[c]) {
        continue;
      }
      BitSet fs = factorsOf.get(c);
      if (fs.get(i) && fs.cardinality() > 1) {
        BitSet rest = (BitSet) fs.clone();
        rest.clear(i);
        rest.andNot(joined);
        if (rest.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<RexNode> applicable(BitSet joined, List<RexNode> conjuncts,
      List<BitSet> factorsOf, boolean[] used) {
    List<RexNode> out = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      if (used[c]) {
        continue;
      }
      BitSet rest = (BitSet) factorsOf.get(c).clone();
      rest.andNot(joined);
      if (rest.isEmpty()) {
        used[c] = true;
        if (!conjuncts.get(c).isAlwaysTrue()) {
          out.add(conjuncts.get(c));
        }
      }
    }
    return out;
  }

  private static List<RexNode> remap(RexBuilder rexBuilder, List<RexNode> nodes, int[] newPos) {
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newPos[ref.getIndex()], ref.getType());
      }
    };
    List<RexNode> out = new ArrayList<>();
    for (RexNode n : nodes) {
      out.add(n.accept(shuttle));
    }
    return out;
  }
}
