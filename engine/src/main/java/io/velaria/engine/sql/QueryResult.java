package io.velaria.engine.sql;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.StatementResult;
import java.util.List;

/** A running query: pulls batches from the root operator and reports errors as user errors. */
final class QueryResult implements StatementResult {
  private final List<ResultColumn> columns;
  private final Operator root;
  private final ExecContext ctx;
  private boolean closed;

  QueryResult(List<ResultColumn> columns, Operator root, ExecContext ctx) {
    this.columns = List.copyOf(columns);
    this.root = root;
    this.ctx = ctx;
  }

  @Override
  public boolean hasRows() {
    return true;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public Batch nextBatch() {
    if (closed) {
      return null;
    }
    try {
      ctx.checkCancelled();
      Batch b = root.next();
      if (b == null) {
        close();
      }
      return b;
    } catch (OutOfMemoryError e) {
      close();
      throw ctx.memory().outOfHeap("running the query");
    } catch (StackOverflowError e) {
      close();
      throw new VelariaException(io.velaria.engine.error.SqlStates.OUT_OF_MEMORY,
          "query is too deeply nested to run");
    } catch (RuntimeException e) {
      close();
      throw SqlErrors.translate(e);
    }
  }

  @Override
  public long updateCount() {
    return -1;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        root.close();
      } catch (RuntimeException e) {
        // closing must not hide the original outcome
      }
    }
  }
}
