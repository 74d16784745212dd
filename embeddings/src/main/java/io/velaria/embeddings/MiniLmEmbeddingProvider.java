package io.velaria.embeddings;

import io.velaria.engine.embed.EmbeddingProviders;
import io.velaria.engine.spi.EmbeddingProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (384 dimensions, mean pooling, unit-length vectors) on ONNX Runtime,
 * offline: the model file ships inside the langchain4j jar. Registered through ServiceLoader;
 * the default model of {@code EMBED(text)}. The model is loaded on the first embedding, once
 * per JVM ({@link LoadedModel}); name and dimension are known without loading it.
 */
public final class MiniLmEmbeddingProvider implements EmbeddingProvider {
  public static final int DIMENSION = 384;

  @Override
  public String name() {
    return EmbeddingProviders.MINILM;
  }

  @Override
  public List<String> aliases() {
    return List.of("minilm");
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public int defaultPreference() {
    return 100;
  }

  /**
   * Blank texts get the zero vector (the model library refuses them; a zero vector has cosine
   * distance 1 to everything, the farthest possible).
   */
  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> nonBlank = new ArrayList<>(texts.size());
    for (String t : texts) {
      if (!t.isBlank()) {
        nonBlank.add(t);
      }
    }
    float[][] vectors = nonBlank.isEmpty() ? new float[0][] : LoadedModel.get().embed(nonBlank);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = texts.get(i).isBlank() ? new float[DIMENSION] : vectors[k++];
    }
    return out;
  }

  @Override
  public String loadReport() {
    return LoadedModel.report();
  }
}
