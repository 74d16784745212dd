<#--
  DDL: CREATE [SOURCE|SINK] TABLE, CREATE [OR REPLACE] VIEW, CREATE [kind] INDEX and the
  matching DROPs. Calcite's SqlCreate()/SqlDrop() rules consume CREATE [OR REPLACE] / DROP
  and call these with the span and the OR REPLACE flag (config.fmpp lists them).
-->

SqlCreate VelariaCreateTable(Span s, boolean replace) :
{
    SqlCreateVelariaTable.TableKind kind = SqlCreateVelariaTable.TableKind.TABLE;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlColumnDeclaration> columns = new ArrayList<SqlColumnDeclaration>();
    final List<String> primaryKey = new ArrayList<String>();
    String format = null;
    LinkedHashMap<String, Object> opts = new LinkedHashMap<String, Object>();
    SqlNode query = null;
}
{
    [
        <SOURCE> { kind = SqlCreateVelariaTable.TableKind.SOURCE; }
    |
        <SINK> { kind = SqlCreateVelariaTable.TableKind.SINK; }
    ]
    <TABLE> ifNotExists = VelariaIfNotExists() name = CompoundIdentifier()
    [ VelariaTableElements(columns, primaryKey) ]
    [ <USING> format = VelariaWord() ]
    [ <OPTIONS> opts = VelariaColonOptions() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        if (replace) {
            throw VelariaParserSupport.error(s.end(this), "CREATE OR REPLACE is not supported for tables");
        }
        return new SqlCreateVelariaTable(s.end(this), kind, ifNotExists, name, columns,
            primaryKey, format, opts, query);
    }
}

/** ( column | table constraint, ... ) */
void VelariaTableElements(List<SqlColumnDeclaration> columns, List<String> primaryKey) :
{
}
{
    <LPAREN>
    VelariaTableElement(columns, primaryKey)
    ( <COMMA> VelariaTableElement(columns, primaryKey) )*
    <RPAREN>
}

void VelariaTableElement(List<SqlColumnDeclaration> columns, List<String> primaryKey) :
{
    final SqlNodeList ids;
}
{
    [ <CONSTRAINT> SimpleIdentifier() ]
    (
        <PRIMARY> <KEY> ids = ParenthesizedSimpleIdentifierList() {
            for (SqlNode id : ids) {
                primaryKey.add(((SqlIdentifier) id).getSimple());
            }
        }
    |
        // Accepted for compatibility; the engine does not enforce uniqueness.
        <UNIQUE> ParenthesizedSimpleIdentifierList()
    )
|
    VelariaColumn(columns, primaryKey)
}

/** name type [NOT NULL | NULL | PRIMARY KEY | UNIQUE | DEFAULT value]* in any order. */
void VelariaColumn(List<SqlColumnDeclaration> columns, List<String> primaryKey) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    boolean primary = false;
    SqlNode defaultValue = null;
}
{
    id = SimpleIdentifier() type = DataType()
    (
        <NOT> <NULL> { nullable = false; }
    |
        <NULL>
    |
        <PRIMARY> <KEY> { primary = true; nullable = false; }
    |
        <UNIQUE>
    |
        // Only a literal or a primary expression: a full expression would try to read a
        // following NOT NULL as "NOT IN"/"NOT LIKE".
        <DEFAULT_>
        (
            LOOKAHEAD(1) defaultValue = NumericLiteral()
        |
            defaultValue = Expression3(ExprContext.ACCEPT_SUB_QUERY)
        )
    )*
    {
        columns.add(new SqlColumnDeclaration(id.getParserPosition(), id.getSimple(),
            type.withNullable(nullable), nullable, defaultValue, primary));
        if (primary) {
            primaryKey.add(id.getSimple());
        }
    }
}

SqlCreate VelariaCreateView(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columnList = null;
    final SqlNode query;
}
{
    <VIEW> ifNotExists = VelariaIfNotExists() name = CompoundIdentifier()
    [ columnList = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateVelariaView(s.end(this), replace, ifNotExists, name,
            VelariaParserSupport.names(columnList), query);
    }
}

SqlCreate VelariaCreateIndex(Span s, boolean replace) :
{
    SqlCreateVelariaIndex.IndexKind kind = SqlCreateVelariaIndex.IndexKind.PLAIN;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<String> columns = new ArrayList<String>();
    String using = null;
    LinkedHashMap<String, Object> with = new LinkedHashMap<String, Object>();
}
{
    [
        <UNIQUE> { kind = SqlCreateVelariaIndex.IndexKind.UNIQUE; }
    |
        <KEYWORD> { kind = SqlCreateVelariaIndex.IndexKind.KEYWORD; }
    |
        <VECTOR> { kind = SqlCreateVelariaIndex.IndexKind.VECTOR; }
    |
        <EMBEDDING> { kind = SqlCreateVelariaIndex.IndexKind.EMBEDDING; }
    ]
    <INDEX> ifNotExists = VelariaIfNotExists() name = CompoundIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> VelariaIndexColumn(columns) ( <COMMA> VelariaIndexColumn(columns) )* <RPAREN>
    [ <USING> using = VelariaWord() ]
    [ <WITH> with = VelariaEqOptions() ]
    {
        if (replace) {
            throw VelariaParserSupport.error(s.end(this), "CREATE OR REPLACE is not supported for indexes");
        }
        return new SqlCreateVelariaIndex(s.end(this), kind, ifNotExists, name, table, columns,
            using, with);
    }
}

/** An index column; a sort direction is accepted and dropped (indexes here are unordered). */
void VelariaIndexColumn(List<String> columns) :
{
    final SqlIdentifier id;
}
{
    id = SimpleIdentifier() [ <ASC> | <DESC> ] { columns.add(id.getSimple()); }
}

SqlDrop VelariaDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    [ <SOURCE> | <SINK> ]
    <TABLE> ifExists = VelariaIfExists() name = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    { return new SqlDropVelariaTable(s.end(this), ifExists, name, cascade); }
}

SqlDrop VelariaDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    boolean cascade = false;
}
{
    <VIEW> ifExists = VelariaIfExists() name = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> ]
    { return new SqlDropVelariaView(s.end(this), ifExists, name, cascade); }
}

SqlDrop VelariaDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <INDEX> ifExists = VelariaIfExists() name = CompoundIdentifier()
    { return new SqlDropVelariaIndex(s.end(this), ifExists, name); }
}

/** REINDEX [name]: plain indexes are no-ops, so this only checks the name. */
SqlNode VelariaReindex() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <REINDEX> { s = span(); } [ name = CompoundIdentifier() ]
    { return new SqlReindex(s.end(this), name); }
}
