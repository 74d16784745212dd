package io.velaria.jdbc;

import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import org.apache.calcite.avatica.util.Cursor;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

/**
 * Reads one column of the cursor's current batch at the current row, straight from the
 * column's primitive array. Subclasses implement the reads native to their type; everything
 * else is derived here, or fails with SQLState 22018 as JDBC's conversion table says.
 * Primitive getters return 0/false for NULL and object getters null; each read records
 * {@code wasNull}.
 */
abstract class ColumnAccessor implements Cursor.Accessor {
  protected final BatchCursor cursor;
  protected final int index;
  protected final DataType type;

  ColumnAccessor(BatchCursor cursor, int index, DataType type) {
    this.cursor = cursor;
    this.index = index;
    this.type = type;
  }

  protected final Column column() {
    return cursor.batch().column(index);
  }

  protected final int row() {
    return cursor.row();
  }

  /** True if the current value is NULL; records it for {@link #wasNull()}. */
  protected final boolean isNull() {
    boolean n = column().isNull(row());
    cursor.wasNull = n;
    return n;
  }

  protected final SQLException cannot(String to) {
    return Errors.conversion(type.sqlName(), to);
  }

  // ---- reads a subclass provides where its type allows; called only for non-NULL values ----

  protected long longValue() throws SQLException {
    throw cannot("a whole number");
  }

  protected double doubleValue() throws SQLException {
    return decimalValue().doubleValue();
  }

  protected BigDecimal decimalValue() throws SQLException {
    throw cannot("DECIMAL");
  }

  protected boolean booleanValue() throws SQLException {
    throw cannot("BOOLEAN");
  }

  protected LocalDate dateValue() throws SQLException {
    throw cannot("DATE");
  }

  protected LocalTime timeValue() throws SQLException {
    throw cannot("TIME");
  }

  protected LocalDateTime timestampValue() throws SQLException {
    throw cannot("TIMESTAMP");
  }

  protected byte[] bytesValue() throws SQLException {
    throw cannot("bytes");
  }

  protected float[] vectorValue() throws SQLException {
    throw cannot("a vector");
  }

  protected abstract String stringValue() throws SQLException;

  /** The value as {@code getObject()} returns it (see {@link JdbcTypes#javaClass}). */
  protected abstract Object objectValue() throws SQLException;

  // ---- JDBC getters ----

  @Override
  public boolean wasNull() {
    return cursor.wasNull;
  }

  @Override
  public String getString() throws SQLException {
    return isNull() ? null : stringValue();
  }

  @Override
  public String getNString() throws SQLException {
    return getString();
  }

  @Override
  public boolean getBoolean() throws SQLException {
    return !isNull() && booleanValue();
  }

  @Override
  public long getLong() throws SQLException {
    return isNull() ? 0 : longValue();
  }

  @Override
  public int getInt() throws SQLException {
    return (int) ranged(Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
  }

  @Override
  public short getShort() throws SQLException {
    return (short) ranged(Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
  }

  @Override
  public byte getByte() throws SQLException {
    return (byte) ranged(Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
  }

  private long ranged(long min, long max, String to) throws SQLException {
    long v = getLong();
    if (v < min || v > max) {
      throw new SQLException("value " + v + " is out of range for " + to, "22003");
    }
    return v;
  }

  @Override
  public double getDouble() throws SQLException {
    return isNull() ? 0 : doubleValue();
  }

  @Override
  public float getFloat() throws SQLException {
    return (float) getDouble();
  }

  @Override
  public BigDecimal getBigDecimal() throws SQLException {
    return isNull() ? null : decimalValue();
  }

  @Override
  public BigDecimal getBigDecimal(int scale) throws SQLException {
    BigDecimal v = getBigDecimal();
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes() throws SQLException {
    return isNull() ? null : bytesValue();
  }

  @Override
  public Object getObject() throws SQLException {
    return isNull() ? null : objectValue();
  }

  @Override
  public Object getObject(Map<String, Class<?>> map) throws SQLException {
    return getObject();
  }

  @Override
  public Date getDate(Calendar calendar) throws SQLException {
    if (isNull()) {
      return null;
    }
    LocalDate d = dateValue();
    ZoneId zone = zone(calendar);
    return zone == null ? Date.valueOf(d)
        : new Date(d.atStartOfDay(zone).toInstant().toEpochMilli());
  }

  @Override
  public Time getTime(Calendar calendar) throws SQLException {
    if (isNull()) {
      return null;
    }
    LocalDateTime t = LocalDate.EPOCH.atTime(timeValue());
    ZoneId zone = zone(calendar);
    return new Time(t.atZone(zone == null ? ZoneId.systemDefault() : zone).toInstant()
        .toEpochMilli());
  }

  @Override
  public Timestamp getTimestamp(Calendar calendar) throws SQLException {
    if (isNull()) {
      return null;
    }
    LocalDateTime t = timestampValue();
    ZoneId zone = zone(calendar);
    return zone == null ? Timestamp.valueOf(t) : Timestamp.from(t.atZone(zone).toInstant());
  }

  /** The calendar's zone, or null when it is the JVM's (then the plain valueOf conversions apply). */
  private static ZoneId zone(Calendar calendar) {
    if (calendar == null || calendar.getTimeZone().hasSameRules(java.util.TimeZone.getDefault())) {
      return null;
    }
    return calendar.getTimeZone().toZoneId();
  }

  @Override
  public Array getArray() throws SQLException {
    throw cannot("ARRAY");
  }

  @Override
  public <T> T getObject(Class<T> target) throws SQLException {
    if (target == null) {
      throw new SQLException("type must not be null", "HY009");
    }
    if (isNull()) {
      return null;
    }
    return target.cast(convert(target));
  }

  /** Converts the current, non-NULL value to the class {@code getObject(i, Class)} asked for. */
  private Object convert(Class<?> t) throws SQLException {
    if (t == String.class) {
      return stringValue();
    } else if (t == Integer.class) {
      return getInt();
    } else if (t == Long.class) {
      return longValue();
    } else if (t == Short.class) {
      return getShort();
    } else if (t == Byte.class) {
      return getByte();
    } else if (t == Double.class) {
      return doubleValue();
    } else if (t == Float.class) {
      return (float) doubleValue();
    } else if (t == BigDecimal.class) {
      return decimalValue();
    } else if (t == BigInteger.class) {
      return decimalValue().toBigInteger();
    } else if (t == Boolean.class) {
      return booleanValue();
    } else if (t == LocalDate.class) {
      return dateValue();
    } else if (t == LocalTime.class) {
      return timeValue();
    } else if (t == LocalDateTime.class) {
      return timestampValue();
    } else if (t == OffsetDateTime.class) {
      return timestampValue().atOffset(ZoneOffset.UTC);
    } else if (t == ZonedDateTime.class) {
      return timestampValue().atZone(ZoneOffset.UTC);
    } else if (t == Instant.class) {
      return timestampValue().toInstant(ZoneOffset.UTC);
    } else if (t == Date.class) {
      return getDate(null);
    } else if (t == Time.class) {
      return getTime(null);
    } else if (t == Timestamp.class || t == java.util.Date.class) {
      return getTimestamp(null);
    } else if (t == byte[].class) {
      return bytesValue();
    } else if (t == float[].class) {
      return vectorValue();
    } else if (t == Array.class) {
      return getArray();
    }
    Object value = objectValue();
    if (t.isInstance(value)) {
      return value;
    }
    throw cannot(t.getName());
  }

  // ---- streams and LOBs, derived from strings and bytes ----

  @Override
  public InputStream getAsciiStream() throws SQLException {
    String s = getString();
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream getUnicodeStream() throws SQLException {
    String s = getString();
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    byte[] b = getBytes();
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    String s = getString();
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream() throws SQLException {
    return getCharacterStream();
  }

  @Override
  public Blob getBlob() throws SQLException {
    byte[] b = getBytes();
    return b == null ? null : new SerialBlob(b);
  }

  @Override
  public Clob getClob() throws SQLException {
    String s = getString();
    return s == null ? null : new SerialClob(s.toCharArray());
  }

  @Override
  public NClob getNClob() throws SQLException {
    throw cannot("NCLOB");
  }

  @Override
  public Ref getRef() throws SQLException {
    throw cannot("REF");
  }

  @Override
  public Struct getStruct() throws SQLException {
    throw cannot("STRUCT");
  }

  @Override
  public URL getURL() throws SQLException {
    String s = getString();
    try {
      return s == null ? null : new java.net.URI(s).toURL();
    } catch (Exception e) {
      throw Errors.conversion(type.sqlName(), "URL", e);
    }
  }

  @Override
  public SQLXML getSQLXML() throws SQLException {
    throw cannot("SQLXML");
  }

  // Unsigned types are an Avatica extension; Velaria has none, so convert from signed values.

  @Override
  public UByte getUByte() throws SQLException {
    return isNull() ? null : UByte.valueOf(longValue());
  }

  @Override
  public UShort getUShort() throws SQLException {
    return isNull() ? null : UShort.valueOf((int) longValue());
  }

  @Override
  public UInteger getUInt() throws SQLException {
    return isNull() ? null : UInteger.valueOf(longValue());
  }

  @Override
  public ULong getULong() throws SQLException {
    return isNull() ? null : ULong.valueOf(longValue());
  }
}
