<#--
  KEYWORD SEARCH / HYBRID SEARCH after a top-level query, and the short EXPLAIN form.
  VelariaQueryWithSearch is tried first in SqlStmt(); without a search clause it returns the
  query exactly as Calcite's OrderedQueryOrExpr parsed it.
-->

SqlNode VelariaQueryWithSearch() :
{
    SqlNode query;
    final SqlNode ordered;
    final SqlSearchQuery.Builder b = new SqlSearchQuery.Builder();
}
{
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    (
        ( VelariaKeywordSearch(b) [ VelariaHybridSearch(b) ] | VelariaHybridSearch(b) )
        // ORDER BY / LIMIT may also follow the search clauses; they rank the searched rows.
        ordered = OrderByLimitOpt(query)
        {
            if (ordered != query && query instanceof SqlOrderBy) {
                throw SqlUtil.newContextException(ordered.getParserPosition(),
                    RESOURCE.illegalOrderBy());
            }
            return b.build(query.getParserPosition().plus(getPos()), ordered);
        }
    |
        { return query; }
    )
}

/** KEYWORD SEARCH(col, ...) QUERY 'text'|? [TOP_K n] */
void VelariaKeywordSearch(SqlSearchQuery.Builder b) :
{
    SqlIdentifier id;
    int n;
}
{
    <KEYWORD> <SEARCH> <LPAREN>
    id = SimpleIdentifier() { b.keywordColumns.add(id.getSimple()); }
    ( <COMMA> id = SimpleIdentifier() { b.keywordColumns.add(id.getSimple()); } )*
    <RPAREN>
    <QUERY> ( b.keywordQuery = VelariaString() | b.keywordParam = DynamicParam() )
    [ <TOP_K> n = UnsignedIntLiteral() { b.keywordTopK = n; } ]
}

/**
 * HYBRID SEARCH col QUERY [TEXT] 'q'|? [METRIC m] [TOP_K n] [EF_SEARCH n] [SCORE_THRESHOLD x]
 * [FUSION f]
 */
void VelariaHybridSearch(SqlSearchQuery.Builder b) :
{
    SqlIdentifier id;
    int n;
    double d;
}
{
    <HYBRID> <SEARCH> id = SimpleIdentifier() { b.vectorColumn = id.getSimple(); }
    <QUERY> [ <TEXT> { b.vectorQueryIsText = true; } ]
    ( b.vectorQuery = VelariaString() | b.vectorParam = DynamicParam() )
    [ <METRIC> b.metric = VelariaWord() ]
    [ <TOP_K> n = UnsignedIntLiteral() { b.vectorTopK = n; } ]
    [ <EF_SEARCH> n = UnsignedIntLiteral() { b.efSearch = n; } ]
    [ <SCORE_THRESHOLD> d = VelariaDouble() { b.scoreThreshold = d; } ]
    [ <FUSION> b.fusion = VelariaWord() ]
}

/** EXPLAIN [PLAN [level] [depth] [AS format] FOR] statement. Calcite only knows the long form. */
SqlNode VelariaExplain() :
{
    final Span s;
    final SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
    SqlExplainFormat format = SqlExplainFormat.TEXT;
}
{
    <EXPLAIN> { s = span(); }
    [
        LOOKAHEAD(1)
        <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        [
            LOOKAHEAD(2) <AS> <XML> { format = SqlExplainFormat.XML; }
        |
            LOOKAHEAD(2) <AS> <JSON> { format = SqlExplainFormat.JSON; }
        |
            <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
        ]
        <FOR>
    ]
    stmt = VelariaExplainable()
    {
        return new SqlExplain(s.end(this), stmt,
            detailLevel.symbol(SqlParserPos.ZERO),
            depth.symbol(SqlParserPos.ZERO),
            format.symbol(SqlParserPos.ZERO),
            nDynamicParams);
    }
}

SqlNode VelariaExplainable() :
{
    final SqlNode stmt;
}
{
    (
        stmt = VelariaQueryWithSearch()
    |
        stmt = SqlInsert()
    |
        stmt = SqlDelete()
    |
        stmt = SqlUpdate()
    |
        stmt = SqlMerge()
    |
        stmt = VelariaStartStream()
    )
    { return stmt; }
}
