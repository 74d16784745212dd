package io.velaria.search.index;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.KeywordIndexProvider;
import io.velaria.engine.spi.search.KeywordRanker;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.search.keyword.TextAnalyzers;
import java.util.Locale;
import java.util.Optional;

/**
 * Offers the persistent keyword indexes of {@link IndexRegistry} to keyword searches. An
 * index is used for a search over exactly its columns (same order); a search that names an
 * analyzer uses only an index built with the same one, a search that names none uses the
 * index whatever its analyzer.
 */
public final class KeywordIndexes implements KeywordIndexProvider {
  @Override
  public Optional<KeywordIndex> find(SearchTarget target, String analyzer) {
    if (target.database() == null) {
      return Optional.empty();
    }
    String wanted = analyzer == null ? null : canonicalAnalyzer(analyzer);
    java.util.function.Function<Boolean, Optional<IndexRegistry.Used>> lookup =
        rebuild -> IndexRegistries.of(target.database()).find(IndexDefinition.Kind.KEYWORD,
            target.schema(), target.table(), target.columns(),
            def -> wanted == null || wanted.equals(def.options().get("analyzer")), rebuild);
    return lookup.apply(false).map(used -> wrap(used, lookup));
  }

  /** EXPLAIN's note on an index whose table changed since it was built. */
  static final String STALE = "stale: the table changed since the last build, rebuilt when"
      + " the query runs";

  /**
   * The index as the engine sees it. The lookup runs again when the search runs (rebuilding
   * a stale index then), so a plan made before the table changed (a prepared statement)
   * still searches a current index.
   */
  private static KeywordIndex wrap(IndexRegistry.Used used,
      java.util.function.Function<Boolean, Optional<IndexRegistry.Used>> lookup) {
    IndexDefinition def = used.definition();
    String explain = "keyword index " + def.name() + " on " + def.table() + "("
        + String.join(", ", def.columns()) + ") (lucene bm25, analyzer "
        + def.options().get("analyzer") + ", " + def.rows() + " rows"
        + (used.stale() ? ", " + STALE : "") + ")";
    return new KeywordIndex() {
      @Override
      public String explain() {
        return explain;
      }

      @Override
      public ScoredRows search(String query, int topK,
          java.util.function.IntPredicate accept) {
        Bm25KeywordIndex index = (Bm25KeywordIndex) lookup.apply(true).orElseThrow(() ->
            new VelariaException(SqlStates.UNDEFINED_OBJECT, "keyword index " + def.name()
                + " was dropped")).index();
        return HnswVectorIndex.toScoredRows(index.search(query, topK, accept));
      }
    };
  }

  /**
   * The analyzer name stored with an index: aliases of the same analyzer
   * ({@code default}/{@code mixed}/{@code smartcn}/{@code chinese}, {@code english}/
   * {@code standard}) become one name, so an index and a search agree when they mean the same.
   */
  static String canonicalAnalyzer(String name) {
    String n = name == null ? KeywordRanker.DEFAULT_ANALYZER : name.trim().toLowerCase(Locale.ROOT);
    if (!TextAnalyzers.NAMES.contains(n)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown analyzer '" + name
          + "'; known: " + String.join(", ", new java.util.TreeSet<>(TextAnalyzers.NAMES)));
    }
    switch (n) {
      case "english":
      case "standard":
        return "english";
      default:
        return KeywordRanker.DEFAULT_ANALYZER;
    }
  }
}
