package io.velaria.engine.embed;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.spi.EmbeddingProvider;
import io.velaria.engine.sql.StatementRunner;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code CREATE EMBEDDING INDEX name ON table(col, ...) [WITH (model = '...', template = '...')]}:
 * materializes a managed table called {@code name} holding the source table's rows plus an
 * {@code embedding VECTOR(n)} column, the model's embedding of each row's
 * {@link MixedTextTemplate mixed text}. The table records the model, dimension, template
 * version and the source's data version; running the statement again (or {@code REINDEX
 * name}) rebuilds it only when one of them changed. Progress goes to {@link EmbeddingProgress}.
 */
public final class EmbeddingIndexBuilder {
  public static final String COLUMN = "embedding";
  private static final String SOURCE = "embedding_index.source";
  private static final String SOURCE_COLUMNS = "embedding_index.columns";
  private static final String SOURCE_VERSION = "embedding_index.source_version";

  private final Database database;
  private final StatementRunner runner;

  public EmbeddingIndexBuilder(Database database, StatementRunner runner) {
    this.database = database;
    this.runner = runner;
  }

  /** What to build: from the statement's parts. */
  public record Request(String schema, String name, String sourceSchema, String source,
      List<String> columns, Map<String, Object> with, boolean ifNotExists) {}

  public StatementResult create(Request r, QueryControl control) {
    CatalogEntry source = database.catalog().get(r.sourceSchema(), r.source());
    TableDefinition src = source.definition();
    if (src.kind() == TableKind.VIEW) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "CREATE EMBEDDING INDEX "
          + r.name() + ": '" + src.name() + "' is a view; index a table");
    }
    List<String> columns = new ArrayList<>();
    for (String c : r.columns()) {
      int i = src.columnIndex(c);
      if (i < 0) {
        throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "CREATE EMBEDDING INDEX "
            + r.name() + ": column '" + c + "' does not exist in table '" + src.name() + "'");
      }
      if (src.columns().get(i).type().kind() == io.velaria.engine.type.TypeKind.VECTOR) {
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "CREATE EMBEDDING INDEX "
            + r.name() + ": column '" + c + "' is a VECTOR; list text columns");
      }
      columns.add(src.columns().get(i).name());
    }
    if (src.columnIndex(COLUMN) >= 0) {
      throw new VelariaException(SqlStates.DUPLICATE_COLUMN, "CREATE EMBEDDING INDEX "
          + r.name() + ": table '" + src.name() + "' already has a column named '" + COLUMN
          + "'");
    }
    Map<String, String> with = options(r);
    EmbeddingProvider provider = EmbeddingProviders.find(with.get("model"));
    String template = with.getOrDefault("template", MixedTextTemplate.VERSION);
    if (!template.equalsIgnoreCase(MixedTextTemplate.VERSION)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE EMBEDDING INDEX " + r.name()
          + ": unknown template '" + template + "'; available: " + MixedTextTemplate.VERSION);
    }
    String sourceKey = src.schema() + "." + src.name();
    String version = sourceVersion(source);
    Optional<CatalogEntry> existing = database.catalog().find(r.schema(), r.name());
    if (existing.isPresent()) {
      TableDefinition old = existing.get().definition();
      if (!sourceKey.equalsIgnoreCase(old.options().getOrDefault(SOURCE, ""))) {
        if (r.ifNotExists()) {
          return StatementResult.updateCount(0);
        }
        throw new VelariaException(SqlStates.DUPLICATE_TABLE, "CREATE EMBEDDING INDEX "
            + r.name() + ": a table or view named '" + r.name() + "' already exists");
      }
      Optional<EmbeddingColumn> built = EmbeddingColumn.of(old, COLUMN);
      boolean upToDate = built.isPresent() && version != null
          && built.get().model().equals(provider.name())
          && MixedTextTemplate.VERSION.equals(built.get().template())
          && String.join(",", columns).equals(old.options().get(SOURCE_COLUMNS))
          && version.equals(old.options().get(SOURCE_VERSION));
      if (upToDate || r.ifNotExists()) {
        return StatementResult.updateCount(0);
      }
    }
    List<Batch> batches = new ArrayList<>();
    List<ColumnDef> outCols = new ArrayList<>();
    long rows = embedRows(r.name(), src, columns, provider, control, batches, outCols);
    outCols.add(new ColumnDef(COLUMN, DataType.vector(provider.dimension()), true));
    Map<String, String> options = new LinkedHashMap<>();
    options.put(SOURCE, sourceKey);
    options.put(SOURCE_COLUMNS, String.join(",", columns));
    if (version != null) {
      options.put(SOURCE_VERSION, version);
    }
    options.putAll(new EmbeddingColumn(COLUMN, provider.name(), provider.dimension(),
        MixedTextTemplate.VERSION).options());
    if (existing.isPresent()) {
      database.catalog().remove(r.schema(), existing.get().definition().name());
      if (existing.get().definition().storageId() != null) {
        database.tableStore().drop(existing.get().definition().storageId());
      }
    }
    store(r.schema(), r.name(), outCols, options, batches);
    return StatementResult.updateCount(rows);
  }

  /** Whether {@code def} is a table built by CREATE EMBEDDING INDEX. */
  public static boolean isIndexTable(TableDefinition def) {
    return def.options().containsKey(SOURCE);
  }

  /** REINDEX of an embedding index table: the original statement, run again. */
  public StatementResult reindex(TableDefinition def, QueryControl control) {
    String[] source = def.options().get(SOURCE).split("\\.", 2);
    EmbeddingColumn col = EmbeddingColumn.of(def, COLUMN).orElseThrow();
    Map<String, Object> with = new LinkedHashMap<>();
    with.put("model", col.model());
    with.put("template", col.template());
    return create(new Request(def.schema(), def.name(), source[0], source[1],
        List.of(def.options().get(SOURCE_COLUMNS).split(",")), with, false), control);
  }

  private static Map<String, String> options(Request r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : r.with().entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (!key.equals("model") && !key.equals("template")) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE EMBEDDING INDEX " + r.name()
            + ": unknown option '" + e.getKey() + "'; options: model, template");
      }
      out.put(key, e.getValue() == null ? null : e.getValue().toString());
    }
    return out;
  }

  /** The source's data version, or null when it cannot be told (then always rebuilt). */
  private static String sourceVersion(CatalogEntry source) {
    TableData data = source.runtime(TableData.class);
    return data == null ? null : source.definition().storageId() + " v" + data.version();
  }

  private long embedRows(String index, TableDefinition src, List<String> columns,
      EmbeddingProvider provider, QueryControl control, List<Batch> out,
      List<ColumnDef> outCols) {
    long total = src.kind() == TableKind.MANAGED
        ? database.catalog().get(src.schema(), src.name()).runtime(TableData.class).rowCount()
        : -1;
    String sql = "SELECT * FROM " + quote(src.schema()) + "." + quote(src.name());
    long done = 0;
    DataType vectorType = DataType.vector(provider.dimension());
    try (StatementResult result = runner.execute(sql, List.of(), control)) {
      List<ResultColumn> cols = result.columns();
      int[] textIdx = new int[columns.size()];
      for (int i = 0; i < textIdx.length; i++) {
        for (int j = 0; j < cols.size(); j++) {
          if (cols.get(j).label().equalsIgnoreCase(columns.get(i))) {
            textIdx[i] = j;
          }
        }
      }
      for (ResultColumn c : cols) {
        outCols.add(new ColumnDef(c.label(), c.type(), true));
      }
      Batch b;
      while ((b = result.nextBatch()) != null) {
        int n = b.rowCount();
        if (n == 0) {
          continue;
        }
        Column[] text = new Column[textIdx.length];
        for (int i = 0; i < text.length; i++) {
          text[i] = b.column(textIdx[i]);
        }
        List<String> texts = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
          texts.add(MixedTextTemplate.render(columns, text, row));
        }
        float[][] vectors = provider.embed(texts);
        float[] flat = new float[n * provider.dimension()];
        for (int row = 0; row < n; row++) {
          System.arraycopy(vectors[row], 0, flat, row * provider.dimension(),
              provider.dimension());
        }
        Column[] withVector = java.util.Arrays.copyOf(b.columns(), b.columnCount() + 1);
        withVector[b.columnCount()] = new FloatArrayColumn(vectorType, n, flat, null);
        out.add(new Batch(withVector, n));
        done += n;
        EmbeddingProgress.report(index, done, total);
      }
    } catch (VelariaException e) {
      throw e;
    } catch (Exception e) {
      throw new VelariaException(SqlStates.INTERNAL_ERROR, "CREATE EMBEDDING INDEX " + index
          + ": " + e.getMessage(), e);
    }
    return done;
  }

  private void store(String schema, String name, List<ColumnDef> cols,
      Map<String, String> options, List<Batch> batches) {
    String storageId = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    TableData data = database.tableStore().create(storageId, cols);
    try {
      data.append(batches);
      database.catalog().add(new TableDefinition(schema, name, TableKind.MANAGED, cols, null,
          options, null, storageId), data);
    } catch (RuntimeException e) {
      database.tableStore().drop(storageId);
      throw e;
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
