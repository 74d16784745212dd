package io.velaria.engine.spi;

import java.util.Map;

/**
 * Picks the format of a file table created without {@code USING} ({@code CREATE TABLE t
 * OPTIONS(path: ...)}), found through {@link java.util.ServiceLoader}. The connectors module
 * provides one that looks at the file's content.
 */
public interface FormatProber {
  /**
   * The format for the table, or null when this prober cannot tell; throws a
   * {@link io.velaria.engine.error.VelariaException} that explains why when it can tell that
   * no format fits.
   */
  Probe probe(TableSpec spec);

  /**
   * A probe's pick.
   *
   * @param format the connector name, as in {@code USING}
   * @param options options the format needs besides the user's (e.g. a delimiter); the user's
   *     own options win
   * @param explanation one line on the pick (score, confidence, candidates), for messages
   */
  record Probe(String format, Map<String, String> options, String explanation) {
    public Probe {
      options = Map.copyOf(options);
    }
  }
}
