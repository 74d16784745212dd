package io.velaria.engine.sql;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.embed.EmbeddingColumn;
import io.velaria.engine.embed.EmbeddingProviders;
import io.velaria.engine.embed.MixedTextTemplate;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Session;
import io.velaria.engine.spi.EmbeddingProvider;
import io.velaria.engine.sql.parser.SqlSearchQuery;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * {@code HYBRID SEARCH col QUERY TEXT '...'}: embeds the text with the model recorded for
 * {@code col} (see {@link EmbeddingColumn}) and hands the search an ordinary query vector.
 * Refuses, with the reason, a column without a recorded model, a model whose dimension no
 * longer matches what the column was built with, an unknown template version, and a
 * connection setting {@code embedding_model} naming another model than the column's.
 */
final class SearchQueryText {
  /** Connection setting: the model the application expects text queries to be embedded with. */
  static final String SETTING = "embedding_model";

  private SearchQueryText() {}

  static SqlSearchQuery embedded(Session session, SqlSearchQuery s) {
    if (!s.hasVectorSearch() || !s.vectorQueryIsText()) {
      return s;
    }
    if (s.vectorParam() != null) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "HYBRID SEARCH ... QUERY TEXT ?:"
          + " the text to embed must be written in the statement; a parameter can give the"
          + " query vector itself (QUERY ? with a float[] or '[x y ...]')");
    }
    String col = s.vectorColumn();
    TableDefinition def = table(session, s);
    int ci = def.columnIndex(col);
    if (ci < 0) {
      throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "HYBRID SEARCH: column '" + col
          + "' does not exist in table '" + def.name() + "'");
    }
    DataType type = def.columns().get(ci).type();
    if (type.kind() != TypeKind.VECTOR) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "HYBRID SEARCH: column '" + col
          + "' is " + type.sqlName() + ", not a VECTOR");
    }
    EmbeddingColumn built = EmbeddingColumn.of(def, def.columns().get(ci).name())
        .orElseThrow(() -> new VelariaException(SqlStates.DATATYPE_MISMATCH, "HYBRID SEARCH"
            + " ... QUERY TEXT: column '" + col + "' of table '" + def.name() + "' has no"
            + " recorded embedding model, so the text cannot be embedded to match it; build"
            + " it with CREATE EMBEDDING INDEX or CREATE TABLE ... AS SELECT EMBED(text,"
            + " 'model') ..., or give the query vector as QUERY '[x y ...]'"));
    String where = "column '" + col + "' of table '" + def.name() + "' was built with model '"
        + built.model() + "' (" + built.dimension() + " dimensions"
        + (built.template() == null ? "" : ", template " + built.template()) + ")";
    String expected = session.config().setting(SETTING);
    if (expected != null && !expected.isBlank()
        && !EmbeddingProviders.find(expected).name().equalsIgnoreCase(built.model())) {
      throw mismatch(where + " but this connection sets " + SETTING + "='" + expected + "'");
    }
    EmbeddingProvider model = EmbeddingProviders.find(built.model());
    if (model.dimension() != built.dimension() || type.dimension() != built.dimension()) {
      throw mismatch(where + " but the model now gives " + model.dimension()
          + " dimensions and the column holds " + type.dimension());
    }
    if (built.template() != null && !built.template().equals(MixedTextTemplate.VERSION)) {
      throw mismatch(where + " but this version of Velaria knows only template "
          + MixedTextTemplate.VERSION + "; rebuild it with REINDEX");
    }
    float[] v = model.embed(List.of(s.vectorQuery()))[0];
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      text.append(i == 0 ? "" : " ").append(v[i]);
    }
    text.append(']');
    return new SqlSearchQuery(s.getParserPosition(), s.query(), s.keywordColumns(),
        s.keywordQuery(), s.keywordParam(), s.keywordTopK(), col, text.toString(), null, false,
        s.metric(), s.vectorTopK(), s.scoreThreshold(), s.fusion(), s.efSearch());
  }

  /** EXPLAIN lines for a text query: the model used and its one-time load (else none). */
  static List<String> explain(Session session, SqlNode node) {
    if (!(node instanceof SqlSearchQuery s) || !s.hasVectorSearch() || !s.vectorQueryIsText()) {
      return List.of();
    }
    TableDefinition def = table(session, s);
    int ci = def.columnIndex(s.vectorColumn());
    Optional<EmbeddingColumn> built = ci < 0 ? Optional.empty()
        : EmbeddingColumn.of(def, def.columns().get(ci).name());
    if (built.isEmpty()) {
      return List.of();
    }
    EmbeddingProvider model = EmbeddingProviders.find(built.get().model());
    String load = model.loadReport();
    return List.of("embedding:",
        "  QUERY TEXT embedded with model " + model.name() + " (" + model.dimension()
            + " dimensions" + (built.get().template() == null ? ""
            : ", template " + built.get().template()) + ") recorded on column "
            + built.get().column(),
        "  model " + (load == null ? "needs no loading" : load + ", once per JVM"));
  }

  private static VelariaException mismatch(String why) {
    return new VelariaException(SqlStates.DATATYPE_MISMATCH,
        "HYBRID SEARCH ... QUERY TEXT: embedding model mismatch: " + why);
  }

  /** The one table in FROM: the column's model is recorded on it. */
  private static TableDefinition table(Session session, SqlSearchQuery s) {
    SqlNode q = s.query();
    if (q instanceof SqlOrderBy) {
      q = ((SqlOrderBy) q).query;
    }
    SqlNode from = q instanceof SqlSelect ? ((SqlSelect) q).getFrom() : null;
    if (from != null && from.getKind() == SqlKind.AS) {
      from = ((SqlBasicCall) from).operand(0);
    }
    if (!(from instanceof SqlIdentifier)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "HYBRID SEARCH ... QUERY TEXT needs"
          + " one table in FROM (its column records the embedding model); search a table, or"
          + " give the query vector as QUERY '[x y ...]'");
    }
    SqlIdentifier id = (SqlIdentifier) from;
    String name = DdlExecutor.simpleName(id);
    Optional<CatalogEntry> e = session.database().catalog().find(DdlExecutor.schemaOf(id), name);
    return e.orElseThrow(() -> new VelariaException(SqlStates.UNDEFINED_TABLE,
        "table '" + name + "' does not exist")).definition();
  }
}
