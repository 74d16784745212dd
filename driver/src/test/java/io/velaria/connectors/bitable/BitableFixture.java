package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic base with one field of every type and {@code n} records, stored on a
 * {@link FakeBitableServer} in the form the service returns. Next to each record it keeps the
 * row the connector should produce, written out by hand here (not by the connector's code):
 * strings, {@link BigDecimal}, Double, epoch-ms Long for timestamps, Boolean.
 */
final class BitableFixture {
  static final String APP_TOKEN = "bascnFixture01";
  static final String TABLE_ID = "tblFixture01";
  static final String VIEW_ID = "vewAll01";

  /** Field name, type, formatter (numbers only), expected java.sql.Types. */
  static final Object[][] FIELDS = {
      {"Name", 1, null, Types.VARCHAR},
      {"Amount", 2, "0.00", Types.DECIMAL},
      {"Score", 2, null, Types.DOUBLE},
      {"Status", 3, null, Types.VARCHAR},
      {"Tags", 4, null, Types.VARCHAR},
      {"Due", 5, null, Types.TIMESTAMP},
      {"Done", 7, null, Types.BOOLEAN},
      {"Owner", 11, null, Types.VARCHAR},
      {"Phone", 13, null, Types.VARCHAR},
      {"Site", 15, null, Types.VARCHAR},
      {"Files", 17, null, Types.VARCHAR},
      {"Related", 18, null, Types.VARCHAR},
      {"Lookup", 19, null, Types.VARCHAR},
      {"Formula", 20, null, Types.VARCHAR},
      {"Twin", 21, null, Types.VARCHAR},
      {"Place", 22, null, Types.VARCHAR},
      {"Team", 23, null, Types.VARCHAR},
      {"Created", 1001, null, Types.TIMESTAMP},
      {"Modified", 1002, null, Types.TIMESTAMP},
      {"Creator", 1003, null, Types.VARCHAR},
      {"Editor", 1004, null, Types.VARCHAR},
      {"No", 1005, null, Types.VARCHAR},
      {"备注", 1, null, Types.VARCHAR},
  };

  final FakeBitableServer.Table table;
  /** Expected rows, in record order, one value per field of {@link #FIELDS}. */
  final List<Object[]> rows = new ArrayList<>();
  final List<String> recordIds = new ArrayList<>();

  static final long DUE_BASE = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  BitableFixture(FakeBitableServer server, int n, long seed) {
    table = server.addTable(APP_TOKEN, TABLE_ID, "Fixture");
    table.views.add(VIEW_ID);
    for (int i = 0; i < FIELDS.length; i++) {
      ObjectNode f = FakeBitableServer.JSON.createObjectNode();
      f.put("field_id", "fld" + i);
      f.put("field_name", (String) FIELDS[i][0]);
      f.put("type", (Integer) FIELDS[i][1]);
      f.put("ui_type", "x");
      f.put("is_primary", i == 0);
      ObjectNode prop = f.putObject("property");
      if (FIELDS[i][2] != null) {
        prop.put("formatter", (String) FIELDS[i][2]);
      }
      table.fields.add(f);
    }
    Random r = new Random(seed);
    long base = server.now;
    for (int i = 0; i < n; i++) {
      server.now = base + i * 1000L;
      Object[] row = new Object[FIELDS.length];
      StringBuilder json = new StringBuilder("{");
      // Name: two text segments, the second a mention
      row[0] = "item-" + i;
      json.append("\"Name\":[{\"type\":\"text\",\"text\":\"item-\"},{\"type\":\"mention\",\"text\":\"")
          .append(i).append("\"}]");
      long cents = r.nextInt(2_000_000) - 500_000;
      row[1] = BigDecimal.valueOf(cents, 2);
      json.append(",\"Amount\":").append(row[1]);
      if (i % 7 != 3) {
        double score = r.nextInt(10_000) / 8.0;
        row[2] = score;
        json.append(",\"Score\":").append(score);
      }
      if (i % 5 != 0) {
        row[3] = new String[] {"todo", "doing", "done"}[r.nextInt(3)];
        json.append(",\"Status\":\"").append(row[3]).append('"');
      }
      if (i % 4 != 1) {
        String tags = "[\"t" + r.nextInt(5) + "\",\"t" + (5 + r.nextInt(5)) + "\"]";
        row[4] = tags;
        json.append(",\"Tags\":").append(tags);
      }
      if (i % 6 != 2) {
        long due = DUE_BASE + (long) r.nextInt(400) * 3_600_000L * 7;
        row[5] = due;
        json.append(",\"Due\":").append(due);
      }
      row[6] = r.nextBoolean();
      if ((Boolean) row[6]) {
        json.append(",\"Done\":true"); // absent when false, as the service does
      }
      row[7] = "[{\"id\":\"ou_" + (i % 13) + "\",\"name\":\"User " + (i % 13) + "\"}]";
      json.append(",\"Owner\":").append(row[7]);
      if (i % 3 == 0) {
        row[8] = "+86 138 0000 " + String.format("%04d", i % 10_000);
        json.append(",\"Phone\":\"").append(row[8]).append('"');
      }
      row[9] = "https://example.com/item/" + i;
      json.append(",\"Site\":{\"link\":\"").append(row[9]).append("\",\"text\":\"item ")
          .append(i).append("\"}");
      if (i % 10 == 0) {
        row[10] = "[{\"file_token\":\"box" + i + "\",\"name\":\"f" + i + ".pdf\",\"size\":"
            + (1000 + i) + "}]";
        json.append(",\"Files\":").append(row[10]);
      }
      row[11] = "{\"link_record_ids\":[\"recL" + (i % 50) + "\"]}";
      json.append(",\"Related\":").append(row[11]);
      row[12] = "{\"type\":1,\"value\":[{\"text\":\"L" + i + "\",\"type\":\"text\"}]}";
      json.append(",\"Lookup\":").append(row[12]);
      row[13] = "{\"type\":2,\"value\":[" + (i * 2) + "]}";
      json.append(",\"Formula\":").append(row[13]);
      if (i % 9 == 0) {
        row[14] = "{\"link_record_ids\":[\"recT" + i + "\"]}";
        json.append(",\"Twin\":").append(row[14]);
      }
      if (i % 11 == 0) {
        row[15] = "{\"location\":\"116.39,39.9\",\"name\":\"Place " + i
            + "\",\"full_address\":\"Beijing " + i + "\"}";
        json.append(",\"Place\":").append(row[15]);
      }
      row[16] = "[{\"id\":\"oc_" + (i % 3) + "\",\"name\":\"Team " + (i % 3) + "\"}]";
      json.append(",\"Team\":").append(row[16]);
      // Created / Modified are stamped by the server (= server.now)
      row[17] = server.now;
      row[18] = server.now;
      row[19] = "[{\"id\":\"ou_c\",\"name\":\"Creator\"}]";
      json.append(",\"Creator\":").append(row[19]);
      row[20] = "{\"id\":\"ou_e" + (i % 2) + "\",\"name\":\"Editor\"}";
      json.append(",\"Editor\":").append(row[20]);
      row[21] = String.format("%05d", i + 1);
      json.append(",\"No\":\"").append(row[21]).append('"');
      if (i % 2 == 0) {
        row[22] = "备注 " + i + " \"quoted\"";
        json.append(",\"备注\":[{\"type\":\"text\",\"text\":\"备注 ").append(i)
            .append(" \\\"quoted\\\"\"}]");
      }
      json.append('}');
      recordIds.add(server.add(table, (ObjectNode) parse(json.toString())));
      rows.add(row);
    }
    server.now = base + n * 1000L;
  }

  static JsonNode parse(String json) {
    try {
      return FakeBitableServer.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
