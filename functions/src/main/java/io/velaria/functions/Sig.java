package io.velaria.functions;

import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** One signature of a function: argument types (the last may repeat) and the result type. */
public final class Sig {
  final Arg result;
  final Arg[] args;
  final boolean varargs;

  Sig(Arg result, Arg[] args, boolean varargs) {
    this.result = result;
    this.args = args;
    this.varargs = varargs;
  }

  /** The declared type of argument {@code i} of a call. */
  Arg arg(int i) {
    return i < args.length ? args[i] : args[args.length - 1];
  }

  /** Total conversion cost of passing {@code types}, or -1 if this signature does not apply. */
  int cost(List<DataType> types) {
    int n = types.size();
    if (varargs ? n < args.length : n != args.length) {
      return -1;
    }
    int total = 0;
    for (int i = 0; i < n; i++) {
      DataType t = types.get(i);
      if (t == null) {
        return -1;
      }
      int c = arg(i).cost(t);
      if (c < 0) {
        return -1;
      }
      total += c;
    }
    return total;
  }

  String display(String name) {
    List<String> parts = new ArrayList<>();
    for (Arg a : args) {
      parts.add("<" + a.sqlName() + ">");
    }
    if (varargs) {
      parts.add("...");
    }
    return name + "(" + String.join(", ", parts) + ")";
  }
}
