package io.velaria.connectors.arrow;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.stream.StreamConnectors;
import io.velaria.engine.stream.spi.SourcePoll;
import io.velaria.engine.stream.spi.StreamSink;
import io.velaria.engine.stream.spi.StreamSinkProvider;
import io.velaria.engine.stream.spi.StreamSource;
import io.velaria.engine.stream.spi.StreamSourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Plugs {@link ArrowSourceFunction}s and {@link ArrowSinkFunction}s into the engine's stream
 * SPI under a {@code USING} name, converting Arrow vectors to engine columns and back.
 */
public final class ArrowStreams {
  private static final BufferAllocator ALLOCATOR = new RootAllocator();

  private ArrowStreams() {}

  public static void registerSource(String name, ArrowSourceFunction function) {
    String n = name.toLowerCase(Locale.ROOT);
    StreamConnectors.registerSource(new StreamSourceProvider() {
      @Override
      public String name() {
        return n;
      }

      @Override
      public StreamSource open(TableSpec spec) {
        return new Source(n, function, spec.declaredColumns());
      }
    });
  }

  public static void registerSink(String name, ArrowSinkFunction function) {
    String n = name.toLowerCase(Locale.ROOT);
    StreamConnectors.registerSink(new StreamSinkProvider() {
      @Override
      public String name() {
        return n;
      }

      @Override
      public StreamSink open(TableSpec spec) {
        return new Sink(n, function, spec.declaredColumns());
      }
    });
  }

  private record Source(String name, ArrowSourceFunction function, List<ColumnDef> columns)
      implements StreamSource {
    @Override
    public SourcePoll poll(String offset, int maxUnits) {
      List<Batch> batches = new ArrayList<>();
      String at = offset;
      int units = 0;
      while (units < maxUnits) {
        ArrowSourceFunction.Result r = function.poll(at, ALLOCATOR);
        if (r == null) {
          break;
        }
        try (VectorSchemaRoot root = r.rows()) {
          batches.add(toBatch(root));
        }
        at = r.nextOffset();
        units++;
      }
      return units == 0 ? SourcePoll.empty(offset, offset == null ? "" : offset)
          : new SourcePoll(batches, at, at, units, 0);
    }

    private Batch toBatch(VectorSchemaRoot root) {
      int n = root.getRowCount();
      Column[] out = new Column[columns.size()];
      for (int j = 0; j < out.length; j++) {
        FieldVector v = root.getVector(columns.get(j).name());
        if (v == null) {
          for (FieldVector f : root.getFieldVectors()) {
            if (f.getName().equalsIgnoreCase(columns.get(j).name())) {
              v = f;
            }
          }
        }
        out[j] = v == null ? Columns.constant(columns.get(j).type(), null, n)
            : ArrowColumns.convert(v, columns.get(j).type(), n);
      }
      return new Batch(out, n);
    }

    @Override
    public String describe() {
      return "Arrow source function '" + name + "'";
    }
  }

  private record Sink(String name, ArrowSinkFunction function, List<ColumnDef> columns)
      implements StreamSink {
    @Override
    public void recover(long commitId, String committedState) {
      function.recover(commitId);
    }

    @Override
    public String prepare(long commitId, List<Batch> rows) {
      for (Batch b : rows) {
        try (VectorSchemaRoot root = ArrowVectors.fromBatch(b, columns, ALLOCATOR)) {
          function.write(commitId, root);
        } catch (RuntimeException e) {
          if (e instanceof VelariaException) {
            throw e;
          }
          throw new VelariaException(SqlStates.FDW_ERROR, "Arrow sink '" + name + "' failed: "
              + e, e);
        }
      }
      return Long.toString(commitId);
    }

    @Override
    public String deliveryMode() {
      return function.idempotent() ? "exactly-once" : "at-least-once";
    }

    @Override
    public String describe() {
      return "Arrow sink function '" + name + "' (" + deliveryMode() + ")";
    }
  }
}
