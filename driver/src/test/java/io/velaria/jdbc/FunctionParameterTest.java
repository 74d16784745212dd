package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Functions whose arguments are PreparedStatement parameters (Calcite cannot type some). */
public class FunctionParameterTest {
  private static long one(PreparedStatement p) throws Exception {
    try (ResultSet rs = p.executeQuery()) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void positionInParameter() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:mem:")) {
      String[][] cases = {{"c", "abcabc"}, {"bc", "xbc"}, {"é", "caféé"}, {"z", "abc"},
          {"", "abc"}};
      try (PreparedStatement p = c.prepareStatement("SELECT POSITION(? IN ?)");
          PreparedStatement q = c.prepareStatement("SELECT POSITION('c' IN ?)");
          PreparedStatement r = c.prepareStatement("SELECT POSITION(?, 'xbcbc')");
          PreparedStatement f = c.prepareStatement("SELECT POSITION(? IN 'abcabc' FROM ?)")) {
        assertEquals(2, p.getParameterMetaData().getParameterCount());
        for (String[] k : cases) {
          p.setString(1, k[0]);
          p.setString(2, k[1]);
          // expected: 1-based code point index as Java computes it, 0 when absent
          int at = k[1].indexOf(k[0]);
          long expected = at < 0 ? 0 : k[1].codePointCount(0, at) + 1;
          assertEquals(expected, one(p), k[0] + " in " + k[1]);
        }
        q.setString(1, "xxc");
        assertEquals(3, one(q));
        r.setString(1, "bc");
        assertEquals(2, one(r));
        f.setString(1, "b");
        f.setInt(2, 3);
        assertEquals(5, one(f));
        p.setString(1, null);
        p.setString(2, "abc");
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          rs.getLong(1);
          assertTrue(rs.wasNull());
        }
      }
    }
  }
}
