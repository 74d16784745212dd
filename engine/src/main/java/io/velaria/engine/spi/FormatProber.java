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
   * Every format considered for the table's file, the chosen one first, for the
   * {@code probe('/path')} table function; empty when this prober cannot tell.
   */
  default java.util.List<Candidate> candidates(TableSpec spec) {
    return java.util.List.of();
  }

  /**
   * One format considered by {@link #candidates}.
   *
   * @param format connector name, or null for the single row saying nothing fits
   * @param options the options it needs, as {@code key='value'} text
   * @param score 0..100
   * @param confidence HIGH, MEDIUM or LOW (the chosen candidate's confidence on every row)
   * @param columns the inferred {@code name TYPE, ...} for the chosen candidate, else null
   * @param reason the evidence for the score
   * @param warnings why the pick may be wrong (chosen row), else null
   */
  record Candidate(String format, String options, int score, String confidence,
      String columns, String reason, String warnings) {}

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
