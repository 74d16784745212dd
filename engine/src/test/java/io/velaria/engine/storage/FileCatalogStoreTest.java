package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogStoreTest {
  @TempDir Path dir;

  static List<TableDefinition> sample() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("path", "/data/people \"2026\".csv");
    options.put("delimiter", ";");
    return List.of(
        new TableDefinition("main", "Orders", TableKind.MANAGED,
            List.of(new ColumnDef("id", DataType.BIGINT, false),
                ColumnDef.of("amount", DataType.decimal(12, 2)),
                ColumnDef.of("note", DataType.varchar(200)),
                ColumnDef.of("emb", DataType.vector(8))),
            null, null, null, "orders-1"),
        new TableDefinition("main", "people", TableKind.EXTERNAL,
            List.of(ColumnDef.of("name", DataType.VARCHAR), ColumnDef.of("born", DataType.DATE)),
            "csv", options, null, null),
        new TableDefinition("main", "v", TableKind.VIEW,
            List.of(ColumnDef.of("n", DataType.BIGINT)), null, Map.of(),
            "SELECT COUNT(*) AS n FROM \"Orders\"\nWHERE note <> 'ü'", null));
  }

  @Test
  void missingFileIsAnEmptyCatalog() {
    assertEquals(List.of(), new FileCatalogStore(dir).load());
  }

  @Test
  void saveAndLoadAcrossInstances() throws IOException {
    new FileCatalogStore(dir).save(sample());
    assertEquals(sample(), new FileCatalogStore(dir).load());
    String json = Files.readString(dir.resolve("catalog.json"));
    assertTrue(json.contains("\"formatVersion\" : 1"), json);
    new FileCatalogStore(dir).save(sample().subList(1, 2));
    assertEquals(sample().subList(1, 2), new FileCatalogStore(dir).load());
    assertEquals(List.of("catalog.json"), Files.list(dir).map(p -> p.getFileName().toString())
        .toList());
  }

  @Test
  void unreadableFileIsAnIoErrorNamingIt() throws IOException {
    Path file = dir.resolve("catalog.json");
    for (String junk : List.of("{\"formatVersion\": 1, \"tables\": [", "[]", "",
        "{\"formatVersion\": 99, \"tables\": []}",
        "{\"formatVersion\": 1, \"tables\": [{\"name\": \"x\"}]}",
        "{\"formatVersion\": 1, \"tables\": [{\"schema\": \"main\", \"name\": \"x\","
            + " \"kind\": \"MANAGED\", \"columns\": [{\"name\": \"a\", \"type\": \"BLOB\"}]}]}")) {
      Files.writeString(file, junk);
      VelariaException e =
          assertThrows(VelariaException.class, () -> new FileCatalogStore(dir).load(), junk);
      assertEquals(SqlStates.IO_ERROR, e.sqlState());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }
}
