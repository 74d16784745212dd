package io.velaria.connectors.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextParsersTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static int dec(String s, int p, int scale, long[] out) {
    byte[] x = b(s);
    return TextParsers.parseDecimal(x, 0, x.length, p, scale, out, 0);
  }

  @Test
  void longsAgainstTheJdk() {
    long[] out = new long[1];
    Random rnd = new Random(1);
    for (int i = 0; i < 20_000; i++) {
      long v = rnd.nextLong() >> rnd.nextInt(64);
      byte[] x = b(Long.toString(v));
      assertEquals(TextParsers.OK, TextParsers.parseLong(x, 0, x.length, out, 0));
      assertEquals(v, out[0]);
    }
    for (String bad : new String[] {"", "-", "+", "1.0", "1e3", "12a", " 1"}) {
      assertEquals(TextParsers.INVALID, TextParsers.parseLong(b(bad), 0, bad.length(), out, 0));
    }
    byte[] big = b("9223372036854775808");
    assertEquals(TextParsers.OUT_OF_RANGE, TextParsers.parseLong(big, 0, big.length, out, 0));
  }

  @Test
  void doublesAgainstTheJdk() {
    double[] out = new double[1];
    Random rnd = new Random(2);
    for (int i = 0; i < 20_000; i++) {
      String s;
      switch (i % 4) {
        case 0: s = Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 15)); break;
        case 1: s = (rnd.nextInt(2_000_000) - 1_000_000) + "." + rnd.nextInt(100_000); break;
        case 2: s = BigDecimal.valueOf(rnd.nextLong(), rnd.nextInt(25)).toPlainString(); break;
        default: s = "0.000" + rnd.nextInt(1000); break;
      }
      byte[] x = b(s);
      assertTrue(TextParsers.parseDouble(x, 0, x.length, out, 0, false), s);
      assertEquals(Double.parseDouble(s), out[0], s);
    }
    for (String bad : new String[] {"", ".", "-", "1.5f", "0x10", "1e", "nan"}) {
      assertFalse(TextParsers.parseDouble(b(bad), 0, bad.length(), out, 0, false), bad);
    }
  }

  @Test
  void decimalsAgainstBigDecimal() {
    long[] out = new long[1];
    Random rnd = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      int p = 1 + rnd.nextInt(18);
      int s = rnd.nextInt(p + 1);
      BigDecimal v = BigDecimal.valueOf(rnd.nextLong() % 1_000_000_000_000L, rnd.nextInt(12));
      String text = v.toPlainString();
      BigDecimal rounded = v.setScale(s, RoundingMode.HALF_UP);
      int r = dec(text, p, s, out);
      if (rounded.precision() - rounded.scale() > p - s && rounded.signum() != 0) {
        assertEquals(TextParsers.OUT_OF_RANGE, r, text + " DECIMAL(" + p + "," + s + ")");
      } else {
        assertEquals(TextParsers.OK, r, text + " DECIMAL(" + p + "," + s + ")");
        assertEquals(rounded.unscaledValue().longValueExact(), out[0], text);
      }
    }
    assertEquals(TextParsers.INVALID, dec("1.2.3", 10, 2, out));
    assertEquals(TextParsers.INVALID, dec("abc", 10, 2, out));
    assertEquals(TextParsers.OUT_OF_RANGE, dec("9.995", 3, 2, out));
    assertEquals(TextParsers.OK, dec("-9.994", 3, 2, out));
    assertEquals(-999, out[0]);
  }

  @Test
  void datesAgainstJavaTime() {
    long[] out = new long[1];
    for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2401; d = d.plusDays(17)) {
      byte[] x = b(d.toString());
      assertTrue(TextParsers.parseDate(x, 0, x.length, out, 0), d.toString());
      assertEquals(d.toEpochDay(), out[0]);
    }
    for (String bad : new String[] {"2023-02-29", "2024-00-10", "2024-1-32", "24-01-01",
        "2024/01/01", "2024-01-01x"}) {
      assertFalse(TextParsers.parseDate(b(bad), 0, bad.length(), out, 0), bad);
    }
    assertTrue(TextParsers.parseDate(b("2024-1-5"), 0, 8, out, 0));
    assertEquals(LocalDate.of(2024, 1, 5).toEpochDay(), out[0]);
  }

  @Test
  void timesTimestampsBooleansHexVectors() {
    long[] out = new long[1];
    byte[] t = b("23:59:59.9999");
    assertTrue(TextParsers.parseTime(t, 0, t.length, out, 0));
    assertEquals(86_399_999L, out[0]);
    byte[] bad = b("24:00:00");
    assertFalse(TextParsers.parseTime(bad, 0, bad.length, out, 0));
    byte[] ts = b("1969-12-31T23:59:59.5-01:00");
    assertTrue(TextParsers.parseTimestamp(ts, 0, ts.length, out, 0));
    assertEquals(3_599_500L, out[0]);
    for (String s : new String[] {"true", "T", "yes", "Y", "1", "TRUE"}) {
      assertEquals(1, TextParsers.parseBoolean(b(s), 0, s.length()), s);
    }
    for (String s : new String[] {"false", "f", "NO", "n", "0"}) {
      assertEquals(0, TextParsers.parseBoolean(b(s), 0, s.length()), s);
    }
    assertEquals(-1, TextParsers.parseBoolean(b("2"), 0, 1));
    assertEquals(null, TextParsers.parseHex(b("abc"), 0, 3));
    assertEquals(2, TextParsers.parseHex(b("0xFFee"), 0, 6).length);
    float[] v = new float[3];
    double[] scratch = new double[1];
    byte[] vec = b("[ 1, 2.5 ,-3e1 ]");
    assertEquals(3, TextParsers.parseVector(vec, 0, vec.length, v, 0, 3, scratch));
    assertEquals(-30f, v[2]);
    byte[] trailing = b("[1,2,]");
    assertEquals(-1, TextParsers.parseVector(trailing, 0, trailing.length, v, 0, 3, scratch));
  }
}
