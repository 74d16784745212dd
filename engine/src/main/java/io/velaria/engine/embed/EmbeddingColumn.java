package io.velaria.engine.embed;

import io.velaria.engine.catalog.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an embedding column was built with: model name, dimension and text template version.
 * Kept in the table's catalog options (persisted with the catalog) under
 * {@code embedding.<column>.model|dimension|template}, so a text query can be embedded with the
 * same model and a mismatch refused.
 *
 * @param template the text template version, or null when the column came from EMBED() over
 *     text the user composed
 */
public record EmbeddingColumn(String column, String model, int dimension, String template) {
  private static final String PREFIX = "embedding.";

  /** The recorded metadata of {@code column}, if it is an embedding column. */
  public static Optional<EmbeddingColumn> of(TableDefinition def, String column) {
    String key = PREFIX + column.toLowerCase(Locale.ROOT) + ".";
    String model = def.options().get(key + "model");
    if (model == null) {
      return Optional.empty();
    }
    String dim = def.options().get(key + "dimension");
    return Optional.of(new EmbeddingColumn(column, model,
        dim == null ? 0 : Integer.parseInt(dim), def.options().get(key + "template")));
  }

  /** These facts as catalog options. */
  public Map<String, String> options() {
    String key = PREFIX + column.toLowerCase(Locale.ROOT) + ".";
    Map<String, String> out = new LinkedHashMap<>();
    out.put(key + "model", model);
    out.put(key + "dimension", Integer.toString(dimension));
    if (template != null) {
      out.put(key + "template", template);
    }
    return out;
  }
}
