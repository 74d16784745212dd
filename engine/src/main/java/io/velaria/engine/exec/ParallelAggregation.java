package io.velaria.engine.exec;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.exec.agg.AggKind;
import io.velaria.engine.exec.agg.AggregateSpec;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.ExprCompiler;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an aggregation into per-thread partial aggregations and one final merge: COUNT
 * becomes a SUM of counts, AVG a SUM and a COUNT divided at the end, SUM/MIN/MAX merge as
 * themselves. Aggregations with DISTINCT or SINGLE_VALUE are not split.
 */
final class ParallelAggregation {
  final List<AggregateSpec> partial = new ArrayList<>();
  final List<AggregateSpec> finalSpecs = new ArrayList<>();
  /** Per original aggregate: its column in the final output, or for AVG the sum column. */
  private final int[] resultColumn;
  private final boolean[] isAvg;
  private final List<AggregateSpec> original;
  private final int keyCount;

  private ParallelAggregation(int keyCount, List<AggregateSpec> original) {
    this.keyCount = keyCount;
    this.original = original;
    this.resultColumn = new int[original.size()];
    this.isAvg = new boolean[original.size()];
    for (int i = 0; i < original.size(); i++) {
      AggregateSpec a = original.get(i);
      int col = keyCount + partial.size();
      resultColumn[i] = keyCount + finalSpecs.size();
      switch (a.kind()) {
        case COUNT_STAR:
        case COUNT:
          partial.add(a);
          finalSpecs.add(new AggregateSpec(AggKind.SUM0, col, false, -1, DataType.BIGINT,
              a.resultType()));
          break;
        case AVG: {
          isAvg[i] = true;
          DataType sumType = sumTypeFor(a.inputType());
          partial.add(new AggregateSpec(AggKind.SUM, a.argument(), false, a.filterColumn(),
              a.inputType(), sumType));
          partial.add(new AggregateSpec(AggKind.COUNT, a.argument(), false, a.filterColumn(),
              a.inputType(), DataType.BIGINT));
          finalSpecs.add(new AggregateSpec(AggKind.SUM, col, false, -1, sumType, sumType));
          finalSpecs.add(new AggregateSpec(AggKind.SUM0, col + 1, false, -1, DataType.BIGINT,
              DataType.BIGINT));
          break;
        }
        default:
          partial.add(a);
          AggKind merge = a.kind() == AggKind.SUM0 ? AggKind.SUM0 : a.kind();
          finalSpecs.add(new AggregateSpec(merge, col, false, -1, a.resultType(),
              a.resultType()));
          break;
      }
    }
  }

  /** A plan for splitting, or null when some aggregate cannot be merged from partials. */
  static ParallelAggregation of(int keyCount, List<AggregateSpec> aggs) {
    for (AggregateSpec a : aggs) {
      if (a.distinct() || a.kind() == AggKind.SINGLE_VALUE) {
        return null;
      }
      if (a.kind() == AggKind.AVG && a.resultType().kind() != TypeKind.DOUBLE) {
        return null;
      }
    }
    return new ParallelAggregation(keyCount, aggs);
  }

  private static DataType sumTypeFor(DataType input) {
    switch (input.kind()) {
      case DECIMAL: return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, input.scale());
      case REAL:
      case DOUBLE:
        return DataType.DOUBLE;
      default: return DataType.BIGINT;
    }
  }

  /** Types of the partial aggregation's output (keys, then partial aggregates). */
  DataType[] partialTypes(DataType[] keyTypes) {
    DataType[] t = new DataType[keyCount + partial.size()];
    System.arraycopy(keyTypes, 0, t, 0, keyCount);
    for (int i = 0; i < partial.size(); i++) {
      t[keyCount + i] = partial.get(i).resultType();
    }
    return t;
  }

  /** Evaluators mapping the final aggregation's output to the original output layout. */
  List<Evaluator> finalProjection(DataType[] keyTypes) {
    List<Evaluator> out = new ArrayList<>();
    for (int k = 0; k < keyCount; k++) {
      out.add(ExprCompiler.column(k, keyTypes[k], keyTypes[k]));
    }
    for (int i = 0; i < original.size(); i++) {
      int c = resultColumn[i];
      if (isAvg[i]) {
        out.add(new AverageEvaluator(c, c + 1));
      } else {
        DataType t = original.get(i).resultType();
        out.add(ExprCompiler.column(c, t, t));
      }
    }
    return out;
  }

  /** sum / count as DOUBLE, NULL when the count is 0. */
  private static final class AverageEvaluator implements Evaluator {
    private final int sum;
    private final int count;

    AverageEvaluator(int sum, int count) {
      this.sum = sum;
      this.count = count;
    }

    @Override
    public DataType type() {
      return DataType.DOUBLE;
    }

    @Override
    public Column evaluate(Batch input) {
      Column s = input.column(sum);
      long[] counts = ((LongColumn) input.column(count)).values();
      int n = input.rowCount();
      double[] out = new double[n];
      boolean[] nulls = null;
      double scale = s.type().kind() == TypeKind.DECIMAL ? Math.pow(10, s.type().scale()) : 1;
      for (int i = 0; i < n; i++) {
        if (counts[i] == 0 || s.isNull(i)) {
          if (nulls == null) {
            nulls = new boolean[n];
          }
          nulls[i] = true;
          continue;
        }
        double total = s instanceof DoubleColumn ? ((DoubleColumn) s).get(i)
            : ((LongColumn) s).get(i) / scale;
        out[i] = total / counts[i];
      }
      return new DoubleColumn(DataType.DOUBLE, n, out, nulls);
    }
  }
}
