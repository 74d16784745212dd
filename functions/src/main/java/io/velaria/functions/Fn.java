package io.velaria.functions;

import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function definition: name, aliases, signatures, NULL behaviour, determinism and a per-row
 * body. Built fluently and registered with one line in {@link FunctionRegistry}:
 *
 * <pre>{@code
 * add(Fn.string("UPPER").sig(VARCHAR, VARCHAR).strings(Strings::upper, Strings::upperAscii));
 * }</pre>
 */
public final class Fn {
  /** The JDBC function group ({@code DatabaseMetaData.get*Functions}). */
  public enum Category { STRING, NUMERIC, TIMEDATE, SYSTEM }

  final String name;
  final Category category;
  final List<String> aliases = new ArrayList<>();
  final List<Sig> sigs = new ArrayList<>();
  final Map<Integer, Shapes.Preparer> preparers = new HashMap<>();
  boolean strict = true;
  boolean deterministic = true;
  boolean nullableResult;
  boolean sqlOperator = true;
  boolean engineBuiltin;
  String doc = "";
  Shapes.Binder binder;

  private Fn(String name, Category category) {
    this.name = name;
    this.category = category;
  }

  public static Fn string(String name) {
    return new Fn(name, Category.STRING);
  }

  public static Fn numeric(String name) {
    return new Fn(name, Category.NUMERIC);
  }

  public static Fn date(String name) {
    return new Fn(name, Category.TIMEDATE);
  }

  public static Fn system(String name) {
    return new Fn(name, Category.SYSTEM);
  }

  /** A function the engine evaluates itself (listed for metadata and docs only). */
  public static Fn engine(String name, Category category) {
    Fn f = new Fn(name, category);
    f.engineBuiltin = true;
    f.sqlOperator = false;
    return f;
  }

  public String name() {
    return name;
  }

  public Category category() {
    return category;
  }

  public List<String> aliases() {
    return Collections.unmodifiableList(aliases);
  }

  public String doc() {
    return doc;
  }

  public boolean isDeterministic() {
    return deterministic;
  }

  /** Signatures as text, e.g. {@code SUBSTR(<VARCHAR>, <BIGINT>) -> VARCHAR}. */
  public List<String> signatures() {
    List<String> out = new ArrayList<>();
    for (Sig s : sigs) {
      out.add(s.display(name) + " -> " + (s.result == Arg.NUMERIC ? "same as argument 1"
          : s.result.sqlName()));
    }
    return out;
  }

  public Fn alias(String... names) {
    Collections.addAll(aliases, names);
    return this;
  }

  /** A signature: result type, then argument types. */
  public Fn sig(Arg result, Arg... args) {
    sigs.add(new Sig(result, args, false));
    return this;
  }

  /** A signature whose last argument type repeats (one or more times). */
  public Fn varargs(Arg result, Arg... args) {
    sigs.add(new Sig(result, args, true));
    return this;
  }

  public Fn doc(String text) {
    this.doc = text;
    return this;
  }

  /** The result may be NULL when no argument is (e.g. no regex match). */
  public Fn nullableResult() {
    this.nullableResult = true;
    return this;
  }

  /** Called for rows with NULL arguments too (reads {@link In#isNull}). */
  public Fn nonStrict() {
    this.strict = false;
    return this;
  }

  /** Gives a different result per call (NOW): never folded, evaluated once per query. */
  public Fn nonDeterministic() {
    this.deterministic = false;
    return this;
  }

  /** Calcite parses this name with its own syntax (TRIM, SUBSTRING ... FROM, POSITION ... IN). */
  public Fn parsedByCalcite() {
    this.sqlOperator = false;
    return this;
  }

  /** Pre-processes string argument {@code arg} (once if constant); read with {@link In#prepared}. */
  public Fn prepare(int arg, Shapes.Preparer p) {
    preparers.put(arg, p);
    return this;
  }

  public Fn longs(Shapes.LongUnary f) {
    return bind(b -> Kernel.longs(f));
  }

  public Fn longs(Shapes.LongBinary f) {
    return bind(b -> Kernel.longs(f));
  }

  public Fn doubles(Shapes.DoubleUnary f) {
    return bind(b -> Kernel.doubles(f));
  }

  public Fn doubles(Shapes.DoubleBinary f) {
    return bind(b -> Kernel.doubles(f));
  }

  public Fn strings(Shapes.StringUnary f) {
    return bind(b -> Kernel.strings(f, null));
  }

  /** With an ASCII variant, used for batches whose strings are all ASCII. */
  public Fn strings(Shapes.StringUnary f, Shapes.StringUnary ascii) {
    return bind(b -> Kernel.strings(f, ascii));
  }

  public Fn stringToLong(Shapes.StringToLong f, Shapes.StringToLong ascii) {
    return bind(b -> Kernel.stringToLong(f, ascii));
  }

  public Fn row(Shapes.RowFunction f) {
    return bind(b -> Kernel.row(f));
  }

  /** Type-dependent functions: choose a kernel from the call's argument types. */
  public Fn bind(Shapes.Binder b) {
    this.binder = b;
    return this;
  }

  /** The best signature for the argument types, or null. */
  Sig match(List<DataType> types) {
    Sig best = null;
    int bestCost = Integer.MAX_VALUE;
    for (Sig s : sigs) {
      int c = s.cost(types);
      if (c >= 0 && c < bestCost) {
        best = s;
        bestCost = c;
      }
    }
    return best;
  }

  String expected(String calledName) {
    List<String> forms = new ArrayList<>();
    for (Sig s : sigs) {
      forms.add(s.display(calledName));
    }
    return String.join(" or ", forms);
  }

  static DataType resultType(Arg a, List<DataType> args) {
    switch (a) {
      case BIGINT: return DataType.BIGINT;
      case DOUBLE: return DataType.DOUBLE;
      case BOOLEAN: return DataType.BOOLEAN;
      case DATE: return DataType.DATE;
      case TIMESTAMP: return DataType.TIMESTAMP;
      case VECTOR: return DataType.vectorOfAnyDimension();
      case NUMERIC: return args.isEmpty() ? DataType.DOUBLE : args.get(0);
      default: return DataType.VARCHAR;
    }
  }
}
