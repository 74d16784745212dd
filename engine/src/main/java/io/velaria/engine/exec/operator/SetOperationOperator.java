package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.hash.GroupHashTable;
import io.velaria.engine.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * UNION / INTERSECT / EXCEPT of inputs with the same column types, folded left to right like
 * {@code ((a OP b) OP c)}, with NULLs equal to each other. Whole rows are keys of a
 * {@link GroupHashTable}; the first input's rows are counted per distinct row, later inputs
 * only look up rows the first input has (INTERSECT, EXCEPT) so they add no memory.
 *
 * <p>Multiplicity of a distinct row with count {@code c0} in the first input and {@code ci} in
 * the others: UNION 1; INTERSECT ALL {@code min(c0, ci...)}, INTERSECT 1 if that is positive;
 * EXCEPT ALL {@code max(0, c0 - sum ci)}, EXCEPT 1 if every {@code ci} is 0. UNION ALL simply
 * concatenates the inputs. Rows come out in order of first appearance in the first input(s).
 */
public final class SetOperationOperator implements Operator {
  public enum Kind { UNION, INTERSECT, EXCEPT }

  private static final long BYTES_PER_GROUP = 24;

  private final List<Operator> inputs;
  private final DataType[] types;
  private final Kind kind;
  private final boolean all;
  private final ExecContext ctx;
  private final GroupHashTable table;

  /** Rows per distinct row: of the first input, then the final multiplicity. */
  private long[] count = new long[0];
  /** INTERSECT: running minimum over later inputs; EXCEPT: their sum. */
  private long[] other = new long[0];
  /** INTERSECT: count in the input being read. */
  private long[] current = new long[0];
  private long reserved;

  private boolean consumed;
  private int unionAllInput;
  private int outGroup;
  private long outRepeat;
  private int[] ids = new int[0];

  public SetOperationOperator(List<Operator> inputs, DataType[] types, Kind kind, boolean all,
      ExecContext ctx) {
    this.inputs = List.copyOf(inputs);
    this.types = types.clone();
    this.kind = kind;
    this.all = all;
    this.ctx = ctx;
    this.table = kind == Kind.UNION && all ? null
        : GroupHashTable.forGrouping(types, ctx, "computing " + kind);
  }

  @Override
  public Batch next() {
    if (table == null) {
      return nextUnionAll();
    }
    if (!consumed) {
      consume();
      consumed = true;
    }
    return emit();
  }

  private Batch nextUnionAll() {
    while (unionAllInput < inputs.size()) {
      Batch b = inputs.get(unionAllInput).next();
      if (b != null) {
        return b;
      }
      unionAllInput++;
    }
    return null;
  }

  private void consume() {
    for (int i = 0; i < inputs.size(); i++) {
      boolean first = i == 0 || kind == Kind.UNION;
      if (i > 0 && kind == Kind.INTERSECT) {
        Arrays.fill(current, 0, table.size(), 0);
      }
      Operator in = inputs.get(i);
      Batch b;
      while ((b = in.next()) != null) {
        ctx.checkCancelled();
        int n = b.rowCount();
        if (n == 0) {
          continue;
        }
        if (ids.length < n) {
          ids = new int[n];
        }
        Column[] cols = b.columns();
        if (first) {
          table.findOrInsert(cols, n, ids);
          ensureGroups(table.size());
          for (int r = 0; r < n; r++) {
            count[ids[r]]++;
          }
        } else {
          table.find(cols, n, ids);
          long[] target = kind == Kind.INTERSECT ? current : other;
          for (int r = 0; r < n; r++) {
            if (ids[r] >= 0) {
              target[ids[r]]++;
            }
          }
        }
      }
      if (i > 0 && kind == Kind.INTERSECT) {
        int groups = table.size();
        for (int g = 0; g < groups; g++) {
          other[g] = i == 1 ? current[g] : Math.min(other[g], current[g]);
        }
      }
    }
    int groups = table.size();
    for (int g = 0; g < groups; g++) {
      count[g] = multiplicity(count[g], other[g]);
    }
  }

  private long multiplicity(long first, long others) {
    switch (kind) {
      case UNION:
        return 1;
      case INTERSECT:
        if (inputs.size() == 1) {
          return all ? first : 1;
        }
        long m = Math.min(first, others);
        return all ? m : Math.min(m, 1);
      default:
        if (all) {
          return Math.max(0, first - others);
        }
        return others == 0 ? 1 : 0;
    }
  }

  private void ensureGroups(int groups) {
    if (groups > count.length) {
      int cap = Math.max(groups, Math.max(64, count.length + (count.length >> 1)));
      long bytes = (cap - count.length) * BYTES_PER_GROUP;
      ctx.memory().reserve(bytes, "computing " + kind);
      reserved += bytes;
      count = Arrays.copyOf(count, cap);
      other = Arrays.copyOf(other, cap);
      current = Arrays.copyOf(current, cap);
    }
  }

  private Batch emit() {
    int groups = table.size();
    int cap = Math.max(1, ctx.batchSize());
    if (ids.length < cap) {
      ids = new int[cap];
    }
    int n = 0;
    while (n < cap && outGroup < groups) {
      if (outRepeat == 0) {
        outRepeat = count[outGroup];
      }
      while (outRepeat > 0 && n < cap) {
        ids[n++] = outGroup;
        outRepeat--;
      }
      if (outRepeat == 0) {
        outGroup++;
      }
    }
    if (n == 0) {
      return null;
    }
    Column[] out = new Column[types.length];
    for (int k = 0; k < types.length; k++) {
      out[k] = table.key(k).gather(ids, n);
    }
    return new Batch(out, n);
  }

  @Override
  public void close() {
    for (Operator in : inputs) {
      in.close();
    }
    if (table != null) {
      table.close();
    }
    ctx.memory().release(reserved);
    reserved = 0;
  }
}
