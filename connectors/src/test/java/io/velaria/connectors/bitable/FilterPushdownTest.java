package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.ColumnPredicate.Op;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterPushdownTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static BitableField field(String name, int type, String formatter) throws Exception {
    return BitableField.of(M.readTree("{\"field_id\":\"f\",\"field_name\":\"" + name
        + "\",\"type\":" + type + ",\"property\":"
        + (formatter == null ? "null" : "{\"formatter\":\"" + formatter + "\"}") + "}"));
  }

  private static List<String> conditions(List<ColumnPredicate> ps) throws Exception {
    List<BitableField> fields = List.of(field("t", 1, null), field("n", 2, null),
        field("d", 2, "0.00"), field("when", 5, null), field("ok", 7, null), field("tags", 4, null));
    List<DataType> types = new ArrayList<>();
    fields.forEach(f -> types.add(FieldTypes.sqlType(f)));
    List<String> out = new ArrayList<>();
    for (JsonNode c : FilterPushdown.conditions(ps, fields, types)) {
      out.add(c.path("field_name").asText() + " " + c.path("operator").asText() + " "
          + c.path("value"));
    }
    return out;
  }

  private static ColumnPredicate p(int col, Op op, Object... v) {
    return new ColumnPredicate(col, op, List.of(v));
  }

  @Test
  void mapsWhatTheApiCanSay() throws Exception {
    assertEquals(List.of(
        "t is [\"a\"]", "t isNot [\"b\"]", "n isLess [\"2.5\"]", "n isGreaterEqual [\"10\"]",
        "d is [\"12.30\"]", "t isEmpty []", "tags isNotEmpty []"),
        conditions(List.of(p(0, Op.EQ, "a"), p(0, Op.NE, "b"), p(1, Op.LT, 2.5),
            p(1, Op.GE, 10.0), p(2, Op.EQ, 1230L), p(0, Op.IS_NULL), p(5, Op.IS_NOT_NULL))));
  }

  @Test
  void datesAreWidenedByADayBecauseTheApiComparesDays() throws Exception {
    long t = 1_767_225_600_000L;
    assertEquals(List.of("when isGreaterEqual [\"ExactDate\",\"" + (t - 86_400_000L) + "\"]",
        "when isLessEqual [\"ExactDate\",\"" + (t + 86_400_000L) + "\"]"),
        conditions(List.of(p(3, Op.GT, t), p(3, Op.LE, t), p(3, Op.EQ, t))));
  }

  @Test
  void leavesTheRestToTheEngine() throws Exception {
    assertEquals(List.of(), conditions(List.of(p(0, Op.LT, "m"), p(0, Op.IN, "a", "b"),
        p(4, Op.EQ, true), p(4, Op.IS_NULL), p(5, Op.EQ, "[\"x\"]"), p(1, Op.EQ, Double.NaN))));
  }

  @Test
  void numberFormattersDecideDecimal() throws Exception {
    assertEquals(DataType.DOUBLE, FieldTypes.sqlType(field("a", 2, null)));
    assertEquals(DataType.decimal(18, 2), FieldTypes.sqlType(field("a", 2, "0.00")));
    assertEquals(DataType.decimal(18, 0), FieldTypes.sqlType(field("a", 2, "1,000")));
    assertEquals(DataType.decimal(18, 2), FieldTypes.sqlType(field("a", 2, "1,000.00")));
    assertEquals(DataType.DOUBLE, FieldTypes.sqlType(field("a", 2, "0.00%")));
    assertEquals(DataType.TIMESTAMP, FieldTypes.sqlType(field("a", 1002, null)));
    assertEquals(DataType.BOOLEAN, FieldTypes.sqlType(field("a", 7, null)));
    assertEquals(DataType.VARCHAR, FieldTypes.sqlType(field("a", 4, null)));
  }
}
