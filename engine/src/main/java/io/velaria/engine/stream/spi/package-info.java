/**
 * What custom stream sources and sinks implement. Sources are polled with an engine-held offset
 * ({@link io.velaria.engine.stream.spi.StreamSource}); sinks take part in the checkpoint's
 * two-phase commit ({@link io.velaria.engine.stream.spi.StreamSink}). Arrow-facing adapters for
 * these live in the connectors module ({@code io.velaria.connectors.arrow.stream}).
 */
package io.velaria.engine.stream.spi;
