package io.velaria.engine.exec.agg;

import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.PhysicalKind;

/**
 * Per-group state of one aggregate function, held in primitive arrays indexed by group id and
 * updated a whole batch at a time. {@code groups[row]} is the group of each input row;
 * {@code sel} (when not null) lists the rows to add, else rows {@code 0..n} are added.
 */
public abstract class Accumulator {
  /** Makes room for group ids below {@code groups}; new groups start empty. */
  public abstract void ensureGroups(int groups);

  /** Adds the rows of {@code arg} (null for COUNT(*)) to their groups. */
  public abstract void add(int[] groups, Column arg, int[] sel, int n);

  /** The final values of groups {@code [from, from + count)}. */
  public abstract Column result(int from, int count);

  /** Rough bytes of state per group, for memory accounting. */
  public abstract long bytesPerGroup();

  /** New capacity for at least {@code need} entries, growing by half so growth is amortized. */
  protected static int grow(int current, int need) {
    return Math.max(need, Math.max(16, current + (current >> 1)));
  }

  public static Accumulator create(AggregateSpec spec) {
    PhysicalKind in = spec.inputType() == null ? null : spec.inputType().physical();
    switch (spec.kind()) {
      case COUNT_STAR: return new CountAccumulator(spec.resultType(), true);
      case COUNT: return new CountAccumulator(spec.resultType(), false);
      case SUM:
      case SUM0:
        boolean zero = spec.kind() == AggKind.SUM0;
        if (in == PhysicalKind.LONG) {
          return new SumLongAccumulator(spec.inputType(), spec.resultType(), zero);
        }
        if (in == PhysicalKind.DOUBLE) {
          return new SumDoubleAccumulator(spec.resultType(), zero);
        }
        break;
      case AVG:
        if (in == PhysicalKind.LONG) {
          return new AvgLongAccumulator(spec.inputType(), spec.resultType());
        }
        if (in == PhysicalKind.DOUBLE) {
          return new AvgDoubleAccumulator(spec.resultType());
        }
        break;
      case MIN:
      case MAX:
        boolean max = spec.kind() == AggKind.MAX;
        if (in == PhysicalKind.LONG) {
          return new MinMaxLongAccumulator(spec.resultType(), max);
        }
        if (in == PhysicalKind.DOUBLE) {
          return new MinMaxDoubleAccumulator(spec.resultType(), max);
        }
        if (in == PhysicalKind.FLOAT_ARRAY) {
          break;
        }
        return new MinMaxStoreAccumulator(storeType(spec), max);
      case SINGLE_VALUE: return new SingleValueAccumulator(storeType(spec));
      case ANY_VALUE: return new AnyValueAccumulator(storeType(spec));
      case BOOL_AND:
      case BOOL_OR:
        if (in == PhysicalKind.BOOLEAN) {
          return new BoolAccumulator(spec.resultType(), spec.kind() == AggKind.BOOL_AND);
        }
        break;
      default:
        break;
    }
    throw new VelariaException(SqlStates.UNDEFINED_FUNCTION, "aggregate " + spec.kind()
        + " is not defined for type " + spec.inputType().sqlName());
  }

  /** Value-carrying aggregates output the result type when it is stored the same way. */
  private static io.velaria.engine.type.DataType storeType(AggregateSpec spec) {
    return spec.resultType().physical() == spec.inputType().physical()
        ? spec.resultType() : spec.inputType();
  }
}
