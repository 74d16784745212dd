package io.velaria.functions;

/**
 * Prints the function reference of docs/functions.md from the registry (signatures, aliases,
 * meaning), so the page cannot drift from the code.
 */
public final class FunctionDocs {
  private FunctionDocs() {}

  public static void main(String[] args) {
    for (Fn.Category c : Fn.Category.values()) {
      System.out.println("### " + title(c) + "\n");
      System.out.println("| function | signatures | meaning |");
      System.out.println("|---|---|---|");
      for (Fn f : FunctionRegistry.all()) {
        if (f.category() != c || !Character.isLetter(f.name().charAt(0))) {
          continue;
        }
        String name = f.name();
        for (String a : f.aliases()) {
          name += ", " + (a.equals("CURRENTTIMESTAMP") ? "currentTimestamp" : a);
        }
        String sigs = f.engineBuiltin ? "(engine)" : String.join("<br>", f.signatures())
            .replace("|", "\\|");
        System.out.println("| " + name + " | `" + sigs.replace("<br>", "`<br>`") + "` | "
            + f.doc().replace("|", "\\|") + (f.isDeterministic() ? "" : " (once per statement)")
            + " |");
      }
      System.out.println();
    }
  }

  private static String title(Fn.Category c) {
    switch (c) {
      case STRING: return "String functions";
      case NUMERIC: return "Numeric functions";
      case TIMEDATE: return "Date and time functions";
      default: return "Other";
    }
  }
}
