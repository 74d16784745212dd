package io.velaria.engine.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of a persistent database as one JSON document, {@code catalog.json}, replaced
 * atomically on every save. Hand-written tree mapping keeps the file format independent of
 * the Java records and readable by people.
 */
public final class FileCatalogStore implements CatalogStore {
  public static final String FILE_NAME = "catalog.json";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public FileCatalogStore(Path directory) {
    this.file = directory.toAbsolutePath().resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized List<TableDefinition> load() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of(); // a new database
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot read catalog file " + file + ": " + e, e);
    }
    try {
      JsonNode doc = JSON.readTree(content);
      if (doc == null || !doc.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      int version = doc.path("formatVersion").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw new IllegalArgumentException("unsupported catalog format version "
            + doc.path("formatVersion") + " (this build reads version " + FORMAT_VERSION + ")");
      }
      List<TableDefinition> tables = new ArrayList<>();
      for (JsonNode t : required(doc, "tables")) {
        tables.add(table(t));
      }
      return List.copyOf(tables);
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "catalog file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(List<TableDefinition> tables) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("formatVersion", FORMAT_VERSION);
    ArrayNode list = doc.putArray("tables");
    for (TableDefinition t : tables) {
      ObjectNode o = list.addObject();
      o.put("schema", t.schema());
      o.put("name", t.name());
      o.put("kind", t.kind().name());
      ArrayNode cols = o.putArray("columns");
      for (ColumnDef c : t.columns()) {
        cols.addObject()
            .put("name", c.name())
            .put("type", c.type().sqlName())
            .put("nullable", c.nullable());
      }
      o.put("format", t.format());
      ObjectNode options = o.putObject("options");
      t.options().forEach(options::put);
      o.put("viewSql", t.viewSql());
      o.put("storageId", t.storageId());
    }
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, JSON.writeValueAsBytes(doc));
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot write catalog file " + file + ": " + e, e);
    }
  }

  private static TableDefinition table(JsonNode t) {
    List<ColumnDef> columns = new ArrayList<>();
    for (JsonNode c : required(t, "columns")) {
      columns.add(new ColumnDef(text(c, "name"), DataTypes.parse(text(c, "type")),
          c.path("nullable").asBoolean(true)));
    }
    Map<String, String> options = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = t.path("options").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      options.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
    }
    return new TableDefinition(text(t, "schema"), text(t, "name"),
        TableKind.valueOf(text(t, "kind")), columns, optionalText(t, "format"), options,
        optionalText(t, "viewSql"), optionalText(t, "storageId"));
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    return required(node, field).asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
