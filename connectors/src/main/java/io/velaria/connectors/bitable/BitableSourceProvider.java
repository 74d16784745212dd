package io.velaria.connectors.bitable;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.stream.spi.StreamSource;
import io.velaria.engine.stream.spi.StreamSourceProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code CREATE SOURCE TABLE t (...) USING bitable OPTIONS(...)}: the table options plus
 * {@code modified_field} (default: the table's modified-time field) and {@code lag_ms}
 * (default 1000).
 */
public final class BitableSourceProvider implements StreamSourceProvider {
  /** Options the stream runtime reads itself; the source ignores them. */
  private static final Set<String> RUNTIME = Set.of("settle_ms", "on_error", "rejects_path",
      "checkpoint_path");

  @Override
  public String name() {
    return "bitable";
  }

  @Override
  public StreamSource open(TableSpec spec) {
    Map<String, String> own = new LinkedHashMap<>();
    spec.options().forEach((k, v) -> {
      if (!RUNTIME.contains(k) && !k.equals("modified_field") && !k.equals("lag_ms")) {
        own.put(k, v);
      }
    });
    long lag;
    try {
      lag = Long.parseLong(spec.option("lag_ms", "1000").trim());
      if (lag < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'lag_ms' must be a non-negative whole number, not '" + spec.option("lag_ms") + "'");
    }
    TableSpec tableSpec = new TableSpec(spec.tableName(), spec.declaredColumns(), own,
        spec.workingDirectory());
    return new BitableSource(BitableTable.open(tableSpec), spec.option("modified_field"), lag,
        System::currentTimeMillis);
  }
}
