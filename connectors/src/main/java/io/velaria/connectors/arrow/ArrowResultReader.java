package io.velaria.connectors.arrow;

import io.velaria.engine.column.Batch;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** Engine batches handed out as Arrow record batches (see {@link ArrowData#reader}). */
final class ArrowResultReader extends ArrowReader {
  private final Schema schema;
  private final List<DataType> types;
  private final Supplier<Batch> next;
  private final Runnable onClose;
  private long bytes;

  ArrowResultReader(Schema schema, List<DataType> types, Supplier<Batch> next, Runnable onClose,
      BufferAllocator allocator) {
    super(allocator);
    this.schema = schema;
    this.types = types;
    this.next = next;
    this.onClose = onClose;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    Batch b;
    try {
      b = next.get();
    } catch (RuntimeException e) {
      // ArrowReader can only report IOException: the engine's error (with its SQLState in
      // the cause) becomes one.
      throw new IOException(e.getMessage(), e);
    }
    if (b == null) {
      return false;
    }
    VectorSchemaRoot root = getVectorSchemaRoot();
    ArrowExport.fill(root, b, types);
    bytes += b.estimatedBytes();
    return true;
  }

  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  protected void closeReadSource() {
    try {
      onClose.run();
    } finally {
      allocator.close();
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
