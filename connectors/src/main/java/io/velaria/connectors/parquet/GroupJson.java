package io.velaria.connectors.parquet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Renders nested Parquet values as JSON text: LIST groups as arrays, MAP groups as objects,
 * other groups as objects, repeated fields as arrays; dates, times and timestamps as ISO text,
 * decimals as numbers, binary as base64.
 */
final class GroupJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final StringWriter out = new StringWriter();

  /** Field {@code index} of {@code parent} as JSON, or null when it has no value. */
  String render(Group parent, int index) {
    Type t = parent.getType().getType(index);
    int n = parent.getFieldRepetitionCount(index);
    if (n == 0 && !t.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    out.getBuffer().setLength(0);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      field(g, parent, index, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Floats of a list-of-numbers field, or null when NULL. */
  static float[] vector(Group parent, int index) {
    Type t = parent.getType().getType(index);
    if (parent.getFieldRepetitionCount(index) == 0) {
      return t.isRepetition(Type.Repetition.REPEATED) ? new float[0] : null;
    }
    if (t.isPrimitive()) { // repeated primitive
      int n = parent.getFieldRepetitionCount(index);
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = number(parent, index, i, t.asPrimitiveType());
      }
      return v;
    }
    Group list = parent.getGroup(index, 0);
    Type rep = list.getType().getType(0);
    int n = list.getFieldRepetitionCount(0);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      if (rep.isPrimitive()) {
        v[i] = number(list, 0, i, rep.asPrimitiveType());
      } else {
        Group e = list.getGroup(0, i);
        v[i] = e.getFieldRepetitionCount(0) == 0 ? Float.NaN
            : number(e, 0, 0, e.getType().getType(0).asPrimitiveType());
      }
    }
    return v;
  }

  private static float number(Group g, int f, int i, PrimitiveType p) {
    switch (p.getPrimitiveTypeName()) {
      case FLOAT: return g.getFloat(f, i);
      case DOUBLE: return (float) g.getDouble(f, i);
      case INT32: return g.getInteger(f, i);
      default: return g.getLong(f, i);
    }
  }

  private void field(JsonGenerator g, Group parent, int index, Type t) throws IOException {
    int n = parent.getFieldRepetitionCount(index);
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      g.writeStartArray();
      for (int i = 0; i < n; i++) {
        value(g, parent, index, i, t);
      }
      g.writeEndArray();
    } else if (n == 0) {
      g.writeNull();
    } else {
      value(g, parent, index, 0, t);
    }
  }

  private void value(JsonGenerator g, Group parent, int index, int i, Type t)
      throws IOException {
    if (t.isPrimitive()) {
      primitive(g, parent, index, i, t.asPrimitiveType());
      return;
    }
    Group v = parent.getGroup(index, i);
    GroupType gt = t.asGroupType();
    LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && gt.getFieldCount() == 1
        && gt.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      Type rep = gt.getType(0);
      g.writeStartArray();
      int n = v.getFieldRepetitionCount(0);
      for (int k = 0; k < n; k++) {
        if (!rep.isPrimitive() && rep.asGroupType().getFieldCount() == 1) {
          Group e = v.getGroup(0, k);
          Type et = rep.asGroupType().getType(0);
          if (e.getFieldRepetitionCount(0) == 0) {
            g.writeNull();
          } else {
            value(g, e, 0, 0, et);
          }
        } else {
          value(g, v, 0, k, rep);
        }
      }
      g.writeEndArray();
      return;
    }
    if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation)
        && gt.getFieldCount() == 1 && !gt.getType(0).isPrimitive()
        && gt.getType(0).asGroupType().getFieldCount() == 2) {
      g.writeStartObject();
      int n = v.getFieldRepetitionCount(0);
      for (int k = 0; k < n; k++) {
        Group kv = v.getGroup(0, k);
        g.writeFieldName(kv.getValueToString(0, 0));
        Type vt = kv.getType().getType(1);
        if (kv.getFieldRepetitionCount(1) == 0) {
          g.writeNull();
        } else {
          value(g, kv, 1, 0, vt);
        }
      }
      g.writeEndObject();
      return;
    }
    g.writeStartObject();
    for (int f = 0; f < gt.getFieldCount(); f++) {
      g.writeFieldName(gt.getFieldName(f));
      field(g, v, f, gt.getType(f));
    }
    g.writeEndObject();
  }

  private static void primitive(JsonGenerator g, Group parent, int index, int i,
      PrimitiveType p) throws IOException {
    ParquetField m = ParquetField.primitive(p);
    Object raw;
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN: raw = parent.getBoolean(index, i); break;
      case INT32: raw = parent.getInteger(index, i); break;
      case INT64: raw = parent.getLong(index, i); break;
      case FLOAT: raw = parent.getFloat(index, i); break;
      case DOUBLE: raw = parent.getDouble(index, i); break;
      case INT96: raw = parent.getInt96(index, i); break;
      default: raw = parent.getBinary(index, i); break;
    }
    Object v = m.engineValue(raw);
    switch (m.type.kind()) {
      case BOOLEAN: g.writeBoolean((Boolean) v); return;
      case DOUBLE:
      case REAL: g.writeNumber((Double) v); return;
      case DECIMAL:
        g.writeNumber(java.math.BigDecimal.valueOf((Long) v, m.type.scale()));
        return;
      case DATE: g.writeString(LocalDate.ofEpochDay((Long) v).toString()); return;
      case TIME: g.writeString(LocalTime.ofNanoOfDay((Long) v * 1_000_000L).toString()); return;
      case TIMESTAMP:
        g.writeString(java.time.LocalDateTime.ofEpochSecond(Math.floorDiv((Long) v, 1000L),
            (int) Math.floorMod((Long) v, 1000L) * 1_000_000, java.time.ZoneOffset.UTC)
            .toString());
        return;
      case VARCHAR: g.writeString((String) v); return;
      case VARBINARY: g.writeString(Base64.getEncoder().encodeToString((byte[]) v)); return;
      default: g.writeNumber(((Number) v).longValue());
    }
  }
}
