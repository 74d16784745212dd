package io.velaria.engine.exec;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.operator.Operator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rows computed once and read by several parallel pipelines (the build side of a join in a
 * split chain). The first reader to ask runs the producing operator to completion; the
 * others wait for it.
 */
final class SharedBatches {
  private final Supplier<Operator> producer;
  private final ExecContext ctx;
  private List<Batch> batches;
  private RuntimeException failure;

  SharedBatches(Supplier<Operator> producer, ExecContext ctx) {
    this.producer = producer;
    this.ctx = ctx;
  }

  private synchronized List<Batch> get() {
    if (failure != null) {
      throw failure;
    }
    if (batches == null) {
      List<Batch> out = new ArrayList<>();
      try (Operator op = producer.get()) {
        Batch b;
        while ((b = op.next()) != null) {
          ctx.checkCancelled();
          if (b.rowCount() > 0) {
            out.add(b);
          }
        }
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      batches = List.copyOf(out);
    }
    return batches;
  }

  /** A fresh operator over the shared rows; computing them on its first call. */
  Operator reader() {
    return new Operator() {
      private Iterator<Batch> it;

      @Override
      public Batch next() {
        if (it == null) {
          it = get().iterator();
        }
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {}
    };
  }
}
