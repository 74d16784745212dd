package io.velaria.engine.spi;

import java.util.List;

/**
 * A text embedding model, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.velaria.engine.spi.EmbeddingProvider}). {@code EMBED(text,
 * 'model')}, {@code HYBRID SEARCH ... QUERY TEXT} and {@code CREATE EMBEDDING INDEX} look models
 * up by {@link #name()} through {@link io.velaria.engine.embed.EmbeddingProviders}.
 *
 * <p>Implementations must be thread-safe and cheap to construct: {@link #name()} and
 * {@link #dimension()} are asked during SQL validation, so a large model should be loaded
 * lazily on the first {@link #embed} call (once per JVM).
 */
public interface EmbeddingProvider {
  /** The model name used in SQL, lower case (e.g. {@code all-minilm-l6-v2}). */
  String name();

  /** Other names accepted in SQL (e.g. {@code minilm}). */
  default List<String> aliases() {
    return List.of();
  }

  /** Number of floats per embedding. */
  int dimension();

  /**
   * Embeds a batch of texts with one model call: one vector of {@link #dimension()} floats per
   * text, in order. Texts are never null.
   */
  float[][] embed(List<String> texts);

  /**
   * When no model is named, the available provider with the highest preference is used.
   * Semantic models should return a positive value; test providers 0 or less.
   */
  default int defaultPreference() {
    return 0;
  }

  /** One line on loading (e.g. {@code loaded in 3.9 s}), or null when nothing was loaded yet. */
  default String loadReport() {
    return null;
  }
}
