package io.velaria.engine.plan;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.agg.AggKind;
import io.velaria.engine.exec.agg.AggregateSpec;
import io.velaria.engine.exec.expr.InternalValues;
import io.velaria.engine.exec.operator.JoinType;
import io.velaria.engine.exec.operator.SortKey;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.sql.calcite.CatalogTable;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns Calcite's optimized logical plan into Velaria's physical plan: picks hash or nested
 * loop joins and their build sides, folds filters and projections into scans, and translates
 * aggregate calls. One place that knows both plan languages.
 */
public final class RelToPlanConverter {
  private final RexBuilder rexBuilder;
  /** The database planned for (where persistent search indexes live); may be null. */
  private final io.velaria.engine.session.Database database;

  public RelToPlanConverter(RexBuilder rexBuilder) {
    this(rexBuilder, null);
  }

  public RelToPlanConverter(RexBuilder rexBuilder, io.velaria.engine.session.Database database) {
    this.rexBuilder = rexBuilder;
    this.database = database;
  }

  /** The database planned for, or null (then no persistent search index is used). */
  io.velaria.engine.session.Database database() {
    return database;
  }

  public PlanNode convert(RelNode rel) {
    if (rel instanceof TableScan) {
      return scan((TableScan) rel, null, null, rel.getRowType());
    }
    if (rel instanceof Filter) {
      Filter f = (Filter) rel;
      if (f.getInput() instanceof TableScan) {
        return scan((TableScan) f.getInput(), f.getCondition(), null, rel.getRowType());
      }
      return new FilterNode(convert(f.getInput()), f.getCondition());
    }
    if (rel instanceof Project) {
      return project((Project) rel);
    }
    if (rel instanceof Aggregate) {
      return aggregate((Aggregate) rel);
    }
    if (rel instanceof Join) {
      return join((Join) rel);
    }
    if (rel instanceof Sort) {
      return sort((Sort) rel);
    }
    if (rel instanceof Union) {
      Union u = (Union) rel;
      List<PlanNode> inputs = castInputs(u.getInputs(), u.getRowType());
      return u.all ? new UnionAllNode(fields(u.getRowType()), inputs)
          : new SetOperationNode(fields(u.getRowType()), inputs,
              SetOperationNode.Kind.UNION, false);
    }
    if (rel instanceof Intersect) {
      Intersect s = (Intersect) rel;
      return new SetOperationNode(fields(s.getRowType()), castInputs(s.getInputs(),
          s.getRowType()), SetOperationNode.Kind.INTERSECT, s.all);
    }
    if (rel instanceof Minus) {
      Minus s = (Minus) rel;
      return new SetOperationNode(fields(s.getRowType()), castInputs(s.getInputs(),
          s.getRowType()), SetOperationNode.Kind.EXCEPT, s.all);
    }
    if (rel instanceof Values) {
      return values((Values) rel);
    }
    if (rel instanceof org.apache.calcite.rel.core.Window) {
      return window((org.apache.calcite.rel.core.Window) rel);
    }
    if (rel instanceof org.apache.calcite.rel.core.TableFunctionScan) {
      return SearchPlanning.plan((org.apache.calcite.rel.core.TableFunctionScan) rel, this);
    }
    throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
        "query shape not supported yet: " + rel.getRelTypeName()
            + (rel.getRelTypeName().contains("Correlate")
                ? " (a correlated subquery that could not be turned into a join)" : ""));
  }

  public static List<PlanField> fields(RelDataType rowType) {
    List<PlanField> out = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      out.add(new PlanField(f.getName(), TypeMapping.fromRel(f.getType()),
          f.getType().isNullable()));
    }
    return out;
  }

  // ---- scans -------------------------------------------------------------------------

  private PlanNode scan(TableScan ts, RexNode filter, int[] columns, RelDataType rowType) {
    CatalogTable table = ts.getTable().unwrap(CatalogTable.class);
    if (table == null) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
          "cannot scan " + ts.getTable().getQualifiedName());
    }
    CatalogEntry entry = table.entry();
    int width = ts.getRowType().getFieldCount();
    if (columns == null) {
      columns = new int[width];
      for (int i = 0; i < width; i++) {
        columns[i] = i;
      }
    }
    List<PlanField> all = fields(ts.getRowType());
    List<PlanField> out = new ArrayList<>();
    for (int c : columns) {
      out.add(all.get(c));
    }
    List<ColumnPredicate> predicates = filter == null ? List.of()
        : predicates(filter, all);
    return new ScanNode(out, entry, columns, filter, predicates);
  }

  private PlanNode project(Project p) {
    RelNode in = p.getInput();
    TableScan ts = null;
    RexNode filter = null;
    if (in instanceof TableScan) {
      ts = (TableScan) in;
    } else if (in instanceof Filter && ((Filter) in).getInput() instanceof TableScan) {
      ts = (TableScan) ((Filter) in).getInput();
      filter = ((Filter) in).getCondition();
    }
    if (ts != null) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(p.getProjects(), null);
      int[] columns = used.toArray();
      PlanNode scan = scan(ts, filter, columns, null);
      List<RexNode> remapped = new ArrayList<>();
      RexShuttle shuttle = remap(columns);
      for (RexNode e : p.getProjects()) {
        remapped.add(e.accept(shuttle));
      }
      if (isIdentity(remapped, columns.length)) {
        return renamed(scan, p.getRowType());
      }
      return new ProjectNode(fields(p.getRowType()), scan, remapped);
    }
    PlanNode input = convert(in);
    if (isIdentity(p.getProjects(), input.fields().size())) {
      return renamed(input, p.getRowType());
    }
    return new ProjectNode(fields(p.getRowType()), input, p.getProjects());
  }

  /** Rewrites references to table column {@code columns[i]} into references to {@code i}. */
  static RexShuttle remap(int[] columns) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int i = Arrays.binarySearch(columns, ref.getIndex());
        if (i < 0) {
          throw new IllegalStateException("column " + ref.getIndex() + " was not read");
        }
        return new RexInputRef(i, ref.getType());
      }
    };
  }

  /** A scan or other node whose columns just get new names: keep it, names live on above. */
  private static PlanNode renamed(PlanNode node, RelDataType rowType) {
    if (node instanceof ScanNode) {
      ScanNode s = (ScanNode) node;
      return new ScanNode(fields(rowType), s.table(), s.columns(), s.filter(), s.predicates());
    }
    return node;
  }

  private static boolean isIdentity(List<RexNode> exprs, int inputWidth) {
    if (exprs.size() != inputWidth) {
      return false;
    }
    for (int i = 0; i < exprs.size(); i++) {
      RexNode e = exprs.get(i);
      if (!(e instanceof RexInputRef) || ((RexInputRef) e).getIndex() != i) {
        return false;
      }
    }
    return true;
  }

  /** Simple {@code column op literal} conjuncts a connector can use to skip data. */
  private static List<ColumnPredicate> predicates(RexNode filter, List<PlanField> tableFields) {
    List<ColumnPredicate> out = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(filter)) {
      if (!(c instanceof RexCall)) {
        continue;
      }
      RexCall call = (RexCall) c;
      List<RexNode> ops = call.getOperands();
      if ((call.getKind() == SqlKind.IS_NULL || call.getKind() == SqlKind.IS_NOT_NULL)
          && ops.get(0) instanceof RexInputRef) {
        out.add(new ColumnPredicate(((RexInputRef) ops.get(0)).getIndex(),
            call.getKind() == SqlKind.IS_NULL ? ColumnPredicate.Op.IS_NULL
                : ColumnPredicate.Op.IS_NOT_NULL, List.of()));
        continue;
      }
      if (ops.size() != 2) {
        continue;
      }
      ColumnPredicate.Op op = predicateOp(call.getKind());
      if (op == null) {
        continue;
      }
      RexNode a = ops.get(0);
      RexNode b = ops.get(1);
      if (b instanceof RexInputRef && a instanceof RexLiteral) {
        RexNode t = a;
        a = b;
        b = t;
        op = flip(op);
      }
      if (!(a instanceof RexInputRef) || !(b instanceof RexLiteral)) {
        continue;
      }
      int col = ((RexInputRef) a).getIndex();
      DataType type = tableFields.get(col).type();
      if (!TypeMapping.fromRel(b.getType()).equals(type)
          && !(type.kind().isString() && TypeMapping.fromRel(b.getType()).kind().isString())) {
        continue;
      }
      Object v;
      try {
        v = InternalValues.fromLiteral((RexLiteral) b, type);
      } catch (RuntimeException e) {
        continue;
      }
      if (v != null) {
        out.add(new ColumnPredicate(col, op, List.of(v)));
      }
    }
    return out;
  }

  private static ColumnPredicate.Op predicateOp(SqlKind k) {
    switch (k) {
      case EQUALS: return ColumnPredicate.Op.EQ;
      case NOT_EQUALS: return ColumnPredicate.Op.NE;
      case LESS_THAN: return ColumnPredicate.Op.LT;
      case LESS_THAN_OR_EQUAL: return ColumnPredicate.Op.LE;
      case GREATER_THAN: return ColumnPredicate.Op.GT;
      case GREATER_THAN_OR_EQUAL: return ColumnPredicate.Op.GE;
      default: return null;
    }
  }

  private static ColumnPredicate.Op flip(ColumnPredicate.Op op) {
    switch (op) {
      case LT: return ColumnPredicate.Op.GT;
      case LE: return ColumnPredicate.Op.GE;
      case GT: return ColumnPredicate.Op.LT;
      case GE: return ColumnPredicate.Op.LE;
      default: return op;
    }
  }

  // ---- aggregation -------------------------------------------------------------------

  /**
   * An aggregate straight over a scan (Calcite's AGGREGATE_PROJECT_MERGE folds the pruning
   * projection into it) gets that projection back, so the scan reads only the columns the
   * aggregate uses (at least one, for COUNT(*)) instead of every column of the table.
   */
  private static Aggregate readOnlyUsedColumns(Aggregate agg) {
    RelNode in = agg.getInput();
    RelNode below = in instanceof Filter ? ((Filter) in).getInput() : in;
    if (!(below instanceof TableScan)) {
      return agg;
    }
    int width = in.getRowType().getFieldCount();
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    b.addAll(agg.getGroupSet());
    agg.getGroupSets().forEach(b::addAll);
    for (AggregateCall call : agg.getAggCallList()) {
      b.addAll(call.getArgList());
      if (call.filterArg >= 0) {
        b.set(call.filterArg);
      }
      call.getCollation().getFieldCollations().forEach(fc -> b.set(fc.getFieldIndex()));
    }
    ImmutableBitSet used = b.build();
    if (used.isEmpty()) {
      used = ImmutableBitSet.of(0);
    }
    if (used.cardinality() == width) {
      return agg;
    }
    java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
    List<RexNode> refs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c : used) {
      map.put(c, refs.size());
      refs.add(RexInputRef.of(c, in.getRowType()));
      names.add(in.getRowType().getFieldNames().get(c));
    }
    org.apache.calcite.util.mapping.Mappings.TargetMapping mapping =
        org.apache.calcite.util.mapping.Mappings.target(map, width, refs.size());
    RelNode project = org.apache.calcite.rel.logical.LogicalProject.create(in, List.of(), refs,
        names, java.util.Set.of());
    List<ImmutableBitSet> sets = new ArrayList<>();
    agg.getGroupSets().forEach(g -> sets.add(g.permute(map)));
    List<AggregateCall> calls = new ArrayList<>();
    agg.getAggCallList().forEach(c -> calls.add(c.transform(mapping)));
    return agg.copy(agg.getTraitSet(), project, agg.getGroupSet().permute(map), sets, calls);
  }

  private PlanNode aggregate(Aggregate agg) {
    agg = readOnlyUsedColumns(agg);
    PlanNode input = convert(agg.getInput());
    if (agg.getGroupSets().size() > 1) {
      return groupingSets(agg, input);
    }
    List<PlanField> inFields = input.fields();
    int[] keys = agg.getGroupSet().toArray();
    List<AggregateSpec> specs = new ArrayList<>();
    List<PlanField> outFields = new ArrayList<>();
    List<PlanField> aggFields = fields(agg.getRowType());
    for (int i = 0; i < keys.length; i++) {
      outFields.add(aggFields.get(i));
    }
    // LITERAL_AGG (from subquery rewriting) is a constant; it is added by a projection above
    List<RexNode> literalAggs = new ArrayList<>();
    List<Integer> literalPositions = new ArrayList<>();
    int pos = keys.length;
    for (AggregateCall call : agg.getAggCallList()) {
      PlanField f = aggFields.get(pos);
      if (call.getAggregation().getKind() == SqlKind.LITERAL_AGG) {
        literalAggs.add(call.rexList.get(0));
        literalPositions.add(pos);
        pos++;
        continue;
      }
      specs.add(spec(call, inFields, f.type()));
      outFields.add(f);
      pos++;
    }
    PlanNode node = new AggregateNode(outFields, input, keys, specs);
    if (literalAggs.isEmpty()) {
      return node;
    }
    List<RexNode> exprs = new ArrayList<>();
    int src = 0;
    for (int i = 0; i < aggFields.size(); i++) {
      int lit = literalPositions.indexOf(i);
      if (lit >= 0) {
        exprs.add(literalAggs.get(lit));
      } else {
        exprs.add(new RexInputRef(src, agg.getRowType().getFieldList().get(i).getType()));
        src++;
      }
    }
    return new ProjectNode(aggFields, node, exprs);
  }

  /**
   * GROUPING SETS / ROLLUP / CUBE: one hash aggregation per set over the same input, each
   * padded with NULL keys and GROUPING() values to the common layout, then concatenated.
   */
  private PlanNode groupingSets(Aggregate agg, PlanNode input) {
    List<PlanField> outFields = fields(agg.getRowType());
    int[] allKeys = agg.getGroupSet().toArray();
    List<PlanNode> parts = new ArrayList<>();
    for (ImmutableBitSet set : agg.getGroupSets()) {
      int[] keys = set.toArray();
      List<AggregateSpec> specs = new ArrayList<>();
      List<PlanField> partFields = new ArrayList<>();
      for (int k : keys) {
        partFields.add(outFields.get(Arrays.binarySearch(allKeys, k)));
      }
      int pos = allKeys.length;
      for (AggregateCall call : agg.getAggCallList()) {
        if (!isGroupingCall(call)) {
          specs.add(spec(call, input.fields(), outFields.get(pos).type()));
          partFields.add(outFields.get(pos));
        }
        pos++;
      }
      PlanNode part = new AggregateNode(partFields, input, keys, specs);
      List<RexNode> exprs = new ArrayList<>();
      List<RelDataTypeField> rowFields = agg.getRowType().getFieldList();
      for (int i = 0; i < allKeys.length; i++) {
        int at = Arrays.binarySearch(keys, allKeys[i]);
        RelDataType t = rowFields.get(i).getType();
        exprs.add(at >= 0 ? new RexInputRef(at, t) : rexBuilder.makeNullLiteral(t));
      }
      int src = keys.length;
      pos = allKeys.length;
      for (AggregateCall call : agg.getAggCallList()) {
        RelDataType t = rowFields.get(pos).getType();
        if (isGroupingCall(call)) {
          long bits = 0;
          for (int arg : call.getArgList()) {
            bits = (bits << 1) | (set.get(arg) ? 0 : 1);
          }
          exprs.add(rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(bits), t));
        } else {
          exprs.add(new RexInputRef(src++, t));
        }
        pos++;
      }
      parts.add(new ProjectNode(outFields, part, exprs));
    }
    return new UnionAllNode(outFields, parts);
  }

  private static boolean isGroupingCall(AggregateCall call) {
    SqlKind k = call.getAggregation().getKind();
    return k == SqlKind.GROUPING || k == SqlKind.GROUPING_ID;
  }

  private static AggregateSpec spec(AggregateCall call, List<PlanField> in, DataType result) {
    List<Integer> args = call.getArgList();
    int arg = args.isEmpty() ? -1 : args.get(0);
    DataType inType = arg < 0 ? null : in.get(arg).type();
    AggKind kind;
    switch (call.getAggregation().getKind()) {
      case COUNT:
        if (args.size() > 1) {
          throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
              "COUNT with several arguments is not supported yet");
        }
        kind = args.isEmpty() ? AggKind.COUNT_STAR : AggKind.COUNT;
        break;
      case SUM: kind = AggKind.SUM; break;
      case SUM0: kind = AggKind.SUM0; break;
      case AVG: kind = AggKind.AVG; break;
      case MIN: kind = AggKind.MIN; break;
      case MAX: kind = AggKind.MAX; break;
      case SINGLE_VALUE: kind = AggKind.SINGLE_VALUE; break;
      case ANY_VALUE: kind = AggKind.ANY_VALUE; break;
      case SOME: kind = AggKind.BOOL_OR; break;
      default:
        throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
            "aggregate function " + call.getAggregation().getName() + " is not supported yet");
    }
    return new AggregateSpec(kind, arg, call.isDistinct(), call.filterArg, inType, result);
  }

  // ---- joins -------------------------------------------------------------------------

  private PlanNode join(Join j) {
    PlanNode left = convert(j.getLeft());
    PlanNode right = convert(j.getRight());
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    RexNode rest = RelOptUtil.splitJoinCondition(j.getLeft(), j.getRight(), j.getCondition(),
        leftKeys, rightKeys, filterNulls);
    int nl = left.fields().size();
    List<RexNode> residuals = new ArrayList<>();
    if (rest != null && !rest.isAlwaysTrue()) {
      residuals.add(rest);
    }
    // keys whose two sides are stored differently are compared by the residual instead
    for (int k = leftKeys.size() - 1; k >= 0; k--) {
      DataType lt = left.fields().get(leftKeys.get(k)).type();
      DataType rt = right.fields().get(rightKeys.get(k)).type();
      if (!sameKeyRepresentation(lt, rt)) {
        RelDataType ltype = j.getLeft().getRowType().getFieldList().get(leftKeys.get(k)).getType();
        RelDataType rtype = j.getRight().getRowType().getFieldList().get(rightKeys.get(k))
            .getType();
        RexNode l = new RexInputRef(leftKeys.get(k), ltype);
        RexNode r = new RexInputRef(nl + rightKeys.get(k), rtype);
        residuals.add(rexBuilder.makeCall(filterNulls.get(k)
            ? org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS
            : org.apache.calcite.sql.fun.SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, l, r));
        leftKeys.remove(k);
        rightKeys.remove(k);
        filterNulls.remove(k);
      }
    }
    RexNode residual = residuals.isEmpty() ? null
        : RexUtil.composeConjunction(rexBuilder, residuals);
    JoinType type = joinType(j);
    boolean[] nullSafe = new boolean[filterNulls.size()];
    for (int i = 0; i < nullSafe.length; i++) {
      nullSafe[i] = !filterNulls.get(i);
    }
    List<PlanField> outFields = fields(j.getRowType());
    boolean swap = false;
    if (type != JoinType.SEMI && type != JoinType.ANTI) {
      RelMetadataQuery mq = j.getCluster().getMetadataQuery();
      Double lr = mq.getRowCount(j.getLeft());
      Double rr = mq.getRowCount(j.getRight());
      swap = lr != null && rr != null && lr < rr;
    }
    if (!swap) {
      return new JoinNode(outFields, left, right, type, toInts(leftKeys), toInts(rightKeys),
          nullSafe, residual);
    }
    // build on the smaller left input: probe with the right one, then restore column order
    int nr = right.fields().size();
    RexNode swappedResidual = residual == null ? null : residual.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int i = ref.getIndex();
        return new RexInputRef(i < nl ? nr + i : i - nl, ref.getType());
      }
    });
    List<PlanField> swappedFields = new ArrayList<>(outFields.subList(nl, nl + nr));
    swappedFields.addAll(outFields.subList(0, nl));
    JoinNode swapped = new JoinNode(swappedFields, right, left, flip(type), toInts(rightKeys),
        toInts(leftKeys), nullSafe, swappedResidual);
    List<RexNode> reorder = new ArrayList<>();
    List<RelDataTypeField> jf = j.getRowType().getFieldList();
    for (int i = 0; i < nl; i++) {
      reorder.add(new RexInputRef(nr + i, jf.get(i).getType()));
    }
    for (int i = 0; i < nr; i++) {
      reorder.add(new RexInputRef(i, jf.get(nl + i).getType()));
    }
    return new ProjectNode(outFields, swapped, reorder);
  }

  private static boolean sameKeyRepresentation(DataType a, DataType b) {
    if (a.physical() != b.physical()) {
      return false;
    }
    boolean da = a.kind() == io.velaria.engine.type.TypeKind.DECIMAL;
    boolean db = b.kind() == io.velaria.engine.type.TypeKind.DECIMAL;
    if (da || db) {
      return da && db && a.scale() == b.scale();
    }
    return a.kind().isTemporal() == b.kind().isTemporal()
        && (!a.kind().isTemporal() || a.kind() == b.kind());
  }

  private static JoinType joinType(Join j) {
    switch (j.getJoinType()) {
      case INNER: return JoinType.INNER;
      case LEFT: return JoinType.LEFT;
      case RIGHT: return JoinType.RIGHT;
      case FULL: return JoinType.FULL;
      case SEMI: return JoinType.SEMI;
      case ANTI: return JoinType.ANTI;
      default:
        throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
            "join type " + j.getJoinType() + " is not supported yet");
    }
  }

  private static JoinType flip(JoinType t) {
    switch (t) {
      case LEFT: return JoinType.RIGHT;
      case RIGHT: return JoinType.LEFT;
      default: return t;
    }
  }

  private static int[] toInts(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  // ---- window functions --------------------------------------------------------------

  private PlanNode window(org.apache.calcite.rel.core.Window w) {
    PlanNode input = convert(w.getInput());
    int n = input.fields().size();
    List<PlanField> outFields = fields(w.getRowType());
    List<WindowNode.Group> groups = new ArrayList<>();
    for (org.apache.calcite.rel.core.Window.Group g : w.groups) {
      List<SortKey> order = new ArrayList<>();
      for (RelFieldCollation fc : g.orderKeys.getFieldCollations()) {
        boolean desc = fc.getDirection().isDescending();
        boolean nullsFirst = fc.nullDirection == RelFieldCollation.NullDirection.FIRST
            || (fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && !desc);
        order.add(new SortKey(fc.getFieldIndex(), desc, nullsFirst));
      }
      List<WindowNode.Call> calls = new ArrayList<>();
      for (org.apache.calcite.rel.core.Window.RexWinAggCall call : g.aggCalls) {
        List<RexNode> ops = call.getOperands();
        int[] cols = new int[ops.size()];
        Object[] consts = new Object[ops.size()];
        DataType[] types = new DataType[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
          RexNode op = ops.get(i);
          types[i] = TypeMapping.fromRel(op.getType());
          RexLiteral lit = constant(op, w, n);
          if (lit != null) {
            cols[i] = -1;
            consts[i] = InternalValues.fromLiteral(lit, types[i]);
          } else if (op instanceof RexInputRef) {
            cols[i] = ((RexInputRef) op).getIndex();
          } else {
            throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
                "window function argument not supported yet: " + op);
          }
        }
        calls.add(new WindowNode.Call(call.getOperator().getName().toUpperCase(
            java.util.Locale.ROOT), cols, consts, types, TypeMapping.fromRel(call.getType())));
      }
      groups.add(new WindowNode.Group(g.keys.toArray(), order, g.isRows,
          bound(g.lowerBound, w, n), bound(g.upperBound, w, n), calls));
    }
    return new WindowNode(outFields, input, groups);
  }

  private static RexLiteral constant(RexNode op, org.apache.calcite.rel.core.Window w, int n) {
    if (op instanceof RexLiteral) {
      return (RexLiteral) op;
    }
    if (op instanceof RexInputRef && ((RexInputRef) op).getIndex() >= n) {
      return w.constants.get(((RexInputRef) op).getIndex() - n);
    }
    return null;
  }

  private static WindowNode.Bound bound(org.apache.calcite.rex.RexWindowBound b,
      org.apache.calcite.rel.core.Window w, int n) {
    if (b.isCurrentRow()) {
      return new WindowNode.Bound(WindowNode.Bound.Kind.CURRENT_ROW, 0);
    }
    if (b.isUnbounded()) {
      return new WindowNode.Bound(b.isPreceding() ? WindowNode.Bound.Kind.UNBOUNDED_PRECEDING
          : WindowNode.Bound.Kind.UNBOUNDED_FOLLOWING, 0);
    }
    RexLiteral lit = constant(b.getOffset(), w, n);
    Long v = lit == null ? null : lit.getValueAs(Long.class);
    if (v == null || v < 0) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
          "window frame offsets must be non-negative whole numbers: " + b);
    }
    return new WindowNode.Bound(b.isPreceding() ? WindowNode.Bound.Kind.PRECEDING
        : WindowNode.Bound.Kind.FOLLOWING, v);
  }

  // ---- sort, set operations, values --------------------------------------------------

  private PlanNode sort(Sort s) {
    PlanNode input = convert(s.getInput());
    RowCount offset = s.offset == null ? RowCount.ZERO : rowCount(s.offset, "OFFSET");
    RowCount limit = s.fetch == null ? RowCount.NONE : rowCount(s.fetch, "LIMIT");
    List<RelFieldCollation> fcs = s.getCollation().getFieldCollations();
    if (fcs.isEmpty()) {
      return new LimitNode(input, offset, limit);
    }
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation fc : fcs) {
      boolean desc = fc.getDirection().isDescending();
      boolean nullsFirst;
      switch (fc.nullDirection) {
        case FIRST: nullsFirst = true; break;
        case LAST: nullsFirst = false; break;
        default: nullsFirst = !desc; break;
      }
      keys.add(new SortKey(fc.getFieldIndex(), desc, nullsFirst));
    }
    return new SortNode(input, keys, offset, limit);
  }

  private static RowCount rowCount(RexNode n, String what) {
    if (n instanceof RexLiteral) {
      Long v = ((RexLiteral) n).getValueAs(Long.class);
      if (v == null || v < 0) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION, what + " must not be negative");
      }
      return RowCount.of(v);
    }
    if (n instanceof org.apache.calcite.rex.RexDynamicParam) {
      return RowCount.parameter(((org.apache.calcite.rex.RexDynamicParam) n).getIndex());
    }
    throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
        what + " must be a constant or a parameter");
  }

  private List<PlanNode> castInputs(List<RelNode> inputs, RelDataType rowType) {
    List<PlanNode> out = new ArrayList<>();
    List<PlanField> target = fields(rowType);
    for (RelNode in : inputs) {
      PlanNode node = convert(in);
      boolean same = true;
      for (int i = 0; i < target.size(); i++) {
        if (!node.fields().get(i).type().equals(target.get(i).type())) {
          same = false;
          break;
        }
      }
      if (same) {
        out.add(node);
        continue;
      }
      List<RexNode> casts = new ArrayList<>();
      List<RelDataTypeField> inFields = in.getRowType().getFieldList();
      for (int i = 0; i < target.size(); i++) {
        RexNode ref = new RexInputRef(i, inFields.get(i).getType());
        casts.add(rexBuilder.makeCast(rowType.getFieldList().get(i).getType(), ref, true, false));
      }
      out.add(new ProjectNode(target, node, casts));
    }
    return out;
  }

  private PlanNode values(Values v) {
    List<PlanField> fs = fields(v.getRowType());
    List<List<Object>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : v.getTuples()) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        row.add(InternalValues.fromLiteral(tuple.get(i), fs.get(i).type()));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new ValuesNode(fs, Collections.unmodifiableList(rows));
  }
}
