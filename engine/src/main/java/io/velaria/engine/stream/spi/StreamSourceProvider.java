package io.velaria.engine.stream.spi;

import io.velaria.engine.spi.TableSpec;

/**
 * Makes {@code CREATE SOURCE TABLE t (...) USING name OPTIONS(...)} work for a custom source.
 * Found through {@link java.util.ServiceLoader} or registered in code with
 * {@link io.velaria.engine.stream.StreamConnectors#registerSource}. File formats (csv, json,
 * parquet, ...) need no provider: any {@link io.velaria.engine.spi.Connector} reads a directory
 * as a stream of files.
 */
public interface StreamSourceProvider {
  /** The name used in {@code USING name}, lower case. */
  String name();

  /**
   * Checks the options and opens the source. Called at CREATE (so bad options fail there) and
   * whenever a stream query starts; {@code spec.declaredColumns()} is the declared schema.
   */
  StreamSource open(TableSpec spec);
}
