package io.velaria.engine.stream;

import io.velaria.engine.stream.spi.StreamSinkProvider;
import io.velaria.engine.stream.spi.StreamSourceProvider;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom stream sources and sinks by {@code USING} name: those found through
 * {@link ServiceLoader} plus those registered in code (JVM-wide, like JDBC drivers).
 */
public final class StreamConnectors {
  private static final Map<String, StreamSourceProvider> SOURCES = new ConcurrentHashMap<>();
  private static final Map<String, StreamSinkProvider> SINKS = new ConcurrentHashMap<>();

  static {
    ClassLoader cl = StreamConnectors.class.getClassLoader();
    for (StreamSourceProvider p : ServiceLoader.load(StreamSourceProvider.class, cl)) {
      SOURCES.put(p.name().toLowerCase(Locale.ROOT), p);
    }
    for (StreamSinkProvider p : ServiceLoader.load(StreamSinkProvider.class, cl)) {
      SINKS.put(p.name().toLowerCase(Locale.ROOT), p);
    }
  }

  private StreamConnectors() {}

  /** Makes {@code USING provider.name()} open this source; replaces one of the same name. */
  public static void registerSource(StreamSourceProvider provider) {
    SOURCES.put(provider.name().toLowerCase(Locale.ROOT), provider);
  }

  public static void registerSink(StreamSinkProvider provider) {
    SINKS.put(provider.name().toLowerCase(Locale.ROOT), provider);
  }

  /** The custom source of that name, or null (then the name is a file format). */
  public static StreamSourceProvider source(String name) {
    return name == null ? null : SOURCES.get(name.toLowerCase(Locale.ROOT));
  }

  public static StreamSinkProvider sink(String name) {
    return name == null ? null : SINKS.get(name.toLowerCase(Locale.ROOT));
  }
}
