package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bitable table: its schema comes from the fields API when the table is opened (so a wrong
 * token, id or credential fails the CREATE); every read pages through records/search with
 * projection ({@code field_names}) and pushed-down conditions ({@code filter}).
 */
public final class BitableTable implements ConnectorTable {
  private final String name;
  private final BitableOptions options;
  private final BitableClient client;
  /** Per column: the field it reads and its SQL type. */
  private final List<BitableField> fields;
  private final List<ColumnDef> columns;
  /** Every field of the remote table, also those no column reads. */
  private final List<BitableField> remoteFields;
  private volatile int lastConditions = -1;
  private volatile int lastPages = -1;

  private BitableTable(String name, BitableOptions options, BitableClient client,
      List<BitableField> fields, List<ColumnDef> columns, List<BitableField> remoteFields) {
    this.remoteFields = remoteFields;
    this.name = name;
    this.options = options;
    this.client = client;
    this.fields = fields;
    this.columns = columns;
  }

  static BitableTable open(TableSpec spec) {
    BitableOptions o = BitableOptions.parse(spec);
    Credentials.App app = Credentials.resolve(o.credentials());
    return open(spec, o, new BitableClient(o, app));
  }

  static BitableTable open(TableSpec spec, BitableOptions o, BitableClient client) {
    String context = "opening table '" + spec.tableName() + "' (table_id " + o.tableId() + ")";
    List<BitableField> remote = client.fields(context);
    List<BitableField> fields = new ArrayList<>();
    List<ColumnDef> columns = new ArrayList<>();
    if (spec.declaredColumns().isEmpty()) {
      for (BitableField f : remote) {
        fields.add(f);
        columns.add(column(f.name(), f, FieldTypes.sqlType(f)));
      }
    } else {
      for (ColumnDef d : spec.declaredColumns()) {
        BitableField f = find(remote, d.name(), o);
        DataType natural = FieldTypes.sqlType(f);
        boolean numeric = natural.kind().isNumeric() && d.type().kind().isNumeric();
        if (d.type().kind() != natural.kind() && !d.type().kind().isString() && !numeric) {
          throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + d.name()
              + "' is declared " + d.type().sqlName() + " but Bitable field '" + f.name()
              + "' (type " + f.type() + ") reads as " + natural.sqlName()
              + " (or VARCHAR" + (natural.kind().isNumeric() ? ", or another number type" : "")
              + ")");
        }
        fields.add(f);
        columns.add(column(d.name(), f, d.type()));
      }
    }
    return new BitableTable(spec.tableName(), o, client, List.copyOf(fields),
        List.copyOf(columns), List.copyOf(remote));
  }

  /**
   * Every column may be NULL as far as INSERT is concerned (a checkbox left out is false), even
   * though a checkbox never reads as NULL.
   */
  private static ColumnDef column(String name, BitableField f, DataType type) {
    return ColumnDef.of(name, type);
  }

  private static BitableField find(List<BitableField> remote, String name, BitableOptions o) {
    for (BitableField f : remote) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    List<String> names = new ArrayList<>();
    remote.forEach(f -> names.add(f.name()));
    throw new VelariaException(BitableErrors.FDW_INVALID_COLUMN_NAME, "column '" + name
        + "' is not a field of Bitable table " + o.tableId() + "; its fields are " + names);
  }

  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  List<BitableField> fields() {
    return fields;
  }

  List<BitableField> remoteFields() {
    return remoteFields;
  }

  BitableClient client() {
    return client;
  }

  BitableOptions options() {
    return options;
  }

  String name() {
    return name;
  }

  @Override
  public long estimatedRowCount() {
    return -1;
  }

  @Override
  public BatchReader read(ReadRequest request) {
    List<DataType> types = new ArrayList<>();
    columns.forEach(c -> types.add(c.type()));
    List<ObjectNode> conditions = FilterPushdown.conditions(request.predicates(), fields, types);
    lastConditions = conditions.size();
    ObjectNode body = searchBody(request.columns(), conditions);
    long limit = request.predicates().isEmpty() ? request.limit() : -1;
    return new BitableReader(this, request.columns(), body, limit);
  }

  /** The records/search body: view, projected field names, filter. */
  ObjectNode searchBody(int[] projection, List<ObjectNode> conditions) {
    ObjectNode body = BitableClient.json().createObjectNode();
    if (options.viewId() != null) {
      body.put("view_id", options.viewId());
    }
    ArrayNode names = body.putArray("field_names");
    for (int c : projection) {
      names.add(fields.get(c).name());
    }
    if (projection.length == 0 && !fields.isEmpty()) {
      names.add(primaryField().name()); // COUNT(*): ask for as little as possible
    }
    if (!conditions.isEmpty()) {
      ObjectNode filter = body.putObject("filter");
      filter.put("conjunction", "and");
      filter.putArray("conditions").addAll(conditions);
    }
    return body;
  }

  private BitableField primaryField() {
    for (BitableField f : fields) {
      if (f.primary()) {
        return f;
      }
    }
    return fields.get(0);
  }

  void pagesRead(int pages) {
    lastPages = pages;
  }

  /** Never shows the secret: the credentials option is only a reference. */
  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("bitable base_url=").append(options.baseUrl())
        .append(" app_token=").append(options.appToken())
        .append(" table_id=").append(options.tableId());
    if (options.viewId() != null) {
      sb.append(" view_id=").append(options.viewId());
    }
    sb.append(" credentials=").append(options.credentials())
        .append(" fields=").append(fields.size());
    if (lastConditions >= 0) {
      sb.append(" remote_conditions=").append(lastConditions).append(" (last scan)");
    }
    if (lastPages >= 0) {
      sb.append(" pages=").append(lastPages).append(" (last scan)");
    }
    return sb.toString();
  }
}
