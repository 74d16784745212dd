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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads several splits of a table at once, one worker thread per split, each parsing and
 * filtering its own batches; the consumer takes finished batches from a small bounded queue
 * (so memory stays bounded when the consumer is slower). Order across splits is not kept.
 */
public final class ParallelScanOperator implements Operator {
  private static final Batch END = new Batch(new io.velaria.engine.column.Column[0], 0);

  private final List<BatchReader> readers;
  private final Evaluator filter;
  private final int[] output;
  private final ExecContext ctx;
  private final BlockingQueue<Batch> queue;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicInteger running = new AtomicInteger();
  private final List<Future<?>> tasks = new ArrayList<>();
  private volatile boolean stopped;
  private boolean started;
  private int finished;

  public ParallelScanOperator(List<BatchReader> readers, Evaluator filter, int[] output,
      ExecContext ctx) {
    this.readers = List.copyOf(readers);
    this.filter = filter;
    this.output = output;
    this.ctx = ctx;
    this.queue = new ArrayBlockingQueue<>(readers.size() * 4);
  }

  private void start() {
    started = true;
    running.set(readers.size());
    for (BatchReader r : readers) {
      // every split compiles nothing new: evaluators are stateless apart from constant caches
      tasks.add(ctx.workers().submit(() -> runSplit(r)));
    }
  }

  private void runSplit(BatchReader reader) {
    ScanOperator scan = new ScanOperator(reader, filter == null ? null : filter, output, ctx);
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
      failure.compareAndSet(null, ctx.memory().outOfHeap("scanning in parallel"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
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
    while (finished < readers.size()) {
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
        throw new VelariaException(SqlStates.QUERY_CANCELED, "scan interrupted");
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
      for (BatchReader r : readers) {
        r.close();
      }
    }
  }
}
