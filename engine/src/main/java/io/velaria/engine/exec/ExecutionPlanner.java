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
import io.velaria.engine.exec.operator.ParallelScanOperator;
import io.velaria.engine.exec.operator.ProjectOperator;
import io.velaria.engine.exec.operator.ScanOperator;
import io.velaria.engine.exec.operator.SetOperationOperator;
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
    TableKind kind = entry.definition().kind();
    if (kind == TableKind.MANAGED) {
      TableData data = entry.runtime(TableData.class);
      return new ScanOperator(ScanOperator.listReader(data.snapshot(), read), filter, output, ctx);
    }
    if (kind == TableKind.SYSTEM) {
      SystemTable t = entry.runtime(SystemTable.class);
      return new ScanOperator(ScanOperator.listReader(t.rows(), read), filter, output, ctx);
    }
    if (kind == TableKind.SINK) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "cannot SELECT from sink table '" + entry.definition().name() + "'");
    }
    ConnectorTable table = entry.runtime(ConnectorTable.class);
    ReadRequest request = new ReadRequest(read, node.predicates(), -1);
    if (ctx.threads() > 1) {
      List<BatchReader> splits = table.split(request, ctx.threads());
      if (splits.size() > 1) {
        return new ParallelScanOperator(splits, filter, output, ctx);
      }
      return new ScanOperator(splits.get(0), filter, output, ctx);
    }
    return new ScanOperator(table.read(request), filter, output, ctx);
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
    return new HashAggregateOperator(build(node.input()), node.input().types(),
        node.groupKeys(), node.aggregates(), ctx);
  }

  @Override
  public Operator visit(JoinNode node) {
    DataType[] probeTypes = node.probe().types();
    DataType[] buildTypes = node.build().types();
    Evaluator residual = null;
    if (node.residual() != null) {
      DataType[] both = new DataType[probeTypes.length + buildTypes.length];
      System.arraycopy(probeTypes, 0, both, 0, probeTypes.length);
      System.arraycopy(buildTypes, 0, both, probeTypes.length, buildTypes.length);
      residual = compiler.compile(node.residual(), both);
    }
    Operator probe = build(node.probe());
    Operator build = build(node.build());
    if (node.probeKeys().length == 0) {
      return new NestedLoopJoinOperator(probe, build, probeTypes, buildTypes, node.joinType(),
          residual, ctx);
    }
    return new HashJoinOperator(probe, build, probeTypes, buildTypes, node.probeKeys(),
        node.buildKeys(), node.nullSafeKeys(), node.joinType(), residual, ctx);
  }

  @Override
  public Operator visit(SortNode node) {
    return new SortOperator(build(node.input()), node.input().types(), node.keys(),
        node.offset(), node.limit(), ctx);
  }

  @Override
  public Operator visit(LimitNode node) {
    return new LimitOperator(build(node.input()), node.offset(), node.limit());
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

  static boolean isOuter(JoinType t) {
    return t == JoinType.LEFT || t == JoinType.RIGHT || t == JoinType.FULL;
  }
}
