<#--
  Small building blocks shared by Velaria's statements: names, literal values and the three
  option-list shapes (OPTIONS(k: v), WITH (k = v), COPY's (KEY value)).
  Note: "options" is a JavaCC reserved word, so no variable here is called that.
-->

/** A name that may also be a reserved word (RANGE, ESCAPE, NULL ... are ordinary option
 * names), lower-cased because option keys, formats and metrics are case-insensitive. */
String VelariaName() :
{
    final SqlIdentifier id;
    final String word;
}
{
    id = SimpleIdentifier() { return id.getSimple().toLowerCase(Locale.ROOT); }
|
    LOOKAHEAD({ VelariaParserSupport.isWord(getToken(1).image) })
    word = VelariaAnyWord() { return word.toLowerCase(Locale.ROOT); }
}

/** Consumes one token whatever its kind; only reached after the caller checked it is a word. */
JAVACODE
String VelariaAnyWord() {
    return getNextToken().image;
}

/** A word or a quoted string, lower-cased: USING csv, METRIC 'cosine', FUSION rrf. */
String VelariaWord() :
{
    final String w;
}
{
    (
        w = VelariaString()
    |
        w = VelariaName()
    )
    { return w.toLowerCase(Locale.ROOT); }
}

/** A character string literal as a Java string (continued literals are joined). */
String VelariaString() :
{
    final SqlNode e;
}
{
    e = StringLiteral() { return VelariaParserSupport.stringValue(e); }
}

/** A literal turned into its Java value: String, Long, BigDecimal, Boolean or null. */
Object VelariaLiteralValue() :
{
    final SqlNode e;
}
{
    (
        e = StringLiteral()
    |
        e = NumericLiteral()
    |
        e = SpecialLiteral()
    )
    { return VelariaParserSupport.literalValue(e); }
}

/** A literal, or a bare word taken as a lower-case string (WITH (metric = cosine)). */
Object VelariaValue() :
{
    final Object v;
}
{
    (
        v = VelariaLiteralValue()
    |
        v = VelariaName()
    )
    { return v; }
}

/** An option key: a name or a quoted string, lower-cased. */
String VelariaOptionKey() :
{
    final String k;
}
{
    (
        k = VelariaString()
    |
        k = VelariaName()
    )
    { return k.toLowerCase(Locale.ROOT); }
}

/** OPTIONS(key: value, ...) of CREATE TABLE: values are literals. */
LinkedHashMap<String, Object> VelariaColonOptions() :
{
    final LinkedHashMap<String, Object> map = new LinkedHashMap<String, Object>();
}
{
    <LPAREN>
    [ VelariaColonOption(map) ( <COMMA> VelariaColonOption(map) )* ]
    <RPAREN>
    { return map; }
}

void VelariaColonOption(Map<String, Object> map) :
{
    final String k;
    final Object v;
}
{
    k = VelariaOptionKey() <COLON> v = VelariaLiteralValue() { map.put(k, v); }
}

/** WITH (key = value, ...) of CREATE INDEX and START STREAM. */
LinkedHashMap<String, Object> VelariaEqOptions() :
{
    final LinkedHashMap<String, Object> map = new LinkedHashMap<String, Object>();
}
{
    <LPAREN>
    [ VelariaEqOption(map) ( <COMMA> VelariaEqOption(map) )* ]
    <RPAREN>
    { return map; }
}

void VelariaEqOption(Map<String, Object> map) :
{
    final String k;
    final Object v;
}
{
    k = VelariaOptionKey() <EQ> v = VelariaValue() { map.put(k, v); }
}

/** (KEY value, ...) of COPY, in DuckDB/PostgreSQL style: no separator between key and value. */
LinkedHashMap<String, Object> VelariaSpaceOptions() :
{
    final LinkedHashMap<String, Object> map = new LinkedHashMap<String, Object>();
}
{
    <LPAREN>
    [ VelariaSpaceOption(map) ( <COMMA> VelariaSpaceOption(map) )* ]
    <RPAREN>
    { return map; }
}

void VelariaSpaceOption(Map<String, Object> map) :
{
    final String k;
    final Object v;
}
{
    k = VelariaOptionKey() v = VelariaValue() { map.put(k, v); }
}

/** A non-negative whole number that fits a long (window sizes in milliseconds). */
long VelariaLong() :
{
}
{
    <UNSIGNED_INTEGER_LITERAL> {
        try {
            return Long.parseLong(token.image);
        } catch (NumberFormatException ex) {
            throw SqlUtil.newContextException(getPos(),
                RESOURCE.invalidLiteral(token.image, Long.class.getCanonicalName()));
        }
    }
}

/** A number (signed, any scale) as a double: SCORE_THRESHOLD. */
double VelariaDouble() :
{
    final SqlLiteral n;
}
{
    n = NumericLiteral() { return n.bigDecimalValue().doubleValue(); }
}

/** Optional IF NOT EXISTS. IF is non-reserved, so look three tokens ahead. */
boolean VelariaIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Optional IF EXISTS. */
boolean VelariaIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Velaria's type names, tried before Calcite's own (config.fmpp dataTypeParserMethods). */
SqlTypeNameSpec VelariaTypeName() :
{
    final int dim;
}
{
    ( <STRING> | <TEXT> ) { return new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, getPos()); }
|
    <INT64> { return new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, getPos()); }
|
    <BOOL> { return new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, getPos()); }
|
    <VECTOR> <LPAREN> dim = UnsignedIntLiteral() <RPAREN> {
        return new SqlVectorTypeNameSpec(dim, getPos());
    }
}
