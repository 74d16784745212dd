/**
 * The seam between the engine and search implementations. The engine plans and runs
 * {@code KEYWORD SEARCH} / {@code HYBRID SEARCH} and the {@code keyword_search} /
 * {@code vector_search} table functions itself (candidate rows, exact vector scan, hybrid and
 * fusion rules, score columns, EXPLAIN); it asks this package's interfaces for what needs
 * Lucene or a persistent index, so the engine never names Lucene.
 *
 * <h2>How implementations plug in</h2>
 * Every interface here is looked up with {@link java.util.ServiceLoader} through
 * {@link io.velaria.engine.spi.search.SearchServices}: a module lists its classes in
 * {@code META-INF/services/io.velaria.engine.spi.search.<Interface>} and is on the class
 * path (the driver depends on the {@code search} module, so its {@code -all} jar carries it).
 * <ul>
 *   <li>{@link io.velaria.engine.spi.search.KeywordRanker}: BM25 over documents the engine
 *       hands over (a transient index for one query). Exactly one is used; without one,
 *       keyword search fails with "needs the velaria-search module".</li>
 *   <li>{@link io.velaria.engine.spi.search.KeywordIndexProvider} and
 *       {@link io.velaria.engine.spi.search.VectorIndexProvider}: for each search over a
 *       table, the engine asks every provider in turn with a
 *       {@link io.velaria.engine.spi.search.SearchTarget} (table, columns, data version); the
 *       first non-empty answer is used instead of the transient ranking / exact scan, and its
 *       {@code explain()} text appears in EXPLAIN. A provider answers empty when it has no
 *       index for the target or the index is stale (the target's data version differs from
 *       the one the index was built at) and it chose not to rebuild; it throws a
 *       {@code VelariaException} to refuse the search instead.</li>
 * </ul>
 *
 * <h2>Row ordinals</h2>
 * Ordinals are positions in the sequence of rows the engine reads from the table in scan
 * order (0-based). An index answers ordinals in that numbering; the engine passes an
 * {@link java.util.function.IntPredicate} of the ordinals that passed WHERE (null when every
 * row is a candidate) and the index must return only accepted rows.
 */
package io.velaria.engine.spi.search;
