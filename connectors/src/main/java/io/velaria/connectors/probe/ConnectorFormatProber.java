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

  @Override
  public java.util.List<Candidate> candidates(TableSpec spec) {
    ProbeResult r = Prober.probe(spec);
    java.util.List<Candidate> out = new java.util.ArrayList<>();
    String warnings = r.warnings().isEmpty() ? null : String.join("; ", r.warnings());
    if (r.candidates().isEmpty()) {
      out.add(new Candidate(null, "", 0, r.confidence().name(), null,
          r.kind() + " content: no format fits", warnings));
      return out;
    }
    boolean first = true;
    for (ProbeResult.Candidate c : r.candidates()) {
      String label = c.label();
      String options = label.equals(c.format()) ? ""
          : label.substring(c.format().length() + 1, label.length() - 1);
      String columns = null;
      if (first && !r.schema().isEmpty()) {
        StringBuilder sb = new StringBuilder();
        for (io.velaria.engine.catalog.ColumnDef d : r.schema()) {
          sb.append(sb.length() == 0 ? "" : ", ").append(d.name()).append(' ')
              .append(d.type().sqlName());
        }
        columns = sb.toString();
      }
      out.add(new Candidate(c.format(), options, c.score(), r.confidence().name(), columns,
          c.reason(), first ? warnings : null));
      first = false;
    }
    return out;
  }
}
