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
 * Orders a large inner {@link MultiJoin} greedily in polynomial time: start from the input
 * with the fewest estimated rows, then repeatedly add the input, among those a join condition
 * connects to what is already joined, whose join gives the fewest estimated rows (a cross
 * product only when nothing is connected), applying every condition at the first join where all
 * its inputs are present. Join sizes come from {@link JoinSizeEstimator}: distinct counts of the
 * join columns tell a key/foreign-key join (rows stay) from a many-to-many one on a
 * low-cardinality column (rows multiply), e.g. TPC-H q05's customer-supplier on nation key. Calcite's
 * {@code LoptOptimizeJoinRule} tries orderings per starting factor and takes minutes on the
 * 20-60 table joins of sqllogictest's select5.test; this takes milliseconds.
 */
public final class GreedyJoinOrder extends RelOptRule {
  /** Joins of more inputs than this are ordered here; smaller ones keep Calcite's order. */
  public static final int THRESHOLD = 5;

  /** Up to this many inputs the order is searched exhaustively, above it greedily. */
  static final int EXHAUSTIVE_LIMIT = 10;

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
      rows[i] = r == null ? 1e6 : Math.max(r, 1);
    }
    JoinSizeEstimator est = new JoinSizeEstimator(mq, inputs, offset, factorOf, rows,
        conjuncts, factorsOf);
    int[] order = n <= EXHAUSTIVE_LIMIT ? exhaustiveOrder(n, rows, est, factorsOf)
        : greedyOrder(n, rows, est, factorsOf);

    BitSet joined = new BitSet(n);
    boolean[] used = new boolean[conjuncts.size()];
    int[] newPos = new int[total];
    RelBuilder b = call.builder();
    int width = 0;
    for (int k = 0; k < n; k++) {
      int next = order[k];
      b.push(inputs.get(next));
      width = place(next, offset, newPos, width);
      joined.set(next);
      List<RexNode> conds = applicable(joined, conjuncts, factorsOf, used);
      if (k == 0) {
        // conditions on the first input alone
        if (!conds.isEmpty()) {
          b.filter(remap(b.getRexBuilder(), conds, newPos));
        }
        continue;
      }
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

  /**
   * Start from the input with the fewest estimated rows, then repeatedly add the connected
   * input whose join gives the fewest estimated rows.
   */
  private static int[] greedyOrder(int n, double[] rows, JoinSizeEstimator est,
      List<BitSet> factorsOf) {
    int[] order = new int[n];
    int first = 0;
    for (int i = 1; i < n; i++) {
      if (rows[i] < rows[first]) {
        first = i;
      }
    }
    order[0] = first;
    BitSet joined = new BitSet(n);
    joined.set(first);
    double current = rows[first];
    for (int k = 1; k < n; k++) {
      int best = -1;
      boolean bestConnected = false;
      double bestRows = 0;
      for (int i = 0; i < n; i++) {
        if (joined.get(i)) {
          continue;
        }
        boolean connected = connects(i, joined, factorsOf);
        double out = est.joinRows(current, joined, i);
        if (best < 0 || (connected && !bestConnected)
            || (connected == bestConnected
                && (out < bestRows || (out == bestRows && rows[i] < rows[best])))) {
          best = i;
          bestConnected = connected;
          bestRows = out;
        }
      }
      order[k] = best;
      joined.set(best);
      current = Math.max(1, bestRows);
    }
    return order;
  }

  /**
   * The left-deep order with the least total estimated rows of its intermediate results, by
   * dynamic programming over subsets of inputs ({@code 2^n n^2} estimates). A greedy choice is
   * myopic: in TPC-H q05 customer and lineitem give equally many rows after supplier at SF 0.1,
   * but only the lineitem path keeps later joins small.
   */
  private static int[] exhaustiveOrder(int n, double[] rows, JoinSizeEstimator est,
      List<BitSet> factorsOf) {
    int full = (1 << n) - 1;
    double[] cost = new double[full + 1];
    double[] card = new double[full + 1];
    int[] last = new int[full + 1];
    java.util.Arrays.fill(cost, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      cost[1 << i] = 0;
      card[1 << i] = rows[i];
      last[1 << i] = i;
    }
    for (int set = 1; set < full; set++) {
      if (cost[set] == Double.POSITIVE_INFINITY) {
        continue;
      }
      BitSet joined = BitSet.valueOf(new long[] {set});
      boolean anyConnected = false;
      for (int i = 0; i < n && !anyConnected; i++) {
        anyConnected = (set & (1 << i)) == 0 && connects(i, joined, factorsOf);
      }
      for (int i = 0; i < n; i++) {
        if ((set & (1 << i)) != 0 || (anyConnected && !connects(i, joined, factorsOf))) {
          continue;
        }
        double out = Math.max(1, est.joinRows(card[set], joined, i));
        double c = cost[set] + out;
        int next = set | (1 << i);
        if (c < cost[next]) {
          cost[next] = c;
          card[next] = out;
          last[next] = i;
        }
      }
    }
    int[] order = new int[n];
    int set = full;
    for (int k = n - 1; k >= 0; k--) {
      order[k] = last[set];
      set &= ~(1 << last[set]);
    }
    return order;
  }

  private static int place(int factor, int[] offset, int[] newPos, int width) {
    for (int f = offset[factor]; f < offset[factor + 1]; f++) {
      newPos[f] = width++;
    }
    return width;
  }

  /** True if a condition links input {@code i} to inputs already joined (and no others). */
  private static boolean connects(int i, BitSet joined, List<BitSet> factorsOf) {
    for (BitSet fs : factorsOf) {
      if (fs.get(i) && fs.cardinality() > 1) {
        BitSet rest = (BitSet) fs.clone();
        rest.clear(i);
        rest.andNot(joined);
        if (rest.isEmpty() && fs.intersects(joined)) {
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
