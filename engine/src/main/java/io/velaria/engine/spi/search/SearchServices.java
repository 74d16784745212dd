package io.velaria.engine.spi.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The search implementations on the class path, loaded once per JVM with ServiceLoader. */
public final class SearchServices {
  private static final KeywordRanker RANKER = first(load(KeywordRanker.class));
  private static final List<KeywordIndexProvider> KEYWORD_INDEXES =
      load(KeywordIndexProvider.class);
  private static final List<VectorIndexProvider> VECTOR_INDEXES =
      load(VectorIndexProvider.class);

  private SearchServices() {}

  /** The BM25 ranker, or empty when no search module is on the class path. */
  public static Optional<KeywordRanker> keywordRanker() {
    return Optional.ofNullable(RANKER);
  }

  public static List<KeywordIndexProvider> keywordIndexProviders() {
    return KEYWORD_INDEXES;
  }

  public static List<VectorIndexProvider> vectorIndexProviders() {
    return VECTOR_INDEXES;
  }

  /** The first index any provider offers for the target, or empty. */
  public static Optional<KeywordIndex> findKeywordIndex(SearchTarget target, String analyzer) {
    for (KeywordIndexProvider p : KEYWORD_INDEXES) {
      Optional<KeywordIndex> found = p.find(target, analyzer);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The first index any provider offers for the target, or empty. */
  public static Optional<VectorIndex> findVectorIndex(SearchTarget target, VectorMetric metric) {
    for (VectorIndexProvider p : VECTOR_INDEXES) {
      Optional<VectorIndex> found = p.find(target, metric);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> load(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (T t : ServiceLoader.load(type, SearchServices.class.getClassLoader())) {
      out.add(t);
    }
    return List.copyOf(out);
  }

  private static <T> T first(List<T> list) {
    return list.isEmpty() ? null : list.get(0);
  }
}
