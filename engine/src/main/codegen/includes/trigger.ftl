<#--
  SQLite-style row triggers on managed tables:
    CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER] INSERT | DELETE | UPDATE [OF c, ...]
      ON table [FOR EACH ROW] [WHEN condition] BEGIN statement; ... END
    DROP TRIGGER [IF EXISTS] name
  NEW.col and OLD.col inside the body (and WHEN) name the changed row: NEW and OLD are
  reserved words in Calcite, so VelariaRowReference (tried before NEW udt(...), see
  patch-parser.xml) reads them as the compound identifiers NEW.col / OLD.col.
-->

SqlCreate VelariaCreateTrigger(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    String timing = "BEFORE";
    final String event;
    final List<SqlNode> ofColumns = new ArrayList<SqlNode>();
    final SqlIdentifier table;
    SqlNode when = null;
    final List<SqlNode> body = new ArrayList<SqlNode>();
    SqlNode stmt;
}
{
    <TRIGGER> ifNotExists = VelariaIfNotExists() name = CompoundIdentifier()
    [ <BEFORE> { timing = "BEFORE"; } | <AFTER> { timing = "AFTER"; } ]
    (
        <INSERT> { event = "INSERT"; }
    |
        <DELETE> { event = "DELETE"; }
    |
        <UPDATE> { event = "UPDATE"; }
        [ <OF> AddSimpleIdentifiers(ofColumns) ]
    )
    <ON> table = CompoundIdentifier()
    [ <FOR> <EACH> <ROW> ]
    [ <WHEN> when = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    <BEGIN>
    ( stmt = SqlStmt() <SEMICOLON> { body.add(stmt); } )+
    <END>
    {
        if (replace) {
            throw VelariaParserSupport.error(s.end(this), "CREATE OR REPLACE is not supported for triggers");
        }
        return new SqlCreateTrigger(s.end(this), ifNotExists, name, timing, event,
            ofColumns, table, when, body);
    }
}

SqlDrop VelariaDropTrigger(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <TRIGGER> ifExists = VelariaIfExists() name = CompoundIdentifier()
    { return new SqlDropTrigger(s.end(this), ifExists, name); }
}

/** NEW.col / OLD.col: the row a trigger fires for. */
SqlNode VelariaRowReference() :
{
    final String row;
    final Span s;
    final SqlIdentifier column;
}
{
    ( <NEW> { row = "NEW"; } | <OLD> { row = "OLD"; } ) { s = span(); }
    <DOT> column = SimpleIdentifier()
    { return new SqlIdentifier(List.of(row, column.getSimple()), s.end(this)); }
}
