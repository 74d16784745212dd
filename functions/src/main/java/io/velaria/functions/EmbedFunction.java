package io.velaria.functions;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.embed.EmbeddingProviders;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.EmbeddingProvider;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EMBED(text [, 'model'])}: the text's embedding as a {@code VECTOR(n)}, n being the
 * model's dimension. The model is chosen once per query (a literal or parameter); each batch
 * makes one model call with all its non-NULL texts, because models are much faster on batches
 * than row by row. NULL text gives a NULL vector.
 */
final class EmbedFunction {
  private EmbedFunction() {}

  static Fn definition() {
    return Fn.system("EMBED").sig(Arg.VECTOR, Arg.VARCHAR).sig(Arg.VECTOR, Arg.VARCHAR, Arg.VARCHAR)
        .doc("EMBED(text [, 'model']): the text's embedding vector; models: all-minilm-l6-v2"
            + " (optional velaria-embeddings module, the default), hash (built in, not semantic)")
        .bind(EmbedFunction::bind);
  }

  private static Kernel bind(Binding call) {
    String model = null;
    if (call.argCount() > 1) {
      if (!call.isConstant(1)) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "EMBED: the model name (argument 2) must be a literal or a parameter, not a column");
      }
      Object v = call.constant(1);
      if (v == null) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION, "EMBED: the model name is NULL");
      }
      model = v.toString();
    }
    EmbeddingProvider provider = EmbeddingProviders.find(model);
    return new BatchKernel(provider).returning(DataType.vector(provider.dimension()));
  }

  /** One model call per batch. */
  private static final class BatchKernel extends Kernel {
    private final EmbeddingProvider provider;

    BatchKernel(EmbeddingProvider provider) {
      this.provider = provider;
    }

    @Override
    Column run(In in, boolean[] nulls, int n, DataType type) {
      int dim = provider.dimension();
      String[] texts = in.strings[0];
      List<String> batch = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        if (nulls == null || !nulls[r]) {
          batch.add(texts[r]);
        }
      }
      float[][] vectors = batch.isEmpty() ? new float[0][] : provider.embed(batch);
      if (vectors.length != batch.size()) {
        throw new VelariaException(SqlStates.INTERNAL_ERROR, "embedding model '"
            + provider.name() + "' returned " + vectors.length + " vectors for " + batch.size()
            + " texts");
      }
      float[] out = new float[n * dim];
      int k = 0;
      for (int r = 0; r < n; r++) {
        if (nulls == null || !nulls[r]) {
          float[] v = vectors[k++];
          if (v.length != dim) {
            throw new VelariaException(SqlStates.INTERNAL_ERROR, "embedding model '"
                + provider.name() + "' returned " + v.length + " floats; it declares " + dim);
          }
          System.arraycopy(v, 0, out, r * dim, dim);
        }
      }
      return new FloatArrayColumn(type, n, out, nulls == null ? null : nulls.clone());
    }
  }
}
