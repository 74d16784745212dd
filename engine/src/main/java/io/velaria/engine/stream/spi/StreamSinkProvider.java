package io.velaria.engine.stream.spi;

import io.velaria.engine.spi.TableSpec;

/**
 * Makes {@code CREATE SINK TABLE t (...) USING name OPTIONS(...)} work for a custom sink. Found
 * through {@link java.util.ServiceLoader} or registered with
 * {@link io.velaria.engine.stream.StreamConnectors#registerSink}.
 */
public interface StreamSinkProvider {
  String name();

  /** Checks options and opens the sink; {@code spec.declaredColumns()} are the sink columns. */
  StreamSink open(TableSpec spec);
}
