package io.velaria.jdbc.embed;

import io.velaria.engine.spi.EmbeddingProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test model registered through META-INF/services (so it also proves the ServiceLoader
 * path): vector = [length, number of spaces, 1, 0], and it counts its calls and texts.
 */
public final class CountingEmbeddingProvider implements EmbeddingProvider {
  static final AtomicLong CALLS = new AtomicLong();
  static final AtomicLong TEXTS = new AtomicLong();

  @Override
  public String name() {
    return "test-count";
  }

  @Override
  public int dimension() {
    return 4;
  }

  @Override
  public float[][] embed(List<String> texts) {
    CALLS.incrementAndGet();
    TEXTS.addAndGet(texts.size());
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      String t = texts.get(i);
      out[i] = new float[] {t.length(), t.chars().filter(c -> c == ' ').count(), 1, 0};
    }
    return out;
  }
}
