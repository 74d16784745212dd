package io.velaria.engine.exec;

import io.velaria.engine.session.QueryControl;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** What operators of one query share: memory accounting, cancellation, parameters, threads. */
public final class ExecContext {
  private final MemoryTracker memory;
  private final QueryControl control;
  private final List<Object> parameters;
  private final ExecutorService workers;
  private final int threads;
  private final int batchSize;

  public ExecContext(MemoryTracker memory, QueryControl control, List<Object> parameters,
      ExecutorService workers, int threads, int batchSize) {
    this.memory = memory;
    this.control = control;
    this.parameters = parameters;
    this.workers = workers;
    this.threads = threads;
    this.batchSize = batchSize;
  }

  public MemoryTracker memory() {
    return memory;
  }

  public QueryControl control() {
    return control;
  }

  /** Throws if the query was cancelled or timed out. */
  public void checkCancelled() {
    control.check();
  }

  /** Value of dynamic parameter {@code index}, in the engine's internal representation. */
  public Object parameter(int index) {
    return parameters.get(index);
  }

  public ExecutorService workers() {
    return workers;
  }

  /** How many threads a single operator may use. */
  public int threads() {
    return threads;
  }

  public int batchSize() {
    return batchSize;
  }
}
