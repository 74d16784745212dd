package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.plan.WindowNode;
import io.velaria.engine.plan.WindowNode.Bound;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions. Materializes the input, and per window sorts row numbers by partition and
 * order keys, walks each partition and computes every call's value into the row's original
 * position; output is the input's columns plus one column per call, in input order.
 */
public final class WindowOperator implements Operator {
  private final Operator input;
  private final DataType[] inputTypes;
  private final List<WindowNode.Group> groups;
  private final ExecContext ctx;
  private Batch result;
  private int emitted;
  private long reserved;

  public WindowOperator(Operator input, DataType[] inputTypes, List<WindowNode.Group> groups,
      ExecContext ctx) {
    this.input = input;
    this.inputTypes = inputTypes.clone();
    this.groups = List.copyOf(groups);
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (result == null) {
      result = compute();
    }
    if (emitted >= result.rowCount()) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), result.rowCount() - emitted);
    Batch out = result.slice(emitted, n);
    emitted += n;
    return out;
  }

  private Batch compute() {
    List<Batch> batches = new ArrayList<>();
    Batch b;
    while ((b = input.next()) != null) {
      ctx.checkCancelled();
      long bytes = b.estimatedBytes();
      ctx.memory().reserve(bytes, "materializing the input of a window function");
      reserved += bytes;
      batches.add(b);
    }
    Batch all = BatchConcat.concat(inputTypes, batches);
    List<Column> columns = new ArrayList<>(List.of(all.columns()));
    for (WindowNode.Group g : groups) {
      columns.addAll(computeGroup(all, g));
    }
    return new Batch(columns.toArray(new Column[0]), all.rowCount());
  }

  private List<Column> computeGroup(Batch all, WindowNode.Group g) {
    int n = all.rowCount();
    List<SortKey> partition = new ArrayList<>();
    for (int k : g.partitionKeys()) {
      partition.add(new SortKey(k, false, true));
    }
    List<SortKey> keys = new ArrayList<>(partition);
    keys.addAll(g.orderKeys());
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    if (!keys.isEmpty()) {
      IntMergeSort.sort(perm, n, RowComparators.of(all, keys));
    }
    RowComparator samePartition = partition.isEmpty() ? (x, y) -> 0
        : RowComparators.of(all, partition);
    RowComparator samePeer = g.orderKeys().isEmpty() ? (x, y) -> 0
        : RowComparators.of(all, g.orderKeys());
    Object[][] results = new Object[g.calls().size()][n];
    int start = 0;
    while (start < n) {
      ctx.checkCancelled();
      int end = start + 1;
      while (end < n && samePartition.compare(perm[start], perm[end]) == 0) {
        end++;
      }
      Partition p = new Partition(perm, start, end, samePeer);
      for (int c = 0; c < g.calls().size(); c++) {
        computeCall(all, g, g.calls().get(c), p, results[c]);
      }
      start = end;
    }
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < g.calls().size(); c++) {
      ColumnBuilder builder = new ColumnBuilder(g.calls().get(c).resultType(), n);
      for (int i = 0; i < n; i++) {
        builder.appendObject(results[c][i]);
      }
      out.add(builder.build());
    }
    return out;
  }

  /** Rows {@code perm[start..end)} of one partition, in window order, with peer groups. */
  private static final class Partition {
    final int[] perm;
    final int start;
    final int end;
    /** For each position, the first and last position of its peer group. */
    final int[] peerStart;
    final int[] peerEnd;

    Partition(int[] perm, int start, int end, RowComparator samePeer) {
      this.perm = perm;
      this.start = start;
      this.end = end;
      peerStart = new int[end - start];
      peerEnd = new int[end - start];
      int i = start;
      while (i < end) {
        int j = i + 1;
        while (j < end && samePeer.compare(perm[i], perm[j]) == 0) {
          j++;
        }
        for (int k = i; k < j; k++) {
          peerStart[k - start] = i;
          peerEnd[k - start] = j - 1;
        }
        i = j;
      }
    }
  }

  private void computeCall(Batch all, WindowNode.Group g, WindowNode.Call call, Partition p,
      Object[] out) {
    int size = p.end - p.start;
    switch (call.function()) {
      case "ROW_NUMBER":
        for (int i = p.start; i < p.end; i++) {
          out[p.perm[i]] = (long) (i - p.start + 1);
        }
        return;
      case "RANK":
        for (int i = p.start; i < p.end; i++) {
          out[p.perm[i]] = (long) (p.peerStart[i - p.start] - p.start + 1);
        }
        return;
      case "DENSE_RANK": {
        long rank = 0;
        for (int i = p.start; i < p.end; i++) {
          if (p.peerStart[i - p.start] == i) {
            rank++;
          }
          out[p.perm[i]] = rank;
        }
        return;
      }
      case "PERCENT_RANK":
        for (int i = p.start; i < p.end; i++) {
          out[p.perm[i]] = size <= 1 ? 0.0
              : (p.peerStart[i - p.start] - p.start) / (double) (size - 1);
        }
        return;
      case "CUME_DIST":
        for (int i = p.start; i < p.end; i++) {
          out[p.perm[i]] = (p.peerEnd[i - p.start] - p.start + 1) / (double) size;
        }
        return;
      case "NTILE": {
        long buckets = ((Number) call.constants()[0]).longValue();
        for (int i = p.start; i < p.end; i++) {
          long pos = i - p.start;
          long small = size / buckets;
          long large = size % buckets;
          long tile = pos < large * (small + 1) ? pos / (small + 1)
              : large + (pos - large * (small + 1)) / Math.max(small, 1);
          out[p.perm[i]] = tile + 1;
        }
        return;
      }
      case "LAG":
      case "LEAD": {
        Column value = all.column(call.columns()[0]);
        long offset = call.columns().length > 1 ? ((Number) operand(all, call, 1, 0)).longValue()
            : 1;
        long dir = call.function().equals("LAG") ? -offset : offset;
        for (int i = p.start; i < p.end; i++) {
          long j = i + dir;
          Object v;
          if (j >= p.start && j < p.end) {
            v = value.getObject(p.perm[(int) j]);
          } else {
            v = call.columns().length > 2 ? operand(all, call, 2, p.perm[i]) : null;
          }
          out[p.perm[i]] = v;
        }
        return;
      }
      default:
        frameAggregate(all, g, call, p, out);
    }
  }

  /** An operand's value: the constant, or the column's value at {@code row}. */
  private static Object operand(Batch all, WindowNode.Call call, int i, int row) {
    return call.columns()[i] < 0 ? call.constants()[i]
        : all.column(call.columns()[i]).getObject(row);
  }

  /** Aggregates and FIRST/LAST_VALUE over each row's frame. */
  private void frameAggregate(Batch all, WindowNode.Group g, WindowNode.Call call, Partition p,
      Object[] out) {
    Column arg = call.columns().length == 0 || call.columns()[0] < 0 ? null
        : all.column(call.columns()[0]);
    String f = call.function();
    boolean fixedStart = g.lower().kind() == Bound.Kind.UNBOUNDED_PRECEDING;
    Accumulator acc = new Accumulator(f, arg, call.resultType());
    int added = p.start;
    for (int i = p.start; i < p.end; i++) {
      int lo = frameStart(g, p, i);
      int hi = frameEnd(g, p, i);
      if (fixedStart) {
        // frames only grow at the end: add the new rows
        while (added <= hi) {
          acc.add(p.perm[added++]);
        }
        out[p.perm[i]] = hi < lo ? acc.emptyResult() : acc.result();
      } else {
        Accumulator fresh = new Accumulator(f, arg, call.resultType());
        for (int k = lo; k <= hi; k++) {
          fresh.add(p.perm[k]);
        }
        out[p.perm[i]] = hi < lo ? fresh.emptyResult() : fresh.result();
      }
    }
  }

  private static int frameStart(WindowNode.Group g, Partition p, int i) {
    return clamp(bound(g, g.lower(), p, i, true), p);
  }

  private static int frameEnd(WindowNode.Group g, Partition p, int i) {
    return clamp(bound(g, g.upper(), p, i, false), p);
  }

  private static int clamp(long v, Partition p) {
    return (int) Math.max(p.start - 1, Math.min(p.end, v));
  }

  private static long bound(WindowNode.Group g, Bound b, Partition p, int i, boolean lower) {
    switch (b.kind()) {
      case UNBOUNDED_PRECEDING: return p.start;
      case UNBOUNDED_FOLLOWING: return p.end - 1;
      case CURRENT_ROW:
        if (g.rows()) {
          return i;
        }
        return lower ? p.peerStart[i - p.start] : p.peerEnd[i - p.start];
      default:
        if (!g.rows()) {
          throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
              "RANGE frames with an offset are not supported yet; use ROWS");
        }
        long off = b.kind() == Bound.Kind.PRECEDING ? -b.offset() : b.offset();
        long v = i + off;
        // an empty frame is expressed as start > end
        return lower ? Math.max(v, p.start) : Math.min(v, p.end - 1);
    }
  }

  /** Running state of one aggregate over a frame. */
  private static final class Accumulator {
    private final String function;
    private final Column arg;
    private final DataType type;
    private long count;
    private long longSum;
    private double doubleSum;
    private Object extreme;
    private Object first;
    private Object last;
    private boolean seenFirst;

    Accumulator(String function, Column arg, DataType type) {
      this.function = function;
      this.arg = arg;
      this.type = type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void add(int row) {
      if (function.equals("FIRST_VALUE") || function.equals("LAST_VALUE")) {
        Object v = arg.getObject(row);
        if (!seenFirst) {
          first = v;
          seenFirst = true;
        }
        last = v;
        return;
      }
      if (arg == null) {
        count++;
        return;
      }
      if (arg.isNull(row)) {
        return;
      }
      count++;
      switch (function) {
        case "SUM":
        case "$SUM0":
        case "AVG":
          if (arg instanceof DoubleColumn) {
            doubleSum += ((DoubleColumn) arg).get(row);
          } else if (arg instanceof LongColumn) {
            longSum = Math.addExact(longSum, ((LongColumn) arg).get(row));
          }
          break;
        case "MIN":
        case "MAX": {
          Comparable v = (Comparable) arg.getObject(row);
          if (extreme == null || (function.equals("MIN") ? v.compareTo(extreme) < 0
              : v.compareTo(extreme) > 0)) {
            extreme = v;
          }
          break;
        }
        default:
          break;
      }
    }

    Object result() {
      switch (function) {
        case "COUNT": return count;
        case "FIRST_VALUE": return first;
        case "LAST_VALUE": return last;
        case "MIN":
        case "MAX":
          return extreme;
        case "SUM":
        case "$SUM0":
          if (count == 0) {
            return function.equals("SUM") ? null : zero();
          }
          return arg instanceof DoubleColumn ? (Object) doubleSum : rescaled();
        case "AVG": {
          if (count == 0) {
            return null;
          }
          double total = arg instanceof DoubleColumn ? doubleSum
              : longSum / Math.pow(10, scale(arg.type()));
          return total / count;
        }
        default:
          throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
              "window function " + function + " is not supported yet");
      }
    }

    Object emptyResult() {
      if (function.equals("COUNT")) {
        return 0L;
      }
      return function.equals("$SUM0") ? zero() : null;
    }

    private Object zero() {
      return type.physical() == io.velaria.engine.type.PhysicalKind.DOUBLE ? (Object) 0.0 : 0L;
    }

    private Object rescaled() {
      int from = scale(arg.type());
      int to = scale(type);
      long v = longSum;
      for (int s = from; s < to; s++) {
        v = Math.multiplyExact(v, 10);
      }
      return type.physical() == io.velaria.engine.type.PhysicalKind.DOUBLE
          ? (Object) (v / Math.pow(10, from)) : v;
    }

    private static int scale(DataType t) {
      return t.kind() == TypeKind.DECIMAL ? t.scale() : 0;
    }
  }

  @Override
  public void close() {
    input.close();
    ctx.memory().release(reserved);
    reserved = 0;
  }
}
