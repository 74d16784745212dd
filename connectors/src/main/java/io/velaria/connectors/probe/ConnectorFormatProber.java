package io.velaria.connectors.probe;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.FormatProber;
import io.velaria.engine.spi.TableSpec;

/**
 * The engine's hook for {@code CREATE TABLE t OPTIONS(path: ...)} without {@code USING}: runs
 * {@link Prober} and returns its pick, or fails with the explanation when nothing fits or the
 * best score is under 50.
 */
public final class ConnectorFormatProber implements FormatProber {
  static final int MIN_SCORE = 50;

  @Override
  public Probe probe(TableSpec spec) {
    ProbeResult r = Prober.probe(spec);
    if (r.format() == null || r.score() < MIN_SCORE) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "cannot tell the format of "
          + r.path() + ": " + r.explain() + "; add USING csv|json|line|parquet|excel|arrow");
    }
    return new Probe(r.format(), r.options(), r.explain());
  }
}
