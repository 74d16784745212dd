package io.velaria.engine.exec;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.ExprCompiler;
import io.velaria.engine.exec.operator.BatchListOperator;
import io.velaria.engine.exec.operator.FilterOperator;
import io.velaria.engine.exec.operator.HashAggregateOperator;
import io.velaria.engine.exec.operator.HashJoinOperator;
import io.velaria.engine.exec.operator.JoinType;
import io.velaria.engine.exec.operator.LimitOperator;
import io.velaria.engine.exec.operator.NestedLoopJoinOperator;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.exec.operator.ParallelUnionOperator;
import io.velaria.engine.exec.operator.ProjectOperator;
import io.velaria.engine.exec.operator.ScanOperator;
import io.velaria.engine.exec.operator.SetOperationOperator;
import io.velaria.engine.exec.operator.SmallerSideJoinOperator;
import io.velaria.engine.exec.operator.SortOperator;
import io.velaria.engine.exec.operator.UnionAllOperator;
import io.velaria.engine.plan.AggregateNode;
import io.velaria.engine.plan.FilterNode;
import io.velaria.engine.plan.JoinNode;
import io.velaria.engine.plan.LimitNode;
import io.velaria.engine.plan.PlanNode;
import io.velaria.engine.plan.PlanVisitor;
import io.velaria.engine.plan.ProjectNode;
import io.velaria.engine.plan.ScanNode;
import io.velaria.engine.plan.SetOperationNode;
import io.velaria.engine.plan.SortNode;
import io.velaria.engine.plan.UnionAllNode;
import io.velaria.engine.plan.ValuesNode;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.sql.calcite.SystemTable;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/** Turns a physical plan into a tree of operators: the one place that knows both. */
public final class ExecutionPlanner implements PlanVisitor<Operator> {
  private final ExecContext ctx;
  private final ExprCompiler compiler;

  public ExecutionPlanner(ExecContext ctx) {
    this.ctx = ctx;
    this.compiler = new ExprCompiler(ctx);
  }

  public Operator build(PlanNode plan) {
    return plan.accept(this);
  }

  @Override
  public Operator visit(ScanNode node) {
    ScanParts parts = scanParts(node);
    TableKind kind = node.table().definition().kind();
    if (kind == TableKind.MANAGED) {
      TableData data = node.table().runtime(TableData.class);
      return new ScanOperator(ScanOperator.listReader(data.snapshot(), parts.read), parts.filter,
          parts.output, ctx);
    }
    if (kind == TableKind.SYSTEM) {
      SystemTable t = node.table().runtime(SystemTable.class);
      return new ScanOperator(ScanOperator.listReader(t.rows(), parts.read), parts.filter,
          parts.output, ctx);
    }
    if (kind == TableKind.SINK) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "cannot SELECT from sink table '" + node.table().definition().name() + "'");
    }
    ConnectorTable table = node.table().runtime(ConnectorTable.class);
    ReadRequest request = new ReadRequest(parts.read, node.predicates(), -1);
    if (ctx.threads() > 1) {
      List<BatchReader> splits = table.split(request, ctx.threads());
      if (splits.size() > 1) {
        return ParallelUnionOperator.ofScans(splits, parts.filter, parts.output, ctx);
      }
      return new ScanOperator(splits.get(0), parts.filter, parts.output, ctx);
    }
    return new ScanOperator(table.read(request), parts.filter, parts.output, ctx);
  }

  /** What a scan reads, the filter over those columns, and which of them it returns. */
  record ScanParts(int[] read, Evaluator filter, int[] output) {}

  ScanParts scanParts(ScanNode node) {
    CatalogEntry entry = node.table();
    int[] columns = node.columns();
    int[] read = columns;
    Evaluator filter = null;
    int[] output = null;
    if (node.filter() != null) {
      TreeSet<Integer> all = new TreeSet<>();
      for (int c : columns) {
        all.add(c);
      }
      for (int c : RelOptUtil.InputFinder.bits(node.filter()).toArray()) {
        all.add(c);
      }
      read = all.stream().mapToInt(Integer::intValue).toArray();
      DataType[] readTypes = new DataType[read.length];
      for (int i = 0; i < read.length; i++) {
        readTypes[i] = entry.definition().columns().get(read[i]).type();
      }
      filter = compiler.compile(node.filter().accept(remap(read)), readTypes);
      if (!Arrays.equals(read, columns)) {
        output = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
          output[i] = Arrays.binarySearch(read, columns[i]);
        }
      }
    }
    return new ScanParts(read, filter, output);
  }

  private static RexShuttle remap(int[] read) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(Arrays.binarySearch(read, ref.getIndex()), ref.getType());
      }
    };
  }

  @Override
  public Operator visit(FilterNode node) {
    return new FilterOperator(build(node.input()),
        compiler.compile(node.condition(), node.input().types()), ctx);
  }

  @Override
  public Operator visit(ProjectNode node) {
    DataType[] in = node.input().types();
    List<Evaluator> exprs = new ArrayList<>();
    for (RexNode e : node.expressions()) {
      exprs.add(compiler.compile(e, in));
    }
    return new ProjectOperator(build(node.input()), exprs, ctx);
  }

  @Override
  public Operator visit(AggregateNode node) {
    Operator parallel = parallelAggregate(node);
    if (parallel != null) {
      return parallel;
    }
    return new HashAggregateOperator(build(node.input()), node.input().types(),
        node.groupKeys(), node.aggregates(), ctx);
  }

  /** Rows a table must have before its aggregation is split across threads. */
  private static final long PARALLEL_MIN_ROWS = 100_000;

  /**
   * An aggregation over a scan with only filters and projections in between runs as one
   * pipeline per thread over parts of the table, each aggregating partially, then one merge.
   */
  private Operator parallelAggregate(AggregateNode node) {
    if (ctx.threads() < 2) {
      return null;
    }
    ScanNode scan = chainScan(node.input());
    ParallelAggregation split = ParallelAggregation.of(node.groupKeys().length,
        node.aggregates());
    if (scan == null || split == null || estimatedRows(scan) < PARALLEL_MIN_ROWS) {
      return null;
    }
    List<Operator> scans = scanPartitions(scan, ctx.threads());
    if (scans == null || scans.size() < 2) {
      return null;
    }
    DataType[] inTypes = node.input().types();
    int[] keys = node.groupKeys();
    DataType[] keyTypes = new DataType[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keyTypes[i] = inTypes[keys[i]];
    }
    List<Operator> partials = new ArrayList<>();
    for (Operator s : scans) {
      Operator chain = buildChain(node.input(), scan, s);
      partials.add(new HashAggregateOperator(chain, inTypes, keys, split.partial, ctx));
    }
    DataType[] partialTypes = split.partialTypes(keyTypes);
    int[] finalKeys = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      finalKeys[i] = i;
    }
    Operator merged = new HashAggregateOperator(new ParallelUnionOperator(partials, ctx),
        partialTypes, finalKeys, split.finalSpecs, ctx);
    return new ProjectOperator(merged, split.finalProjection(keyTypes), ctx);
  }

  /**
   * Scans over disjoint parts of a table, each with its own filter evaluator: managed tables
   * deal their batches round-robin, connectors split their files. Null if it cannot split.
   */
  private List<Operator> scanPartitions(ScanNode scan, int parts) {
    TableKind kind = scan.table().definition().kind();
    List<Operator> out = new ArrayList<>();
    if (kind == TableKind.MANAGED) {
      List<Batch> batches = scan.table().runtime(TableData.class).snapshot();
      if (batches.size() < parts) {
        return null;
      }
      for (int p = 0; p < parts; p++) {
        List<Batch> mine = new ArrayList<>();
        for (int i = p; i < batches.size(); i += parts) {
          mine.add(batches.get(i));
        }
        ScanParts sp = scanParts(scan);
        out.add(new ScanOperator(ScanOperator.listReader(mine, sp.read()), sp.filter(),
            sp.output(), ctx));
      }
      return out;
    }
    if (kind == TableKind.EXTERNAL) {
      ConnectorTable table = scan.table().runtime(ConnectorTable.class);
      ScanParts first = scanParts(scan);
      List<BatchReader> splits = table.split(
          new ReadRequest(first.read(), scan.predicates(), -1), parts);
      for (BatchReader r : splits) {
        ScanParts sp = scanParts(scan);
        out.add(new ScanOperator(r, sp.filter(), sp.output(), ctx));
      }
      return out;
    }
    return null;
  }

  /**
   * The scan at the bottom of a chain of filters, projections and hash joins (following their
   * probe side), or null. RIGHT and FULL joins end the chain: their unmatched build rows
   * cannot be found by one part of the probe side alone.
   */
  private static ScanNode chainScan(PlanNode node) {
    while (true) {
      if (node instanceof FilterNode || node instanceof ProjectNode) {
        node = node.inputs().get(0);
      } else if (node instanceof JoinNode && splittableProbe((JoinNode) node)) {
        node = ((JoinNode) node).probe();
      } else {
        break;
      }
    }
    return node instanceof ScanNode ? (ScanNode) node : null;
  }

  private static boolean splittableProbe(JoinNode j) {
    JoinType t = j.joinType();
    return j.probeKeys().length > 0
        && (t == JoinType.INNER || t == JoinType.LEFT || t == JoinType.SEMI
            || t == JoinType.ANTI);
  }

  /** Build sides of the joins in a split chain, materialized once and shared by all parts. */
  private final java.util.Map<JoinNode, SharedBatches> sharedBuilds =
      new java.util.IdentityHashMap<>();

  /**
   * Builds the operators of a chain with {@code scanOperator} at its bottom. Each join in the
   * chain gets its own hash table, built from build-side rows computed once for all parts.
   */
  private Operator buildChain(PlanNode node, ScanNode scan, Operator scanOperator) {
    if (node == scan) {
      return scanOperator;
    }
    if (node instanceof JoinNode) {
      JoinNode j = (JoinNode) node;
      Operator probe = buildChain(j.probe(), scan, scanOperator);
      SharedBatches shared = sharedBuilds.computeIfAbsent(j,
          k -> new SharedBatches(() -> build(k.build()), ctx));
      return joinOperator(j, probe, shared.reader());
    }
    Operator input = buildChain(node.inputs().get(0), scan, scanOperator);
    if (node instanceof FilterNode) {
      FilterNode f = (FilterNode) node;
      return new FilterOperator(input, compiler.compile(f.condition(), f.input().types()), ctx);
    }
    ProjectNode p = (ProjectNode) node;
    List<Evaluator> exprs = new ArrayList<>();
    for (RexNode e : p.expressions()) {
      exprs.add(compiler.compile(e, p.input().types()));
    }
    return new ProjectOperator(input, exprs, ctx);
  }

  private static long estimatedRows(ScanNode scan) {
    Object runtime = scan.table().runtime();
    if (runtime instanceof TableData) {
      return ((TableData) runtime).rowCount();
    }
    if (runtime instanceof ConnectorTable) {
      return ((ConnectorTable) runtime).estimatedRowCount();
    }
    return 0;
  }

  @Override
  public Operator visit(JoinNode node) {
    return joinOperator(node, build(node.probe()), build(node.build()));
  }

  private Operator joinOperator(JoinNode node, Operator probe, Operator build) {
    DataType[] probeTypes = node.probe().types();
    DataType[] buildTypes = node.build().types();
    Evaluator residual = null;
    if (node.residual() != null) {
      DataType[] both = new DataType[probeTypes.length + buildTypes.length];
      System.arraycopy(probeTypes, 0, both, 0, probeTypes.length);
      System.arraycopy(buildTypes, 0, both, probeTypes.length, buildTypes.length);
      residual = compiler.compile(node.residual(), both);
    }
    if (node.probeKeys().length == 0) {
      return new NestedLoopJoinOperator(probe, build, probeTypes, buildTypes, node.joinType(),
          residual, ctx);
    }
    boolean[] reads = null;
    if (residual != null) {
      reads = new boolean[probeTypes.length + buildTypes.length];
      for (int c : RelOptUtil.InputFinder.bits(node.residual())) {
        reads[c] = true;
      }
    }
    if (node.joinType() == JoinType.INNER) {
      return new SmallerSideJoinOperator(probe, build, probeTypes, buildTypes,
          node.probeKeys(), node.buildKeys(), node.nullSafeKeys(), residual, reads, ctx);
    }
    HashJoinOperator join = new HashJoinOperator(probe, build, probeTypes, buildTypes,
        node.probeKeys(), node.buildKeys(), node.nullSafeKeys(), node.joinType(), residual, ctx);
    if (reads != null) {
      join.residualReads(reads);
    }
    return join;
  }

  @Override
  public Operator visit(SortNode node) {
    return new SortOperator(build(node.input()), node.input().types(), node.keys(),
        node.offset().resolve(ctx, "OFFSET"), node.limit().resolve(ctx, "LIMIT"), ctx);
  }

  @Override
  public Operator visit(LimitNode node) {
    return new LimitOperator(build(node.input()), node.offset().resolve(ctx, "OFFSET"),
        node.limit().resolve(ctx, "LIMIT"));
  }

  @Override
  public Operator visit(UnionAllNode node) {
    List<Operator> inputs = new ArrayList<>();
    for (PlanNode in : node.inputs()) {
      inputs.add(build(in));
    }
    return new UnionAllOperator(inputs, node.types());
  }

  @Override
  public Operator visit(SetOperationNode node) {
    List<Operator> inputs = new ArrayList<>();
    for (PlanNode in : node.inputs()) {
      inputs.add(build(in));
    }
    SetOperationOperator.Kind kind = SetOperationOperator.Kind.valueOf(node.kind().name());
    return new SetOperationOperator(inputs, node.types(), kind, node.all(), ctx);
  }

  @Override
  public Operator visit(ValuesNode node) {
    DataType[] types = node.types();
    ColumnBuilder[] builders = new ColumnBuilder[types.length];
    for (int i = 0; i < types.length; i++) {
      builders[i] = new ColumnBuilder(types[i], node.rows().size());
    }
    for (List<Object> row : node.rows()) {
      for (int i = 0; i < types.length; i++) {
        builders[i].appendObject(row.get(i));
      }
    }
    Column[] cols = new Column[types.length];
    for (int i = 0; i < types.length; i++) {
      cols[i] = builders[i].build();
    }
    return new BatchListOperator(List.of(new Batch(cols, node.rows().size())));
  }

  @Override
  public Operator visit(io.velaria.engine.plan.WindowNode node) {
    return new io.velaria.engine.exec.operator.WindowOperator(build(node.input()),
        node.input().types(), node.groups(), ctx);
  }

  @Override
  public Operator visit(io.velaria.engine.plan.SearchNode node) {
    // ties go to the earlier row and indexes answer row ordinals: read a table in its order
    Operator input = node.input() instanceof ScanNode
        && ((ScanNode) node.input()).table().definition().kind() == TableKind.EXTERNAL
        ? orderedExternalScan((ScanNode) node.input()) : build(node.input());
    Evaluator where = node.where() == null ? null
        : compiler.compile(node.where(), node.input().types());
    // QUERY ? : the query is the parameter's value, known now
    io.velaria.engine.plan.SearchSpec spec = node.spec().hasParameters()
        ? node.spec().bind(ctx::parameter, node.vectorDimension()) : node.spec();
    return new io.velaria.engine.exec.operator.SearchOperator(input,
        node.input().types(), new io.velaria.engine.exec.search.SearchRunner(spec,
            node.keywordIndex(), node.vectorIndex(), ctx), where, node.outputColumns(), ctx);
  }

  /** One reader over the whole table: parallel splits would interleave rows. */
  private Operator orderedExternalScan(ScanNode node) {
    ScanParts parts = scanParts(node);
    ConnectorTable table = node.table().runtime(ConnectorTable.class);
    return new ScanOperator(table.read(new ReadRequest(parts.read, node.predicates(), -1)),
        parts.filter, parts.output, ctx);
  }
}
