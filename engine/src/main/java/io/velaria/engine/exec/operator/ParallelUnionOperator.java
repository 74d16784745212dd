package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.spi.BatchReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs several independent operator pipelines at once, one worker thread each (scan splits,
 * or partial aggregations over parts of a table); the consumer takes finished batches from a
 * small bounded queue, so memory stays bounded when it is slower. Order across inputs is not
 * kept. The first failure of any input stops all of them and is rethrown.
 */
public final class ParallelUnionOperator implements Operator {
  private static final Batch END = new Batch(new io.velaria.engine.column.Column[0], 0);

  private final List<Operator> inputs;
  private final ExecContext ctx;
  private final BlockingQueue<Batch> queue;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final List<Future<?>> tasks = new ArrayList<>();
  private volatile boolean stopped;
  private boolean started;
  private int finished;

  public ParallelUnionOperator(List<Operator> inputs, ExecContext ctx) {
    this.inputs = List.copyOf(inputs);
    this.ctx = ctx;
    this.queue = new ArrayBlockingQueue<>(inputs.size() * 4);
  }

  /** Scans of several splits, each filtering and projecting its own batches. */
  public static ParallelUnionOperator ofScans(List<BatchReader> readers, Evaluator filter,
      int[] output, ExecContext ctx) {
    List<Operator> scans = new java.util.ArrayList<>();
    for (BatchReader r : readers) {
      scans.add(new ScanOperator(r, filter, output, ctx));
    }
    return new ParallelUnionOperator(scans, ctx);
  }

  private void start() {
    started = true;
    for (Operator in : inputs) {
      tasks.add(ctx.workers().submit(() -> runInput(in)));
    }
  }

  private void runInput(Operator scan) {
    try {
      Batch b;
      while (!stopped && (b = scan.next()) != null) {
        while (!stopped && !queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
          // wait for the consumer
        }
      }
    } catch (VelariaException e) {
      failure.compareAndSet(null, e);
    } catch (OutOfMemoryError e) {
      failure.compareAndSet(null, ctx.memory().outOfHeap("running in parallel"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } catch (Error e) {
      // not swallowed: a part that dies must fail the query, not shorten its result
      failure.compareAndSet(null, new VelariaException(SqlStates.INTERNAL_ERROR,
          "a parallel part of the query failed: " + e, e));
    } finally {
      scan.close();
      try {
        while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
          if (stopped) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public Batch next() {
    if (!started) {
      start();
    }
    while (finished < inputs.size()) {
      RuntimeException f = failure.get();
      if (f != null) {
        close();
        throw f;
      }
      ctx.checkCancelled();
      Batch b;
      try {
        b = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VelariaException(SqlStates.QUERY_CANCELED, "query interrupted");
      }
      if (b == null) {
        continue;
      }
      if (b == END) {
        finished++;
        continue;
      }
      return b;
    }
    RuntimeException f = failure.get();
    if (f != null) {
      throw f;
    }
    return null;
  }

  @Override
  public void close() {
    stopped = true;
    queue.clear();
    for (Future<?> t : tasks) {
      t.cancel(false);
    }
    if (!started) {
      for (Operator in : inputs) {
        in.close();
      }
    }
  }
}
