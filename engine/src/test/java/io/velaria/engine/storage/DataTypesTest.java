package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.type.DataType;
import io.velaria.engine.type.DataTypes;
import io.velaria.engine.type.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTypesTest {
  @Test
  void parsesEverySqlNameBack() {
    List<DataType> all = List.of(DataType.BOOLEAN, DataType.TINYINT, DataType.SMALLINT,
        DataType.INTEGER, DataType.BIGINT, DataType.REAL, DataType.DOUBLE,
        DataType.decimal(10, 2), DataType.decimal(18, 0), DataType.chars(5), DataType.VARCHAR,
        DataType.varchar(30), DataType.DATE, DataType.TIME, DataType.TIMESTAMP,
        DataType.VARBINARY, DataType.varbinary(16), DataType.vector(384), DataType.NULL);
    for (DataType t : all) {
      assertEquals(t, DataTypes.parse(t.sqlName()), t.sqlName());
    }
  }

  @Test
  void ignoresCaseAndSpaces() {
    assertEquals(DataType.decimal(12, 3), DataTypes.parse(" decimal ( 12 , 3 ) "));
    assertEquals(DataType.varchar(7), DataTypes.parse("VarChar(7)"));
    assertEquals(DataType.vector(3), DataTypes.parse("vector(3)"));
    assertEquals(TypeKind.DECIMAL, DataTypes.parse("DECIMAL").kind());
    assertEquals(DataType.decimal(9, 0), DataTypes.parse("DECIMAL(9)"));
  }

  @Test
  void rejectsJunkClearly() {
    for (String junk : List.of("", "FOO", "VARCHAR(", "INTEGER(3)", "VECTOR", "VECTOR(0)",
        "DECIMAL(40,2)", "VARCHAR(1,2)", "BIGINT BIGINT", "VARCHAR(99999999999)")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> DataTypes.parse(junk), junk);
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), junk);
    }
    assertThrows(IllegalArgumentException.class, () -> DataTypes.parse(null));
  }
}
