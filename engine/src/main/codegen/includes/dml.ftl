<#--
  SQLite's upsert spellings. Both become Calcite's SqlInsert with the UPSERT keyword, which
  DmlExecutor runs as "replace the rows whose primary key matches, insert the others".
  INSERT OR REPLACE INTO comes from a patch of SqlInsertKeywords() (patch-parser.xml).
-->

/** REPLACE INTO t [(cols)] query: the same as INSERT OR REPLACE INTO. */
SqlNode VelariaReplaceInto() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    <REPLACE> { s = span(); } <INTO> table = CompoundTableIdentifier()
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlInsert(s.end(source),
            new SqlNodeList(List.of(SqlInsertKeyword.UPSERT.symbol(s.pos())), s.pos()),
            table, source, columns);
    }
}
