package io.velaria.engine.session;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;

/**
 * Cancellation and timeout of one statement. Operators call {@link #check()} between batches,
 * so a cancel or an expired timeout stops a query within one batch of work.
 */
public final class QueryControl {
  private volatile boolean cancelled;
  private volatile long deadlineNanos = Long.MAX_VALUE;

  public void cancel() {
    cancelled = true;
  }

  /** Starts the timeout clock; 0 means no timeout. */
  public void startTimeout(long timeoutMillis) {
    cancelled = false;
    deadlineNanos = timeoutMillis <= 0 ? Long.MAX_VALUE
        : System.nanoTime() + timeoutMillis * 1_000_000L;
  }

  public void reset() {
    cancelled = false;
    deadlineNanos = Long.MAX_VALUE;
  }

  public boolean isCancelled() {
    return cancelled || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos);
  }

  /** Throws SQLState 57014 if the statement was cancelled or ran past its timeout. */
  public void check() {
    if (cancelled) {
      throw new VelariaException(SqlStates.QUERY_CANCELED, "statement cancelled");
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos) {
      throw new VelariaException(SqlStates.QUERY_CANCELED, "statement timed out");
    }
  }
}
