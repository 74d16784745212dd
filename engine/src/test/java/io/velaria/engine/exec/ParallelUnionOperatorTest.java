package io.velaria.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.exec.operator.ParallelUnionOperator;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.type.DataType;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ParallelUnionOperatorTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private static final DataType[] LONG = {DataType.BIGINT};

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static ExecContext ctx() {
    return new ExecContext(new MemoryTracker(1L << 30), new QueryControl(), List.of(), POOL, 2,
        1024);
  }

  @Test
  void returnsTheBatchesOfAllInputs() {
    Batch a = TestBatches.of(LONG, new Object[] {1L}, new Object[] {2L});
    Batch b = TestBatches.of(LONG, new Object[] {3L});
    ParallelUnionOperator u = new ParallelUnionOperator(List.of(new ListOperator(a),
        new ListOperator(b)), ctx());
    int rows = 0;
    Batch x;
    while ((x = u.next()) != null) {
      rows += x.rowCount();
    }
    assertEquals(3, rows);
  }

  /** An Error (not only an exception) in one input fails the query instead of losing rows. */
  @Test
  void anErrorInOneInputFailsTheQuery() {
    Operator broken = new Operator() {
      @Override
      public Batch next() {
        throw new NoClassDefFoundError("some/Missing");
      }

      @Override
      public void close() {
      }
    };
    Batch a = TestBatches.of(LONG, new Object[] {1L});
    ParallelUnionOperator u = new ParallelUnionOperator(List.of(new ListOperator(a), broken),
        ctx());
    VelariaException e = assertThrows(VelariaException.class, () -> {
      while (u.next() != null) {
        // drain
      }
    });
    assertEquals("XX000", e.sqlState());
    assertTrue(e.getMessage().contains("some/Missing"), e.getMessage());
  }
}
