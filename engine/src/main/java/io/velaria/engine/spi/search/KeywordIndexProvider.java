package io.velaria.engine.spi.search;

import java.util.Optional;

/** Finds a persistent keyword index for a search; see the package documentation. */
public interface KeywordIndexProvider {
  /**
   * An index over exactly {@code target.columns()} (in that order) usable with {@code analyzer}
   * (null = the default analyzer), or empty to let the engine rank transiently.
   */
  Optional<KeywordIndex> find(SearchTarget target, String analyzer);
}
