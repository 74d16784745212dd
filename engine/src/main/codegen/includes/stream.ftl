<#--
  Streams (START STREAM / STOP STREAM), COPY ... TO, and the WINDOW BY clause that
  patch-parser.xml splices into Calcite's SqlSelect() between WHERE and GROUP BY.
-->

SqlNode VelariaStartStream() :
{
    final Span s;
    final SqlIdentifier name;
    LinkedHashMap<String, Object> with = new LinkedHashMap<String, Object>();
    final SqlNode insert;
}
{
    <START> { s = span(); } <STREAM> name = CompoundIdentifier()
    [ <WITH> with = VelariaEqOptions() ]
    <AS> insert = SqlInsert()
    { return new SqlStartStream(s.end(this), name, with, insert); }
}

SqlNode VelariaStopStream() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <STOP> { s = span(); } <STREAM> name = CompoundIdentifier()
    { return new SqlStopStream(s.end(this), name); }
}

/** COPY (query) TO 'path' [(KEY value, ...)] and COPY table TO 'path' [(...)]. */
SqlNode VelariaCopyTo() :
{
    final Span s;
    SqlNode query = null;
    SqlIdentifier table = null;
    final String path;
    LinkedHashMap<String, Object> opts = new LinkedHashMap<String, Object>();
}
{
    <COPY> { s = span(); }
    (
        <LPAREN> query = VelariaQueryWithSearch() <RPAREN>
    |
        table = CompoundIdentifier()
    )
    <TO> path = VelariaString()
    [ opts = VelariaSpaceOptions() ]
    { return new SqlCopyTo(s.end(this), query, table, path, opts); }
}

/** WINDOW BY ts EVERY ms [SLIDE ms] AS alias; SLIDE defaults to EVERY. */
SqlWindowBy VelariaWindowBy() :
{
    final Span s;
    final SqlIdentifier column;
    final long every;
    long slide;
    final SqlIdentifier alias;
}
{
    <WINDOW> { s = span(); } <BY> column = SimpleIdentifier()
    <EVERY> every = VelariaLong() { slide = every; }
    [ <SLIDE> slide = VelariaLong() ]
    <AS> alias = SimpleIdentifier()
    {
        if (every <= 0 || slide <= 0 || slide > every) {
            throw VelariaParserSupport.error(s.end(this),
                "WINDOW BY needs 0 < SLIDE <= EVERY, got EVERY " + every + " SLIDE " + slide);
        }
        return new SqlWindowBy(s.end(this), column.getSimple(), every, slide, alias.getSimple());
    }
}
