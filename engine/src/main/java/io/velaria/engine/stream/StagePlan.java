package io.velaria.engine.stream;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.ExecutionPlanner;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.ExprCompiler;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.plan.PlanNode;
import io.velaria.engine.plan.RelToPlanConverter;
import io.velaria.engine.sql.SqlFrontEnd;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * One SQL stage of a stream query, planned once on the columnar engine and run for every
 * micro-batch: its input tables are {@link BatchHolder}s the runtime fills before each run. An
 * INSERT stage also converts its rows to the sink's column types.
 */
final class StagePlan {
  private final String sql;
  private final String logical;
  private final PlanNode plan;
  private final List<DataType> outputTypes;
  /** Casts to the sink columns; null for a query stage. */
  private final List<Evaluator> casts;
  private final List<ColumnDef> sinkColumns;

  private StagePlan(String sql, String logical, PlanNode plan, List<DataType> outputTypes,
      List<Evaluator> casts, List<ColumnDef> sinkColumns) {
    this.sql = sql;
    this.logical = logical;
    this.plan = plan;
    this.outputTypes = outputTypes;
    this.casts = casts;
    this.sinkColumns = sinkColumns;
  }

  /** Plans {@code sql} (a SELECT, or an INSERT into a sink) against the private catalog. */
  static StagePlan of(Catalog catalog, String sql, List<ColumnDef> sinkColumns) {
    QueryPlanner planner = new QueryPlanner(catalog);
    QueryPlanner.Validated v = planner.validate(SqlFrontEnd.parse(sql));
    RelRoot root = planner.toRel(v);
    RelNode rel = root.rel;
    boolean insert = rel instanceof TableModify;
    if (insert) {
      rel = ((TableModify) rel).getInput();
    } else if (!root.isRefTrivial()) {
      List<RexNode> exprs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (var f : root.fields) {
        exprs.add(new RexInputRef(f.getKey(), rel.getRowType().getFieldList().get(f.getKey())
            .getType()));
        names.add(f.getValue());
      }
      rel = LogicalProject.create(rel, List.of(), exprs, names, java.util.Set.of());
    }
    PlanNode plan = new RelToPlanConverter(rel.getCluster().getRexBuilder()).convert(rel);
    List<DataType> types = new ArrayList<>();
    for (RelDataTypeField f : rel.getRowType().getFieldList()) {
      types.add(TypeMapping.fromRel(f.getType()));
    }
    List<Evaluator> casts = null;
    if (insert) {
      casts = new ArrayList<>();
      for (int i = 0; i < sinkColumns.size(); i++) {
        casts.add(ExprCompiler.column(i, types.get(i), sinkColumns.get(i).type()));
      }
    }
    return new StagePlan(sql, RelOptUtil.toString(root.rel), plan, types, casts,
        sinkColumns);
  }

  List<DataType> outputTypes() {
    return outputTypes;
  }

  String sql() {
    return sql;
  }

  String logical() {
    return logical;
  }

  String physical() {
    return plan.explain();
  }

  /** Runs the stage over what its input holders hold now. */
  List<Batch> run(Supplier<ExecContext> contexts) {
    ExecContext ctx = contexts.get();
    List<Batch> out = new ArrayList<>();
    try (Operator op = new ExecutionPlanner(ctx).build(plan)) {
      Batch b;
      while ((b = op.next()) != null) {
        if (b.rowCount() > 0) {
          out.add(casts == null ? b : toSink(b));
        }
      }
    }
    return out;
  }

  private Batch toSink(Batch b) {
    Column[] cols = new Column[casts.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = casts.get(i).evaluate(b);
      ColumnDef c = sinkColumns.get(i);
      if (!c.nullable() && cols[i].mayHaveNulls()) {
        for (int r = 0; r < cols[i].size(); r++) {
          if (cols[i].isNull(r)) {
            throw new VelariaException(SqlStates.NOT_NULL_VIOLATION,
                "NULL value in column '" + c.name() + "' which is NOT NULL");
          }
        }
      }
    }
    return new Batch(cols, b.rowCount());
  }
}
